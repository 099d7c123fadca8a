package dev.anneal.samples.tour;

import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CyclicLR(optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=4, mode='exp_range')}, as the
 * article writes it. With {@code gamma} left at its default of 1.0 the height never shrinks, so
 * this draws the same triangles as {@link CyclicTriangular}; {@link CyclicExpRangeDecaying} sets a
 * {@code gamma} below 1.
 */
@Schedule(
    type = ScheduleType.CYCLIC,
    baseLr = 1e-4,
    maxLr = 1e-3,
    stepSizeUp = 4,
    mode = Mode.EXP_RANGE)
final class CyclicExpRange {
  private CyclicExpRange() {}
}

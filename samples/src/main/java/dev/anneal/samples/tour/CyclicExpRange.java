package dev.anneal.samples.tour;

import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CyclicLR(optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=4, mode='exp_range',
 * gamma=0.95)}: the triangle's height shrinks by 5% every step. The article leaves {@code gamma}
 * at its default of 1.0, which draws the same triangles as {@link CyclicTriangular} and hides what
 * the mode does.
 */
@Schedule(
    type = ScheduleType.CYCLIC,
    baseLr = 1e-4,
    maxLr = 1e-3,
    stepSizeUp = 4,
    mode = Mode.EXP_RANGE,
    gamma = 0.95)
final class CyclicExpRange {
  private CyclicExpRange() {}
}

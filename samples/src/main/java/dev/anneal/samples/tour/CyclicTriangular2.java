package dev.anneal.samples.tour;

import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CyclicLR(optimizer, base_lr=1e-4, max_lr=1e-3, step_size_up=4, mode='triangular2')}: the
 * triangle's height halves every cycle.
 */
@Schedule(
    type = ScheduleType.CYCLIC,
    baseLr = 1e-4,
    maxLr = 1e-3,
    stepSizeUp = 4,
    mode = Mode.TRIANGULAR2)
final class CyclicTriangular2 {
  private CyclicTriangular2() {}
}

package dev.anneal.samples.train;

import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CyclicLR(optimizer, base_lr=PEAK_LR / 10, max_lr=PEAK_LR, step_size_up=4 epochs,
 * mode='triangular2')}: triangles whose height halves every cycle, with the momentum cycling
 * between 0.9 and 0.8 against the rate.
 */
@Schedule(
    type = ScheduleType.CYCLIC,
    baseLr = Plan.PEAK_LR / 10,
    maxLr = Plan.PEAK_LR,
    stepSizeUp = 4 * Plan.STEPS_PER_EPOCH,
    mode = Mode.TRIANGULAR2)
final class Triangular2 {
  private Triangular2() {}
}

package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code OneCycleLR(optimizer, max_lr=PEAK_LR, total_steps=TOTAL_STEPS)} with PyTorch's defaults
 * otherwise: the rate climbs from a 25th of the peak for 30% of the run and anneals far below the
 * start, while the momentum moves the opposite way between 0.95 and 0.85.
 */
@Schedule(type = ScheduleType.ONE_CYCLE, maxLr = Plan.PEAK_LR, totalSteps = Plan.TOTAL_STEPS)
final class OneCycle {
  private OneCycle() {}
}

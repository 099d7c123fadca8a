package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code LinearLR(optimizer, start_factor=0.5, total_iters=8)}: from half the rate to all of it in
 * 8 steps.
 */
@Schedule(type = ScheduleType.LINEAR, startFactor = 0.5, totalIters = 8)
final class LinearWarmup {
  private LinearWarmup() {}
}

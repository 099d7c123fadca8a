package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CosineAnnealingLR(optimizer, T_max=TOTAL_STEPS)}: from the peak down to zero over the run.
 */
@Schedule(type = ScheduleType.COSINE, tMax = Plan.TOTAL_STEPS)
final class Cosine {
  private Cosine() {}
}

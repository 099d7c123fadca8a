package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code StepLR(optimizer, step_size=TOTAL_STEPS / 3, gamma=0.3)}: the classic staircase, two drops
 * to 30% over the run.
 */
@Schedule(type = ScheduleType.STEP, stepSize = Plan.TOTAL_STEPS / 3, gamma = 0.3)
final class StepDecay {
  private StepDecay() {}
}

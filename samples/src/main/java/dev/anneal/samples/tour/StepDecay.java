package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** {@code StepLR(optimizer, step_size=4, gamma=0.5)}: halves the rate every 4 steps. */
@Schedule(type = ScheduleType.STEP, stepSize = 4, gamma = 0.5)
final class StepDecay {
  private StepDecay() {}
}

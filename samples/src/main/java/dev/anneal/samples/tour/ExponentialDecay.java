package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** {@code ExponentialLR(optimizer, gamma=0.5)}: halves the rate every step. */
@Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.5)
final class ExponentialDecay {
  private ExponentialDecay() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code MultiStepLR(optimizer, milestones=[8, 24, 28], gamma=0.5)}: halves the rate at each
 * milestone.
 */
@Schedule(
    type = ScheduleType.MULTI_STEP,
    milestones = {8, 24, 28},
    gamma = 0.5)
final class MultiStepDecay {
  private MultiStepDecay() {}
}

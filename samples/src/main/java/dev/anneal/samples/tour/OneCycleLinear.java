package dev.anneal.samples.tour;

import dev.anneal.AnnealStrategy;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code OneCycleLR(optimizer, max_lr=1e-3, steps_per_epoch=8, epochs=4,
 * anneal_strategy='linear')}: the one-cycle policy along straight lines.
 */
@Schedule(
    type = ScheduleType.ONE_CYCLE,
    maxLr = 1e-3,
    stepsPerEpoch = 8,
    epochs = 4,
    annealStrategy = AnnealStrategy.LINEAR)
final class OneCycleLinear {
  private OneCycleLinear() {}
}

package dev.anneal.samples.tour;

import dev.anneal.AnnealStrategy;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code OneCycleLR(optimizer, max_lr=1e-3, steps_per_epoch=8, epochs=4, anneal_strategy='cos')}:
 * up to the peak over the first 30% of the run, then down far below the start, along cosines.
 */
@Schedule(
    type = ScheduleType.ONE_CYCLE,
    maxLr = 1e-3,
    stepsPerEpoch = 8,
    epochs = 4,
    annealStrategy = AnnealStrategy.COS)
final class OneCycleCos {
  private OneCycleCos() {}
}

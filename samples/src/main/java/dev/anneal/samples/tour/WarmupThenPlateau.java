package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;

/**
 * Anneal's {@code @Warmup} in front of {@code ReduceLROnPlateau(optimizer, factor=0.5,
 * patience=3)}, which PyTorch cannot compose: 4 steps of linear warm-up from 0, during which the
 * metric is recorded but never cuts the rate, then the plateau logic from the initial rate, on the
 * synthetic validation loss of {@link PlateauDefaults}.
 */
@Warmup(steps = 4)
@Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 3)
final class WarmupThenPlateau {
  private WarmupThenPlateau() {}
}

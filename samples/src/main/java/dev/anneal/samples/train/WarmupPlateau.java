package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;

/**
 * Anneal's {@code @Warmup} in front of {@code ReduceLROnPlateau(optimizer, factor=0.5,
 * patience=5)}, stepped once per epoch with the validation loss as {@link Plateau} is: the first
 * two epochs rise from a tenth of the peak, their losses recorded but never cutting the rate,
 * then the plateau logic takes over from the peak. PyTorch cannot put a warm-up before
 * ReduceLROnPlateau (pytorch/pytorch#68978).
 */
@Warmup(steps = WarmupPlateau.WARMUP_EPOCHS, startFactor = 0.1)
@Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 5)
final class WarmupPlateau {
  /** Epochs of the warm-up. */
  static final int WARMUP_EPOCHS = 2;

  private WarmupPlateau() {}
}

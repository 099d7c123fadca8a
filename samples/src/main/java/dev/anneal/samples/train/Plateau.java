package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code ReduceLROnPlateau(optimizer, factor=0.5, patience=5)}, stepped once per epoch with the
 * validation loss: halves the rate after six epochs without improvement.
 */
@Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 5)
final class Plateau {
  private Plateau() {}
}

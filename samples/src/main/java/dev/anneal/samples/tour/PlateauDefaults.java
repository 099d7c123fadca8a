package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code ReduceLROnPlateau(optimizer)} with PyTorch's defaults: once the metric has not improved
 * for 10 steps ({@code patience}), the rate is multiplied by 0.1 ({@code factor}).
 */
@Schedule(type = ScheduleType.REDUCE_ON_PLATEAU)
final class PlateauDefaults {
  private PlateauDefaults() {}

  /**
   * A made-up validation loss for plotting without training: it falls along a parabola for 10 steps
   * and stays flat after, which is the plateau the scheduler reacts to.
   */
  static double syntheticValidationLoss(int step) {
    double remaining = Math.max(0.0, 1.0 - step / 10.0);
    return 0.25 + 0.75 * remaining * remaining;
  }
}

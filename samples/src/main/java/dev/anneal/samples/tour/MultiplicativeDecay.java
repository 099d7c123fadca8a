package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code MultiplicativeLR(optimizer, lr_lambda=lambda epoch: 0.95)}: the previous rate times a
 * factor, every step.
 */
@Schedule(type = ScheduleType.MULTIPLICATIVE, lrLambda = "factor")
final class MultiplicativeDecay {
  private MultiplicativeDecay() {}

  /** PyTorch's {@code lr_lambda}; the generated scheduler calls it with the step count. */
  static double factor(long epoch) {
    return 0.95;
  }
}

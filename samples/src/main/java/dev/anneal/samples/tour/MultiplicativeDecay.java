package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code MultiplicativeLR(optimizer, lr_lambda=lambda step: 0.995 ** step)}: the previous rate
 * times a factor of the step, every step. The factor shrinks, so the decay speeds up: the rate
 * follows {@code 0.995 ** (t * (t + 1) / 2)}, a half bell rather than an exponential.
 */
@Schedule(type = ScheduleType.MULTIPLICATIVE, lrLambda = "factor")
final class MultiplicativeDecay {
  private MultiplicativeDecay() {}

  /** PyTorch's {@code lr_lambda}; the generated scheduler calls it with the step count. */
  static double factor(long step) {
    return Math.pow(0.995, step);
  }
}

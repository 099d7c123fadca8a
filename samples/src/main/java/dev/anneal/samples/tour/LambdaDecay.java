package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code LambdaLR(optimizer, lr_lambda=lambda step: min((step + 1) / 4, 0.9 ** (step - 3)))}: the
 * initial rate times any function of the step, here a warm-up over 4 steps and then a decay, which
 * no single built-in schedule draws.
 */
@Schedule(type = ScheduleType.LAMBDA, lrLambda = "factor")
final class LambdaDecay {
  private LambdaDecay() {}

  /** PyTorch's {@code lr_lambda}; the generated scheduler calls it with the step count. */
  static double factor(long step) {
    return Math.min((step + 1) / 4.0, Math.pow(0.9, step - 3));
  }
}

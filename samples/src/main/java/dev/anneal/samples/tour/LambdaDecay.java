package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code LambdaLR(optimizer, lr_lambda=lambda epoch: 0.95 ** epoch)}: the initial rate times a
 * factor computed from the step.
 */
@Schedule(type = ScheduleType.LAMBDA, lrLambda = "factor")
final class LambdaDecay {
  private LambdaDecay() {}

  /** PyTorch's {@code lr_lambda}; the generated scheduler calls it with the step count. */
  static double factor(long epoch) {
    return Math.pow(0.95, epoch);
  }
}

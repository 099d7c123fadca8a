package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.PolynomialDecay}, a function of the optimizer's update
 * count {@code step}:
 *
 * <pre>
 * lr(step) = (initial_learning_rate - end_learning_rate) * (1 - s / d) ** power + end_learning_rate
 * </pre>
 *
 * where {@code s = min(step, decay_steps)} and {@code d = decay_steps}, or with {@code cycle},
 * {@code s = step} and {@code d = decay_steps * ceil(step / decay_steps)} (1 at step 0): each
 * cycle then decays from a lower rate than the last, as {@code d} grows while {@code s} is not
 * reset.
 */
public final class KerasPolynomialDecay {
  private KerasPolynomialDecay() {}

  /** The rate at {@code step} of a group whose initial rate is {@code initialLearningRate}. */
  public static double lr(int decaySteps, double endLearningRate, double power, boolean cycle,
      double initialLearningRate, long step) {
    double s = Steps.toDouble(step);
    double d = decaySteps;
    if (cycle) {
      d = d * (s == 0 ? 1.0 : Math.ceil(s / decaySteps));
    } else {
      s = Math.min(s, d);
    }
    double p = s / d;
    return (initialLearningRate - endLearningRate) * Math.pow(1 - p, power) + endLearningRate;
  }
}

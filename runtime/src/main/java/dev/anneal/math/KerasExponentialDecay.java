package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.ExponentialDecay}, a function of the optimizer's
 * update count {@code step}:
 *
 * <pre>
 * p = step / decay_steps            (floor(step / decay_steps) where staircase)
 * lr(step) = initial_learning_rate * decay_rate ** p
 * </pre>
 */
public final class KerasExponentialDecay {
  private KerasExponentialDecay() {}

  /** The rate at {@code step} of a group whose initial rate is {@code initialLearningRate}. */
  public static double lr(int decaySteps, double decayRate, boolean staircase, double initialLearningRate,
      long step) {
    double p = Steps.toDouble(step) / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate * Math.pow(decayRate, p);
  }
}

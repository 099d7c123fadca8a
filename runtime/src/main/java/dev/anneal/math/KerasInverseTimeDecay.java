package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.InverseTimeDecay}, a function of the optimizer's
 * update count {@code step}:
 *
 * <pre>
 * p = step / decay_steps            (floor(step / decay_steps) where staircase)
 * lr(step) = initial_learning_rate / (1 + decay_rate * p)
 * </pre>
 */
public final class KerasInverseTimeDecay {
  private KerasInverseTimeDecay() {}

  /** The rate at {@code step} of a group whose initial rate is {@code initialLearningRate}. */
  public static double lr(int decaySteps, double decayRate, boolean staircase, double initialLearningRate,
      long step) {
    double p = Steps.toDouble(step) / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate / (1.0 + decayRate * p);
  }
}

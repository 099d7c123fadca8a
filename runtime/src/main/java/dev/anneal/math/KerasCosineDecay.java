package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.CosineDecay}, a function of the optimizer's update
 * count {@code step}. Without {@code warmup_target}:
 *
 * <pre>
 * lr(step) = initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)
 * </pre>
 *
 * With it, a line from {@code initial_learning_rate} to {@code warmup_target} over
 * {@code warmup_steps}, then the same cosine from {@code warmup_target} over the next
 * {@code decay_steps} (which leave out the warm-up), {@code alpha} then a fraction of
 * {@code warmup_target}:
 *
 * <pre>
 * s = min(step, warmup_steps + decay_steps)
 * lr(step) = (warmup_target - initial_learning_rate) * (s / warmup_steps) + initial_learning_rate   if s &lt; warmup_steps
 *          = warmup_target * ((1 - alpha) * 0.5 * (1 + cos(pi * (s - warmup_steps) / decay_steps)) + alpha)   otherwise
 * </pre>
 */
public final class KerasCosineDecay {
  private KerasCosineDecay() {}

  /** The rate at {@code step} without a warm-up. */
  public static double lr(int decaySteps, double alpha, double initialLearningRate, long step) {
    double d = decaySteps;
    return decay(Math.min(Steps.toDouble(step), d), d, initialLearningRate, alpha);
  }

  /** The rate at {@code step} with a warm-up to {@code warmupTarget}. */
  public static double lr(int decaySteps, double alpha, double warmupTarget, int warmupSteps,
      double initialLearningRate, long step) {
    double d = decaySteps;
    double w = warmupSteps;
    double s = Math.min(Steps.toDouble(step), d + w);
    if (s < w) {
      return (warmupTarget - initialLearningRate) * (s / w) + initialLearningRate;
    }
    return decay(s - w, d, warmupTarget, alpha);
  }

  private static double decay(double s, double d, double from, double alpha) {
    double cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * (s / d)));
    double decayed = (1 - alpha) * cosineDecayed + alpha;
    return from * decayed;
  }
}

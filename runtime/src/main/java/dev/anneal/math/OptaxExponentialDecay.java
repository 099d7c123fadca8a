package dev.anneal.math;

/**
 * optax's {@code exponential_decay}, a function of the update count {@code count}:
 *
 * <pre>
 * d = count - transition_begin, p = d / transition_steps   (floor(p) where staircase)
 * value(count) = init_value                          if d &lt;= 0
 *              = init_value * decay_rate ** p          otherwise,
 * then bounded by end_value where given: from below where decay_rate &lt; 1, from above otherwise
 * </pre>
 *
 * <p>As the reference does, a {@code transition_steps <= 0} or a {@code decay_rate} of 0 gives
 * {@code init_value} at every count (end_value unread), and a negative {@code transition_begin}
 * counts as 0.
 */
public final class OptaxExponentialDecay {
  private OptaxExponentialDecay() {}

  /** The value at {@code count} without {@code end_value}. */
  public static double lr(int transitionSteps, double decayRate, int transitionBegin, boolean staircase,
      double initValue, long count) {
    if (transitionSteps <= 0 || decayRate == 0) {
      return initValue;
    }
    long decreased = count - Math.max(transitionBegin, 0);
    double p = Steps.toDouble(decreased) / transitionSteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return decreased <= 0 ? initValue : initValue * Math.pow(decayRate, p);
  }

  /** The value at {@code count}, bounded by {@code endValue}. */
  public static double lr(int transitionSteps, double decayRate, int transitionBegin, boolean staircase,
      double endValue, double initValue, long count) {
    double value = lr(transitionSteps, decayRate, transitionBegin, staircase, initValue, count);
    if (transitionSteps <= 0 || decayRate == 0) {
      return value;
    }
    return decayRate < 1.0 ? Math.max(value, endValue) : Math.min(value, endValue);
  }
}

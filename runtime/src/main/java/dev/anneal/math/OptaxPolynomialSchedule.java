package dev.anneal.math;

/**
 * optax's {@code polynomial_schedule}, a function of the update count {@code count}:
 *
 * <pre>
 * c = clip(count - transition_begin, 0, transition_steps)
 * value(count) = (init_value - end_value) * (1 - c / transition_steps) ** power + end_value
 * </pre>
 *
 * <p>As the reference does, a {@code transition_steps <= 0} gives {@code init_value} at every
 * count, and a negative {@code transition_begin} counts as 0.
 */
public final class OptaxPolynomialSchedule {
  private OptaxPolynomialSchedule() {}

  /** The value at {@code count}, {@code initValue} the reference's {@code init_value}. */
  public static double lr(double endValue, double power, int transitionSteps, int transitionBegin,
      double initValue, long count) {
    if (transitionSteps <= 0) {
      return initValue;
    }
    long begin = Math.max(transitionBegin, 0);
    long c = Math.min(Math.max(count - begin, 0L), transitionSteps);
    double frac = 1 - Steps.toDouble(c) / transitionSteps;
    return (initValue - endValue) * Math.pow(frac, power) + endValue;
  }
}

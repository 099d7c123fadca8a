package dev.anneal.math;

/**
 * optax's {@code linear_schedule}: {@link OptaxPolynomialSchedule} of power 1, from
 * {@code init_value} to {@code end_value} over {@code transition_steps} after
 * {@code transition_begin}, {@code init_value} throughout where {@code transition_steps <= 0}.
 */
public final class OptaxLinearSchedule {
  private OptaxLinearSchedule() {}

  /** The value at {@code count}, {@code initValue} the reference's {@code init_value}. */
  public static double lr(double endValue, int transitionSteps, int transitionBegin, double initValue, long count) {
    return OptaxPolynomialSchedule.lr(endValue, 1.0, transitionSteps, transitionBegin, initValue, count);
  }
}

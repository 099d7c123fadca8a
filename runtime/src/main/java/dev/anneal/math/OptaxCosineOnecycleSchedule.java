package dev.anneal.math;

import dev.anneal.OptaxInterpolateType;

/**
 * optax's {@code cosine_onecycle_schedule}: {@link OptaxPiecewiseInterpolateSchedule}, cosine,
 * from {@code peak_value / div_factor} with the dict
 *
 * <pre>
 * {int(pct_start * T): div_factor, T: 1 / (div_factor * final_div_factor)}
 * </pre>
 *
 * for {@code T = transition_steps} (see {@link OptaxOnecycle} for how the dict is read).
 */
public final class OptaxCosineOnecycleSchedule {
  private OptaxCosineOnecycleSchedule() {}

  /** The reference's ValueErrors, or null. */
  public static String refusal(int transitionSteps, double pctStart, double divFactor, double finalDivFactor) {
    if (transitionSteps <= 0) {
      return "A cosine onecycle schedule was set with a non-positive `transition_steps`: transition_steps = "
          + transitionSteps;
    }
    return OptaxOnecycle.negativeScale(scales(transitionSteps, pctStart, divFactor, finalDivFactor));
  }

  /** The boundaries of the schedule's dict, sorted. */
  public static int[] boundaries(int transitionSteps, double pctStart, double divFactor, double finalDivFactor) {
    return OptaxOnecycle.boundaries(keys(transitionSteps, pctStart), values(divFactor, finalDivFactor));
  }

  /** The scales of the schedule's dict, in the order of its boundaries. */
  public static double[] scales(int transitionSteps, double pctStart, double divFactor, double finalDivFactor) {
    return OptaxOnecycle.scales(keys(transitionSteps, pctStart), values(divFactor, finalDivFactor));
  }

  private static int[] keys(int transitionSteps, double pctStart) {
    return new int[] {OptaxOnecycle.truncated(pctStart, transitionSteps), transitionSteps};
  }

  private static double[] values(double divFactor, double finalDivFactor) {
    return new double[] {divFactor, 1.0 / (divFactor * finalDivFactor)};
  }

  /** The value at {@code count}, given the dict's {@code boundaries} and {@code scales}. */
  public static double lr(int[] boundaries, double[] scales, double divFactor, double peakValue, long count) {
    return OptaxOnecycle.lr(OptaxInterpolateType.COSINE, boundaries, scales, peakValue, divFactor, count);
  }
}

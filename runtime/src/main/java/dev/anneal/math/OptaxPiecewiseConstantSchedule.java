package dev.anneal.math;

/**
 * optax's {@code piecewise_constant_schedule}, a function of the update count {@code count}: from
 * {@code init_value}, each scale of {@code boundaries_and_scales} multiplied in from its boundary
 * on, in the order of the boundaries:
 *
 * <pre>
 * v = init_value
 * for (b, s) in sorted(boundaries_and_scales): i = 1 if count &lt; b else 0;  v = v * i + (1 - i) * s * v
 * </pre>
 *
 * <p>The boundaries and scales are two lists here, {@code boundaries} sorted (the processor sorts
 * them with their scales, as the reference sorts its dict).
 */
public final class OptaxPiecewiseConstantSchedule {
  private OptaxPiecewiseConstantSchedule() {}

  /** The reference's ValueError on a negative scale, or null. */
  public static String refusal(double[] scales) {
    for (double scale : scales) {
      if (!(scale >= 0.0)) {
        return "`piecewise_constant_schedule` expects non-negative scale factors: the scales of"
            + " boundaries_and_scales hold " + scale;
      }
    }
    return null;
  }

  /** The value at {@code count}, {@code boundaries} sorted. */
  public static double lr(int[] boundaries, double[] scales, double initValue, long count) {
    double v = initValue;
    for (int i = 0; i < boundaries.length; i++) {
      double indicator = count < boundaries[i] ? 1.0 : 0.0;
      v = v * indicator + (1 - indicator) * scales[i] * v;
    }
    return v;
  }
}

package dev.anneal.math;

import dev.anneal.OptaxInterpolateType;

/**
 * optax's {@code piecewise_interpolate_schedule}, a function of the update count {@code count}:
 * the values {@code v_0 = init_value}, {@code v_i = v_(i-1) * s_i} at the boundaries
 * {@code b_0 = 0}, {@code b_i} (sorted), interpolated between neighbours:
 *
 * <pre>
 * value(count) = interp(v_i, v_(i+1), (count - b_i) / max(b_(i+1) - b_i, 1))   for b_i &lt;= count &lt; b_(i+1)
 *              + v_last                                                          for b_last &lt;= count
 * linear: (end - start) * pct + start;  cosine: end + (start - end) / 2 * (cos(pi * pct) + 1)
 * </pre>
 *
 * <p>The interpolation runs between the products of the scales, not between the scales, as the
 * reference says. A first boundary of 0 or below leaves an empty first interval.
 */
public final class OptaxPiecewiseInterpolateSchedule {
  private OptaxPiecewiseInterpolateSchedule() {}

  /** The reference's ValueError on a negative scale, or null. */
  public static String refusal(double[] scales) {
    for (double scale : scales) {
      if (!(scale >= 0.0)) {
        return "`piecewise_interpolate_schedule` expects non-negative scale factors: the scales of"
            + " boundaries_and_scales hold " + scale;
      }
    }
    return null;
  }

  /** The value at {@code count}, {@code boundaries} sorted. */
  public static double lr(OptaxInterpolateType type, int[] boundaries, double[] scales, double initValue,
      long count) {
    double result = 0.0;
    long low = 0;
    double start = initValue;
    for (int i = 0; i < boundaries.length; i++) {
      long high = boundaries[i];
      double end = start * scales[i];
      if (low <= count && count < high) {
        double pct = Steps.toDouble(count - low) / Math.max(high - low, 1L);
        result += interpolate(type, start, end, pct);
      }
      low = high;
      start = end;
    }
    if (low <= count) {
      result += start;
    }
    return result;
  }

  static double interpolate(OptaxInterpolateType type, double start, double end, double pct) {
    if (type == OptaxInterpolateType.COSINE) {
      return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }
    return (end - start) * pct + start;
  }
}

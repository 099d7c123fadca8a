package dev.anneal.conformance;

/**
 * The passing rule of the conformance README: a value passes when
 * {@code |actual - expected| <= 1e-10 * |expected| + 1e-14 * peak}, where {@code peak} is the
 * largest {@code |expected|} of that group over the case.
 *
 * <p>The bound is loose enough for a closed form to agree with the reference's recurrence (they
 * differ by about 1e-14) and tight enough that a one-step shift or a wrong default misses it by
 * orders of magnitude. Non-finite expected values pass only when matched exactly.
 */
public final class Tolerance {

  /** The share of the expected value allowed. */
  public static final double RELATIVE = 1e-10;

  /** The share of the group's peak allowed, for values near zero. */
  public static final double OF_PEAK = 1e-14;

  /**
   * The bound for random access ({@code lrAt}, {@code momentumAt}), as a multiple of the peak:
   * closed forms, exact to rounding, against PyTorch's recurrences, which drift from them by
   * rounding; far above that drift, far below any real error.
   */
  public static final double RANDOM_ACCESS_OF_PEAK = 1e-8;

  private Tolerance() {}

  /** Whether {@code actual} passes for {@code expected} in a group whose peak is {@code peak}. */
  public static boolean passes(double actual, double expected, double peak) {
    if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
      return Double.compare(actual, expected) == 0;
    }
    return Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + OF_PEAK * peak;
  }

  /**
   * The error as a multiple of the peak, the figure that shows the margin: 0 for an exact match,
   * infinite for a difference where the peak is 0 or a value is not finite.
   */
  public static double errorOfPeak(double actual, double expected, double peak) {
    if (Double.compare(actual, expected) == 0 || actual == expected) {
      return 0;
    }
    double difference = Math.abs(actual - expected);
    if (!Double.isFinite(difference) || peak <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return difference / peak;
  }

  /**
   * How much of the allowed difference {@code |actual - expected|} uses: below 1 passes. Shows how
   * close a passing value came to failing, which the multiple of the peak does not for large values.
   */
  public static double shareOfBound(double actual, double expected, double peak) {
    if (Double.compare(actual, expected) == 0 || actual == expected) {
      return 0;
    }
    double difference = Math.abs(actual - expected);
    double bound = RELATIVE * Math.abs(expected) + OF_PEAK * peak;
    if (!Double.isFinite(difference) || !(bound > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return difference / bound;
  }

  /** The peak of each group: the largest finite {@code |value|} of its column. */
  public static double[] peaks(double[][] series, int groups) {
    double[] peak = new double[groups];
    for (double[] row : series) {
      for (int g = 0; g < groups; g++) {
        double v = Math.abs(row[g]);
        if (Double.isFinite(v) && v > peak[g]) {
          peak[g] = v;
        }
      }
    }
    return peak;
  }
}

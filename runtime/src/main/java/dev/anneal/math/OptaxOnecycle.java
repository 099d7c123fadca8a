package dev.anneal.math;

import dev.anneal.OptaxInterpolateType;

/**
 * What optax's {@code linear_onecycle_schedule} and {@code cosine_onecycle_schedule} share: each is
 * a {@link OptaxPiecewiseInterpolateSchedule} from {@code peak_value / div_factor}, its
 * {@code boundaries_and_scales} a Python dict built from the arguments, whose boundaries are
 * {@code int(pct * transition_steps)}, truncated (0.29 * 100 is 28), and where two boundaries
 * fall on the same update, the later one's scale replaces the earlier's, as a dict keeps the last
 * value written under a key.
 */
final class OptaxOnecycle {
  private OptaxOnecycle() {}

  /** The dict {@code {keys[i]: values[i]}}, written in order, sorted by key: its keys. */
  static int[] boundaries(int[] keys, double[] values) {
    return (int[]) dict(keys, values)[0];
  }

  /** The same dict's values, in the order of its sorted keys. */
  static double[] scales(int[] keys, double[] values) {
    return (double[]) dict(keys, values)[1];
  }

  private static Object[] dict(int[] keys, double[] values) {
    int[] k = new int[keys.length];
    double[] v = new double[keys.length];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      int at = -1;
      for (int j = 0; j < n; j++) {
        if (k[j] == keys[i]) {
          at = j;
        }
      }
      if (at >= 0) {
        v[at] = values[i];
      } else {
        k[n] = keys[i];
        v[n] = values[i];
        n++;
      }
    }
    // Sorted by key, as the reference sorts the dict's items.
    for (int i = 1; i < n; i++) {
      for (int j = i; j > 0 && k[j - 1] > k[j]; j--) {
        int key = k[j];
        k[j] = k[j - 1];
        k[j - 1] = key;
        double value = v[j];
        v[j] = v[j - 1];
        v[j - 1] = value;
      }
    }
    return new Object[] {java.util.Arrays.copyOf(k, n), java.util.Arrays.copyOf(v, n)};
  }

  /** Python's {@code int(pct * transition_steps)}: the product truncated toward 0. */
  static int truncated(double pct, int transitionSteps) {
    return (int) (pct * transitionSteps);
  }

  /** The reference's ValueError on a negative scale of the dict, or null. */
  static String negativeScale(double[] scales) {
    return OptaxPiecewiseInterpolateSchedule.refusal(scales);
  }

  static double lr(OptaxInterpolateType type, int[] boundaries, double[] scales, double peakValue,
      double divFactor, long count) {
    return OptaxPiecewiseInterpolateSchedule.lr(type, boundaries, scales, peakValue / divFactor, count);
  }
}

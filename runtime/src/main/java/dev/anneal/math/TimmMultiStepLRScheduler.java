package dev.anneal.math;

/**
 * timm's {@code MultiStepLRScheduler} ({@code timm.scheduler.multistep_lr}): decays by
 * {@code decay_rate} at each of the updates {@code decay_t}, one update early as the reference
 * counts them, on {@code t} less {@code warmup_t} where {@code warmup_prefix} (see
 * {@link TimmScheduler} for the warm-up, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * _get_lr(t) = base_lr * decay_rate ** bisect_right(decay_t, t + 1)
 * </pre>
 *
 * <p>{@code bisect_right} is Python's binary search, which assumes {@code decay_t} sorted; an
 * unsorted list gives what that search gives, here as there.
 */
public final class TimmMultiStepLRScheduler {
  private TimmMultiStepLRScheduler() {}

  /**
   * The reference's OverflowError, or null: {@code decay_rate ** n} past the largest double for
   * the most decays, {@code n = len(decay_t)}, which every run long enough reaches.
   */
  public static String refusal(int[] decayT, double decayRate) {
    if (Double.isFinite(Math.pow(decayRate, decayT.length))) {
      return null;
    }
    return "decay_rate ** " + decayT.length + " for decay_rate = " + decayRate + " is past the largest double,"
        + " where the reference raises OverflowError";
  }

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int[] decayT, double decayRate, int warmupT, double warmupLrInit, boolean warmupPrefix,
      double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    long s = TimmScheduler.shifted(t, warmupT, warmupPrefix);
    return baseLr * Math.pow(decayRate, decays(decayT, s));
  }

  /** Python's {@code bisect.bisect_right(decay_t, t + 1)}: the decays in force at {@code t}. */
  public static int decays(int[] decayT, long t) {
    int lo = 0;
    int hi = decayT.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      // t + 1 < decay_t[mid], without overflowing at the end of the longs.
      if (t < decayT[mid] - 1L) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}

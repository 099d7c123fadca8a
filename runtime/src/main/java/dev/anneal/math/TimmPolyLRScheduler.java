package dev.anneal.math;

/**
 * timm's {@code PolyLRScheduler} ({@code timm.scheduler.poly_lr}): polynomial decay with
 * restarts, the cycles as the cosine's, with the k-decay exponent {@code k_decay} (see
 * {@link TimmScheduler} for the warm-up, the cycles, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * _get_lr(t) = lr_min + (lr_max - lr_min) * (1 - t_curr ** k_decay / t_i ** k_decay) ** power
 *                                                          if i &lt; cycle_limit
 *            = lr_min                                      otherwise
 * lr_max = base_lr * cycle_decay ** i
 * </pre>
 */
public final class TimmPolyLRScheduler {
  private TimmPolyLRScheduler() {}

  /**
   * The reference's ZeroDivisionError, or null: with {@code k_decay = 0} the base
   * {@code 1 - t_curr ** 0 / t_i ** 0} is 0, which a negative {@code power} divides by.
   */
  public static String refusal(double power, double kDecay) {
    return kDecay == 0 && power < 0 ? "power = " + power + " is negative and k_decay = 0 makes the base of the"
        + " power 0 (1 - t_curr ** 0 / t_i ** 0): 0 ** power raises ZeroDivisionError" : null;
  }

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int tInitial, double power, double lrMin, double cycleMul, double cycleDecay,
      int cycleLimit, int warmupT, double warmupLrInit, boolean warmupPrefix, double kDecay, double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    long s = TimmScheduler.shifted(t, warmupT, warmupPrefix);
    double i = TimmScheduler.cycle(s, tInitial, cycleMul);
    if (!(i < cycleLimit)) {
      return lrMin;
    }
    double tI = TimmScheduler.cycleLength(i, tInitial, cycleMul);
    double tCurr = TimmScheduler.inCycle(s, i, tInitial, cycleMul);
    return decayed(power, lrMin, baseLr * Math.pow(cycleDecay, i), tCurr, Math.pow(tI, kDecay), kDecay);
  }

  /**
   * {@code _get_lr(t)} as {@link #lr(int, double, double, double, double, int, int, double, boolean,
   * double, double, long)}, the cycle's shared values kept in {@code cycle} (made with this
   * schedule's {@code t_initial}, {@code cycle_mul}, {@code cycle_decay} and {@code k_decay}).
   */
  public static double lr(TimmCycle cycle, double power, double lrMin, int cycleLimit, int warmupT,
      double warmupLrInit, boolean warmupPrefix, double kDecay, double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    TimmCycle c = cycle.at(TimmScheduler.shifted(t, warmupT, warmupPrefix));
    if (!(c.cycle() < cycleLimit)) {
      return lrMin;
    }
    return decayed(power, lrMin, baseLr * c.decay(), c.inCycle(), c.lengthToK(), kDecay);
  }

  /** The decay of cycle {@code i}, whose peak is {@code lrMax} and whose {@code t_i ** k_decay} is {@code tIToK}. */
  private static double decayed(double power, double lrMin, double lrMax, double tCurr, double tIToK, double kDecay) {
    return lrMin + (lrMax - lrMin) * Math.pow(1 - Math.pow(tCurr, kDecay) / tIToK, power);
  }
}

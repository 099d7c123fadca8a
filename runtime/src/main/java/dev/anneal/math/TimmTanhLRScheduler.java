package dev.anneal.math;

/**
 * timm's {@code TanhLRScheduler} ({@code timm.scheduler.tanh_lr}): hyperbolic-tangent decay with
 * restarts, from {@code lb} to {@code ub} over each cycle, the cycles as the cosine's (see
 * {@link TimmScheduler} for the warm-up, the cycles, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * _get_lr(t) = lr_min + 0.5 * (lr_max - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))   if i &lt; cycle_limit
 *            = lr_min                                                                 otherwise
 * lr_max = base_lr * cycle_decay ** i,  tr = t_curr / t_i
 * </pre>
 *
 * <p>Its warm-up without {@code warmup_prefix} rises to the tanh's own rate at {@code warmup_t},
 * not to {@code base_lr}, as the reference's constructor computes it.
 */
public final class TimmTanhLRScheduler {
  private TimmTanhLRScheduler() {}

  /** The reference's {@code assert lb < ub}, or null where it holds. */
  public static String refusal(double lb, double ub) {
    return lb < ub ? null : "lb = " + lb + " is not below ub = " + ub + ": the reference asserts lb < ub";
  }

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int tInitial, double lb, double ub, double lrMin, double cycleMul, double cycleDecay,
      int cycleLimit, int warmupT, double warmupLrInit, boolean warmupPrefix, double baseLr, long t) {
    if (t < warmupT) {
      double peak = warmupPrefix ? baseLr
          : decayed(tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, baseLr, warmupT);
      return TimmScheduler.warmup(warmupLrInit, peak, warmupT, t);
    }
    return decayed(tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, baseLr,
        TimmScheduler.shifted(t, warmupT, warmupPrefix));
  }

  /**
   * {@code _get_lr(t)} as {@link #lr(int, double, double, double, double, double, int, int, double,
   * boolean, double, long)}, the cycle's shared values kept in {@code cycle} (made with this
   * schedule's {@code t_initial}, {@code cycle_mul}, {@code cycle_decay} and a {@code k_decay} of 1).
   */
  public static double lr(TimmCycle cycle, int tInitial, double lb, double ub, double lrMin, double cycleMul,
      double cycleDecay, int cycleLimit, int warmupT, double warmupLrInit, boolean warmupPrefix, double baseLr,
      long t) {
    if (t < warmupT) {
      return lr(tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit, warmupPrefix,
          baseLr, t);
    }
    TimmCycle c = cycle.at(TimmScheduler.shifted(t, warmupT, warmupPrefix));
    if (!(c.cycle() < cycleLimit)) {
      return lrMin;
    }
    return decayed(lb, ub, lrMin, baseLr * c.decay(), c.inCycle(), c.length());
  }

  private static double decayed(int tInitial, double lb, double ub, double lrMin, double cycleMul,
      double cycleDecay, int cycleLimit, double baseLr, long s) {
    double i = TimmScheduler.cycle(s, tInitial, cycleMul);
    if (!(i < cycleLimit)) {
      return lrMin;
    }
    double tI = TimmScheduler.cycleLength(i, tInitial, cycleMul);
    double tCurr = TimmScheduler.inCycle(s, i, tInitial, cycleMul);
    return decayed(lb, ub, lrMin, baseLr * Math.pow(cycleDecay, i), tCurr, tI);
  }

  /** The tanh of cycle {@code i}, whose peak is {@code lrMax}. */
  private static double decayed(double lb, double ub, double lrMin, double lrMax, double tCurr, double tI) {
    double tr = tCurr / tI;
    return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1. - tr) + ub * tr));
  }
}

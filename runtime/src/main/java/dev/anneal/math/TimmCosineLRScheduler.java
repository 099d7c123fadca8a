package dev.anneal.math;

/**
 * timm's {@code CosineLRScheduler} ({@code timm.scheduler.cosine_lr}): cosine decay with
 * restarts (SGDR), cycles that grow by {@code cycle_mul} and whose peak decays by
 * {@code cycle_decay}, at most {@code cycle_limit} of them, and the k-decay exponent
 * {@code k_decay}; before that a linear warm-up from {@code warmup_lr_init} (see
 * {@link TimmScheduler} for the warm-up, the cycles, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * _get_lr(t) = lr_min + 0.5 * (lr_max - lr_min) * (1 + cos(pi * t_curr ** k_decay / t_i ** k_decay))
 *                                                          if i &lt; cycle_limit
 *            = lr_min                                      otherwise
 * lr_max = base_lr * cycle_decay ** i
 * </pre>
 */
public final class TimmCosineLRScheduler {
  private TimmCosineLRScheduler() {}

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int tInitial, double lrMin, double cycleMul, double cycleDecay, int cycleLimit,
      int warmupT, double warmupLrInit, boolean warmupPrefix, double kDecay, double baseLr, long t) {
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
    return annealed(lrMin, baseLr * Math.pow(cycleDecay, i), tCurr, Math.pow(tI, kDecay), kDecay);
  }

  /**
   * {@code _get_lr(t)} as {@link #lr(int, double, double, double, int, int, double, boolean, double,
   * double, long)}, the cycle's shared values kept in {@code cycle} (made with this schedule's
   * {@code t_initial}, {@code cycle_mul}, {@code cycle_decay} and {@code k_decay}).
   */
  public static double lr(TimmCycle cycle, double lrMin, int cycleLimit, int warmupT, double warmupLrInit,
      boolean warmupPrefix, double kDecay, double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    TimmCycle c = cycle.at(TimmScheduler.shifted(t, warmupT, warmupPrefix));
    if (!(c.cycle() < cycleLimit)) {
      return lrMin;
    }
    return annealed(lrMin, baseLr * c.decay(), c.inCycle(), c.lengthToK(), kDecay);
  }

  /** The cosine of cycle {@code i}, whose peak is {@code lrMax} and whose {@code t_i ** k_decay} is {@code tIToK}. */
  private static double annealed(double lrMin, double lrMax, double tCurr, double tIToK, double kDecay) {
    return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay) / tIToK));
  }
}

package dev.anneal.math;

/**
 * {@code CosineAnnealingLR}: {@code lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t /
 * T_max)) / 2}.
 *
 * <p>Past {@code T_max} the cosine goes on, rising back to {@code base_lr} at {@code 2 * T_max}, as
 * PyTorch's recurrence does. Generated code folds {@code pi / T_max} into {@link #omega(long)}.
 *
 * <p>PyTorch steps by a recurrence, {@code lr(t) = eta_min + (lr(t - 1) - eta_min) * (1 + cos(pi *
 * t / T_max)) / (1 + cos(pi * (t - 1) / T_max))}, whose rounding compounds: after 10^8 steps with
 * {@code T_max = 1000} it has drifted from the closed form by 4e-8 relative. Anneal steps by the
 * closed form. Before the first trough the two agree to about 1e-14 of the peak rate; past a trough
 * with {@code eta_min > 0} PyTorch's rates keep few digits of their distance to {@code eta_min},
 * and differ from the closed form by up to 1e-10 relative for {@code T_max} near 6,000 and more for
 * longer cycles. The recurrence is kept only where PyTorch's {@code ChainedScheduler} needs it
 * ({@link #chain}), since there it acts on a rate the other schedules of the chain have changed.
 */
public final class CosineAnnealingLR {
  private CosineAnnealingLR() {}

  /** The angular step {@code pi / T_max}. */
  public static double omega(long tMax) {
    return Math.PI / Steps.toDouble(tMax);
  }

  /** {@code 1 + cos(pi * t / T_max)}: the part shared by every parameter group. */
  public static double wave(double omega, long t) {
    return 1 + Math.cos(omega * Steps.toDouble(t));
  }

  /** The cosine's period in steps, {@code 2 |T_max|}. */
  public static long period(int tMax) {
    return 2 * Math.abs((long) tMax);
  }

  /**
   * Step {@code t} modulo the cosine's {@link #period}, in exact arithmetic: the same cosine, with
   * an angle that keeps its precision however long the run. Stepping and {@code lrAt} both use
   * it, so a rate after any number of steps is the closed form's, bit for bit. A step in the first
   * period, every step of a run that ends by {@code 2 T_max}, takes no division.
   */
  public static long positionInPeriod(long t, long period) {
    return 0 <= t && t < period ? t : t % period;
  }

  /** The rate, given {@link #wave} and {@code halfAmplitude = (base_lr - eta_min) / 2}. */
  public static double lr(double etaMin, double halfAmplitude, double wave) {
    return etaMin + halfAmplitude * wave;
  }

  /** {@code (base_lr - eta_min) / 2}. */
  public static double halfAmplitude(double baseLr, double etaMin) {
    return (baseLr - etaMin) / 2;
  }

  /**
   * {@code 1 + cos(pi * t / T_max)} computed term for term as PyTorch computes it, for the
   * chainable recurrence ({@link #chain}) and for CosineAnnealingWarmRestarts, whose cycles are
   * short enough that the angle keeps its precision.
   */
  public static double torchWave(long t, double tMax) {
    return 1 + Math.cos(Math.PI * Steps.toDouble(t) / tMax);
  }

  /**
   * Whether step {@code t} leaves a trough of the cosine, where the previous wave is zero and
   * PyTorch adds {@link #troughIncrement} instead of scaling: {@code (t - 1 - T_max) % (2 T_max) == 0}.
   */
  public static boolean leavesTrough(long t, int tMax) {
    return Math.floorMod(t - 1 - tMax, 2L * tMax) == 0;
  }

  /** {@code (base_lr - eta_min) * (1 - cos(pi / T_max)) / 2}: PyTorch's step out of a trough. */
  public static double troughIncrement(double baseLr, double etaMin, int tMax) {
    return (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
  }

  /**
   * PyTorch's recurrence: the rate after {@code lr}, given {@code ratio = torchWave(t) /
   * torchWave(t - 1)}.
   */
  public static double next(double lr, double etaMin, double ratio) {
    return ratio * (lr - etaMin) + etaMin;
  }

  /**
   * PyTorch's chainable form for {@code t >= 1}, applied to the rate {@code lr} that the previous
   * step left (which {@code ChainedScheduler} may have changed).
   */
  public static double chain(double lr, double baseLr, double etaMin, int tMax, long t) {
    if (leavesTrough(t, tMax)) {
      return lr + troughIncrement(baseLr, etaMin, tMax);
    }
    return next(lr, etaMin, torchWave(t, tMax) / torchWave(t - 1, tMax));
  }
}

package dev.anneal.math;

/**
 * {@code CosineAnnealingLR}: {@code lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t /
 * T_max)) / 2}.
 *
 * <p>Past {@code T_max} the cosine goes on, rising back to {@code base_lr} at {@code 2 * T_max}, as
 * PyTorch's recurrence does. Generated code folds {@code pi / T_max} into {@link #omega(int)}.
 */
public final class CosineAnnealingLR {
  private CosineAnnealingLR() {}

  /** The angular step {@code pi / T_max}. */
  public static double omega(int tMax) {
    return Math.PI / tMax;
  }

  /** {@code 1 + cos(pi * t / T_max)}: the part shared by every parameter group. */
  public static double wave(double omega, long t) {
    return 1 + Math.cos(omega * t);
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
   * PyTorch's chainable form for {@code t >= 1}, applied to the rate {@code lr} that the previous
   * step left (which {@code ChainedScheduler} may have changed): the ratio of successive cosines,
   * and a fixed increment where that ratio would divide by zero.
   */
  public static double next(double lr, double baseLr, double etaMin, int tMax, long t) {
    if (Math.floorMod(t - 1 - tMax, 2L * tMax) == 0) {
      return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
    }
    return (1 + Math.cos(Math.PI * t / tMax)) / (1 + Math.cos(Math.PI * (t - 1) / tMax))
            * (lr - etaMin)
        + etaMin;
  }
}

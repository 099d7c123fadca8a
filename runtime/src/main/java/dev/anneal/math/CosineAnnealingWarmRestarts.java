package dev.anneal.math;

/**
 * {@code CosineAnnealingWarmRestarts} (SGDR): {@code lr(t) = eta_min + (base_lr - eta_min) * (1 +
 * cos(pi * T_cur / T_i)) / 2}, where cycle {@code i} lasts {@code T_i = T_0 * T_mult ^ i} steps and
 * {@code T_cur} counts the steps since the last restart.
 *
 * <p>Stepping keeps {@code T_cur} and {@code T_i} as PyTorch does; {@link #lrAt} finds them for any
 * step in integer arithmetic, so neither drifts.
 */
public final class CosineAnnealingWarmRestarts {
  private CosineAnnealingWarmRestarts() {}

  /** {@code 1 + cos(pi * T_cur / T_i)}: the part shared by every parameter group. */
  public static double wave(long tCur, long tI) {
    return 1 + Math.cos(Math.PI * tCur / tI);
  }

  /** {@code pi / T_i}, kept for a cycle so that each step multiplies rather than divides. */
  public static double omega(long tI) {
    return Math.PI / tI;
  }

  /** {@code 1 + cos(omega * T_cur)} with {@code omega = pi / T_i}. */
  public static double waveAt(double omega, long tCur) {
    return 1 + Math.cos(omega * tCur);
  }

  /** The rate, given {@link #wave} and {@code halfAmplitude = (base_lr - eta_min) / 2}. */
  public static double lr(double etaMin, double halfAmplitude, double wave) {
    return etaMin + halfAmplitude * wave;
  }

  /** The rate at step {@code t}, found without stepping. */
  public static double lrAt(double etaMin, double halfAmplitude, int t0, int tMult, long t) {
    if (tMult == 1) {
      return lr(etaMin, halfAmplitude, wave(t % t0, t0));
    }
    long start = 0;
    long length = t0;
    while (t - start >= length) {
      start += length;
      length *= tMult;
    }
    return lr(etaMin, halfAmplitude, wave(t - start, length));
  }
}

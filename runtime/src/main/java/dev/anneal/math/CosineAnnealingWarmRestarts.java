package dev.anneal.math;

/**
 * {@code CosineAnnealingWarmRestarts} (SGDR): {@code lr(t) = eta_min + (base_lr - eta_min) * (1 +
 * cos(pi * T_cur / T_i)) / 2}, where cycle {@code i} lasts {@code T_i = T_0 * T_mult ^ i} steps and
 * {@code T_cur} counts the steps since the last restart.
 *
 * <p>Within a cycle it is {@link CosineAnnealingLR} with {@code T_max = T_i}, whose formulas it
 * uses. Stepping keeps {@code T_cur} and {@code T_i} as PyTorch does; {@link #lrAt} finds them for any
 * step in integer arithmetic, so neither drifts.
 */
public final class CosineAnnealingWarmRestarts {
  private CosineAnnealingWarmRestarts() {}

  /** The rate at step {@code t}, found without stepping. */
  public static double lrAt(double etaMin, double halfAmplitude, int t0, int tMult, long t) {
    if (tMult == 1) {
      return CosineAnnealingLR.lr(etaMin, halfAmplitude, CosineAnnealingLR.torchWave(t % t0, t0));
    }
    long start = 0;
    long length = t0;
    while (t - start >= length) {
      start += length;
      if (length > Long.MAX_VALUE / tMult) {
        // The next cycle is longer than any step count, so step t lies in it; its length is
        // taken as a double, as it does not fit in a long.
        double longer = Steps.toDouble(length) * tMult;
        return CosineAnnealingLR.lr(etaMin, halfAmplitude, CosineAnnealingLR.torchWave(t - start, longer));
      }
      length *= tMult;
    }
    return CosineAnnealingLR.lr(etaMin, halfAmplitude, CosineAnnealingLR.torchWave(t - start, Steps.toDouble(length)));
  }
}

package dev.anneal.math;

/**
 * timm's {@code StepLRScheduler} ({@code timm.scheduler.step_lr}): decays by {@code decay_rate}
 * every {@code decay_t} updates, on {@code t} less {@code warmup_t} where {@code warmup_prefix}
 * (see {@link TimmScheduler} for the warm-up, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * _get_lr(t) = base_lr * decay_rate ** (t // decay_t)
 * </pre>
 *
 * <p>{@code //} is Python's floor division, so a negative {@code decay_t} counts negative decays.
 */
public final class TimmStepLRScheduler {
  private TimmStepLRScheduler() {}

  /**
   * The reference's ZeroDivisionError, or null: {@code t // decay_t} for {@code decay_t = 0}, and
   * {@code 0 ** n} for {@code decay_rate = 0} with the negative counts of a negative
   * {@code decay_t}.
   */
  public static String refusal(int decayT, double decayRate) {
    if (decayT == 0) {
      return "decay_t = 0: the reference's t // decay_t raises ZeroDivisionError";
    }
    if (decayT < 0 && decayRate == 0) {
      return "decay_rate = 0 with decay_t = " + decayT + ": a negative decay_t counts negative decays, and"
          + " 0.0 ** n for n < 0 raises ZeroDivisionError";
    }
    return null;
  }

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int decayT, double decayRate, int warmupT, double warmupLrInit, boolean warmupPrefix,
      double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    long s = TimmScheduler.shifted(t, warmupT, warmupPrefix);
    return baseLr * Math.pow(decayRate, Steps.toDouble(Math.floorDiv(s, (long) decayT)));
  }
}

package dev.anneal.math;

import dev.anneal.TimmDecayFn;
import dev.anneal.TimmStableFn;

/**
 * timm's {@code WSDLRScheduler} ({@code timm.scheduler.wsd_lr}): a linear warm-up from
 * {@code warmup_lr_init} over {@code warmup_t}, always a prefix, then {@code t_initial} updates of
 * a stable phase and a decay over its last {@code decay_t} to {@code lr_min}, held after (see
 * {@link TimmScheduler} for the warm-up, step 0, the noise and {@code lr_scale}):
 *
 * <pre>
 * t_s = t - warmup_t
 * stable_lr = max(base_lr * stable(t_s), lr_min)
 * t_decay = t_s - (t_initial - decay_t)
 * _get_lr(t) = stable_lr                                                   if t_decay &lt;= 0
 *            = lr_min + (stable_lr - lr_min) * decay(min(t_decay / decay_t, 1))   otherwise
 * stable(t_s) = 1 | (1 + t_s / stable_timescale) ** -0.5 | ** -stable_power       by stable_fn
 * decay(frac) = 1 - frac | 1 - sqrt(frac) | 0.5 * (1 + cos(pi * frac)) | 1 - frac ** decay_power
 *             | (decay_ratio ** frac - decay_ratio) / (1 - decay_ratio)            by decay_fn
 * </pre>
 *
 * <p>{@code stable_timescale} is {@code warmup_t} where not given.
 */
public final class TimmWSDLRScheduler {
  private TimmWSDLRScheduler() {}

  /** The reference's {@code stable_timescale} where it is not given: {@code warmup_t}. */
  public static double stableTimescale(int warmupT) {
    return warmupT;
  }

  /**
   * The reference's ValueErrors on values together, or null where it takes them: {@code decay_t}
   * in {@code (0, t_initial]}, {@code decay_ratio} in {@code (0, 1)}, and a positive
   * {@code stable_timescale} for a stable function that is not constant (the single bounds of
   * {@code t_initial}, {@code lr_min} and the powers are the attributes' rules).
   */
  public static String refusal(int tInitial, int decayT, TimmStableFn stableFn, double stableTimescale,
      double decayRatio, int warmupT) {
    if (!(0 < decayT && decayT <= tInitial)) {
      return "Invalid decay_t (" + decayT + "), must be in (0, t_initial] w/ t_initial=" + tInitial + ".";
    }
    if (!(0. < decayRatio && decayRatio < 1.)) {
      return "Invalid decay_ratio (" + decayRatio + "), must be in (0, 1).";
    }
    if (stableFn != TimmStableFn.CONSTANT && !(stableTimescale > 0)) {
      return "stable_fn=" + stableFn.torchName() + " requires a positive stable_timescale (" + stableTimescale
          + "), it defaults to warmup_t (" + warmupT + "), set it explicitly when there is no warmup.";
    }
    return null;
  }

  /** {@code _get_lr(t)} of a group whose initial rate is {@code baseLr}. */
  public static double lr(int tInitial, int decayT, double lrMin, TimmStableFn stableFn, double stableTimescale,
      double stablePower, TimmDecayFn decayFn, double decayPower, double decayRatio, int warmupT,
      double warmupLrInit, double baseLr, long t) {
    if (t < warmupT) {
      return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, t);
    }
    long tS = t - warmupT;
    double stable = baseLr * stable(stableFn, stableTimescale, stablePower, tS);
    double stableLr = lrMin > stable ? lrMin : stable;
    long tDecay = tS - ((long) tInitial - decayT);
    if (tDecay <= 0) {
      return stableLr;
    }
    double frac = Steps.toDouble(tDecay) / decayT;
    double decay = decay(decayFn, decayPower, decayRatio, 1. < frac ? 1. : frac);
    return lrMin + (stableLr - lrMin) * decay;
  }

  /** The stable phase's factor at {@code t_s}, 1 at 0. */
  static double stable(TimmStableFn stableFn, double stableTimescale, double stablePower, long tS) {
    if (stableFn == TimmStableFn.CONSTANT) {
      return 1.;
    }
    double power = stableFn == TimmStableFn.RSQRT ? 0.5 : stablePower;
    return Math.pow(1. + Steps.toDouble(tS) / stableTimescale, -power);
  }

  /** The decay's factor at its progress {@code frac}, from 1 to 0. */
  static double decay(TimmDecayFn decayFn, double decayPower, double decayRatio, double frac) {
    switch (decayFn) {
      case LINEAR:
        return 1. - frac;
      case ONE_MINUS_SQRT:
        return 1. - Math.sqrt(frac);
      case COSINE:
        return 0.5 * (1. + Math.cos(Math.PI * frac));
      case POWER:
        return 1. - Math.pow(frac, decayPower);
      default:
        return (Math.pow(decayRatio, frac) - decayRatio) / (1. - decayRatio);
    }
  }
}

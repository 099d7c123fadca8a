package dev.anneal.math;

import dev.anneal.TimmNoiseType;

/**
 * timm's {@code PlateauLRScheduler} ({@code timm.scheduler.plateau_lr}): PyTorch's {@link
 * ReduceLROnPlateau} after a warm-up, with timm's noise on top. It is stepped once per epoch with a
 * metric, {@code step(e, metric)} for the epoch {@code e = 1, 2, ...}, the number of calls so far:
 *
 * <pre>
 * lr(0) = (warmup_t != 0 ? warmup_lr_init : base_lr) * lr_scale       what the constructor leaves
 * step(e, metric), e &lt;= warmup_t:
 *     lr = (warmup_lr_init + e * (base_lr - warmup_lr_init) / warmup_t) * lr_scale; metric ignored
 * step(e, metric), otherwise:
 *     every rate noised at the step before is restored to its value before the noise;
 *     ReduceLROnPlateau(mode, factor = decay_rate, patience = patience_t, threshold, cooldown =
 *         cooldown_t, min_lr = lr_min, threshold_mode 'rel', eps 1e-8).step(metric),
 *         which acts on the groups' current rates;
 *     where e lies in noise_range_t, every rate v becomes v + v * noise(e), until the next step
 * </pre>
 *
 * <p>The plateau is created in the constructor, so its best metric and counters start there, and
 * they do not move during the warm-up. {@code lr_scale} is a group's factor (1 where it has none),
 * applied to what the constructor and the warm-up write and never again: a reduction and the noise
 * act on the group's rate as it is, and {@code lr_min} is not scaled. The noise is {@link
 * TimmNoise}'s: {@link TimmNoise#normal} for noise_type 'normal', {@link TimmNoise#uniform} for any
 * other.
 */
public final class TimmPlateauLRScheduler {
  private TimmPlateauLRScheduler() {}

  /** ReduceLROnPlateau's {@code eps}, which timm leaves at PyTorch's default. */
  public static final double EPS = 1e-8;

  /** The rate, before {@code lr_scale}, that the constructor leaves. */
  public static double initial(int warmupT, double warmupLrInit, double baseLr) {
    return TimmScheduler.initial(warmupT, warmupLrInit, baseLr);
  }

  /** Whether the step to epoch {@code e} is one of the warm-up's, which ignore the metric. */
  public static boolean warmingUp(long e, int warmupT) {
    return e <= warmupT;
  }

  /** The warm-up's rate at epoch {@code e <= warmup_t}, before {@code lr_scale}. */
  public static double warmup(double warmupLrInit, double baseLr, int warmupT, long e) {
    return TimmScheduler.warmup(warmupLrInit, baseLr, warmupT, e);
  }

  /**
   * The rate, before {@code lr_scale}, that the plateau starts from: the warm-up's last,
   * {@code warmup_t} epochs in, or with no warm-up the constructor's.
   */
  public static double start(int warmupT, double warmupLrInit, double baseLr) {
    return warmupT > 0 ? warmup(warmupLrInit, baseLr, warmupT, warmupT) : initial(warmupT, warmupLrInit, baseLr);
  }

  /**
   * Refuses, when the scheduler is built, rates that would leave the doubles, which the reference
   * would hand the optimizer as infinities: a group's rate of step 0 or the one its plateau starts
   * from (the warm-up runs between those), or a noised rate. After the warm-up every rate lies
   * between the smaller of its start and {@code lr_min} and its start (a reduction only lowers a
   * rate, never below {@code lr_min}), and the noise moves it by less than {@code noiseBound}
   * times itself ({@code noise_pct}, its magnitude for the uniform noise, 0 without noise): so
   * where this passes, no step gives a rate that is not finite, and none throws.
   *
   * @throws ArithmeticException naming the group and the rate
   */
  public static void checkRange(String schedule, double[] baseLrs, double[] lrScale, int warmupT,
      double warmupLrInit, double lrMin, double noiseBound) {
    for (int g = 0; g < baseLrs.length; g++) {
      double initial = TimmScheduler.scaled(initial(warmupT, warmupLrInit, baseLrs[g]), lrScale[g]);
      double start = TimmScheduler.scaled(start(warmupT, warmupLrInit, baseLrs[g]), lrScale[g]);
      double reach = Math.max(Math.abs(start), Math.abs(Math.min(start, lrMin))) * (1 + noiseBound);
      String what = !Double.isFinite(initial) ? "of step 0 is " + initial
          : !Double.isFinite(start) ? "the plateau starts from, after the warm-up, is " + start
          : !(reach <= Double.MAX_VALUE) ? "the plateau starts from, " + start + ", noised by up to " + noiseBound
              + " times itself, can reach " + reach : null;
      if (what != null) {
        throw new ArithmeticException(schedule + ": the rate of group " + g + " " + what
            + ", past the largest double, " + Double.MAX_VALUE);
      }
    }
  }

  /**
   * The noise of epoch {@code e} drawn from a generator seeded with {@code seed} ({@code noise_seed
   * + e}) as {@code noiseType} draws it.
   */
  public static double noise(TimmNoiseType noiseType, long seed, double noisePct, double noiseStd) {
    return noiseType == TimmNoiseType.NORMAL ? TimmNoise.normal(seed, noisePct, noiseStd)
        : TimmNoise.uniform(seed, noisePct);
  }

  /**
   * The reference's endless loop, or null: the 'normal' noise is drawn again until {@code
   * abs(noise) < noise_pct}, which no draw meets where {@code noise_pct <= 0}; the uniform noise
   * takes any {@code noise_pct}.
   */
  public static String noiseRefusal(TimmNoiseType noiseType, double noisePct) {
    return noiseType == TimmNoiseType.NORMAL ? TimmScheduler.noiseRefusal(noisePct) : null;
  }
}

package dev.anneal.math;

/**
 * What timm's schedulers share ({@code timm.scheduler.Scheduler} and the warm-up and cycles that
 * its subclasses repeat), driven by the update count {@code t} as {@code step_update(t)} drives
 * them with {@code t_in_epochs=False}:
 *
 * <pre>
 * lr(0) = (warmup_t != 0 ? warmup_lr_init : base_lr) * lr_scale     what the constructor leaves
 * lr(t) = noised(_get_lr(t), t) * lr_scale                          t &gt;= 1
 * _get_lr(t) = warmup_lr_init + t * (peak - warmup_lr_init) / warmup_t   if t &lt; warmup_t
 * </pre>
 *
 * <p>where {@code peak} is {@code base_lr} (TanhLRScheduler without {@code warmup_prefix}: its
 * rate at {@code warmup_t}), {@code lr_scale} a group's factor (1 where the group has none) and
 * the noise is {@link TimmNoise}'s. The cycles of the cosine, tanh and polynomial schedulers, on
 * {@code t} less {@code warmup_t} where {@code warmup_prefix}:
 *
 * <pre>
 * cycle_mul == 1:  i = t // t_initial,  t_i = t_initial,  t_curr = t - t_initial * i
 * otherwise:       i = floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))
 *                  t_i = cycle_mul ** i * t_initial
 *                  t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial
 * </pre>
 *
 * <p>The reference's {@code math.log(x, base)} is {@code log(x) / log(base)}, computed so here.
 */
public final class TimmScheduler {
  private TimmScheduler() {}

  /** The rate the constructor leaves, before {@code lr_scale}. */
  public static double initial(int warmupT, double warmupLrInit, double baseLr) {
    return warmupT != 0 ? warmupLrInit : baseLr;
  }

  /** The warm-up's rate at {@code t < warmup_t}: {@code warmup_lr_init + t * warmup_step}. */
  public static double warmup(double warmupLrInit, double peak, int warmupT, long t) {
    double warmupStep = (peak - warmupLrInit) / warmupT;
    return warmupLrInit + Steps.toDouble(t) * warmupStep;
  }

  /** The time a schedule after the warm-up reads: {@code t - warmup_t} where the warm-up is a prefix. */
  public static long shifted(long t, int warmupT, boolean warmupPrefix) {
    return warmupPrefix ? t - warmupT : t;
  }

  /** The cycle {@code i} that time {@code t} falls in. */
  public static double cycle(long t, int tInitial, double cycleMul) {
    return cycle(t, tInitial, cycleMul, cycleMul == 1 ? 0 : Math.log(cycleMul));
  }

  /** {@link #cycle(long, int, double)} with {@code log(cycle_mul)}, {@code logCycleMul}, computed once. */
  static double cycle(long t, int tInitial, double cycleMul, double logCycleMul) {
    if (cycleMul == 1) {
      return Steps.toDouble(Math.floorDiv(t, (long) tInitial));
    }
    return Math.floor(Math.log(1 - Steps.toDouble(t) / tInitial * (1 - cycleMul)) / logCycleMul);
  }

  /** The length {@code t_i} of cycle {@code i}. */
  public static double cycleLength(double i, int tInitial, double cycleMul) {
    return cycleMul == 1 ? tInitial : Math.pow(cycleMul, i) * tInitial;
  }

  /** The time {@code t_curr} since the start of cycle {@code i}. */
  public static double inCycle(long t, double i, int tInitial, double cycleMul) {
    return sinceStart(t, tInitial, cycleMul, cycleMul == 1 ? 0 : cycleStart(i, tInitial, cycleMul));
  }

  /** {@code t_curr} from the {@link #cycleStart} of its cycle, {@code start}, which {@code cycle_mul == 1} does not read. */
  static double sinceStart(long t, int tInitial, double cycleMul, double start) {
    if (cycleMul == 1) {
      return Steps.toDouble(Math.floorMod(t, (long) tInitial));
    }
    return Steps.toDouble(t) - start;
  }

  /** Where cycle {@code i} starts, for {@code cycle_mul != 1}: {@code (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial}. */
  static double cycleStart(double i, int tInitial, double cycleMul) {
    return (1 - Math.pow(cycleMul, i)) / (1 - cycleMul) * tInitial;
  }

  /**
   * The first time (after the warm-up's shift) at which {@code log(1 - t / t_initial * (1 -
   * cycle_mul))} has no value and the reference raises {@code ValueError: math domain error}, for
   * {@code cycle_mul < 1}; -1 where there is none ({@code cycle_mul >= 1}).
   */
  public static long domainEnd(int tInitial, double cycleMul) {
    if (!(cycleMul < 1)) {
      return -1;
    }
    if (cycleMul <= 0) {
      return 0;
    }
    // The argument falls as t grows, as the doubles compute it too: the first t where it is no
    // longer positive is found by halving, in 63 tries however far it lies; Long.MAX_VALUE where
    // even that t leaves it positive.
    if (!outsideDomain(Long.MAX_VALUE, tInitial, cycleMul)) {
      return Long.MAX_VALUE;
    }
    long low = 0;
    long high = Long.MAX_VALUE;
    while (low < high) {
      long middle = low + (high - low) / 2;
      if (outsideDomain(middle, tInitial, cycleMul)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** Whether {@code 1 - t / t_initial * (1 - cycle_mul)} is no longer positive at {@code t}. */
  private static boolean outsideDomain(long t, int tInitial, double cycleMul) {
    return !(1 - (double) t / tInitial * (1 - cycleMul) > 0);
  }

  /**
   * The reference's refusal of {@code cycle_mul}, or null where it takes it: below 1 the argument
   * of its logarithm, {@code 1 - t / t_initial * (1 - cycle_mul)}, reaches 0 and below at an update
   * (at once for {@code cycle_mul <= 0}, whose logarithm has no value), where {@code math.log}
   * raises ValueError.
   */
  public static String cycleMulRefusal(int tInitial, double cycleMul, int warmupT, boolean warmupPrefix) {
    if (!(cycleMul < 1) || tInitial <= 0) {
      return null;
    }
    long domainEnd = domainEnd(tInitial, cycleMul);
    long shift = warmupPrefix ? warmupT : 0;
    long end = shift > 0 && domainEnd > Long.MAX_VALUE - shift ? Long.MAX_VALUE : domainEnd + shift;
    long at = Math.max(Math.max(end, warmupT), 1);
    return "cycle_mul = " + cycleMul + " is below 1, where math.log(1 - t / t_initial * (1 - cycle_mul), cycle_mul)"
        + " has no value from update " + at + " on and the reference raises ValueError (math domain error)";
  }

  /**
   * The reference's refusal of a negative {@code k_decay}, or null where it takes it: where a
   * cycle starts after step 0 ({@code t_curr = 0}, past a prefix warm-up or at a restart within
   * {@code cycle_limit}), {@code 0 ** k_decay} raises ZeroDivisionError.
   */
  public static String kDecayRefusal(double kDecay, int cycleLimit, int warmupT, boolean warmupPrefix) {
    if (!(kDecay < 0) || !(cycleLimit > 1 || (warmupPrefix && warmupT >= 1))) {
      return null;
    }
    return "k_decay = " + kDecay + " is negative, and where a cycle starts after step 0 (t_curr = 0) the reference"
        + " computes 0 ** k_decay, which raises ZeroDivisionError";
  }

  /**
   * The reference's endless loop on {@code noise_pct}, or null: it draws the noise again until
   * {@code abs(noise) < noise_pct}, which no draw meets where {@code noise_pct <= 0}.
   */
  public static String noiseRefusal(double noisePct) {
    if (noisePct > 0) {
      return null;
    }
    return "noise_pct = " + noisePct + " is not above 0, and the reference draws the noise again until"
        + " abs(noise) < noise_pct, which never happens: it would never return";
  }

  /** Throws {@link IllegalArgumentException} with {@code refusal}, where it is not null. */
  public static void require(String schedule, String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(schedule + ": " + refusal);
    }
  }

  /** A rate written into a group: the reference's value times the group's {@code lr_scale}. */
  public static double scaled(double value, double lrScale) {
    return value * lrScale;
  }
}

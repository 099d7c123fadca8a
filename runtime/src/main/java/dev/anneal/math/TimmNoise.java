package dev.anneal.math;

import dev.anneal.internal.Rule;

/**
 * timm's learning-rate noise ({@code Scheduler._add_noise}): at an update {@code t} inside {@code
 * noise_range_t} every group's rate {@code v} becomes {@code v + v * noise}, where {@code noise} is
 * drawn from a fresh {@code torch.Generator()} seeded with {@code noise_seed + t} ({@code
 * noise_seed} None means 42):
 *
 * <pre>
 * g = torch.Generator(); g.manual_seed(noise_seed + t)
 * noise_type 'normal':  repeat  noise = torch.randn(1, generator=g).item() * noise_std
 *                       until   abs(noise) &lt; noise_pct
 * any other noise_type: noise = 2 * (torch.rand(1, generator=g).item() - 0.5) * noise_pct
 * </pre>
 *
 * <p>The draws are PyTorch's, bit for bit ({@link TorchGenerator}), so a noised rate equals timm's
 * to the last bit. Each thread draws from a generator of its own, made on its first draw and
 * reseeded on every draw after: the methods allocate nothing after that, and any number of threads
 * may call them at once.
 */
public final class TimmNoise {
  private static final String NAME = "timm noise";

  /** One generator per thread: a draw reseeds it, so which thread draws never shows. */
  private static final ThreadLocal<LastDraw> DRAWS = ThreadLocal.withInitial(LastDraw::new);

  /**
   * A thread's generator and the last noise it drew, with what it was drawn for. Seeding takes
   * some 400 steps of init_genrand in a row, most of a draw's microsecond, and a rate at step t
   * asked for every parameter group (lrAt) asks for the same noise each time: it is drawn once.
   */
  private static final class LastDraw {
    final int[] generator = TorchGenerator.newState();
    boolean drawn;
    boolean normal;
    long seed;
    long noisePctBits;
    long noiseStdBits;
    double noise;

    /** Whether the last noise was drawn for these arguments (compared bit for bit: -0 is not 0). */
    boolean isFor(boolean normal, long seed, double noisePct, double noiseStd) {
      return drawn && this.normal == normal && this.seed == seed
          && noisePctBits == Double.doubleToRawLongBits(noisePct)
          && noiseStdBits == Double.doubleToRawLongBits(noiseStd);
    }

    double remember(boolean normal, long seed, double noisePct, double noiseStd, double noise) {
      this.drawn = true;
      this.normal = normal;
      this.seed = seed;
      this.noisePctBits = Double.doubleToRawLongBits(noisePct);
      this.noiseStdBits = Double.doubleToRawLongBits(noiseStd);
      this.noise = noise;
      return noise;
    }
  }

  private TimmNoise() {}

  /**
   * The {@code noise} of noise_type 'normal' from a generator seeded with {@code seed} ({@code
   * noise_seed + t}).
   *
   * <p>The loop redraws, as timm's does, until {@code |noise| < noise_pct}: about {@code 1.25 *
   * |noise_std| / noise_pct} draws where that ratio is large, each a few tens of nanoseconds after
   * the first; a ratio of 10^9 takes most of a minute, in timm as here. Only a seed's low 32 bits count
   * ({@link TorchGenerator#manualSeed}).
   *
   * @throws IllegalArgumentException with {@link #normalRefusal} for arguments under which timm's
   *     loop never ends
   */
  public static double normal(long seed, double noisePct, double noiseStd) {
    String refusal = normalRefusal(noisePct, noiseStd);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    LastDraw last = DRAWS.get();
    if (last.isFor(true, seed, noisePct, noiseStd)) {
      return last.noise;
    }
    int[] g = last.generator;
    TorchGenerator.manualSeed(g, seed);
    while (true) {
      // Python multiplies the float32 sample, widened exactly to a double, by noise_std.
      double noise = TorchGenerator.randn(g) * noiseStd;
      if (Math.abs(noise) < noisePct) {
        return last.remember(true, seed, noisePct, noiseStd, noise);
      }
    }
  }

  /**
   * The {@code noise} of any other noise_type ('uniform' in practice) from a generator seeded with
   * {@code seed} ({@code noise_seed + t}).
   *
   * @throws IllegalArgumentException with {@link #uniformRefusal} for a {@code noise_pct} that
   *     makes the noise infinite or NaN
   */
  public static double uniform(long seed, double noisePct) {
    String refusal = uniformRefusal(noisePct);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    LastDraw last = DRAWS.get();
    if (last.isFor(false, seed, noisePct, 0.0)) {
      return last.noise;
    }
    int[] g = last.generator;
    TorchGenerator.manualSeed(g, seed);
    // Python's order: (2 * (u - 0.5)) * noise_pct, the first two steps exact.
    return last.remember(false, seed, noisePct, 0.0, 2 * (TorchGenerator.rand(g) - 0.5) * noisePct);
  }

  /**
   * Whether timm adds noise at {@code t}: for a list {@code [lo, hi]}, {@code lo <= t < hi}; for a
   * single number {@code n}, {@code t >= n}; for none (null or empty), never. A longer list counts
   * by its first two entries, which are all timm reads of it.
   */
  public static boolean applies(long t, int[] noiseRangeT) {
    if (noiseRangeT == null || noiseRangeT.length == 0) {
      return false;
    }
    if (noiseRangeT.length == 1) {
      return t >= noiseRangeT[0];
    }
    return noiseRangeT[0] <= t && t < noiseRangeT[1];
  }

  /** The noised rate, {@code v + v * noise}, in timm's order ({@code v * (1 + noise)} rounds otherwise). */
  public static double noised(double v, double noise) {
    return v + v * noise;
  }

  /**
   * Why timm's 'normal' noise never comes, or null where it does: the loop ends only on {@code
   * |noise| < noise_pct}, never true for a {@code noise_pct} of 0 or less or NaN, nor for a {@code
   * noise_std} that is infinite or NaN, which makes every draw infinite or NaN. An infinite {@code
   * noise_pct}, under which timm takes the first draw whatever it is, is refused too, as every
   * rule refuses a number that is not finite.
   */
  public static String normalRefusal(double noisePct, double noiseStd) {
    if (noisePct == Double.POSITIVE_INFINITY) {
      return Rule.POSITIVE.message(NAME, "noisePct", "noise_pct", noisePct)
          + ": the 'normal' noise would be unbounded";
    }
    if (!Rule.POSITIVE.holds(noisePct)) {
      return Rule.POSITIVE.message(NAME, "noisePct", "noise_pct", noisePct)
          + ": timm redraws the 'normal' noise until abs(noise) < noise_pct, which would never end";
    }
    if (!Rule.FINITE.holds(noiseStd)) {
      return Rule.FINITE.message(NAME, "noiseStd", "noise_std", noiseStd)
          + ": every 'normal' draw would be infinite or NaN, and timm would redraw it forever";
    }
    return null;
  }

  /**
   * Why timm's 'uniform' noise is no number, or null where it is one: a {@code noise_pct} that is
   * infinite or NaN makes it infinite or NaN. A {@code noise_pct} of 0 or less is taken, as timm
   * takes it: no noise, or the same noise mirrored.
   */
  public static String uniformRefusal(double noisePct) {
    if (!Rule.FINITE.holds(noisePct)) {
      return Rule.FINITE.message(NAME, "noisePct", "noise_pct", noisePct)
          + ": the 'uniform' noise, 2 * (u - 0.5) * noise_pct, would be infinite or NaN";
    }
    return null;
  }
}

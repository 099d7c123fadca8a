package dev.anneal.math;

/**
 * The noise of timm's schedulers ({@code Scheduler._is_apply_noise} and
 * {@code Scheduler._calculate_noise}): at an update {@code t} inside {@code noise_range_t} the
 * rate {@code v} becomes {@code v + v * noise}, the noise drawn from a {@code torch.Generator}
 * seeded with {@code noise_seed + t}, so that the noise of a step depends on that step alone.
 *
 * <p>A placeholder: {@link #applies} and {@link #noised} are timm's, while {@link #normal} and
 * {@link #uniform}, which reproduce PyTorch's generator, are not here yet and throw.
 */
public final class TimmNoise {
  private TimmNoise() {}

  /**
   * Whether the noise applies at {@code t}: never for an empty {@code noise_range_t} (the
   * reference's {@code None}), {@code t >= n} for one value {@code n}, {@code lo <= t < hi} for
   * two.
   */
  public static boolean applies(long t, int[] noiseRangeT) {
    if (noiseRangeT.length == 0) {
      return false;
    }
    if (noiseRangeT.length == 1) {
      return t >= noiseRangeT[0];
    }
    return noiseRangeT[0] <= t && t < noiseRangeT[1];
  }

  /**
   * timm's {@code "normal"} noise: {@code randn() * noise_std} from a generator seeded with
   * {@code seed}, drawn again until its magnitude is below {@code noise_pct}.
   *
   * @throws UnsupportedOperationException always, in this placeholder
   */
  public static double normal(long seed, double noisePct, double noiseStd) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * timm's other noise: {@code 2 * (rand() - 0.5) * noise_pct} from a generator seeded with
   * {@code seed}.
   *
   * @throws UnsupportedOperationException always, in this placeholder
   */
  public static double uniform(long seed, double noisePct) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The rate {@code v} with the noise {@code noise}: {@code v + v * noise}. */
  public static double noised(double v, double noise) {
    return v + v * noise;
  }
}

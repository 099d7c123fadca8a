package dev.anneal.math;

/**
 * {@code CyclicLR}: the rate moves between {@code base_lr} and {@code max_lr} in cycles of
 * {@code step_size_up + step_size_down} steps; the momentum moves the opposite way between
 * {@code max_momentum} and {@code base_momentum}.
 *
 * <pre>
 * cycle = floor(1 + t / total_size)
 * x     = 1 + t / total_size - cycle                      (position in the cycle, 0..1)
 * scale = x / step_ratio            if x &lt;= step_ratio    (rising)
 *       = (x - 1) / (step_ratio - 1) otherwise            (falling)
 * lr       = base_lr + (max_lr - base_lr) * scale * scale_fn(cycle or t)
 * momentum = max_momentum - (max_momentum - base_momentum) * scale * scale_fn(cycle or t)
 * </pre>
 *
 * with {@code total_size = step_size_up + step_size_down} and {@code step_ratio = step_size_up /
 * total_size}. The built-in amplitude functions: triangular {@code 1}, triangular2
 * {@code 1 / 2^(cycle - 1)} and exp_range {@code gamma ^ t}.
 */
public final class CyclicLR {
  private CyclicLR() {}

  /** {@code step_ratio = step_size_up / (step_size_up + step_size_down)}. */
  public static double stepRatio(int stepSizeUp, int stepSizeDown) {
    return (double) stepSizeUp / ((double) stepSizeUp + stepSizeDown);
  }

  /** {@code total_size = step_size_up + step_size_down}, a float as in PyTorch. */
  public static double totalSize(int stepSizeUp, int stepSizeDown) {
    return (double) stepSizeUp + stepSizeDown;
  }

  /** The cycle of step {@code t}, counted from 1. */
  public static double cycle(double totalSize, long t) {
    return Math.floor(1 + t / totalSize);
  }

  /** The position of step {@code t} within its cycle, as {@code scale} above (0 at the ends, 1 at the peak). */
  public static double scale(double totalSize, double stepRatio, long t) {
    double cycle = Math.floor(1 + t / totalSize);
    double x = 1.0 + t / totalSize - cycle;
    return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
  }

  /** Mode triangular2's amplitude: {@code 1 / 2^(cycle - 1)}. */
  public static double triangular2(double cycle) {
    return 1 / Math.pow(2.0, cycle - 1);
  }

  /** Mode exp_range's amplitude: {@code gamma ^ t}. */
  public static double expRange(double gamma, long t) {
    return Math.pow(gamma, t);
  }

  /** The rate for a position {@code scale} and amplitude {@code amplitude}. */
  public static double lr(double baseLr, double maxLr, double scale, double amplitude) {
    return baseLr + (maxLr - baseLr) * scale * amplitude;
  }

  /** The momentum for a position {@code scale} and amplitude {@code amplitude}. */
  public static double momentum(
      double baseMomentum, double maxMomentum, double scale, double amplitude) {
    return maxMomentum - (maxMomentum - baseMomentum) * scale * amplitude;
  }
}

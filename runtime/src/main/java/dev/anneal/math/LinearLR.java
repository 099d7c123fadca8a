package dev.anneal.math;

/**
 * {@code LinearLR}: {@code lr(t) = base_lr * (start_factor + (end_factor - start_factor) *
 * min(t, total_iters) / total_iters)}.
 *
 * <p>With {@code total_iters <= 0} PyTorch never moves past {@code start_factor}.
 */
public final class LinearLR {
  private LinearLR() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(double startFactor, double endFactor, int totalIters, long t) {
    if (totalIters <= 0) {
      return startFactor;
    }
    return startFactor + (endFactor - startFactor) * Math.min(t, totalIters) / totalIters;
  }

  /**
   * PyTorch's chainable form: the ratio {@code lr(t) / lr(t - 1)} for {@code t >= 1}, as
   * {@code ChainedScheduler} applies it to whatever rate the previous schedules left.
   */
  public static double ratio(double startFactor, double endFactor, int totalIters, long t) {
    if (t > totalIters) {
      return 1.0;
    }
    double slope = endFactor - startFactor;
    return 1.0 + slope / (totalIters * startFactor + (t - 1) * slope);
  }
}

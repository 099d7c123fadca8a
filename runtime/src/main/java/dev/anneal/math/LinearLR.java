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
    if (t >= totalIters) {
      // Exactly end_factor: the expression below may round to a hair under it, and below 0 when
      // end_factor is 0.
      return endFactor;
    }
    return startFactor + (endFactor - startFactor) * Steps.toDouble(t) / totalIters;
  }

  /**
   * The factor at step {@code t} of a LinearLR that {@code SequentialLR} started at a milestone:
   * PyTorch sets it to its closed form at its step 0, then steps it by its chainable form. With
   * {@code total_iters > 0} that is {@link #factor}; with {@code total_iters < 0} the closed form
   * gives {@code start_factor + (end_factor - start_factor) * total_iters / total_iters}, evaluated
   * as PyTorch does, and no later step changes it. {@code total_iters = 0} divides by zero there
   * (PyTorch raises {@code ZeroDivisionError}); see {@link SequentialLR#restartRefusal}.
   */
  public static double restartedFactor(double startFactor, double endFactor, int totalIters, long t) {
    if (totalIters > 0) {
      return factor(startFactor, endFactor, totalIters, t);
    }
    if (totalIters == 0) {
      throw new IllegalArgumentException(SequentialLR.restartRefusal("LinearLR", totalIters));
    }
    double totalIterations = totalIters;
    return startFactor + (endFactor - startFactor) * totalIterations / totalIterations;
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
    // Never below 0: the ratio of two rates is not negative, and rounding at the last step to
    // end_factor = 0 would otherwise turn the rate negative by a few ulps.
    return Math.max(0.0, 1.0 + slope / (totalIters * startFactor + Steps.toDouble(t - 1) * slope));
  }
}

package dev.anneal.math;

/**
 * {@code PolynomialLR}: {@code lr(t) = base_lr * (1 - min(t, total_iters) / total_iters) ^ power}.
 *
 * <p>With {@code total_iters <= 0} PyTorch never decays.
 */
public final class PolynomialLR {
  private PolynomialLR() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int totalIters, double power, long t) {
    if (totalIters <= 0) {
      return 1.0;
    }
    return Math.pow(1.0 - Steps.toDouble(Math.min(t, totalIters)) / totalIters, power);
  }

  /**
   * The factor at step {@code t} of a PolynomialLR that {@code SequentialLR} started at a
   * milestone: PyTorch sets it to its closed form at its step 0, then steps it by its chainable
   * form. With {@code total_iters > 0} that is {@link #factor}; with {@code total_iters < 0} the
   * closed form gives {@code (1 - total_iters / total_iters) ^ power = 0 ^ power} (0, or 1 where
   * {@code power} is 0), and no later step changes it. {@code total_iters = 0} divides by zero
   * there (PyTorch raises {@code ZeroDivisionError}); see {@link SequentialLR#restartRefusal}.
   */
  public static double restartedFactor(int totalIters, double power, long t) {
    if (totalIters > 0) {
      return factor(totalIters, power, t);
    }
    if (totalIters == 0) {
      throw new IllegalArgumentException(SequentialLR.restartRefusal("PolynomialLR", totalIters));
    }
    return Math.pow(1.0 - (double) totalIters / totalIters, power);
  }

  /** PyTorch's chainable form: the ratio {@code lr(t) / lr(t - 1)} for {@code t >= 1}. */
  public static double ratio(int totalIters, double power, long t) {
    if (t > totalIters) {
      return 1.0;
    }
    return Math.pow(
        (1.0 - Steps.toDouble(t) / totalIters) / (1.0 - Steps.toDouble(t - 1) / totalIters), power);
  }
}

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

  /** PyTorch's chainable form: the ratio {@code lr(t) / lr(t - 1)} for {@code t >= 1}. */
  public static double ratio(int totalIters, double power, long t) {
    if (t > totalIters) {
      return 1.0;
    }
    return Math.pow(
        (1.0 - Steps.toDouble(t) / totalIters) / (1.0 - Steps.toDouble(t - 1) / totalIters), power);
  }
}

package dev.anneal.math;

/**
 * {@code ConstantLR}: {@code lr(t) = base_lr * factor} while {@code t < total_iters}, then
 * {@code base_lr}.
 *
 * <p>PyTorch restores the rate by multiplying with {@code 1 / factor} when {@code t} equals
 * {@code total_iters}; with {@code total_iters <= 0} that step never comes and the factor stays.
 */
public final class ConstantLR {
  private ConstantLR() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(double factor, int totalIters, long t) {
    return t < totalIters || totalIters <= 0 ? factor : 1.0;
  }
}

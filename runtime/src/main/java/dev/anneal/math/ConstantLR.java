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

  /**
   * The factor at step {@code t} of a ConstantLR that {@code SequentialLR} started at a milestone:
   * PyTorch sets it to its closed form at its step 0, {@code factor + (0 >= total_iters) * (1 -
   * factor)}, then steps it by its chainable form. With {@code total_iters > 0} that is {@link
   * #factor}; with {@code total_iters <= 0} the closed form restores the rate at once, {@code factor
   * + (1 - factor)}, and no later step changes it.
   */
  public static double restartedFactor(double factor, int totalIters, long t) {
    return totalIters > 0 ? factor(factor, totalIters, t) : factor + (1.0 - factor);
  }
}

package dev.anneal.math;

/**
 * {@code ExponentialLR}: {@code lr(t) = base_lr * gamma ^ t}. PyTorch steps it as
 * {@code lr(t) = lr(t - 1) * gamma}.
 */
public final class ExponentialLR {
  private ExponentialLR() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(double gamma, long t) {
    return Math.pow(gamma, Steps.toDouble(t));
  }

  /**
   * The factor at step {@code t >= 1} from the factor at {@code t - 1}: PyTorch's multiplication
   * by {@code gamma}, except every {@value #RESYNC_PERIOD} steps, where it is recomputed by
   * {@link #factor}. A product's rounding compounds (4e-13 relative after 10^8 steps with gamma =
   * 0.99999999); recomputing bounds it to what {@value #RESYNC_PERIOD} multiplications can gather,
   * while a step still costs one multiplication.
   */
  public static double next(double factor, double gamma, long t) {
    return (t & (RESYNC_PERIOD - 1)) == 0 ? factor(gamma, t) : factor * gamma;
  }

  /** Steps between recomputations of the factor by {@link #next}; a power of two. */
  public static final int RESYNC_PERIOD = 1024;
}

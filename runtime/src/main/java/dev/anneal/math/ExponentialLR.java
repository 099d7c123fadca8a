package dev.anneal.math;

/**
 * {@code ExponentialLR}: {@code lr(t) = base_lr * gamma ^ t}. PyTorch steps it as
 * {@code lr(t) = lr(t - 1) * gamma}.
 */
public final class ExponentialLR {
  private ExponentialLR() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(double gamma, long t) {
    return Math.pow(gamma, t);
  }
}

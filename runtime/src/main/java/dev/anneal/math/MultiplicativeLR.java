package dev.anneal.math;

/**
 * {@code MultiplicativeLR}: {@code lr(0) = base_lr}, {@code lr(t) = lr(t - 1) * lr_lambda(t)}, with
 * {@code lr_lambda} a static method of the config. A recurrence only: it has no closed form.
 */
public final class MultiplicativeLR {
  private MultiplicativeLR() {}

  /** The rate at step {@code t >= 1} given the previous rate and {@code lambda = lr_lambda(t)}. */
  public static double next(double previousLr, double lambda) {
    return previousLr * lambda;
  }
}

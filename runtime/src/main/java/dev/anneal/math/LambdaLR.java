package dev.anneal.math;

/**
 * {@code LambdaLR}: {@code lr(t) = base_lr * lr_lambda(t)}, with {@code lr_lambda} a static method of
 * the config that the generated scheduler calls directly.
 */
public final class LambdaLR {
  private LambdaLR() {}

  /** The rate at step {@code t} given {@code lambda = lr_lambda(t)}. */
  public static double lr(double baseLr, double lambda) {
    return baseLr * lambda;
  }
}

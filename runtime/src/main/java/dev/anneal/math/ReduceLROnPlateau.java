package dev.anneal.math;

/**
 * {@code ReduceLROnPlateau}: after {@code patience} steps in a row whose metric is not an
 * improvement on the best seen, every group's rate becomes {@code max(lr * factor, min_lr)} (unless
 * that changes it by no more than {@code eps}), then {@code cooldown} steps pass in which bad steps
 * are not counted.
 *
 * <p>An improvement, for a metric {@code a} and the best so far {@code best} (infinitely bad at
 * first):
 *
 * <pre>
 * min, rel:  a &lt; best * (1 - threshold)      max, rel:  a &gt; best * (threshold + 1)
 * min, abs:  a &lt; best - threshold            max, abs:  a &gt; best + threshold
 * </pre>
 *
 * <p>A NaN metric is never an improvement, so it counts as a bad step, as in PyTorch.
 */
public final class ReduceLROnPlateau {
  private ReduceLROnPlateau() {}

  /** {@code a < best * relEpsilon} with {@code relEpsilon = 1 - threshold}: mode min, rel. */
  public static boolean lessRelative(double a, double best, double relEpsilon) {
    return a < best * relEpsilon;
  }

  /** {@code a < best - threshold}: mode min, abs. */
  public static boolean lessAbsolute(double a, double best, double threshold) {
    return a < best - threshold;
  }

  /** {@code a > best * relEpsilon} with {@code relEpsilon = threshold + 1}: mode max, rel. */
  public static boolean greaterRelative(double a, double best, double relEpsilon) {
    return a > best * relEpsilon;
  }

  /** {@code a > best + threshold}: mode max, abs. */
  public static boolean greaterAbsolute(double a, double best, double threshold) {
    return a > best + threshold;
  }

  /** The reduced rate: {@code max(lr * factor, min_lr)}, or {@code lr} if that moves it by eps or less. */
  public static double reduce(double lr, double factor, double minLr, double eps) {
    double reduced = Math.max(lr * factor, minLr);
    return lr - reduced > eps ? reduced : lr;
  }
}

package dev.anneal.math;

import java.util.Arrays;

/**
 * {@code MultiStepLR}: {@code lr(t) = base_lr * gamma ^ (number of milestones m with 0 <= m <= t)}.
 *
 * <p>Milestones may come unsorted and repeated, as in PyTorch (which counts them): a milestone
 * listed twice decays twice at once. A negative milestone is never reached.
 */
public final class MultiStepLR {
  private MultiStepLR() {}

  /** The milestones that stepping reaches, sorted, repeats kept: the form generated code uses. */
  public static int[] reachable(int[] milestones) {
    return Arrays.stream(milestones).filter(m -> m >= 0).sorted().toArray();
  }

  /** The number of reachable milestones at or before {@code t}, in {@code sorted} milestones. */
  public static int passed(int[] sorted, long t) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= t) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The step of the next decay once {@code passed} of the {@code sorted} milestones are passed;
   * {@link Long#MAX_VALUE}, a step never reached, after the last.
   */
  public static long next(int[] sorted, int passed) {
    return passed < sorted.length ? sorted[passed] : Long.MAX_VALUE;
  }

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(double gamma, int[] sorted, long t) {
    return Math.pow(gamma, Steps.toDouble(passed(sorted, t)));
  }
}

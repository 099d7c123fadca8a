package dev.anneal.processor.validation;

import java.util.Locale;

/** How soon a rate that grows by {@code |gamma|} a step leaves the doubles, for warnings. */
public final class Growth {
  /** {@code ln(Double.MAX_VALUE)}: how far a rate of 1 can grow, as a power of e. */
  private static final double LN_LARGEST = Math.log(Double.MAX_VALUE);

  private Growth() {}

  /** The steps after which a rate of 1, multiplied by {@code gamma} each step, passes the largest double. */
  public static double stepsToOverflow(double gamma) {
    return LN_LARGEST / Math.log(Math.abs(gamma));
  }

  /** A count of steps as a reader wants it: grouped digits, or three figures where it is huge. */
  public static String steps(double steps) {
    return steps >= 1e15 ? String.format(Locale.ROOT, "%.3g", steps)
        : String.format(Locale.ROOT, "%,d", (long) Math.ceil(steps));
  }
}

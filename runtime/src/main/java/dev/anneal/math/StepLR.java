package dev.anneal.math;

/**
 * {@code StepLR}: {@code lr(t) = base_lr * gamma ^ floor(t / step_size)}.
 *
 * <p>PyTorch steps it as a recurrence, multiplying the rate by {@code gamma} whenever {@code t} is a
 * positive multiple of {@code step_size}; a negative {@code step_size} therefore decays every
 * {@code |step_size|} steps, and so does the closed form here.
 */
public final class StepLR {
  private StepLR() {}

  /**
   * The steps between decays, {@code |step_size|}, as a {@code long}: for {@code step_size =
   * Integer.MIN_VALUE} it is 2^31, which no {@code int} holds.
   */
  public static long period(int stepSize) {
    return Math.abs((long) stepSize);
  }

  /** The factor on {@code base_lr} at step {@code t}, given the {@link #period}. */
  public static double decayFactor(double gamma, long period, long t) {
    return Math.pow(gamma, Steps.toDouble(t / period));
  }

  /** Whether stepping to {@code t} (> 0) multiplies the rate by {@code gamma}. */
  public static boolean decaysAt(int stepSize, long t) {
    return t % stepSize == 0;
  }
}

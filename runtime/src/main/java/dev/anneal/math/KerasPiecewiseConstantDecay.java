package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.PiecewiseConstantDecay}, a function of the optimizer's
 * update count {@code step}: {@code values[0]} while {@code step <= boundaries[0]},
 * {@code values[i + 1]} for {@code boundaries[i] < step <= boundaries[i + 1]}, and
 * {@code values[-1]} past {@code boundaries[-1]}. The values are absolute rates.
 *
 * <p>The reference adds up the value of every interval that holds the step, each times 0 or 1, so
 * that where boundaries are not sorted and intervals overlap, the step gets the sum of their values;
 * the sum is taken here in its order.
 */
public final class KerasPiecewiseConstantDecay {
  private KerasPiecewiseConstantDecay() {}

  /** The reference's ValueError on the lengths of the two lists, or null. */
  public static String refusal(int[] boundaries, double[] values) {
    if (boundaries.length != values.length - 1) {
      return "the length of boundaries should be 1 less than the length of values; received boundaries of length "
          + boundaries.length + " and values of length " + values.length;
    }
    return null;
  }

  /** The rate at {@code step}. */
  public static double lr(int[] boundaries, double[] values, long step) {
    int last = boundaries.length - 1;
    double result = 0.0;
    result += (step <= boundaries[0] ? 1.0 : 0.0) * values[0];
    result += (step > boundaries[last] ? 1.0 : 0.0) * values[values.length - 1];
    for (int i = 0; i < last; i++) {
      result += (step > boundaries[i] && step <= boundaries[i + 1] ? 1.0 : 0.0) * values[i + 1];
    }
    return result;
  }
}

package dev.anneal.math;

/**
 * optax's {@code warmup_cosine_decay_schedule}: {@code join_schedules} of a
 * {@link OptaxLinearSchedule} from {@code init_value} to {@code peak_value} over
 * {@code warmup_steps} and a {@link OptaxCosineDecaySchedule} from {@code peak_value} over
 * {@code decay_steps - warmup_steps} (the decay's steps include the warm-up), with
 * {@code alpha = end_value / peak_value} (0 where {@code peak_value} is 0):
 *
 * <pre>
 * value(count) = linear(count)                          if count &lt; warmup_steps
 *              = cosine(count - warmup_steps)            otherwise
 * </pre>
 */
public final class OptaxWarmupCosineDecaySchedule {
  private OptaxWarmupCosineDecaySchedule() {}

  /** The reference's ValueError, from its cosine of {@code decay_steps - warmup_steps} updates, or null. */
  public static String refusal(int warmupSteps, int decaySteps) {
    String refusal = OptaxCosineDecaySchedule.refusal(decaySteps - warmupSteps);
    return refusal == null ? null : "decay_steps = " + decaySteps + " is not above warmup_steps = " + warmupSteps
        + " (decay_steps counts the warm-up), and the reference's cosine of the updates after it raises: " + refusal;
  }

  /** The value at {@code count}, {@code peakValue} the reference's {@code peak_value}. */
  public static double lr(double initValue, int warmupSteps, int decaySteps, double endValue, double exponent,
      double peakValue, long count) {
    if (count < warmupSteps) {
      return OptaxLinearSchedule.lr(peakValue, warmupSteps, 0, initValue, count);
    }
    double alpha = peakValue == 0.0 ? 0.0 : endValue / peakValue;
    return OptaxCosineDecaySchedule.lr(decaySteps - warmupSteps, alpha, exponent, peakValue, count - warmupSteps);
  }
}

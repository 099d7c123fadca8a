package dev.anneal.math;

/**
 * optax's {@code warmup_exponential_decay_schedule}: {@code join_schedules} of a
 * {@link OptaxLinearSchedule} from {@code init_value} to {@code peak_value} over
 * {@code warmup_steps} and an {@link OptaxExponentialDecay} from {@code peak_value}:
 *
 * <pre>
 * value(count) = linear(count)                          if count &lt; warmup_steps
 *              = exponential(count - warmup_steps)       otherwise
 * </pre>
 */
public final class OptaxWarmupExponentialDecaySchedule {
  private OptaxWarmupExponentialDecaySchedule() {}

  /** The value at {@code count} without {@code end_value}. */
  public static double lr(double initValue, int warmupSteps, int transitionSteps, double decayRate,
      int transitionBegin, boolean staircase, double peakValue, long count) {
    if (count < warmupSteps) {
      return OptaxLinearSchedule.lr(peakValue, warmupSteps, 0, initValue, count);
    }
    return OptaxExponentialDecay.lr(transitionSteps, decayRate, transitionBegin, staircase, peakValue,
        count - warmupSteps);
  }

  /** The value at {@code count}, the decay bounded by {@code endValue}. */
  public static double lr(double initValue, int warmupSteps, int transitionSteps, double decayRate,
      int transitionBegin, boolean staircase, double endValue, double peakValue, long count) {
    if (count < warmupSteps) {
      return OptaxLinearSchedule.lr(peakValue, warmupSteps, 0, initValue, count);
    }
    return OptaxExponentialDecay.lr(transitionSteps, decayRate, transitionBegin, staircase, endValue, peakValue,
        count - warmupSteps);
  }
}

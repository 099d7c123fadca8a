package dev.anneal.math;

/**
 * optax's {@code warmup_constant_schedule}: its {@link OptaxLinearSchedule} from {@code init_value}
 * to {@code peak_value} over {@code warmup_steps}, then {@code peak_value}. As the reference's
 * linear schedule does, a {@code warmup_steps <= 0} gives {@code init_value} at every count, never
 * {@code peak_value}.
 */
public final class OptaxWarmupConstantSchedule {
  private OptaxWarmupConstantSchedule() {}

  /** The value at {@code count}, {@code peakValue} the reference's {@code peak_value}. */
  public static double lr(double initValue, int warmupSteps, double peakValue, long count) {
    return OptaxLinearSchedule.lr(peakValue, warmupSteps, 0, initValue, count);
  }
}

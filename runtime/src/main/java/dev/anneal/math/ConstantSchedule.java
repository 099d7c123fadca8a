package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_constant_schedule} and
 * {@code get_constant_schedule_with_warmup}: {@code LambdaLR}s that keep the initial rate, the
 * second after a linear warm-up from 0 over {@code num_warmup_steps}:
 *
 * <pre>
 * get_constant_schedule:             lr_lambda(t) = 1
 * get_constant_schedule_with_warmup: lr_lambda(t) = t / max(1, num_warmup_steps)   if t &lt; num_warmup_steps
 *                                                 = 1                              otherwise
 * </pre>
 *
 * <p>A warm-up of 0 or fewer steps has none: the factor is 1 from step 0.
 */
public final class ConstantSchedule {
  private ConstantSchedule() {}

  /** The factor of {@code get_constant_schedule} on {@code base_lr}, at every step. */
  public static double factor() {
    return 1.0;
  }

  /** The factor of {@code get_constant_schedule_with_warmup} on {@code base_lr} at step {@code t}. */
  public static double factorWithWarmup(int numWarmupSteps, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    return 1.0;
  }
}

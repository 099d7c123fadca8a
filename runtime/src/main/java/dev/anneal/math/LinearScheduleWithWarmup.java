package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_linear_schedule_with_warmup}: a {@code LambdaLR} whose
 * factor rises linearly from 0 over {@code num_warmup_steps}, then falls linearly to 0 at
 * {@code num_training_steps} and stays there:
 *
 * <pre>
 * lr_lambda(t) = t / max(1, num_warmup_steps)                                                  if t &lt; num_warmup_steps
 *              = max(0, (num_training_steps - t) / max(1, num_training_steps - num_warmup_steps))   otherwise
 * </pre>
 *
 * <p>The {@code max(1, ...)} keeps every configuration defined: with {@code num_training_steps <=
 * num_warmup_steps} the factor drops from the warm-up straight to 0.
 */
public final class LinearScheduleWithWarmup {
  private LinearScheduleWithWarmup() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, int numTrainingSteps, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    double decay = Steps.difference(numTrainingSteps, t)
        / Math.max(1L, (long) numTrainingSteps - numWarmupSteps);
    // Python's max(0.0, x) keeps its first argument unless x is greater: 0.0, not -0.0.
    return decay > 0.0 ? decay : 0.0;
  }
}

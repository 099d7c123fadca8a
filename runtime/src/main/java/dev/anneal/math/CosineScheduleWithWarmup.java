package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_cosine_schedule_with_warmup}: a {@code LambdaLR} whose
 * factor rises linearly from 0 over {@code num_warmup_steps}, then follows {@code num_cycles}
 * periods of a cosine from 1 (half a period by default: down to 0 at {@code num_training_steps}):
 *
 * <pre>
 * progress(t)  = (t - num_warmup_steps) / max(1, num_training_steps - num_warmup_steps)
 * lr_lambda(t) = t / max(1, num_warmup_steps)                                   if t &lt; num_warmup_steps
 *              = max(0, 0.5 * (1 + cos(pi * num_cycles * 2 * progress(t))))     otherwise
 * </pre>
 *
 * <p>Past {@code num_training_steps} the cosine goes on: with half a period the factor rises
 * again. The reference's {@code factor * (1 - min_lr_rate) + min_lr_rate} with its
 * {@code min_lr_rate} of 0 changes no value but the sign of a zero, which its {@code max(0, ...)}
 * drops anyway.
 */
public final class CosineScheduleWithWarmup {
  /** {@code num_cycles} where it is not given: half a period, from 1 down to 0. */
  public static final double DEFAULT_NUM_CYCLES = 0.5;

  private CosineScheduleWithWarmup() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, int numTrainingSteps, double numCycles, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    double progress = Warmup.progress(numWarmupSteps, numTrainingSteps, t);
    double factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
    return factor > 0 ? factor : 0.0;
  }
}

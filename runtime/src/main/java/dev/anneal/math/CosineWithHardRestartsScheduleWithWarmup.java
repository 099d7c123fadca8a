package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_cosine_with_hard_restarts_schedule_with_warmup}: a
 * {@code LambdaLR} whose factor rises linearly from 0 over {@code num_warmup_steps}, then falls
 * along half a cosine from 1 to 0 {@code num_cycles} times, each fall restarting at 1, and is 0
 * from {@code num_training_steps} on:
 *
 * <pre>
 * progress(t)  = (t - num_warmup_steps) / max(1, num_training_steps - num_warmup_steps)
 * lr_lambda(t) = t / max(1, num_warmup_steps)                                   if t &lt; num_warmup_steps
 *              = 0                                                              if progress(t) &gt;= 1
 *              = max(0, 0.5 * (1 + cos(pi * ((num_cycles * progress(t)) % 1))))   otherwise
 * </pre>
 *
 * <p>{@code %} is Python's: its result takes the sign of the divisor, so a negative
 * {@code num_cycles} runs its cycles backwards rather than leaving [0, 1).
 */
public final class CosineWithHardRestartsScheduleWithWarmup {
  /** {@code num_cycles} where it is not given: one fall, no restart. */
  public static final double DEFAULT_NUM_CYCLES = 1.0;

  private CosineWithHardRestartsScheduleWithWarmup() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, int numTrainingSteps, double numCycles, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    double progress = Warmup.progress(numWarmupSteps, numTrainingSteps, t);
    if (progress >= 1.0) {
      return 0.0;
    }
    double factor = 0.5 * (1.0 + Math.cos(Math.PI * pythonModOne(numCycles * progress)));
    return factor > 0.0 ? factor : 0.0;
  }

  /** Python's {@code x % 1.0}: C's {@code fmod}, moved into [0, 1) where it is negative. */
  private static double pythonModOne(double x) {
    double mod = x % 1.0;
    if (mod == 0.0) {
      return 0.0;
    }
    return mod < 0 ? mod + 1.0 : mod;
  }
}

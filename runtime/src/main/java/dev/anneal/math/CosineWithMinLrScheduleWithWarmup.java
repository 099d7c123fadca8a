package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup}: a
 * {@code LambdaLR} whose factor rises linearly from 0 over {@code num_warmup_steps}, then follows
 * {@code num_cycles} periods of a cosine from 1, squeezed into {@code [min_lr_rate, 1]}:
 *
 * <pre>
 * progress(t)  = (t - num_warmup_steps) / max(1, num_training_steps - num_warmup_steps)
 * cosine(t)    = 0.5 * (1 + cos(pi * num_cycles * 2 * progress(t)))
 * lr_lambda(t) = t / max(1, num_warmup_steps)                              if t &lt; num_warmup_steps
 *              = max(0, cosine(t) * (1 - min_lr_rate) + min_lr_rate)        otherwise
 * </pre>
 *
 * <p>The reference takes exactly one of {@code min_lr_rate} and {@code min_lr}; from {@code min_lr}
 * it computes {@code min_lr_rate = min_lr / optimizer.defaults["lr"]}, one rate for every group.
 */
public final class CosineWithMinLrScheduleWithWarmup {
  private CosineWithMinLrScheduleWithWarmup() {}

  /**
   * The reference's {@code min_lr_rate} where {@code min_lr} is given: {@code min_lr / lr_init},
   * with {@code lr_init} the optimizer's default rate.
   *
   * @throws IllegalArgumentException where the quotient overflows: the reference goes on with an
   *     infinite rate, whose {@code inf - inf} after the warm-up is NaN, which its {@code max(0, ...)}
   *     turns into a rate of 0 at every step; no one means that
   */
  public static double minLrRate(double minLr, double lrInit) {
    double minLrRate = minLr / lrInit;
    if (Double.isInfinite(minLrRate)) {
      throw new IllegalArgumentException("transformers' cosine with min_lr: minLr (min_lr) = " + minLr
          + " over lrInit (optimizer.defaults[\"lr\"]) = " + lrInit + " overflows to " + minLrRate
          + ", and the reference's rate after the warm-up is then NaN, which it turns into 0");
    }
    return minLrRate;
  }

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, int numTrainingSteps, double numCycles, double minLrRate, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    double progress = Warmup.progress(numWarmupSteps, numTrainingSteps, t);
    return squeezed(0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress)), minLrRate);
  }

  /**
   * {@code max(0, factor * (1 - min_lr_rate) + min_lr_rate)}, as both cosine-with-min-lr schedules
   * write it: Python's {@code max(0, x)} keeps {@code x} only where {@code x > 0}.
   */
  static double squeezed(double factor, double minLrRate) {
    double squeezed = factor * (1 - minLrRate) + minLrRate;
    return squeezed > 0 ? squeezed : 0.0;
  }
}

package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}: the
 * cosine of {@link CosineWithMinLrScheduleWithWarmup} one step earlier, after a warm-up that starts
 * above 0. The reference computes every step count as a {@code float}:
 *
 * <pre>
 * warmup(t)    = (t + 1) / max(1, num_warmup_steps)                                    without warmup_lr_rate
 *              = warmup_lr_rate + (1 - warmup_lr_rate) * t / max(1, num_warmup_steps - 1)   with it
 * progress(t)  = (t - num_warmup_steps + 1) / max(1, num_training_steps - num_warmup_steps)
 * lr_lambda(t) = warmup(t)                                                              if t &lt; num_warmup_steps
 *              = max(0, cosine(t) * (1 - min_lr_rate) + min_lr_rate)                     otherwise
 * </pre>
 *
 * <p>{@code cosine(t)} is {@code 0.5 * (1 + cos(pi * num_cycles * 2 * progress(t)))}. Without
 * {@code warmup_lr_rate} the warm-up is not that of {@code warmup_lr_rate = 1 / num_warmup_steps},
 * as the reference's documentation has it, to the last bit: the two are computed apart.
 */
public final class CosineWithMinLrScheduleWithWarmupLrRate {
  private CosineWithMinLrScheduleWithWarmupLrRate() {}

  /** The factor on {@code base_lr} at step {@code t}, without {@code warmup_lr_rate}. */
  public static double factor(int numWarmupSteps, int numTrainingSteps, double numCycles, double minLrRate, long t) {
    double step = Steps.toDouble(t);
    double warmup = numWarmupSteps;
    if (step < warmup) {
      return (step + 1.0) / Math.max(1.0, warmup);
    }
    return decay(step, warmup, numTrainingSteps, numCycles, minLrRate);
  }

  /** The factor on {@code base_lr} at step {@code t}, with {@code warmup_lr_rate}. */
  public static double factor(
      int numWarmupSteps, int numTrainingSteps, double numCycles, double minLrRate, double warmupLrRate, long t) {
    double step = Steps.toDouble(t);
    double warmup = numWarmupSteps;
    if (step < warmup) {
      return warmupLrRate + (1.0 - warmupLrRate) * step / Math.max(1.0, warmup - 1);
    }
    return decay(step, warmup, numTrainingSteps, numCycles, minLrRate);
  }

  private static double decay(double step, double warmup, int numTrainingSteps, double numCycles, double minLrRate) {
    double progress = (step - warmup + 1.0) / Math.max(1.0, numTrainingSteps - warmup);
    double cosine = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
    return CosineWithMinLrScheduleWithWarmup.squeezed(cosine, minLrRate);
  }
}

package dev.anneal.math;

import dev.anneal.WsdType;

/**
 * Hugging Face transformers' {@code get_wsd_schedule}: a {@code LambdaLR} whose factor warms up
 * from {@code min_lr_ratio} to 1 over {@code num_warmup_steps}, stays at 1 for
 * {@code num_stable_steps}, decays back to {@code min_lr_ratio} over {@code num_decay_steps} and
 * stays there:
 *
 * <pre>
 * lr_lambda(t) = max(0, warmup(t / max(1, w)) * (1 - r) + r)         if t &lt; w
 *              = 1                                                    if t &lt; w + s
 *              = max(0, decay((t - w - s) / max(1, d)) * (1 - r) + r)  if t &lt; w + s + d
 *              = r                                                    otherwise
 * warmup(p) = p | 0.5 * (1 - cos(pi p)) | 1 - sqrt(1 - p)              by warmup_type
 * decay(p)  = 1 - p | 0.5 * (1 + cos(pi * num_cycles * 2 p)) | 1 - sqrt(p)   by decay_type
 * </pre>
 *
 * <p>with {@code w, s, d} the steps of the three phases and {@code r = min_lr_ratio}. Where
 * {@code num_stable_steps} is not given the reference takes {@code num_training_steps - w - d},
 * in Python's integers: here in {@code long}, which holds any difference of three {@code int}s.
 */
public final class WarmupStableDecaySchedule {
  private WarmupStableDecaySchedule() {}

  /** The reference's {@code num_stable_steps} where it is not given. */
  public static long numStableSteps(int numTrainingSteps, int numWarmupSteps, int numDecaySteps) {
    return (long) numTrainingSteps - numWarmupSteps - numDecaySteps;
  }

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, long numStableSteps, int numDecaySteps, WsdType warmupType,
      WsdType decayType, double minLrRatio, double numCycles, long t) {
    if (t < numWarmupSteps) {
      double progress = Steps.toDouble(t) / Math.max(1, numWarmupSteps);
      return squeezed(Warmup.curve(warmupType, progress), minLrRatio);
    }
    long decayStart = numWarmupSteps + numStableSteps;
    if (t < decayStart) {
      return 1.0;
    }
    if (t < decayStart + numDecaySteps) {
      double progress = Steps.difference(t, decayStart) / Math.max(1, numDecaySteps);
      double factor = switch (decayType) {
        case LINEAR -> 1.0 - progress;
        case COSINE -> 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
        case ONE_MINUS_SQRT -> 1.0 - Math.sqrt(progress);
      };
      return squeezed(factor, minLrRatio);
    }
    return minLrRatio;
  }

  /** {@code max(0.0, factor * (1.0 - min_lr_ratio) + min_lr_ratio)}, as both curves end. */
  private static double squeezed(double factor, double minLrRatio) {
    double squeezed = factor * (1.0 - minLrRatio) + minLrRatio;
    return squeezed > 0.0 ? squeezed : 0.0;
  }
}

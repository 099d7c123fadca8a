package dev.anneal.math;

import dev.anneal.WsdType;

/**
 * The expressions that transformers' warm-up schedules write out alike in each of their
 * {@code lr_lambda}s, computed as they compute them.
 */
final class Warmup {
  private Warmup() {}

  /** {@code float(current_step) / float(max(1, num_warmup_steps))}. */
  static double factor(int numWarmupSteps, long t) {
    return Steps.toDouble(t) / Math.max(1, numWarmupSteps);
  }

  /**
   * The warm-up curve of {@code get_wsd_schedule}'s {@code warmup_type} at {@code progress} from
   * 0 to 1: {@code progress}, {@code 0.5 * (1 - cos(pi progress))} or {@code 1 - sqrt(1 -
   * progress)}.
   */
  static double curve(WsdType shape, double progress) {
    return switch (shape) {
      case LINEAR -> progress;
      case COSINE -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
      case ONE_MINUS_SQRT -> 1.0 - Math.sqrt(1.0 - progress);
    };
  }

  /**
   * {@code float(current_step - num_warmup_steps) / float(max(1, num_training_steps -
   * num_warmup_steps))}: Python's integers do not overflow, so the differences are taken in
   * {@code long}, and the step's exactly even where it leaves the longs.
   */
  static double progress(int numWarmupSteps, int numTrainingSteps, long t) {
    return Steps.difference(t, numWarmupSteps) / Math.max(1L, (long) numTrainingSteps - numWarmupSteps);
  }
}

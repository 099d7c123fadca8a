package dev.anneal.math;

/**
 * The two expressions that transformers' warm-up schedules write out alike in each of their
 * {@code lr_lambda}s, computed as they compute them.
 */
final class Warmup {
  private Warmup() {}

  /** {@code float(current_step) / float(max(1, num_warmup_steps))}. */
  static double factor(int numWarmupSteps, long t) {
    return Steps.toDouble(t) / Math.max(1, numWarmupSteps);
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

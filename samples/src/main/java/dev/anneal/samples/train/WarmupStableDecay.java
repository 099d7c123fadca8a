package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * Warmup-stable-decay, the schedule of recent language-model pre-training: two epochs of linear
 * warm-up from 0, the peak held, then a cosine down to 0 over the last fifth of the run: {@code
 * transformers.get_wsd_schedule(optimizer, num_warmup_steps=W, num_decay_steps=D,
 * num_training_steps=TOTAL_STEPS)}.
 */
@Schedule(
    type = ScheduleType.HF_WARMUP_STABLE_DECAY,
    numWarmupSteps = WarmupStableDecay.WARMUP_STEPS,
    numDecaySteps = WarmupStableDecay.DECAY_STEPS,
    numTrainingSteps = Plan.TOTAL_STEPS)
final class WarmupStableDecay {
  /** Steps of the warm-up: two epochs. */
  static final int WARMUP_STEPS = 2 * Plan.STEPS_PER_EPOCH;

  /** Steps of the decay: the last fifth of the run. */
  static final int DECAY_STEPS = Plan.TOTAL_STEPS / 5;

  private WarmupStableDecay() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_wsd_schedule(optimizer, num_warmup_steps=4, num_decay_steps=12,
 * num_training_steps=32)}: up from 0 over 4 steps, stable for 16, then a cosine down to 0 over the
 * last 12.
 */
@Schedule(
    type = ScheduleType.HF_WARMUP_STABLE_DECAY,
    numWarmupSteps = 4,
    numDecaySteps = 12,
    numTrainingSteps = 32)
final class HfWarmupStableDecay {
  private HfWarmupStableDecay() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_cosine_with_min_lr_schedule_with_warmup(optimizer, num_warmup_steps=4,
 * num_training_steps=32, min_lr_rate=0.1)}: up from 0 over 4 steps, then half a cosine down to a
 * tenth of the initial rate.
 */
@Schedule(
    type = ScheduleType.HF_COSINE_WITH_MIN_LR,
    numWarmupSteps = 4,
    numTrainingSteps = 32,
    minLrRate = 0.1)
final class HfCosineWithMinLr {
  private HfCosineWithMinLr() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(optimizer,
 * num_warmup_steps=4, num_training_steps=32, min_lr_rate=0.1, warmup_lr_rate=0.25)}: up from a
 * quarter of the initial rate over 4 steps, then half a cosine, a step ahead, down to a tenth.
 */
@Schedule(
    type = ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR,
    numWarmupSteps = 4,
    numTrainingSteps = 32,
    minLrRate = 0.1,
    warmupLrRate = 0.25)
final class HfCosineWarmupWithMinLr {
  private HfCosineWarmupWithMinLr() {}
}

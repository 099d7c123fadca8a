package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=4,
 * num_training_steps=32)}: up from 0 over 4 steps, then half a cosine down to 0 at step 32.
 */
@Schedule(type = ScheduleType.HF_COSINE, numWarmupSteps = 4, numTrainingSteps = 32)
final class HfCosine {
  private HfCosine() {}
}

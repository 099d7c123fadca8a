package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_constant_schedule_with_warmup(optimizer, num_warmup_steps=4)}: a
 * linear warm-up from 0 over 4 steps, then the initial rate.
 */
@Schedule(type = ScheduleType.HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 4)
final class HfConstantWithWarmup {
  private HfConstantWithWarmup() {}
}

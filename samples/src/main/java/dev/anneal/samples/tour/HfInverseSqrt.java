package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_inverse_sqrt_schedule(optimizer, num_warmup_steps=4)}: up from 0 over
 * 4 steps, then the inverse square root of the step.
 */
@Schedule(type = ScheduleType.HF_INVERSE_SQRT, numWarmupSteps = 4)
final class HfInverseSqrt {
  private HfInverseSqrt() {}
}

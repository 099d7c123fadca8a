package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1e-3, warmup_steps=4,
 * decay_steps=32, end_value=1e-5, exponent=2.0)}: a linear warm-up over 4 steps, then the cosine
 * squared down to {@code end_value} by step 32 ({@code decay_steps} counts the warm-up). The peak
 * is the group's initial rate.
 */
@Schedule(
    type = ScheduleType.OPTAX_WARMUP_COSINE_DECAY,
    initValue = 0.0,
    warmupSteps = 4,
    decaySteps = 32,
    endValue = 1e-5,
    exponent = 2.0)
final class OptaxWarmupCosine {
  private OptaxWarmupCosine() {}
}

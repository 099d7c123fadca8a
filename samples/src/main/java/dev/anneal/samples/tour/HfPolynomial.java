package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_polynomial_decay_schedule_with_warmup(optimizer, num_warmup_steps=4,
 * num_training_steps=32, lr_end=1e-4, power=2)} for an optimizer whose rate is 1e-3: up from 0
 * over 4 steps, then a quadratic decay to 1e-4 at step 32.
 */
@Schedule(
    type = ScheduleType.HF_POLYNOMIAL,
    numWarmupSteps = 4,
    numTrainingSteps = 32,
    lrEnd = 1e-4,
    power = 2,
    lrInit = 1e-3)
final class HfPolynomial {
  private HfPolynomial() {}
}

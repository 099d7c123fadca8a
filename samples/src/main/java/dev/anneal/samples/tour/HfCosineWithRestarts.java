package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_cosine_with_hard_restarts_schedule_with_warmup(optimizer,
 * num_warmup_steps=4, num_training_steps=32, num_cycles=2)}: up from 0 over 4 steps, then two
 * cosine decays to 0, each restarting at the initial rate.
 */
@Schedule(type = ScheduleType.HF_COSINE_WITH_RESTARTS, numWarmupSteps = 4, numTrainingSteps = 32,
    numCycles = 2)
final class HfCosineWithRestarts {
  private HfCosineWithRestarts() {}
}

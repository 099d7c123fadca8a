package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code keras.optimizers.schedules.CosineDecayRestarts(1e-3, first_decay_steps=4, t_mul=1.5,
 * m_mul=0.8, alpha=0.1)}: cosine periods of 4, 6, 9 and 13.5 steps, each 1.5 times the last (a
 * fractional t_mul, which PyTorch's CosineAnnealingWarmRestarts refuses), each peak 0.8 times the
 * last, never below a tenth of it.
 */
@Schedule(
    type = ScheduleType.KERAS_COSINE_DECAY_RESTARTS,
    firstDecaySteps = 4,
    tMul = 1.5,
    mMul = 0.8,
    alpha = 0.1)
final class KerasCosineRestarts {
  private KerasCosineRestarts() {}
}

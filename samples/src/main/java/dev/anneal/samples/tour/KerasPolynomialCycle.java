package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code keras.optimizers.schedules.PolynomialDecay(1e-3, decay_steps=8, end_learning_rate=1e-4,
 * power=2.0, cycle=True)}: a quadratic decay to {@code end_learning_rate} over 8 steps, then, as
 * Keras cycles, over 16, 24 and 32: each later decay starts part way down, because the horizon
 * grows to the next multiple of {@code decay_steps} rather than restarting.
 */
@Schedule(
    type = ScheduleType.KERAS_POLYNOMIAL_DECAY,
    decaySteps = 8,
    endLearningRate = 1e-4,
    power = 2.0,
    cycle = true)
final class KerasPolynomialCycle {
  private KerasPolynomialCycle() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Chained;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code ChainedScheduler([ConstantLR(optimizer, factor=0.1, total_iters=2),
 * ExponentialLR(optimizer, gamma=0.9)])}, the example of PyTorch's documentation: both act at every
 * step, so the rate is a tenth for two steps on top of a steady exponential decay.
 */
@Schedule(type = ScheduleType.CONSTANT, factor = 0.1, totalIters = 2)
@Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9)
@Chained
final class ChainedWarmupDecay {
  private ChainedWarmupDecay() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;

/**
 * Linear warm-up then cosine decay, the default recipe for training transformers from scratch:
 * {@code SequentialLR(optimizer, [LinearLR(optimizer, start_factor=0.1, total_iters=4),
 * CosineAnnealingLR(optimizer, T_max=28)], milestones=[4])}. The warm-up keeps the first, noisiest
 * updates small; the cosine spends the rest of the run coming down to zero.
 */
@Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = 4)
@Schedule(type = ScheduleType.COSINE, tMax = 28)
@Sequential(milestones = 4)
final class WarmupCosine {
  private WarmupCosine() {}
}

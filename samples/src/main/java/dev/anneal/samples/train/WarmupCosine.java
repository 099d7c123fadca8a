package dev.anneal.samples.train;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;

/**
 * Two epochs of linear warm-up from a tenth of the peak, then cosine decay to zero: {@code
 * SequentialLR([LinearLR(start_factor=0.1, total_iters=W), CosineAnnealingLR(T_max=TOTAL_STEPS -
 * W)], milestones=[W])}.
 */
@Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = WarmupCosine.WARMUP_STEPS)
@Schedule(type = ScheduleType.COSINE, tMax = Plan.TOTAL_STEPS - WarmupCosine.WARMUP_STEPS)
@Sequential(milestones = WarmupCosine.WARMUP_STEPS)
final class WarmupCosine {
  /** Steps of the warm-up: two epochs. */
  static final int WARMUP_STEPS = 2 * Plan.STEPS_PER_EPOCH;

  private WarmupCosine() {}
}

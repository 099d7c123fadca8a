package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code timm.scheduler.CosineLRScheduler(optimizer, t_initial=4, lr_min=1e-4, cycle_mul=2,
 * cycle_decay=0.7, cycle_limit=3, t_in_epochs=False)}: three cosine cycles of 4, 8 and 16 steps,
 * each doubling the last, whose peaks fall from the initial rate by 0.7 a cycle; after the third,
 * at step 28, the rate stays at {@code lr_min}.
 */
@Schedule(
    type = ScheduleType.TIMM_COSINE,
    tInitial = 4,
    lrMin = 1e-4,
    cycleMul = 2,
    cycleDecay = 0.7,
    cycleLimit = 3)
final class TimmCosineCycles {
  private TimmCosineCycles() {}
}

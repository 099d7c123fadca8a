package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code timm.scheduler.TanhLRScheduler(optimizer, t_initial=32, lr_min=1e-4, warmup_t=4,
 * warmup_lr_init=1e-4, t_in_epochs=False)}: timm's warm-up, a line from the absolute rate 1e-4
 * over 4 steps to the tanh curve's rate at step 4, then {@code 1 - tanh} from {@code lb = -7} to
 * {@code ub = 3} over the 32 steps: near the initial rate for most of the run, a fall around
 * step 22, and a tail just above {@code lr_min}.
 */
@Schedule(type = ScheduleType.TIMM_TANH, tInitial = 32, lrMin = 1e-4, warmupT = 4, warmupLrInit = 1e-4)
final class TimmTanh {
  private TimmTanh() {}
}

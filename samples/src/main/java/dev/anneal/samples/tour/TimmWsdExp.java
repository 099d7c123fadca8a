package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.TimmDecayFn;

/**
 * {@code timm.scheduler.WSDLRScheduler(optimizer, t_initial=28, decay_t=12, decay_fn='exp',
 * warmup_t=4, t_in_epochs=False)}: up from 0 over 4 steps, the initial rate held for 16, then an
 * exponential decay over the last 12, {@code (0.1 ** frac - 0.1) / 0.9} of the decay's progress
 * {@code frac}: steep at first, flattening towards 0.
 */
@Schedule(type = ScheduleType.TIMM_WSD, tInitial = 28, decayT = 12, decayFn = TimmDecayFn.EXP, warmupT = 4)
final class TimmWsdExp {
  private TimmWsdExp() {}
}

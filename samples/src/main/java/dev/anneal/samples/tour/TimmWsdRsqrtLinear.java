package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.TimmDecayFn;
import dev.anneal.TimmStableFn;

/**
 * {@code timm.scheduler.WSDLRScheduler(optimizer, t_initial=28, decay_t=8, stable_fn='rsqrt',
 * decay_fn='linear', warmup_t=4, t_in_epochs=False)}: up from 0 over 4 steps, then the reciprocal
 * square root {@code (1 + t_s / 4) ** -0.5} of the steps since the warm-up (its timescale is
 * {@code warmup_t}), and over the last 8 steps of the 28 that same curve times a line down to 0:
 * the schedule of Big Vision's ViT recipes.
 */
@Schedule(
    type = ScheduleType.TIMM_WSD,
    tInitial = 28,
    decayT = 8,
    stableFn = TimmStableFn.RSQRT,
    decayFn = TimmDecayFn.LINEAR,
    warmupT = 4)
final class TimmWsdRsqrtLinear {
  private TimmWsdRsqrtLinear() {}
}

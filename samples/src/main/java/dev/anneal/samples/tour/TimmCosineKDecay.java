package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code timm.scheduler.CosineLRScheduler(optimizer, t_initial=32, lr_min=1e-4, k_decay=2,
 * t_in_epochs=False)}: the cosine of {@code CosineAnnealingLR(T_max=32, eta_min=1e-4)} taken of
 * {@code (t / 32) ** 2} instead of {@code t / 32} (the k-decay method), so the rate stays near
 * the initial rate longer and falls later and faster.
 */
@Schedule(type = ScheduleType.TIMM_COSINE, tInitial = 32, lrMin = 1e-4, kDecay = 2)
final class TimmCosineKDecay {
  private TimmCosineKDecay() {}
}

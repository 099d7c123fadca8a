package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code timm.scheduler.CosineLRScheduler(optimizer, t_initial=32, lr_min=1e-4, noise_range_t=16,
 * t_in_epochs=False)}: the cosine of {@code CosineAnnealingLR(T_max=32, eta_min=1e-4)}, and from
 * step 16 on each rate {@code v} moved to {@code v + v * noise}, the noise drawn as timm draws it
 * (a normal sample, drawn again until it is below {@code noise_pct = 0.67} in magnitude, from
 * PyTorch's generator seeded with {@code noise_seed + t = 42 + t}): the same noise on every run.
 * It starts at the half of the run, where the rate is at most 0.55 of the initial rate, so that
 * the noised rates stay below it.
 */
@Schedule(type = ScheduleType.TIMM_COSINE, tInitial = 32, lrMin = 1e-4, noiseRangeT = 16)
final class TimmCosineNoise {
  private TimmCosineNoise() {}

  /**
   * {@code CosineLRScheduler(optimizer, t_initial=32, lr_min=1e-4, t_in_epochs=False)}: the same
   * schedule without the noise, drawn under it.
   */
  @Schedule(type = ScheduleType.TIMM_COSINE, tInitial = 32, lrMin = 1e-4)
  static final class WithoutNoise {
    private WithoutNoise() {}
  }
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CosineAnnealingWarmRestarts(optimizer, T_0=8, T_mult=1, eta_min=1e-4)}: a cosine decay
 * that restarts from the initial rate every epoch.
 */
@Schedule(type = ScheduleType.COSINE_WARM_RESTARTS, t0 = 8, tMult = 1, etaMin = 1e-4)
final class CosineWarmRestarts {
  private CosineWarmRestarts() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code CosineAnnealingLR(optimizer, T_max=32, eta_min=1e-4)}: half a cosine over the whole run.
 */
@Schedule(type = ScheduleType.COSINE, tMax = 32, etaMin = 1e-4)
final class CosineAnnealing {
  private CosineAnnealing() {}
}

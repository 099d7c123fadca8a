package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;
import dev.anneal.WsdType;

/**
 * Anneal's {@code @Warmup} in front of {@code CosineAnnealingLR(optimizer, T_max=28)}: 4 steps of
 * transformers' cosine-shaped warm-up from 0, then the cosine on its own clock. PyTorch would need
 * a {@code LambdaLR} for the warm-up's curve, since its {@code LinearLR} neither starts from 0 nor
 * bends.
 */
@Warmup(steps = 4, shape = WsdType.COSINE)
@Schedule(type = ScheduleType.COSINE, tMax = 28)
final class WarmupThenCosine {
  private WarmupThenCosine() {}
}

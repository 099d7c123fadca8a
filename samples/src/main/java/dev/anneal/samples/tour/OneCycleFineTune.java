package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * One cycle for a short fine-tune of a pretrained model: {@code OneCycleLR(optimizer, max_lr=1e-3,
 * total_steps=32, pct_start=0.1, div_factor=5, final_div_factor=100)}. A brief climb from a fifth
 * of the peak, so the pretrained weights are not thrown off, then a long cosine descent.
 */
@Schedule(
    type = ScheduleType.ONE_CYCLE,
    maxLr = 1e-3,
    totalSteps = 32,
    pctStart = 0.1,
    divFactor = 5,
    finalDivFactor = 100)
final class OneCycleFineTune {
  private OneCycleFineTune() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** {@code ConstantLR(optimizer, factor=0.5, total_iters=8)}: half the rate for the first epoch. */
@Schedule(type = ScheduleType.CONSTANT, factor = 0.5, totalIters = 8)
final class ConstantFactor {
  private ConstantFactor() {}
}

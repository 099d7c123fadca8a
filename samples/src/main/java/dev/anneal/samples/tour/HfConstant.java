package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code transformers.get_constant_schedule(optimizer)}: the initial rate at every step.
 */
@Schedule(type = ScheduleType.HF_CONSTANT)
final class HfConstant {
  private HfConstant() {}
}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * {@code diffusers.get_piecewise_constant_schedule(optimizer,
 * step_rules="1:8,0.5:16,0.25:24,0.1")}: the initial rate until step 8, half of it until 16, a
 * quarter until 24, then a tenth.
 */
@Schedule(
    type = ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT,
    ruleSteps = {8, 16, 24},
    ruleFactors = {1, 0.5, 0.25},
    lastFactor = 0.1)
final class DiffusersPiecewiseConstant {
  private DiffusersPiecewiseConstant() {}
}

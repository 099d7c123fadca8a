package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxLinearOnecycleSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code linear_onecycle_schedule}: three lines, up to the peak, back, and lower. */
final class OptaxLinearOnecycleScheduleKind extends OptaxOnecycleKind {
  OptaxLinearOnecycleScheduleKind() {
    super(ScheduleType.OPTAX_LINEAR_ONECYCLE, OptaxLinearOnecycleSchedule.class,
        List.of(Param.TRANSITION_STEPS, Param.PCT_START, Param.PCT_FINAL, Param.DIV_FACTOR, Param.FINAL_DIV_FACTOR),
        Attributes.builder()
            .required(Param.TRANSITION_STEPS, null)
            .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
            .optional(Param.PCT_START, 0.3, Rule.FINITE)
            .optional(Param.PCT_FINAL, 0.85, Rule.FINITE)
            .optional(Param.DIV_FACTOR, 25.0, Rule.FINITE)
            .optional(Param.FINAL_DIV_FACTOR, 1e4, Rule.FINITE)
            .build());
  }

  @Override
  String formula() {
    return "piecewise_interpolate_schedule('linear', peak_value / div_factor, {int(pct_start * T): div_factor,\n"
        + "    int(pct_final * T): 1 / div_factor, T: 1 / final_div_factor}), T = transition_steps";
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxCosineOnecycleSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code cosine_onecycle_schedule}: two cosines, up to the peak and far below the start. */
final class OptaxCosineOnecycleScheduleKind extends OptaxOnecycleKind {
  OptaxCosineOnecycleScheduleKind() {
    super(ScheduleType.OPTAX_COSINE_ONECYCLE, OptaxCosineOnecycleSchedule.class,
        List.of(Param.TRANSITION_STEPS, Param.PCT_START, Param.DIV_FACTOR, Param.FINAL_DIV_FACTOR),
        Attributes.builder()
            .required(Param.TRANSITION_STEPS, null)
            .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
            .optional(Param.PCT_START, 0.3, Rule.FINITE)
            .optional(Param.DIV_FACTOR, 25.0, Rule.FINITE)
            .optional(Param.FINAL_DIV_FACTOR, 1e4, Rule.FINITE)
            .build());
  }

  @Override
  String formula() {
    return "piecewise_interpolate_schedule('cosine', peak_value / div_factor, {int(pct_start * T): div_factor,\n"
        + "    T: 1 / (div_factor * final_div_factor)}), T = transition_steps";
  }
}

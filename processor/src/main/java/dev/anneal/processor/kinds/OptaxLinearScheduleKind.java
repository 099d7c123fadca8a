package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxLinearSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code linear_schedule}: a line from {@code init_value} to {@code end_value}. */
final class OptaxLinearScheduleKind extends OptaxKind {
  OptaxLinearScheduleKind() {
    super(ScheduleType.OPTAX_LINEAR, Attributes.builder()
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.END_VALUE, Rule.FINITE)
        .required(Param.TRANSITION_STEPS, null)
        .optional(Param.TRANSITION_BEGIN, 0, null)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxLinearSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.END_VALUE, Param.TRANSITION_STEPS, Param.TRANSITION_BEGIN);
  }

  @Override
  String formula() {
    return "c = clip(t - max(transition_begin, 0), 0, transition_steps)\n"
        + "value(t) = (init_value - end_value) * (1 - c / transition_steps) + end_value   (init_value where transition_steps <= 0)";
  }
}

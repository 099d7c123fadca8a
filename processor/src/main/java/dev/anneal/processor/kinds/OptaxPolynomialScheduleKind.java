package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxPolynomialSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code polynomial_schedule}: a polynomial from {@code init_value} to {@code end_value}. */
final class OptaxPolynomialScheduleKind extends OptaxKind {
  OptaxPolynomialScheduleKind() {
    super(ScheduleType.OPTAX_POLYNOMIAL, Attributes.builder()
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.END_VALUE, Rule.FINITE)
        .required(Param.POWER, Rule.FINITE)
        .required(Param.TRANSITION_STEPS, null)
        .optional(Param.TRANSITION_BEGIN, 0, null)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxPolynomialSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.END_VALUE, Param.POWER, Param.TRANSITION_STEPS, Param.TRANSITION_BEGIN);
  }

  @Override
  String formula() {
    return "c = clip(t - max(transition_begin, 0), 0, transition_steps)\n"
        + "value(t) = (init_value - end_value) * (1 - c / transition_steps) ** power + end_value"
        + "   (init_value where transition_steps <= 0)";
  }
}

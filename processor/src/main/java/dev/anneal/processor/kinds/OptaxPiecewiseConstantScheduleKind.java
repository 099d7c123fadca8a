package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxPiecewiseConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** optax's {@code piecewise_constant_schedule}: each scale multiplied in from its boundary on. */
final class OptaxPiecewiseConstantScheduleKind extends OptaxKind {
  OptaxPiecewiseConstantScheduleKind() {
    super(ScheduleType.OPTAX_PIECEWISE_CONSTANT, Attributes.builder()
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .optional(Param.BOUNDARIES, new int[0], null)
        .optional(Param.SCALES, new double[0], null)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxPiecewiseConstantSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  Object arranged(Param param, ScheduleModel schedule) {
    return sortedByBoundary(param, schedule);
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.BOUNDARIES, Param.SCALES);
  }

  @Override
  String formula() {
    return "v = init_value; for (b, s) in sorted(zip(boundaries, scales)): i = 1 if t < b else 0;"
        + " v = v * i + (1 - i) * s * v\nvalue(t) = v";
  }

  @Override
  public void check(ScheduleCheck check) {
    OptaxPiecewise.check(check, torchName(), OptaxPiecewiseConstantSchedule::refusal);
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code constant_schedule}: {@code value} at every update. */
final class OptaxConstantScheduleKind extends OptaxKind {
  OptaxConstantScheduleKind() {
    super(ScheduleType.OPTAX_CONSTANT, Attributes.builder()
        .alternative(Param.VALUE, "the group's initial rate", Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxConstantSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of();
  }

  @Override
  String formula() {
    return "value(t) = value";
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxWarmupConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code warmup_constant_schedule}: a line from {@code init_value} to the peak, then the peak. */
final class OptaxWarmupConstantScheduleKind extends OptaxKind {
  OptaxWarmupConstantScheduleKind() {
    super(ScheduleType.OPTAX_WARMUP_CONSTANT, Attributes.builder()
        .required(Param.INIT_VALUE, Rule.FINITE)
        .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.OWN_WARMUP_STEPS, null)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxWarmupConstantSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.PEAK_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.INIT_VALUE, Param.OWN_WARMUP_STEPS);
  }

  @Override
  String formula() {
    return "value(t) = (init_value - peak_value) * (1 - min(t, warmup_steps) / warmup_steps) + peak_value\n"
        + "         = init_value at every t where warmup_steps <= 0, as the reference's linear schedule";
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxCosineDecaySchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code cosine_decay_schedule}: a cosine raised to {@code exponent}, down to {@code alpha}. */
final class OptaxCosineDecayScheduleKind extends OptaxKind {
  OptaxCosineDecayScheduleKind() {
    super(ScheduleType.OPTAX_COSINE_DECAY, Attributes.builder()
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.DECAY_STEPS, Rule.POSITIVE)
        .optional(Param.ALPHA, 0.0, Rule.FINITE)
        .optional(Param.EXPONENT, 1.0, Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxCosineDecaySchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DECAY_STEPS, Param.ALPHA, Param.EXPONENT);
  }

  @Override
  String formula() {
    return "value(t) = init_value * ((1 - alpha) * (0.5 * (1 + cos(pi * min(t, decay_steps) / decay_steps))) ** exponent"
        + " + alpha)";
  }
}

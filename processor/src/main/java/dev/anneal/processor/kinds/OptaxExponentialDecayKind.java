package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxExponentialDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code exponential_decay}: {@code decay_rate} to the power of the transitions, bounded by {@code end_value}. */
final class OptaxExponentialDecayKind extends OptaxKind {
  OptaxExponentialDecayKind() {
    super(ScheduleType.OPTAX_EXPONENTIAL_DECAY, Attributes.builder()
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.TRANSITION_STEPS, null)
        .required(Param.DECAY_RATE, Rule.FINITE)
        .optional(Param.TRANSITION_BEGIN, 0, null)
        .optional(Param.STAIRCASE, false, null)
        .alternative(Param.END_VALUE, "none: no bound", Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxExponentialDecay.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return schedule.values().containsKey(Param.END_VALUE)
        ? List.of(Param.TRANSITION_STEPS, Param.DECAY_RATE, Param.TRANSITION_BEGIN, Param.STAIRCASE, Param.END_VALUE)
        : List.of(Param.TRANSITION_STEPS, Param.DECAY_RATE, Param.TRANSITION_BEGIN, Param.STAIRCASE);
  }

  @Override
  String formula() {
    return OptaxWarmupExponentialDecayScheduleKind.DECAY;
  }
}

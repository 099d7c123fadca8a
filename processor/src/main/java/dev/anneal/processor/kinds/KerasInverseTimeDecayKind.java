package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.KerasInverseTimeDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** Keras's {@code InverseTimeDecay}: the initial rate over a line of the update count. */
final class KerasInverseTimeDecayKind extends FunctionKind {
  KerasInverseTimeDecayKind() {
    super(ScheduleType.KERAS_INVERSE_TIME_DECAY, Attributes.builder()
        .required(Param.DECAY_STEPS, Rule.POSITIVE)
        .required(Param.DECAY_RATE, Rule.FINITE)
        .optional(Param.STAIRCASE, false, null)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasInverseTimeDecay.class;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DECAY_STEPS, Param.DECAY_RATE, Param.STAIRCASE);
  }

  @Override
  String formula() {
    return "lr(t) = initial_learning_rate / (1 + decay_rate * t / decay_steps)   (floor(t / decay_steps) where staircase)";
  }
}

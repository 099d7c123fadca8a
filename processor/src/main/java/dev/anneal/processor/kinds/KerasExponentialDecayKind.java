package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.KerasExponentialDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** Keras's {@code ExponentialDecay}: {@code decay_rate} to the power of the decays so far. */
final class KerasExponentialDecayKind extends FunctionKind {
  KerasExponentialDecayKind() {
    super(ScheduleType.KERAS_EXPONENTIAL_DECAY, Attributes.builder()
        .required(Param.DECAY_STEPS, Rule.POSITIVE)
        .required(Param.DECAY_RATE, Rule.FINITE)
        .optional(Param.STAIRCASE, false, null)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasExponentialDecay.class;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DECAY_STEPS, Param.DECAY_RATE, Param.STAIRCASE);
  }

  @Override
  String formula() {
    return "lr(t) = initial_learning_rate * decay_rate ** (t / decay_steps)   (floor(t / decay_steps) where staircase)";
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.KerasPolynomialDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** Keras's {@code PolynomialDecay}: to {@code end_learning_rate}, cycling where {@code cycle}. */
final class KerasPolynomialDecayKind extends FunctionKind {
  KerasPolynomialDecayKind() {
    super(ScheduleType.KERAS_POLYNOMIAL_DECAY, Attributes.builder()
        .required(Param.DECAY_STEPS, Rule.POSITIVE)
        .optional(Param.END_LEARNING_RATE, 0.0001, Rule.FINITE)
        .optional(Param.POWER, 1.0, Rule.FINITE)
        .optional(Param.CYCLE, false, null)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasPolynomialDecay.class;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DECAY_STEPS, Param.END_LEARNING_RATE, Param.POWER, Param.CYCLE);
  }

  @Override
  String formula() {
    return "lr(t) = (initial_learning_rate - end_learning_rate) * (1 - s / d) ** power + end_learning_rate\n"
        + "s = min(t, decay_steps), d = decay_steps;  with cycle, s = t, d = decay_steps * max(1, ceil(t / decay_steps))";
  }
}

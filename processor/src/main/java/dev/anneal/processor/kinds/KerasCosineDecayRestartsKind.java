package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.KerasCosineDecayRestarts;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** Keras's {@code CosineDecayRestarts}: cosine cycles growing by {@code t_mul}, scaled by {@code m_mul}. */
final class KerasCosineDecayRestartsKind extends FunctionKind {
  KerasCosineDecayRestartsKind() {
    super(ScheduleType.KERAS_COSINE_DECAY_RESTARTS, Attributes.builder()
        .required(Param.FIRST_DECAY_STEPS, Rule.POSITIVE)
        .optional(Param.T_MUL, 2.0, Rule.FINITE)
        .optional(Param.M_MUL, 1.0, Rule.FINITE)
        .optional(Param.ALPHA, 0.0, Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasCosineDecayRestarts.class;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.FIRST_DECAY_STEPS, Param.T_MUL, Param.M_MUL, Param.ALPHA);
  }

  @Override
  String formula() {
    return "f = t / first_decay_steps;  i = floor(f), c = f - i   where t_mul == 1, else\n"
        + "i = floor(log(1 - f * (1 - t_mul)) / log(t_mul)), c = (f - (1 - t_mul ** i) / (1 - t_mul)) / t_mul ** i\n"
        + "lr(t) = initial_learning_rate * ((1 - alpha) * 0.5 * m_mul ** i * (1 + cos(pi * c)) + alpha)";
  }
}

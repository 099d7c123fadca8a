package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.KerasCosineDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/**
 * Keras's {@code CosineDecay}: half a cosine down to {@code alpha} of where it starts, after a
 * linear warm-up to {@code warmup_target} where one is given.
 */
final class KerasCosineDecayKind extends FunctionKind {
  KerasCosineDecayKind() {
    super(ScheduleType.KERAS_COSINE_DECAY, Attributes.builder()
        .required(Param.DECAY_STEPS, Rule.POSITIVE)
        .optional(Param.ALPHA, 0.0, Rule.FINITE)
        .alternative(Param.WARMUP_TARGET, "none: no warm-up", Rule.FINITE)
        .optional(Param.OWN_WARMUP_STEPS, 0, null)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasCosineDecay.class;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    // Without warmup_target the reference never reads warmup_steps.
    return schedule.values().containsKey(Param.WARMUP_TARGET)
        ? List.of(Param.DECAY_STEPS, Param.ALPHA, Param.WARMUP_TARGET, Param.OWN_WARMUP_STEPS)
        : List.of(Param.DECAY_STEPS, Param.ALPHA);
  }

  @Override
  String formula() {
    return "s = min(t, warmup_steps + decay_steps)   (warmup_steps = 0 without warmup_target)\n"
        + "lr(t) = (warmup_target - initial_learning_rate) * (s / warmup_steps) + initial_learning_rate   if s < warmup_steps\n"
        + "      = peak * ((1 - alpha) * 0.5 * (1 + cos(pi * (s - warmup_steps) / decay_steps)) + alpha)   otherwise,\n"
        + "peak = warmup_target, or initial_learning_rate without it";
  }
}

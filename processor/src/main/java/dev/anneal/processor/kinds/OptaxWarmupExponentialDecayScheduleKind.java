package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxWarmupExponentialDecaySchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code warmup_exponential_decay_schedule}: a line to the peak, then optax's exponential decay. */
final class OptaxWarmupExponentialDecayScheduleKind extends OptaxKind {
  /** The decay, shared with OPTAX_EXPONENTIAL_DECAY's documentation. */
  static final String DECAY = "d = t - max(transition_begin, 0), p = d / transition_steps   (floor(p) where staircase)\n"
      + "value(t) = init_value if d <= 0, else init_value * decay_rate ** p; bounded by end_value where given"
      + " (max where decay_rate < 1, min otherwise);\n"
      + "init_value throughout where transition_steps <= 0 or decay_rate == 0";

  OptaxWarmupExponentialDecayScheduleKind() {
    super(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, Attributes.builder()
        .required(Param.INIT_VALUE, Rule.FINITE)
        .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.OWN_WARMUP_STEPS, null)
        .required(Param.TRANSITION_STEPS, null)
        .required(Param.DECAY_RATE, Rule.FINITE)
        .optional(Param.TRANSITION_BEGIN, 0, null)
        .optional(Param.STAIRCASE, false, null)
        .alternative(Param.END_VALUE, "none: no bound", Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxWarmupExponentialDecaySchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.PEAK_VALUE;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    List<Param> inputs = List.of(Param.INIT_VALUE, Param.OWN_WARMUP_STEPS, Param.TRANSITION_STEPS, Param.DECAY_RATE,
        Param.TRANSITION_BEGIN, Param.STAIRCASE);
    if (schedule.values().containsKey(Param.END_VALUE)) {
      inputs = new java.util.ArrayList<>(inputs);
      inputs.add(Param.END_VALUE);
    }
    return inputs;
  }

  @Override
  String formula() {
    return "value(t) = (init_value - peak_value) * (1 - t / warmup_steps) + peak_value   if t < warmup_steps, else\n"
        + "the decay from init_value = peak_value at t - warmup_steps:\n" + DECAY;
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxWarmupCosineDecaySchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/**
 * optax's {@code warmup_cosine_decay_schedule}: a line from {@code init_value} to the peak, then a
 * cosine to {@code end_value}, {@code decay_steps} counting the warm-up.
 */
final class OptaxWarmupCosineDecayScheduleKind extends OptaxKind {
  private static final Refusal DECAY = new Refusal(OptaxWarmupCosineDecaySchedule.class, "refusal",
      List.of(Param.OWN_WARMUP_STEPS, Param.DECAY_STEPS), Param.DECAY_STEPS);

  OptaxWarmupCosineDecayScheduleKind() {
    super(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, Attributes.builder()
        .required(Param.INIT_VALUE, Rule.FINITE)
        .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
        .required(Param.OWN_WARMUP_STEPS, null)
        .required(Param.DECAY_STEPS, null)
        .optional(Param.END_VALUE, 0.0, Rule.FINITE)
        .optional(Param.EXPONENT, 1.0, Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxWarmupCosineDecaySchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.PEAK_VALUE;
  }

  @Override
  List<Refusal> refusals() {
    return List.of(DECAY);
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.INIT_VALUE, Param.OWN_WARMUP_STEPS, Param.DECAY_STEPS, Param.END_VALUE, Param.EXPONENT);
  }

  @Override
  String formula() {
    return "value(t) = (init_value - peak_value) * (1 - t / warmup_steps) + peak_value   if t < warmup_steps\n"
        + "         = peak_value * ((1 - alpha) * (0.5 * (1 + cos(pi * c / d))) ** exponent + alpha)   otherwise,\n"
        + "d = decay_steps - warmup_steps, c = min(t - warmup_steps, d), alpha = end_value / peak_value (0 where"
        + " peak_value is 0)";
  }
}

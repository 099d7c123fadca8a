package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmCosineLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** timm's {@code CosineLRScheduler}: cosine decay with restarts, warm-up, k-decay, noise. */
final class TimmCosineLRSchedulerKind extends TimmKind {
  TimmCosineLRSchedulerKind() {
    super(ScheduleType.TIMM_COSINE, noiseAndScale(warmup(Attributes.builder()
        .required(Param.T_INITIAL, Rule.POSITIVE)
        .optional(Param.LR_MIN, 0.0, Rule.NON_NEGATIVE)
        .optional(Param.CYCLE_MUL, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_DECAY, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_LIMIT, 1, null), false, null)
        .optional(Param.K_DECAY, 1.0, Rule.FINITE)));
  }

  @Override
  Class<?> math() {
    return TimmCosineLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.T_INITIAL, Param.LR_MIN, Param.CYCLE_MUL, Param.CYCLE_DECAY, Param.CYCLE_LIMIT,
        Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX, Param.K_DECAY);
  }

  @Override
  List<Param> cycleInputs() {
    return List.of(Param.LR_MIN, Param.CYCLE_LIMIT, Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX,
        Param.K_DECAY);
  }

  @Override
  List<Refusal> refusals() {
    return Cycles.REFUSALS;
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = lr_min + 0.5 * (base_lr * cycle_decay ** i - lr_min)\n"
        + "             * (1 + cos(pi * t_curr ** k_decay / t_i ** k_decay))   if i < cycle_limit\n"
        + "           = lr_min   otherwise\n"
        + Cycles.FORMULA;
  }

  @Override
  public void check(ScheduleCheck check) {
    super.check(check);
    Cycles.check(check, this, true);
  }
}

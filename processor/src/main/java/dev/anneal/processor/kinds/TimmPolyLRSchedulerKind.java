package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmPolyLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** timm's {@code PolyLRScheduler}: polynomial decay with restarts, warm-up, k-decay, noise. */
final class TimmPolyLRSchedulerKind extends TimmKind {
  private static final Refusal POWER = new Refusal(TimmPolyLRScheduler.class, "refusal",
      List.of(Param.POWER, Param.K_DECAY), Param.POWER);

  TimmPolyLRSchedulerKind() {
    super(ScheduleType.TIMM_POLY, noiseAndScale(warmup(Attributes.builder()
        .required(Param.T_INITIAL, Rule.POSITIVE)
        .optional(Param.POWER, 0.5, Rule.FINITE)
        .optional(Param.LR_MIN, 0.0, Rule.NON_NEGATIVE)
        .optional(Param.CYCLE_MUL, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_DECAY, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_LIMIT, 1, null), false, null)
        .optional(Param.K_DECAY, 1.0, Rule.FINITE)));
  }

  @Override
  Class<?> math() {
    return TimmPolyLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.T_INITIAL, Param.POWER, Param.LR_MIN, Param.CYCLE_MUL, Param.CYCLE_DECAY, Param.CYCLE_LIMIT,
        Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX, Param.K_DECAY);
  }

  @Override
  List<Param> cycleInputs() {
    return List.of(Param.POWER, Param.LR_MIN, Param.CYCLE_LIMIT, Param.WARMUP_T, Param.WARMUP_LR_INIT,
        Param.WARMUP_PREFIX, Param.K_DECAY);
  }

  @Override
  List<Refusal> refusals() {
    return List.of(POWER, Cycles.CYCLE_MUL, Cycles.K_DECAY);
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = lr_min + (base_lr * cycle_decay ** i - lr_min)\n"
        + "             * (1 - t_curr ** k_decay / t_i ** k_decay) ** power   if i < cycle_limit\n"
        + "           = lr_min   otherwise\n"
        + Cycles.FORMULA;
  }

  @Override
  public void check(ScheduleCheck check) {
    super.check(check);
    Cycles.check(check, this, true);
  }
}

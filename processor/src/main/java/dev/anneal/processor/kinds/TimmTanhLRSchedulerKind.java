package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmTanhLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** timm's {@code TanhLRScheduler}: hyperbolic-tangent decay with restarts, warm-up, noise. */
final class TimmTanhLRSchedulerKind extends TimmKind {
  private static final Refusal LB_UB = new Refusal(TimmTanhLRScheduler.class, "refusal",
      List.of(Param.LB, Param.UB), Param.LB);

  TimmTanhLRSchedulerKind() {
    // The reference asserts lr_min, cycle_limit, warmup_t and warmup_lr_init >= 0.
    super(ScheduleType.TIMM_TANH, noiseAndScale(warmup(Attributes.builder()
        .required(Param.T_INITIAL, Rule.POSITIVE)
        .optional(Param.LB, -7.0, Rule.FINITE)
        .optional(Param.UB, 3.0, Rule.FINITE)
        .optional(Param.LR_MIN, 0.0, Rule.NON_NEGATIVE)
        .optional(Param.CYCLE_MUL, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_DECAY, 1.0, Rule.FINITE)
        .optional(Param.CYCLE_LIMIT, 1, Rule.NON_NEGATIVE), false, Rule.NON_NEGATIVE)));
  }

  @Override
  Class<?> math() {
    return TimmTanhLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.T_INITIAL, Param.LB, Param.UB, Param.LR_MIN, Param.CYCLE_MUL, Param.CYCLE_DECAY,
        Param.CYCLE_LIMIT, Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX);
  }

  /** Its warm-up without {@code warmup_prefix} rises to the tanh at {@code warmup_t}: it takes every input. */
  @Override
  List<Param> cycleInputs() {
    return inputs();
  }

  @Override
  List<Refusal> refusals() {
    return List.of(LB_UB, Cycles.CYCLE_MUL);
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (peak - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = lr_min + 0.5 * (base_lr * cycle_decay ** i - lr_min)\n"
        + "             * (1 - tanh(lb * (1 - tr) + ub * tr))   if i < cycle_limit, tr = t_curr / t_i\n"
        + "           = lr_min   otherwise\n"
        + "(peak = base_lr with warmup_prefix, else _get_lr(warmup_t))\n"
        + Cycles.FORMULA;
  }

  @Override
  public void check(ScheduleCheck check) {
    super.check(check);
    Cycles.check(check, this, false);
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.TimmDecayFn;
import dev.anneal.TimmStableFn;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmWSDLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** timm's {@code WSDLRScheduler}: warm-up, a stable phase, a decay to {@code lr_min}. */
final class TimmWSDLRSchedulerKind extends TimmKind {
  private static final Refusal REFUSAL = new Refusal(TimmWSDLRScheduler.class, "refusal",
      List.of(Param.T_INITIAL, Param.DECAY_T, Param.STABLE_FN, Param.STABLE_TIMESCALE, Param.DECAY_RATIO,
          Param.WARMUP_T), Param.DECAY_T);

  TimmWSDLRSchedulerKind() {
    // The reference raises ValueError unless t_initial > 0, lr_min >= 0 and both powers > 0; a
    // decay_fn callable an enum cannot hold.
    super(ScheduleType.TIMM_WSD, noiseAndScale(warmup(Attributes.builder()
        .required(Param.T_INITIAL, Rule.POSITIVE)
        .required(Param.DECAY_T, null)
        .optional(Param.LR_MIN, 0.0, Rule.NON_NEGATIVE)
        .optional(Param.STABLE_FN, TimmStableFn.CONSTANT, null)
        .derived(Param.STABLE_TIMESCALE, new Formula(TimmWSDLRScheduler.class, "stableTimescale",
            List.of(Param.WARMUP_T), "stableTimescale", "warmup_t"), Rule.FINITE)
        .optional(Param.STABLE_POWER, 0.5, Rule.POSITIVE)
        .optional(Param.DECAY_FN, TimmDecayFn.ONE_MINUS_SQRT, null)
        .optional(Param.DECAY_POWER, 0.5, Rule.POSITIVE)
        .optional(Param.DECAY_RATIO, 0.1, Rule.FINITE), null, null)));
  }

  @Override
  Class<?> math() {
    return TimmWSDLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.T_INITIAL, Param.DECAY_T, Param.LR_MIN, Param.STABLE_FN, Param.STABLE_TIMESCALE,
        Param.STABLE_POWER, Param.DECAY_FN, Param.DECAY_POWER, Param.DECAY_RATIO, Param.WARMUP_T,
        Param.WARMUP_LR_INIT);
  }

  @Override
  public boolean listAsNumber(Param input) {
    return input == Param.DECAY_T;
  }

  @Override
  List<Refusal> refusals() {
    return List.of(REFUSAL);
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = stable_lr   if t_decay <= 0\n"
        + "           = lr_min + (stable_lr - lr_min) * decay(min(t_decay / decay_t, 1))   otherwise\n"
        + "(t_s = t - warmup_t, stable_lr = max(base_lr * stable(t_s), lr_min),"
        + " t_decay = t_s - (t_initial - decay_t))";
  }

  /**
   * One {@code decay_t}; the reference's refusals, each on its value: {@code decay_t},
   * {@code decay_ratio}, or {@code stable_timescale} (on the annotation where it defaults to
   * {@code warmup_t}).
   */
  @Override
  public void check(ScheduleCheck check) {
    int[] decayT = (int[]) check.known(Param.DECAY_T);
    if (decayT != null && decayT.length != 1) {
      check.error(check.written(Param.DECAY_T), Message.TIMM_ONE_VALUE, torchName(), decayT.length);
      return;
    }
    super.check(check);
  }

  @Override
  Param at(String reason) {
    if (reason.contains("decay_ratio")) {
      return Param.DECAY_RATIO;
    }
    if (reason.contains("stable_timescale")) {
      return Param.STABLE_TIMESCALE;
    }
    return Param.DECAY_T;
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmStepLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** timm's {@code StepLRScheduler}: decays by {@code decay_rate} every {@code decay_t} updates. */
final class TimmStepLRSchedulerKind extends TimmKind {
  private static final Refusal DECAY = new Refusal(TimmStepLRScheduler.class, "refusal",
      List.of(Param.DECAY_T, Param.DECAY_RATE), Param.DECAY_T);

  TimmStepLRSchedulerKind() {
    super(ScheduleType.TIMM_STEP, noiseAndScale(warmup(Attributes.builder()
        .required(Param.DECAY_T, null)
        .optional(Param.DECAY_RATE, 1.0, Rule.FINITE), true, null)));
  }

  @Override
  Class<?> math() {
    return TimmStepLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.DECAY_T, Param.DECAY_RATE, Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX);
  }

  @Override
  public boolean listAsNumber(Param input) {
    return input == Param.DECAY_T;
  }

  @Override
  List<Refusal> refusals() {
    return List.of(DECAY);
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.WARMUP_LR_INIT, Param.LR_SCALE, Param.DECAY_RATE);
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = base_lr * decay_rate ** (t // decay_t)   otherwise, t less warmup_t where warmup_prefix";
  }

  /** One {@code decay_t}; a rate that grows with the decays. */
  @Override
  public void check(ScheduleCheck check) {
    int[] decayT = (int[]) check.known(Param.DECAY_T);
    if (decayT != null && decayT.length != 1) {
      check.error(check.written(Param.DECAY_T), Message.TIMM_ONE_VALUE, torchName(), decayT.length);
      return;
    }
    super.check(check);
    double rate = check.number(Param.DECAY_RATE);
    if (decayT == null || !Double.isFinite(rate) || decayT[0] == 0) {
      return;
    }
    if (decayT[0] > 0 ? Math.abs(rate) > 1 : Math.abs(rate) < 1 && rate != 0) {
      check.warning(check.written(Param.DECAY_RATE), Message.TIMM_GROWING, torchName(),
          "decayRate (decay_rate) = " + rate + " with decayT (decay_t) = " + decayT[0]
              + (decayT[0] > 0 ? " is above 1 in magnitude" : ": a negative decay_t counts negative decays"));
    }
  }
}

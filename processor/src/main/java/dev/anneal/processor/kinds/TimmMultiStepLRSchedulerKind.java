package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmMultiStepLRScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** timm's {@code MultiStepLRScheduler}: decays by {@code decay_rate} at each of {@code decay_t}. */
final class TimmMultiStepLRSchedulerKind extends TimmKind {
  private static final Refusal OVERFLOW = new Refusal(TimmMultiStepLRScheduler.class, "refusal",
      List.of(Param.DECAY_T, Param.DECAY_RATE), Param.DECAY_RATE);

  TimmMultiStepLRSchedulerKind() {
    super(ScheduleType.TIMM_MULTI_STEP, noiseAndScale(warmup(Attributes.builder()
        .required(Param.DECAY_T, null)
        .optional(Param.DECAY_RATE, 1.0, Rule.FINITE), true, null)));
  }

  @Override
  Class<?> math() {
    return TimmMultiStepLRScheduler.class;
  }

  @Override
  List<Param> inputs() {
    return List.of(Param.DECAY_T, Param.DECAY_RATE, Param.WARMUP_T, Param.WARMUP_LR_INIT, Param.WARMUP_PREFIX);
  }

  @Override
  List<Refusal> refusals() {
    return List.of(OVERFLOW);
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.WARMUP_LR_INIT, Param.LR_SCALE, Param.DECAY_RATE);
  }

  @Override
  String formula() {
    return "_get_lr(t) = warmup_lr_init + t * (base_lr - warmup_lr_init) / warmup_t   if t < warmup_t\n"
        + "           = base_lr * decay_rate ** bisect_right(decay_t, t + 1)   otherwise,"
        + " t less warmup_t where warmup_prefix";
  }

  /** A list out of order, which the reference's binary search assumes sorted; an empty one. */
  @Override
  public void check(ScheduleCheck check) {
    super.check(check);
    int[] decayT = (int[]) check.known(Param.DECAY_T);
    if (decayT == null) {
      return;
    }
    if (decayT.length == 0) {
      check.warning(check.written(Param.DECAY_T), Message.TIMM_NOT_DECAYING, torchName(),
          "decayT (decay_t) is empty, so the rate never decays");
    }
    for (int i = 1; i < decayT.length; i++) {
      if (decayT[i] < decayT[i - 1]) {
        check.warning(check.element(Param.DECAY_T, i), Message.TIMM_UNSORTED, torchName(), decayT[i], decayT[i - 1]);
        break;
      }
    }
  }
}

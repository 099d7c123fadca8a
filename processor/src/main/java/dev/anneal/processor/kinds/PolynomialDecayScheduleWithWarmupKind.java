package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.PolynomialDecayScheduleWithWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_polynomial_decay_schedule_with_warmup}: a linear warm-up
 * from 0, then a polynomial decay from the optimizer's default rate to {@code lr_end}.
 */
final class PolynomialDecayScheduleWithWarmupKind extends BaseKind {
  PolynomialDecayScheduleWithWarmupKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. lr_init is no argument of the reference but the
    // optimizer's default rate, which a generated scheduler does not see: the user gives it, and
    // every step divides by it.
    super(ScheduleType.HF_POLYNOMIAL, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .required(Param.NUM_TRAINING_STEPS, null)
        .optional(Param.LR_END, PolynomialDecayScheduleWithWarmup.DEFAULT_LR_END, Rule.FINITE)
        .optional(Param.POWER, 1.0, Rule.FINITE)
        .required(Param.LR_INIT, Rule.NON_ZERO)
        .build());
  }

  /**
   * The reference's ValueError on {@code lr_end} against {@code lr_init}, and its divisions by
   * zero at the end of the decay, for the values known now; a bound one is checked by the same
   * rules when the scheduler is built. A negative {@code lr_end} below a positive {@code lr_init}
   * takes the rate below 0 near the end of the decay, which the reference does all the same: a
   * warning. (Below a negative {@code lr_init} the factor stays positive.)
   */
  @Override
  public void check(ScheduleCheck check) {
    double lrEnd = check.number(Param.LR_END);
    double lrInit = check.number(Param.LR_INIT);
    if (Double.isFinite(lrEnd) && Double.isFinite(lrInit)) {
      String refusal = PolynomialDecayScheduleWithWarmup.endRefusal(lrEnd, lrInit);
      if (refusal != null) {
        check.error(check.isWritten(Param.LR_END) ? check.written(Param.LR_END) : check.written(Param.LR_INIT),
            Message.INVALID_VALUE, refusal);
      } else if (lrEnd < 0 && lrInit > 0) {
        check.warning(check.written(Param.LR_END), Message.NEGATIVE_RATE, type().torchName(),
            Param.LR_END.attribute, Param.LR_END.torchName, Emitter.literal(lrEnd));
      }
    }
    if (!(check.known(Param.NUM_WARMUP_STEPS) instanceof Integer warmup
        && check.known(Param.NUM_TRAINING_STEPS) instanceof Integer training)) {
      return;
    }
    String noDecay = PolynomialDecayScheduleWithWarmup.noDecayRefusal(warmup, training);
    if (noDecay != null) {
      check.error(check.written(Param.NUM_TRAINING_STEPS), Message.INVALID_VALUE, noDecay);
    }
    double power = check.number(Param.POWER);
    String negativePower = Double.isFinite(power)
        ? PolynomialDecayScheduleWithWarmup.negativePowerRefusal(warmup, training, power) : null;
    if (negativePower != null) {
      check.error(check.written(Param.POWER), Message.INVALID_VALUE, negativePower);
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, PolynomialDecayScheduleWithWarmup.class, "factor",
        List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS, Param.LR_END, Param.POWER, Param.LR_INIT),
        "pct_remaining = 1 - (t - num_warmup_steps) / (num_training_steps - num_warmup_steps)\n"
            + "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr * lr_end / lr_init   if t > num_training_steps\n"
            + "      = base_lr * ((lr_init - lr_end) * pct_remaining ^ power + lr_end) / lr_init   otherwise",
        "check");
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.InverseSqrtSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_inverse_sqrt_schedule}: a linear warm-up from 0, then the
 * inverse square root of the step.
 */
final class InverseSqrtScheduleKind extends BaseKind {
  InverseSqrtScheduleKind() {
    // A factor of the step alone, shared by the groups.
    // The reference is a LambdaLR, which sets the rate from its function whatever it was.
    super(ScheduleType.HF_INVERSE_SQRT, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .derived(Param.TIMESCALE, new Formula(InverseSqrtSchedule.class, "timescale",
            List.of(Param.NUM_WARMUP_STEPS), "timescale", "num_warmup_steps or 10000"), Rule.POSITIVE)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, InverseSqrtSchedule.class, "factor",
        List.of(Param.NUM_WARMUP_STEPS, Param.TIMESCALE),
        "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr / sqrt((t + timescale - num_warmup_steps) / timescale)   otherwise");
  }
}

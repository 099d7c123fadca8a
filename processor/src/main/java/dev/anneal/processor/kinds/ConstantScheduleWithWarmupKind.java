package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.math.ConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_constant_schedule_with_warmup}: a linear warm-up from 0,
 * then the initial rate.
 */
final class ConstantScheduleWithWarmupKind extends BaseKind {
  ConstantScheduleWithWarmupKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. Every warm-up runs: max(1.0, ...) guards the
    // division, and one of 0 or fewer steps has no step to warm up.
    super(ScheduleType.HF_CONSTANT_WITH_WARMUP, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, ConstantSchedule.class, "factorWithWarmup",
        List.of(Param.NUM_WARMUP_STEPS),
        "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr                                   otherwise");
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.math.LinearScheduleWithWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_linear_schedule_with_warmup}: a linear warm-up from 0,
 * then a linear decay to 0.
 */
final class LinearScheduleWithWarmupKind extends BaseKind {
  LinearScheduleWithWarmupKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. No value is refused: both divisions are by
    // max(1, ...), and a decay that ends before the warm-up does drops the factor to 0.
    super(ScheduleType.HF_LINEAR, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .required(Param.NUM_TRAINING_STEPS, null)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, LinearScheduleWithWarmup.class, "factor",
        List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS),
        "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr * max(0, (num_training_steps - t)\n"
            + "            / max(1, num_training_steps - num_warmup_steps))   otherwise");
  }
}

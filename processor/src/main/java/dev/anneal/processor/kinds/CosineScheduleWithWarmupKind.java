package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineScheduleWithWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_cosine_schedule_with_warmup}: a linear warm-up from 0, then
 * {@code num_cycles} periods of a cosine from 1.
 */
final class CosineScheduleWithWarmupKind extends BaseKind {
  CosineScheduleWithWarmupKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. No finite value is refused: the progress divides
    // by max(1, ...), and the cosine takes any number of cycles, negative or fractional.
    super(ScheduleType.HF_COSINE, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .required(Param.NUM_TRAINING_STEPS, null)
        .optional(Param.NUM_CYCLES, CosineScheduleWithWarmup.DEFAULT_NUM_CYCLES, Rule.FINITE)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, CosineScheduleWithWarmup.class, "factor",
        List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS, Param.NUM_CYCLES),
        "progress = (t - num_warmup_steps) / max(1, num_training_steps - num_warmup_steps)\n"
            + "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr * max(0, 0.5 * (1 + cos(pi * num_cycles * 2 * progress)))   otherwise");
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineScheduleWithWarmup;
import dev.anneal.math.CosineWithMinLrScheduleWithWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;
import java.util.Set;

/**
 * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup}: a linear warm-up
 * from 0, then {@code num_cycles} periods of a cosine from 1 down to {@code min_lr_rate}.
 */
final class CosineWithMinLrScheduleWithWarmupKind extends BaseKind {
  CosineWithMinLrScheduleWithWarmupKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. Beyond min_lr and min_lr_rate nothing is
    // refused: the progress divides by max(1, ...), and any rate squeezes the cosine.
    super(ScheduleType.HF_COSINE_WITH_MIN_LR, Stepping.SHARED_STATE, InChain.ABSOLUTE,
        MinLrRate.declare(Attributes.builder()
            .required(Param.NUM_WARMUP_STEPS, null)
            .required(Param.NUM_TRAINING_STEPS, null)
            .optional(Param.NUM_CYCLES, CosineScheduleWithWarmup.DEFAULT_NUM_CYCLES, Rule.FINITE))
            .build());
  }

  @Override
  public Set<Param> oneValue() {
    return MinLrRate.ONE_VALUE;
  }

  @Override
  public void check(ScheduleCheck check) {
    MinLrRate.check(check);
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new LambdaWriter(this, schedule, emitter, placement, CosineWithMinLrScheduleWithWarmup.class, "factor",
        List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS, Param.NUM_CYCLES, Param.MIN_LR_RATE),
        "progress = (t - num_warmup_steps) / max(1, num_training_steps - num_warmup_steps)\n"
            + "cosine = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))\n"
            + "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
            + "      = base_lr * max(0, cosine * (1 - min_lr_rate) + min_lr_rate)   otherwise");
  }
}

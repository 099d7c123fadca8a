package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineScheduleWithWarmup;
import dev.anneal.math.CosineWithMinLrScheduleWithWarmupLrRate;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}: a linear
 * warm-up from {@code warmup_lr_rate} (or from {@code 1 / num_warmup_steps}), then a cosine from 1
 * down to {@code min_lr_rate}, one step ahead of {@code get_cosine_with_min_lr_schedule_with_warmup}.
 */
final class CosineWithMinLrScheduleWithWarmupLrRateKind extends BaseKind {
  CosineWithMinLrScheduleWithWarmupLrRateKind() {
    // As HF_COSINE_WITH_MIN_LR: a factor of the step alone, from a LambdaLR. warmup_lr_rate has
    // no default value: left out, the reference warms up by another expression.
    super(ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, Stepping.SHARED_STATE, InChain.ABSOLUTE,
        MinLrRate.declare(Attributes.builder()
            .required(Param.NUM_WARMUP_STEPS, null)
            .required(Param.NUM_TRAINING_STEPS, null)
            .optional(Param.NUM_CYCLES, CosineScheduleWithWarmup.DEFAULT_NUM_CYCLES, Rule.FINITE))
            .alternative(Param.WARMUP_LR_RATE, "where not given, the warm-up is (t + 1) / num_warmup_steps",
                Rule.FINITE)
            .build());
  }

  /** A negative warmup_lr_rate starts the warm-up below 0, which the reference runs all the same. */
  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.WARMUP_LR_RATE);
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
    String decay = "progress = (t - num_warmup_steps + 1) / max(1, num_training_steps - num_warmup_steps)\n"
        + "cosine = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))\n";
    String after = "      = base_lr * max(0, cosine * (1 - min_lr_rate) + min_lr_rate)   otherwise";
    if (!schedule.values().containsKey(Param.WARMUP_LR_RATE)) {
      // Left out, it has no value at all, and the warm-up takes the reference's other expression.
      return new LambdaWriter(this, schedule, emitter, placement, CosineWithMinLrScheduleWithWarmupLrRate.class,
          "factor", List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS, Param.NUM_CYCLES, Param.MIN_LR_RATE),
          decay + "lr(t) = base_lr * (t + 1) / max(1, num_warmup_steps)   if t < num_warmup_steps\n" + after);
    }
    return new LambdaWriter(this, schedule, emitter, placement, CosineWithMinLrScheduleWithWarmupLrRate.class,
        "factor", List.of(Param.NUM_WARMUP_STEPS, Param.NUM_TRAINING_STEPS, Param.NUM_CYCLES, Param.MIN_LR_RATE,
            Param.WARMUP_LR_RATE),
        decay + "lr(t) = base_lr * (warmup_lr_rate + (1 - warmup_lr_rate) * t / max(1, num_warmup_steps - 1))"
            + "   if t < num_warmup_steps\n" + after);
  }
}

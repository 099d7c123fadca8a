package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.InverseSqrtSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;

/**
 * Hugging Face transformers' {@code get_inverse_sqrt_schedule}: a linear warm-up from 0, then the
 * inverse square root of the step.
 */
final class InverseSqrtScheduleKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(InverseSqrtSchedule.class);

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
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String numWarmupSteps;
    private String timescale;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      numWarmupSteps = scalar(Param.NUM_WARMUP_STEPS);
      timescale = scalar(Param.TIMESCALE);
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * t / max(1, num_warmup_steps)   if t < num_warmup_steps\n"
          + "      = base_lr / sqrt((t + timescale - num_warmup_steps) / timescale)   otherwise";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $L)", MATH, numWarmupSteps, timescale, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
    }
  }
}

package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.InverseSqrtSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/**
 * Hugging Face transformers' {@code get_inverse_sqrt_schedule}: a linear warm-up from 0, then the
 * inverse square root of the step.
 */
final class InverseSqrtScheduleKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(InverseSqrtSchedule.class);

  InverseSqrtScheduleKind() {
    // A factor of the step alone, shared by the groups.
    // The reference is a LambdaLR, which sets the rate from its function whatever it was.
    super(ScheduleType.INVERSE_SQRT, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .derived(Param.TIMESCALE, "numWarmupSteps, or 10000 where that is 0", Rule.POSITIVE)
        .build());
  }

  /** The time scale the reference would take from a negative {@code num_warmup_steps} divides by zero. */
  @Override
  public void check(ScheduleCheck check) {
    if (check.isWritten(Param.NUM_WARMUP_STEPS) && !check.isWritten(Param.TIMESCALE)
        && !check.isBound(Param.TIMESCALE)) {
      try {
        InverseSqrtSchedule.timescale((Integer) check.value(Param.NUM_WARMUP_STEPS));
      } catch (IllegalArgumentException e) {
        check.error(check.written(Param.NUM_WARMUP_STEPS), Message.INVALID_VALUE, e.getMessage());
      }
    }
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
      if (schedule.values().containsKey(Param.TIMESCALE)) {
        timescale = scalar(Param.TIMESCALE);
      } else {
        Integer folded = isConstant(Param.NUM_WARMUP_STEPS)
            ? InverseSqrtSchedule.timescale((Integer) constant(Param.NUM_WARMUP_STEPS)) : null;
        timescale = emitter.derived(prefix, "timescale", TypeName.INT, folded,
            () -> CodeBlock.of("$T.timescale($N)", MATH, numWarmupSteps),
            "{@code timescale}: {@code num_warmup_steps}, or 10000 where that is 0.");
        emitter.parameterLines.add("timescale = "
            + (folded != null ? folded : "num_warmup_steps, or 10000 where that is 0"));
      }
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

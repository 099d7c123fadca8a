package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.LinearLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** PyTorch's {@code LinearLR}: the factor on the initial rate moves linearly from {@code start_factor} to {@code end_factor}. */
final class LinearLRKind extends BaseKind {
  private static final ClassName MATH_LINEAR = ClassName.get(LinearLR.class);

  LinearLRKind() {
    super(ScheduleType.LINEAR, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .optional(Param.START_FACTOR, 1.0 / 3, Rule.OPEN_UNIT)
        .optional(Param.END_FACTOR, 1.0, Rule.UNIT_INTERVAL)
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE)
        .build());
  }

  @Override
  public void check(ScheduleCheck check) {
    TotalIters.checkChanges(check, "base_lr * end_factor");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    return !(check.number(Param.END_FACTOR) >= check.number(Param.START_FACTOR));
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String startFactor;
    private String endFactor;
    private String totalIters;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      startFactor = scalar(Param.START_FACTOR);
      endFactor = scalar(Param.END_FACTOR);
      totalIters = scalar(Param.TOTAL_ITERS);
      checkRestartable(totalIters);
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * (start_factor + (end_factor - start_factor)"
          + " * min(t, total_iters) / total_iters)";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $N, $L)", MATH_LINEAR,
          restartedTotalIters() ? "restartedFactor" : "factor", startFactor, endFactor, totalIters, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L * $N", lr, startFactor),
          CodeBlock.of("$L * $T.ratio($N, $N, $N, $L)", lr, MATH_LINEAR, startFactor, endFactor, totalIters, t));
    }
  }
}

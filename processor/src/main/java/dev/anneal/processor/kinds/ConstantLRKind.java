package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.ConstantLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** PyTorch's {@code ConstantLR}: the rate is {@code factor} times the initial rate until {@code total_iters}. */
final class ConstantLRKind extends BaseKind {
  private static final ClassName MATH_CONSTANT = ClassName.get(ConstantLR.class);

  ConstantLRKind() {
    super(ScheduleType.CONSTANT, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .optional(Param.FACTOR, 1.0 / 3, Rule.OPEN_UNIT)
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE)
        .build());
  }

  @Override
  public void check(ScheduleCheck check) {
    TotalIters.checkChanges(check, "base_lr");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    // factor on step 0, 1 / factor >= 1 at total_iters.
    return false;
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String factor;
    private String totalIters;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      factor = scalar(Param.FACTOR);
      totalIters = scalar(Param.TOTAL_ITERS);
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * factor   if t < total_iters\n"
          + "      = base_lr            otherwise";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $L)", MATH_CONSTANT,
          restartedTotalIters() ? "restartedFactor" : "factor", factor, totalIters, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L * $N", lr, factor),
          CodeBlock.of("$L == $N ? $L * (1.0 / $N) : $L", t, totalIters, lr, factor, lr));
    }
  }
}

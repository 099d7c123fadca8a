package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.PolynomialLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** PyTorch's {@code PolynomialLR}: the rate decays as a power of the steps left until {@code total_iters}. */
final class PolynomialLRKind extends BaseKind {
  private static final ClassName MATH_POLYNOMIAL = ClassName.get(PolynomialLR.class);

  PolynomialLRKind() {
    super(ScheduleType.POLYNOMIAL, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE)
        .optional(Param.POWER, 1.0, Rule.NON_NEGATIVE)
        .build());
  }

  @Override
  public void check(ScheduleCheck check) {
    TotalIters.checkChanges(check, "base_lr * 0^power (0, or base_lr where power is 0)");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    return !(check.number(Param.POWER) == 0 || check.number(Param.TOTAL_ITERS) <= 0);
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String totalIters;
    private String power;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      totalIters = scalar(Param.TOTAL_ITERS);
      power = scalar(Param.POWER);
      checkRestartable(totalIters);
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * (1 - min(t, total_iters) / total_iters) ^ power";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $L)", MATH_POLYNOMIAL,
          restartedTotalIters() ? "restartedFactor" : "factor", totalIters, power, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$L * $T.ratio($N, $N, $L)", lr, MATH_POLYNOMIAL, totalIters, power, t));
    }
  }
}

package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.ExponentialLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Growth;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** PyTorch's {@code ExponentialLR}: the rate decays by {@code gamma} every step. */
final class ExponentialLRKind extends BaseKind {
  private static final ClassName MATH_EXPONENTIAL = ClassName.get(ExponentialLR.class);

  ExponentialLRKind() {
    super(ScheduleType.EXPONENTIAL, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .required(Param.GAMMA, Rule.FINITE)
        .build());
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.GAMMA);
  }

  @Override
  public Optional<String> growth(ScheduleCheck check, double gamma) {
    return Optional.of("without bound: from a rate of 1 it passes the largest double after about "
        + Growth.steps(Growth.stepsToOverflow(gamma)) + " steps");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    return !(check.number(Param.GAMMA) >= 1);
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String gamma;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      gamma = scalar(Param.GAMMA);
      if (gammaMayGrow()) {
        largestBase();
      }
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * gamma ^ t";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $L)", MATH_EXPONENTIAL, gamma, t);
    }

    @Override
    protected CodeBlock resetState() {
      return CodeBlock.of("$N = 1.0;\n", shared());
    }

    @Override
    protected CodeBlock advance(String t) {
      CodeBlock next = CodeBlock.of("$T.next($N, $N, $L)", MATH_EXPONENTIAL, shared(), gamma, t);
      return CodeBlock.of("$N = $L;\n", shared(), gammaMayGrow() ? growth(next, t) : next);
    }

    /** One multiplication a step since the factor was last set to gamma^t. */
    @Override
    protected CodeBlock roundings(String t) {
      return CodeBlock.of("($L & ($T.RESYNC_PERIOD - 1))", t, MATH_EXPONENTIAL);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr), CodeBlock.of("$L * $N", lr, gamma));
    }
  }
}

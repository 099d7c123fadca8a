package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.StepLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Growth;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationValue;

/** PyTorch's {@code StepLR}: the rate decays by {@code gamma} every {@code step_size} steps. */
final class StepLRKind extends BaseKind {
  private static final ClassName MATH_STEP = ClassName.get(StepLR.class);

  StepLRKind() {
    super(ScheduleType.STEP, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .required(Param.STEP_SIZE, Rule.NON_ZERO)
        .optional(Param.GAMMA, 0.1, Rule.FINITE)
        .build());
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.GAMMA);
  }

  /** A negative step size is PyTorch's too: it decays every {@code |step_size|} steps. */
  @Override
  public void check(ScheduleCheck check) {
    AnnotationValue stepSize = check.written(Param.STEP_SIZE);
    if (stepSize != null && (Integer) stepSize.getValue() < 0) {
      int value = (Integer) stepSize.getValue();
      check.warning(stepSize, Message.NEGATIVE_STEP_SIZE, value, -value);
    }
  }

  @Override
  public void checkPhase(ScheduleCheck check, long length, long start, long end) {
    AnnotationValue value = check.written(Param.STEP_SIZE);
    if (value != null && Math.abs((long) (Integer) value.getValue()) >= length) {
      check.warning(value, Message.STEP_SIZE_AFTER_PHASE, value.getValue(), check.index(), length, start, end);
    }
  }

  @Override
  public Optional<String> growth(ScheduleCheck check, double gamma) {
    AnnotationValue stepSize = check.written(Param.STEP_SIZE);
    long period = stepSize == null ? 1 : Math.abs((long) (Integer) stepSize.getValue());
    return Optional.of("without bound: from a rate of 1 it passes the largest double after about "
        + Growth.steps(Math.ceil(Growth.stepsToOverflow(gamma)) * Math.max(period, 1)) + " steps");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    return !(check.number(Param.GAMMA) >= 1);
  }

  /** A countdown to the next decay holds the step count between decays. */
  @Override
  public boolean canKeepClock(ScheduleModel schedule) {
    return true;
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private Supplier<String> stepSize;
    private String gamma;
    private String period;
    private String untilDecay;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      stepSize = scalarOnUse(Param.STEP_SIZE);
      gamma = scalar(Param.GAMMA);
      period = emitter.derived(prefix, "period", TypeName.LONG,
          isConstant(Param.STEP_SIZE) ? StepLR.period((Integer) constant(Param.STEP_SIZE)) : null,
          () -> CodeBlock.of("$T.period($N)", MATH_STEP, stepSize.get()), "The steps between decays, {@code |step_size|}.");
      if (gammaMayGrow()) {
        largestBase();
      }
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * gamma ^ floor(t / step_size)";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.decayFactor($N, $N, $L)", MATH_STEP, gamma, period, t);
    }

    /** The rate changes once a period, so that is where group 0's is refreshed. */
    @Override
    protected boolean keepsFirstRate() {
      return true;
    }

    @Override
    protected CodeBlock resetState() {
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("$N = 1.0", shared())
          .addStatement("$N = $N", nextDecay(), period);
      if (keepsClock) {
        code.addStatement("$N = $N", untilDecay(), period);
      }
      return code.build();
    }

    @Override
    protected CodeBlock clock() {
      return CodeBlock.of("$N - $N", nextDecay(), untilDecay());
    }

    @Override
    protected CodeBlock tick() {
      if (gammaMayGrow()) {
        // The decay first: where it would overflow it throws, and the countdown stays.
        return CodeBlock.builder()
            .beginControlFlow("if ($N == 1)", untilDecay())
            .add(decay())
            .addStatement("$N = $N", untilDecay(), period)
            .nextControlFlow("else")
            .addStatement("$N--", untilDecay())
            .endControlFlow()
            .build();
      }
      // A countdown to the next decay: between decays a step writes it alone, and the step
      // count follows from it and the next decay's step.
      return CodeBlock.builder()
          .beginControlFlow("if (--$N == 0)", untilDecay())
          .addStatement("$N = $N", untilDecay(), period)
          .add(decay())
          .endControlFlow()
          .build();
    }

    @Override
    protected boolean rebuildsClockFromStep() {
      return true;
    }

    /** A restored checkpoint holds the step and the next decay's; the countdown is between them. */
    @Override
    protected CodeBlock rebuildDerived() {
      return keepsClock
          ? CodeBlock.of("$N = $N - step;\n", untilDecay(), nextDecay())
          : CodeBlock.of("");
    }

    @Override
    protected CodeBlock advance(String t) {
      // PyTorch's recurrence, multiplying by gamma once a period; comparing the step with the
      // next decay's finds the period without a division, and stores nothing between decays.
      return CodeBlock.builder()
          .beginControlFlow("if ($L == $N)", t, nextDecay())
          .add(decay())
          .endControlFlow()
          .build();
    }

    private CodeBlock decay() {
      if (gammaMayGrow()) {
        // The step of this decay is the next decay's until it moves; the factor is checked first.
        return CodeBlock.builder()
            .addStatement("$N = $L", shared(), growth(CodeBlock.of("$N * $N", shared(), gamma), nextDecay()))
            .addStatement("$N += $N", nextDecay(), period)
            .add(keepFirst())
            .build();
      }
      return CodeBlock.builder()
          .addStatement("$N += $N", nextDecay(), period)
          .addStatement("$N *= $N", shared(), gamma)
          .add(keepFirst())
          .build();
    }

    private String nextDecay;

    private String nextDecay() {
      if (nextDecay == null) {
        nextDecay = emitter.state(prefix, "nextDecay", TypeName.LONG, null,
            "The step of the next decay, on this schedule's clock.");
        if (keepsClock) {
          untilDecay = emitter.phaseState(prefix, "untilDecay", TypeName.LONG,
              "Steps left until the next decay; the step count is {@code nextDecay - untilDecay}.");
        }
      }
      return nextDecay;
    }

    private String untilDecay() {
      nextDecay();
      return untilDecay;
    }

    /** The next decay's step follows from the step: the first multiple of the period after it. */
    @Override
    protected CodeBlock checkSavedCounters(String t) {
      if (nextDecay == null) {
        return CodeBlock.of("");
      }
      return CodeBlock.of("in.expect($S, $N, ($L / $N + 1) * $N);\n", nextDecay, saved(nextDecay), t, period, period);
    }

    /** One multiplication by gamma a decay. */
    @Override
    protected CodeBlock roundings(String t) {
      return CodeBlock.of("$L / $N", t, period);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.decaysAt($N, $L) ? $L * $N : $L", MATH_STEP, stepSize.get(), t, lr, gamma, lr));
    }
  }
}

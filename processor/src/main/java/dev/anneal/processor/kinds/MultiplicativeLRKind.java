package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.math.MultiplicativeLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** PyTorch's {@code MultiplicativeLR}: each step multiplies the rate by the config's function of the step. */
final class MultiplicativeLRKind extends BaseKind {
  private static final ClassName MATH_MULTIPLICATIVE = ClassName.get(MultiplicativeLR.class);

  MultiplicativeLRKind() {
    super(ScheduleType.MULTIPLICATIVE, Stepping.RECURRENCE, InChain.RECURRENCE, Attributes.builder()
        .required(Param.LR_LAMBDA, null)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends KindWriter {
    private final LambdaLRKind.Writer lambda;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
      this.lambda = new LambdaLRKind.Writer(kind, s, e, p, true);
    }

    @Override
    protected void declare() {
      lambda.declare();
    }

    @Override
    protected String formula() {
      return "lr(0) = base_lr, lr(t) = lr(t - 1) * lr_lambda(t)";
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      throw new UnsupportedOperationException("MultiplicativeLR has no closed form");
    }

    /**
     * One function for all groups: its factor is checked against the largest current rate before
     * any rate changes. A function per group: each group's new rate is checked.
     */
    @Override
    protected CodeBlock step(String t) {
      String name = schedule.torchName();
      if (lambda.methods().size() == 1) {
        return CodeBlock.builder()
            .addStatement("double $N = $T.growth($L, $T.largest(lrs), $S, $L)", local("lambda"), Emitter.CHECKS,
                lambda.call(t, "0"), Emitter.CHECKS, name, scheduleStep(t))
            .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
            .addStatement("lrs[g] = $T.next(lrs[g], $N)", MATH_MULTIPLICATIVE, local("lambda"))
            .endControlFlow()
            .build();
      }
      return CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $T.rate($T.next(lrs[g], $L), $S, $L)", Emitter.CHECKS, MATH_MULTIPLICATIVE,
              lambda.call(t, "g"), name, scheduleStep(t))
          .endControlFlow()
          .build();
    }

    @Override
    protected CodeBlock restart() {
      return CodeBlock.of("$T.arraycopy($N, 0, lrs, 0, lrs.length);\n", System.class, base);
    }

    /** Initial rates and factors are {@code >= 0}, and so are their products. */
    @Override
    protected CodeBlock checkSavedRates(String rates, String t) {
      return checkNonNegative(rates);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.next($L, $L)", MATH_MULTIPLICATIVE, lr, lambda.call(t, g)));
    }
  }
}

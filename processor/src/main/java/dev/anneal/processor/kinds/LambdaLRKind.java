package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.math.LambdaLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** PyTorch's {@code LambdaLR}: the initial rate times the config's function of the step. */
final class LambdaLRKind extends BaseKind {
  private static final ClassName MATH_LAMBDA = ClassName.get(LambdaLR.class);

  LambdaLRKind() {
    super(ScheduleType.LAMBDA, Stepping.CLOSED_FORM, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.LR_LAMBDA, null)
        .build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement, false);
  }

  static final class Writer extends KindWriter {
    /** Whether the functions are MultiplicativeLR's, whose factors multiply the current rates. */
    private final boolean multiplies;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p, boolean multiplies) {
      super(kind, s, e, p);
      this.multiplies = multiplies;
    }

    List<ExecutableElement> methods() {
      return schedule.methods().get(Param.LR_LAMBDA);
    }

    @Override
    protected void declare() {
      List<ExecutableElement> methods = methods();
      StringBuilder names = new StringBuilder();
      for (ExecutableElement method : methods) {
        names.append(names.length() == 0 ? "" : ", ").append(method.getSimpleName()).append("()");
      }
      emitter.parameterLines.add("lr_lambda = " + names);
      if (methods.size() == 1 && !multiplies) {
        largestBase();
      }
      if (methods.size() > 1) {
        String groups = emitter.groups();
        emitter.constructor.beginControlFlow("if ($N != $L)", groups, methods.size())
            .addStatement("throw new $T($S + $N + $S)", IllegalArgumentException.class,
                schedule.torchName() + ": expected ", groups,
                " lr_lambdas (lrLambda), one per parameter group, got " + methods.size())
            .endControlFlow();
      }
    }

    /** The factor of group {@code g} at {@code t}: a direct call of the config's method. */
    CodeBlock call(String t, String g) {
      List<ExecutableElement> methods = methods();
      if (methods.size() == 1) {
        return callOne(methods.get(0), t);
      }
      CodeBlock.Builder select = CodeBlock.builder();
      for (int i = 0; i < methods.size() - 1; i++) {
        select.add("$L == $L ? $L : ", g, i, callOne(methods.get(i), t));
      }
      return select.add("$L", callOne(methods.get(methods.size() - 1), t)).build();
    }

    /**
     * A call of the config's method, its result checked: a factor that is NaN, infinite or
     * negative would reach the optimizer as such a rate.
     */
    private CodeBlock callOne(ExecutableElement method, String t) {
      ClassName config = owner(method);
      String name = method.getSimpleName().toString();
      CodeBlock call = Methods.takesInt(method)
          ? CodeBlock.of("$T.$N($T.intStep($L, $S))", config, name, Emitter.CHECKS, t, name + "(int)")
          : CodeBlock.of("$T.$N($L)", config, name, t);
      return CodeBlock.of("$T.factor($L, $S, $L)", Emitter.CHECKS, call, schedule.torchName() + ": " + name, t);
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * lr_lambda(t)";
    }

    /**
     * The factor for all groups, where one function serves them all: checked against the largest
     * {@code base_lr}, so that no group's rate overflows and a refused step changes nothing.
     */
    @Override
    protected CodeBlock prologue(String t) {
      if (methods().size() == 1) {
        return CodeBlock.of("double $N = $L;\n", local("lambda"), growth(call(t, "0"), t));
      }
      return CodeBlock.of("");
    }

    /** With a function per group, each group's rate is checked. */
    @Override
    protected CodeBlock lr(String t, String g) {
      if (methods().size() == 1) {
        return CodeBlock.of("$T.lr($N[$L], $N)", MATH_LAMBDA, base, g, local("lambda"));
      }
      return CodeBlock.of("$T.rate($T.lr($N[$L], $L), $S, $L)", Emitter.CHECKS, MATH_LAMBDA, base, g, call(t, g),
          schedule.torchName(), scheduleStep(t));
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$T.lr($N[$L], $L)", MATH_LAMBDA, base, g, call(t, g));
    }

    /**
     * The rates are the closed form's at the step, which calls the config's functions; a function
     * that refuses the step (an {@code int} parameter past {@code Integer.MAX_VALUE}, a value that
     * is no factor) means that no run saved it.
     */
    @Override
    protected CodeBlock checkSavedPhaseRates(String rates, String t) {
      return checkSavedRates(rates, t);
    }

    @Override
    protected CodeBlock checkSavedRates(String rates, String t) {
      return CodeBlock.builder()
          .beginControlFlow("try")
          .add(prologue(t))
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, lr(t, "g"))
          .endControlFlow()
          .nextControlFlow("catch ($T | $T e)", IllegalStateException.class, ArithmeticException.class)
          .addStatement("throw in.refusedBy(e)")
          .endControlFlow()
          .build();
    }

  }
}

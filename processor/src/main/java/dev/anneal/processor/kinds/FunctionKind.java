package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the schedules of Keras and optax share: each is a pure function of the optimizer's update
 * count, the rate of update {@code t} (from 0) computed afresh from {@code t} by the runtime's
 * {@code lr}, in the reference's order of operations so that it gives the reference's float64
 * numbers. A group's initial rate stands for the reference's base value (Keras's
 * {@code initial_learning_rate}); every other value is the reference's own, absolute where the
 * reference's is.
 */
abstract class FunctionKind extends BaseKind {
  FunctionKind(ScheduleType type, Attributes attributes) {
    super(type, Stepping.CLOSED_FORM, InChain.REFUSED, attributes);
  }

  /** The runtime class of the formula, whose {@code lr} method the generated code calls. */
  abstract Class<?> math();

  /**
   * The attributes {@code lr} takes before the base value and the update, in its order, given
   * the attributes this config gives (an attribute without a default changes the overload).
   */
  abstract List<Param> inputs(ScheduleModel schedule);

  /** The formula for the class Javadoc. */
  abstract String formula();

  /** Whether {@code lr} takes the group's initial rate, as the reference's base value. */
  boolean readsBase() {
    return true;
  }

  /**
   * The attribute that gives the base value for every group where it is written (optax's
   * {@code init_value}), the group's initial rate standing for it where it is not; null where the
   * group's rate is the base value always (Keras's {@code initial_learning_rate}).
   */
  Param baseParam() {
    return null;
  }

  @Override
  public Optional<String> initialRateArgument() {
    return readsBase() && baseParam() == null ? Optional.of("initial_learning_rate") : Optional.empty();
  }

  /** Whether the type may be a phase of {@code @Sequential}, as optax's join_schedules joins its schedules. */
  boolean joins() {
    return false;
  }

  /** The reference's refusals of values together, each a static method of the runtime. */
  List<Refusal> refusals() {
    return List.of();
  }

  /**
   * A refusal of the reference: the static {@code method} of {@code owner}, which takes the
   * values of {@code inputs} and returns the reference's reason or null, reported on {@code at}.
   */
  record Refusal(Class<?> owner, String method, List<Param> inputs, Param at) {}

  /** The value of a list attribute as the generated code holds it: sorted, where the reference sorts it. */
  Object arranged(Param param, ScheduleModel schedule) {
    return schedule.constant(param);
  }

  /** Inputs of {@code lr} before {@link #inputs}, derived once when the scheduler is built; none by default. */
  List<CodeBlock> derivedInputs(Writer writer) {
    return List.of();
  }

  @Override
  public void checkInCombination(ScheduleCheck check, String combinator) {
    if (joins() && combinator.equals("Sequential")) {
      return;
    }
    check.error(check.typeValue(), Message.NOT_COMBINABLE, type().torchName(), combinator, joins()
        ? "the reference is a function of the update count, which join_schedules joins and nothing chains"
        : "the reference is a function of the update count, which SequentialLR and ChainedScheduler do not hold");
  }

  /** The reference's refusals with every value known, on the value at fault. */
  @Override
  public void check(ScheduleCheck check) {
    for (Refusal refusal : refusals()) {
      List<Object> values = new ArrayList<>();
      boolean known = true;
      for (Param input : refusal.inputs()) {
        Object value = check.known(input);
        if (value == null || (value instanceof Number n && !Double.isFinite(n.doubleValue()))) {
          known = false;
        }
        values.add(value);
      }
      if (!known) {
        continue;
      }
      String reason = call(refusal, values);
      if (reason != null) {
        check.error(check.isWritten(refusal.at()) ? check.written(refusal.at()) : check.typeValue(),
            Message.FUNCTION_REFUSED, torchName(), reason);
      }
    }
  }

  private static String call(Refusal refusal, List<Object> values) {
    try {
      java.lang.reflect.Method method = Arrays.stream(refusal.owner().getMethods())
          .filter(m -> m.getName().equals(refusal.method()) && m.getParameterCount() == values.size())
          .findFirst().orElseThrow();
      return (String) method.invoke(null, values.toArray());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(refusal.owner().getSimpleName() + "." + refusal.method(), e);
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  /** The writer of every such type: its rate, per group, from the runtime's closed form. */
  static final class Writer extends KindWriter {
    private final FunctionKind function;
    private final List<CodeBlock> names = new ArrayList<>();
    private final Map<Param, CodeBlock> inputs = new EnumMap<>(Param.class);

    Writer(FunctionKind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
      this.function = kind;
    }

    private String ownBase;

    @Override
    protected void declare() {
      names.addAll(function.derivedInputs(this));
      for (Param input : function.inputs(schedule)) {
        names.add(input(input));
      }
      Param baseParam = function.baseParam();
      if (baseParam != null && schedule.values().containsKey(baseParam)) {
        ownBase = scalar(baseParam);
      }
      for (Refusal refusal : function.refusals()) {
        if (refusal.inputs().stream().allMatch(this::isConstant)) {
          continue;
        }
        CodeBlock.Builder call = CodeBlock.builder().add("$T.$N(", ClassName.get(refusal.owner()), refusal.method());
        for (int i = 0; i < refusal.inputs().size(); i++) {
          call.add(i == 0 ? "$L" : ", $L", input(refusal.inputs().get(i)));
        }
        emitter.constructor.addStatement("$T.refused($S, $L)", Emitter.CHECKS, schedule.torchName(),
            call.add(")").build());
      }
    }

    /** A value derived once from the schedule's attributes when the scheduler is built. */
    CodeBlock derived(String name, TypeName type, CodeBlock init, String why) {
      return CodeBlock.of("$N", emitter.derived(prefix, name, type, null, init, why));
    }

    /** The code that reads {@code param} in the generated class, declared once. */
    CodeBlock input(Param param) {
      CodeBlock code = inputs.get(param);
      if (code == null) {
        code = declareInput(param);
        inputs.put(param, code);
      }
      return code;
    }

    private CodeBlock declareInput(Param param) {
      switch (param.shape) {
        case BOOLEAN:
          Object flag = constant(param);
          emitter.parameterLines.add(param.torchName + " = " + (((Boolean) flag) ? "True" : "False"));
          return CodeBlock.of("$L", flag);
        case ENUM:
          Enum<?> value = (Enum<?>) constant(param);
          emitter.parameterLines.add(param.torchName + " = \"" + value + "\"");
          return CodeBlock.of("$T.$L", value.getDeclaringClass(), value.name());
        case INTS: {
          int[] list = (int[]) function.arranged(param, schedule);
          CodeBlock.Builder array = CodeBlock.builder().add("{");
          for (int i = 0; i < list.length; i++) {
            array.add(i == 0 ? "$L" : ", $L", list[i]);
          }
          String name = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, param.attribute),
              array.add("}").build(), null);
          emitter.parameterLines.add(param.torchName + " = " + Arrays.toString(list));
          return CodeBlock.of("$N", name);
        }
        case DOUBLES: {
          double[] list = (double[]) function.arranged(param, schedule);
          CodeBlock.Builder array = CodeBlock.builder().add("{");
          for (int i = 0; i < list.length; i++) {
            array.add(i == 0 ? "$L" : ", $L", literal(list[i]));
          }
          String name = emitter.constant(TypeName.get(double[].class), Emitter.constantName(prefix, param.attribute),
              array.add("}").build(), null);
          emitter.parameterLines.add(param.torchName + " = " + Arrays.toString(list));
          return CodeBlock.of("$N", name);
        }
        default:
          return CodeBlock.of("$N", scalar(param));
      }
    }

    private static String literal(double v) {
      if (Double.isNaN(v)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(v)) {
        return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(v);
    }

    @Override
    protected String formula() {
      return function.formula() + "\n(t counts the optimizer's steps, from 0)";
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      CodeBlock.Builder call = CodeBlock.builder().add("$T.lr(", ClassName.get(function.math()));
      for (CodeBlock name : names) {
        call.add("$L, ", name);
      }
      if (ownBase != null) {
        call.add("$N, ", ownBase);
      } else if (function.readsBase()) {
        call.add("$N[$L], ", base, g);
      }
      return call.add("$L)", t).build();
    }

    @Override
    protected CodeBlock ratesAt(String t) {
      return CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $L", checked(lr(t, "g"), t))
          .endControlFlow()
          .build();
    }

    private CodeBlock checked(CodeBlock rate, String t) {
      return CodeBlock.of("$T.rate($L, $S, $L)", Emitter.CHECKS, rate, schedule.torchName(), scheduleStep(t));
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      throw new IllegalStateException(schedule.torchName() + " is not combined");
    }

    @Override
    protected CodeBlock checkSavedRates(String rates, String t) {
      return CodeBlock.builder()
          .beginControlFlow("try")
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, checked(lr(t, "g"), t))
          .endControlFlow()
          .nextControlFlow("catch ($T e)", ArithmeticException.class)
          .addStatement("throw in.refusedBy(e)")
          .endControlFlow()
          .build();
    }
  }
}

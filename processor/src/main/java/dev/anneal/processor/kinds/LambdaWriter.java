package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer of a schedule whose reference is a {@code LambdaLR} of a function of the step and of
 * the schedule's numbers alone, as most of Hugging Face's are: {@code base_lr * f(t)}, with
 * {@code f} one static method of the runtime that takes the numbers in the order given, then the
 * step. Inside {@code @Chained} it sets the rate from that function, as every {@code LambdaLR}
 * does. Where the reference refuses some combinations of the numbers, a second static method of
 * the same class, taking the same numbers, checks them when the scheduler is built with one bound
 * (the processor checks written ones through the kind).
 */
final class LambdaWriter extends FactorWriter {
  private final ClassName math;
  private final String method;
  private final List<Param> inputs;
  private final String formula;
  private final String check;
  private final List<String> names = new ArrayList<>();

  /**
   * @param math the runtime class holding {@code method}
   * @param inputs the attributes {@code method} takes before the step, each a number
   * @param formula the formula for the class Javadoc, in the reference's names
   */
  LambdaWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement, Class<?> math,
      String method, List<Param> inputs, String formula) {
    this(kind, schedule, emitter, placement, math, method, inputs, formula, null);
  }

  /**
   * @param check the static method of {@code math} that throws {@link IllegalArgumentException}
   *     for numbers the reference refuses, or null where it refuses none beyond single rules
   */
  LambdaWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement, Class<?> math,
      String method, List<Param> inputs, String formula, String check) {
    super(kind, schedule, emitter, placement);
    this.math = ClassName.get(math);
    this.method = method;
    this.inputs = List.copyOf(inputs);
    this.formula = formula;
    this.check = check;
  }

  @Override
  protected void declareParameters() {
    for (Param input : inputs) {
      names.add(scalar(input));
    }
    if (check != null && !inputs.stream().allMatch(this::isConstant)) {
      emitter.constructor.addStatement("$T.$N($L)", math, check, String.join(", ", names));
    }
  }

  @Override
  protected String formula() {
    return formula;
  }

  @Override
  protected CodeBlock factor(String t) {
    CodeBlock.Builder call = CodeBlock.builder().add("$T.$N(", math, method);
    for (String name : names) {
      call.add("$N, ", name);
    }
    return call.add("$L)", t).build();
  }

  @Override
  protected CodeBlock chain(String lr, String t, String g) {
    return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
  }
}

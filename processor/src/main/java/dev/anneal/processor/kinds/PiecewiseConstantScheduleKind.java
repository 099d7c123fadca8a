package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.PiecewiseConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hugging Face diffusers' {@code get_piecewise_constant_schedule}: the factor of the first rule
 * whose step is above the step count, the last factor past them all.
 *
 * <p>The reference takes its rules as one string, {@code "1:10,0.1:20,0.005"}; Anneal takes them
 * as typed values, {@code ruleSteps = {10, 20}, ruleFactors = {1, 0.1}, lastFactor = 0.005}, so
 * that the compiler checks each number and a message can point at the one at fault.
 */
final class PiecewiseConstantScheduleKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(PiecewiseConstantSchedule.class);

  PiecewiseConstantScheduleKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. No rule at all is a constant lastFactor.
    super(ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .optional(Param.RULE_STEPS, new int[0], null)
        .optional(Param.RULE_FACTORS, new double[0], Rule.FINITE)
        .required(Param.LAST_FACTOR, Rule.FINITE)
        .build());
  }

  /** A negative factor, which the reference multiplies the rate by all the same. */
  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.RULE_FACTORS, Param.LAST_FACTOR);
  }

  /**
   * Each rule of the reference's string has a step and a factor, so lists of different lengths
   * say nothing it could run. Rules in another order than their steps', or a step repeated, it
   * runs sorted by step, the later factor of a step kept: a warning, as what runs is not what
   * reads.
   */
  @Override
  public void check(ScheduleCheck check) {
    int[] steps = check.value(Param.RULE_STEPS) instanceof int[] written ? written : new int[0];
    double[] factors = check.value(Param.RULE_FACTORS) instanceof double[] written ? written : new double[0];
    if (steps.length != factors.length) {
      check.error(check.isWritten(Param.RULE_FACTORS) ? check.written(Param.RULE_FACTORS)
          : check.written(Param.RULE_STEPS), Message.RULE_LENGTHS, type().torchName(), steps.length, factors.length);
      return;
    }
    int outOfOrder = PiecewiseConstantSchedule.firstOutOfOrder(steps);
    if (outOfOrder >= 0) {
      check.warning(check.element(Param.RULE_STEPS, outOfOrder), Message.RULES_OUT_OF_ORDER, type().torchName(),
          steps[outOfOrder], steps[outOfOrder - 1], Arrays.toString(PiecewiseConstantSchedule.steps(steps)),
          Arrays.toString(PiecewiseConstantSchedule.factors(steps, factors)));
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String steps;
    private String factors;
    private String lastFactor;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      int[] ruleSteps = (int[]) constant(Param.RULE_STEPS);
      double[] ruleFactors = (double[]) constant(Param.RULE_FACTORS);
      int[] sorted = PiecewiseConstantSchedule.steps(ruleSteps);
      double[] sortedFactors = PiecewiseConstantSchedule.factors(ruleSteps, ruleFactors);
      CodeBlock.Builder stepArray = CodeBlock.builder().add("{");
      CodeBlock.Builder factorArray = CodeBlock.builder().add("{");
      for (int i = 0; i < sorted.length; i++) {
        stepArray.add(i == 0 ? "$L" : ", $L", sorted[i]);
        factorArray.add(i == 0 ? "$L" : ", $L", Emitter.literal(sortedFactors[i]));
      }
      steps = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, "ruleSteps"),
          stepArray.add("}").build(), "The steps of the rules, sorted, each once, as the reference keys them.");
      factors = emitter.constant(TypeName.get(double[].class), Emitter.constantName(prefix, "ruleFactors"),
          factorArray.add("}").build(), "The factor of each step: of a step written twice, the later.");
      emitter.parameterLines.add("step_rules = " + stepRules(ruleSteps, ruleFactors));
      lastFactor = scalar(Param.LAST_FACTOR);
    }

    /** The rules as the reference's string, but for the last factor, which may be bound. */
    private static String stepRules(int[] ruleSteps, double[] ruleFactors) {
      StringBuilder rules = new StringBuilder("\"");
      for (int i = 0; i < ruleSteps.length; i++) {
        rules.append(Emitter.literal(ruleFactors[i])).append(':').append(ruleSteps[i]).append(',');
      }
      return rules.append("last_factor\"").toString();
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * the factor of the first rule, by step, whose step is above t\n"
          + "      = base_lr * last_factor   where no step is above t";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $N, $L)", MATH, steps, factors, lastFactor, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
    }
  }
}

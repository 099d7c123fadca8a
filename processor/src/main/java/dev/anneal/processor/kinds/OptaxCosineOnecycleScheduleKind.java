package dev.anneal.processor.kinds;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxCosineOnecycleSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/** optax's {@code cosine_onecycle_schedule}: two cosines, up to the peak and far below the start. */
final class OptaxCosineOnecycleScheduleKind extends OptaxKind {
  private static final List<Param> DICT = List.of(Param.TRANSITION_STEPS, Param.PCT_START, Param.DIV_FACTOR,
      Param.FINAL_DIV_FACTOR);
  private static final Refusal REFUSAL = new Refusal(OptaxCosineOnecycleSchedule.class, "refusal", DICT,
      Param.TRANSITION_STEPS);

  OptaxCosineOnecycleScheduleKind() {
    super(ScheduleType.OPTAX_COSINE_ONECYCLE, Attributes.builder()
        .required(Param.TRANSITION_STEPS, null)
        .alternative(Param.PEAK_VALUE, "the group's initial rate", Rule.FINITE)
        .optional(Param.PCT_START, 0.3, Rule.FINITE)
        .optional(Param.DIV_FACTOR, 25.0, Rule.FINITE)
        .optional(Param.FINAL_DIV_FACTOR, 1e4, Rule.FINITE)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxCosineOnecycleSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.PEAK_VALUE;
  }

  @Override
  List<Refusal> refusals() {
    return List.of(REFUSAL);
  }

  @Override
  List<CodeBlock> derivedInputs(Writer writer) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < DICT.size(); i++) {
      args.add(i == 0 ? "$L" : ", $L", writer.input(DICT.get(i)));
    }
    CodeBlock dict = args.build();
    return List.of(
        writer.derived("boundaries", TypeName.get(int[].class),
            CodeBlock.of("$T.boundaries($L)", OptaxCosineOnecycleSchedule.class, dict),
            "The sorted boundaries of the reference's dict, as it truncates and overwrites them."),
        writer.derived("scales", TypeName.get(double[].class),
            CodeBlock.of("$T.scales($L)", OptaxCosineOnecycleSchedule.class, dict),
            "The scales of the reference's dict, in the order of its boundaries."));
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DIV_FACTOR);
  }

  @Override
  String formula() {
    return "piecewise_interpolate_schedule('cosine', peak_value / div_factor, {int(pct_start * T): div_factor,\n"
        + "    T: 1 / (div_factor * final_div_factor)}), T = transition_steps";
  }
}

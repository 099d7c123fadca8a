package dev.anneal.processor.kinds;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.List;

/**
 * optax's one-cycles, both a {@code piecewise_interpolate_schedule} from {@code peak_value /
 * div_factor} over a dict of boundaries and scales built from the attributes {@code dict}: the
 * runtime class {@code math} builds the dict as the reference does (truncating and overwriting
 * keys) once, in the constructor, and refuses what the reference refuses.
 */
abstract class OptaxOnecycleKind extends OptaxKind {
  private final Class<?> math;
  private final List<Param> dict;
  private final Refusal refusal;

  OptaxOnecycleKind(ScheduleType type, Class<?> math, List<Param> dict, Attributes attributes) {
    super(type, attributes);
    this.math = math;
    this.dict = dict;
    this.refusal = new Refusal(math, "refusal", dict, Param.TRANSITION_STEPS);
  }

  @Override
  final Class<?> math() {
    return math;
  }

  @Override
  final Param baseParam() {
    return Param.PEAK_VALUE;
  }

  @Override
  final List<Refusal> refusals() {
    return List.of(refusal);
  }

  @Override
  final List<CodeBlock> derivedInputs(Writer writer) {
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < dict.size(); i++) {
      args.add(i == 0 ? "$L" : ", $L", writer.input(dict.get(i)));
    }
    CodeBlock values = args.build();
    return List.of(
        writer.derived("boundaries", TypeName.get(int[].class), CodeBlock.of("$T.boundaries($L)", math, values),
            "The sorted boundaries of the reference's dict, as it truncates and overwrites them."),
        writer.derived("scales", TypeName.get(double[].class), CodeBlock.of("$T.scales($L)", math, values),
            "The scales of the reference's dict, in the order of its boundaries."));
  }

  @Override
  final List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.DIV_FACTOR);
  }
}

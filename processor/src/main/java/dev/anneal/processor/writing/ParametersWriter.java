package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.internal.Parameters;
import dev.anneal.processor.model.Attribute;
import dev.anneal.processor.model.ConfigModel;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code parameters()} and {@code toString()} of a generated scheduler: every parameter of its
 * schedules by the reference's name, with the value written, defaulted, derived or bound (read back
 * from the field the constructor checked it into), so that a training log and an experiment
 * tracker record the schedule that ran.
 */
final class ParametersWriter {
  private static final ClassName PARAMETERS = ClassName.get(Parameters.class);
  private static final String FIELD = "parameters";

  private final ConfigModel model;
  private final Emitter emitter;
  private final String reference;

  ParametersWriter(ConfigModel model, Emitter emitter) {
    this.model = model;
    this.emitter = emitter;
    // A warm-up in front of a schedule is PyTorch's SequentialLR of the two.
    this.reference = switch (model.combinator()) {
      case SEQUENTIAL -> "SequentialLR";
      case CHAINED -> "ChainedScheduler";
      default -> model.schedules().get(0).torchName();
    };
  }

  /** The statement of the constructor that builds the map, after every bound value is checked. */
  CodeBlock build() {
    CodeBlock.Builder args = CodeBlock.builder();
    List<ScheduleModel> schedules = model.schedules();
    boolean combined = schedules.size() > 1;
    if (model.combinator() == Combinator.SEQUENTIAL && combined && Milestones.of(model).known()) {
      args.add("$S, $L", "milestones", list(model.milestones()));
    }
    for (ScheduleModel schedule : schedules) {
      String prefix = combined ? "schedulers[" + schedule.index() + "]." : "";
      for (Attribute attribute : schedule.kind().attributes().all()) {
        Param param = attribute.param();
        CodeBlock value = value(schedule, param);
        if (value != null) {
          args.add(args.isEmpty() ? "$S, $L" : ",\n$S, $L", prefix + name(param), value);
        }
      }
    }
    return CodeBlock.of("this.$N = $T.of($>$L$<);\n", FIELD, PARAMETERS, args.build());
  }

  /** The field, {@code parameters()} and {@code toString()}. */
  void write(TypeSpec.Builder type) {
    TypeName map = ParameterizedTypeName.get(Map.class, String.class, Object.class);
    type.addField(FieldSpec.builder(map, FIELD, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("The schedule's parameters by the reference's names; see {@link #parameters()}.\n")
        .build());
    type.addMethod(MethodSpec.methodBuilder("parameters")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(map)
        .addStatement("return $N", FIELD)
        .build());
    CodeBlock schedules = CodeBlock.of("");
    if (model.schedules().size() > 1) {
      CodeBlock.Builder names = CodeBlock.builder().add("new $T[] {", String.class);
      for (ScheduleModel schedule : model.schedules()) {
        names.add(schedule.index() == 0 ? "$S" : ", $S", schedule.torchName());
      }
      schedules = names.add("}, ").build();
    }
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addJavadoc("One line for a training log: the config, the reference schedule with its parameters, the\n"
            + "step and every group's rate.\n")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $T.describe($S, $S, $L$N, this)", PARAMETERS, model.configName().simpleName(),
            reference, schedules, FIELD)
        .build());
  }

  /** The reference's name, or Anneal's where the reference has none for the value alone. */
  private static String name(Param param) {
    return param.torchName.contains(" ") ? param.attribute : param.torchName;
  }

  /** The value's code, or null for a value computed at run time into no field of its own. */
  private CodeBlock value(ScheduleModel schedule, Param param) {
    Value value = schedule.values().get(param);
    if (value instanceof Value.Constant constant) {
      if (constant.value() instanceof int[] list && list.length > 0 && schedule.kind().listAsNumber(param)) {
        return CodeBlock.of("$L", list[0]);
      }
      return constant(constant.value());
    }
    if (value instanceof Value.Bound bound) {
      CodeBlock read = emitter.readBound(schedule, param);
      return bound.array() ? CodeBlock.of("$T.list($L)", PARAMETERS, read) : read;
    }
    if (value instanceof Value.Computed) {
      String field = emitter.computed(schedule, param);
      return field == null ? null : CodeBlock.of("$N", field);
    }
    return null;
  }

  private CodeBlock constant(Object value) {
    if (value instanceof int[] ints) {
      return list(ints);
    }
    if (value instanceof double[] doubles) {
      if (doubles.length == 1) {
        return CodeBlock.of("$L", Emitter.literal(doubles[0]));
      }
      if (doubles.length > SHORT) {
        return asText("doubles", java.util.Arrays.stream(doubles).mapToObj(Double::toString).toList());
      }
      CodeBlock.Builder list = CodeBlock.builder().add("$T.list(", PARAMETERS);
      for (int i = 0; i < doubles.length; i++) {
        list.add(i == 0 ? "$L" : ", $L", Emitter.literal(doubles[i]));
      }
      return list.add(")").build();
    }
    if (value instanceof String[] methods) {
      List<String> named = new ArrayList<>();
      for (String method : methods) {
        named.add(method(method));
      }
      CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
      for (int i = 0; i < named.size(); i++) {
        list.add(i == 0 ? "$S" : ", $S", named.get(i));
      }
      return list.add(")").build();
    }
    if (value instanceof String method) {
      // None where no method is named: left out, as the reference's default.
      return method.isEmpty() ? null : CodeBlock.of("$S", method(method));
    }
    if (value instanceof Enum<?> constant) {
      return CodeBlock.of("$S", torchName(constant));
    }
    return CodeBlock.of("$L", Emitter.literal(value));
  }

  private String method(String name) {
    return model.configName().simpleName() + "::" + name;
  }

  private static CodeBlock list(int[] values) {
    if (values.length > SHORT) {
      return asText("ints", java.util.Arrays.stream(values).mapToObj(Integer::toString).toList());
    }
    CodeBlock.Builder list = CodeBlock.builder().add("$T.list(", PARAMETERS);
    for (int i = 0; i < values.length; i++) {
      list.add(i == 0 ? "$L" : ", $L", values[i]);
    }
    return list.add(")").build();
  }

  /**
   * The lists longer than this are written as text: as code, each value would cost the constructor
   * some 8 bytes of the 64 KiB a method may have, which the lists' arrays already take much of.
   */
  private static final int SHORT = 16;

  /** A class constant is at most 65,535 bytes: the text goes in chunks well below. */
  private static final int CHUNK = 4_000;

  /** {@code Parameters.<method>("v,v,...", ...)}, the values comma-separated across chunks. */
  private static CodeBlock asText(String method, List<String> values) {
    String text = String.join(",", values);
    CodeBlock.Builder call = CodeBlock.builder().add("$T.$N(", PARAMETERS, method);
    for (int from = 0; from < text.length(); from += CHUNK) {
      call.add(from == 0 ? "$S" : ", $S", text.substring(from, Math.min(text.length(), from + CHUNK)));
    }
    return call.add(")").build();
  }

  /** The reference's name of a mode: every enum of an attribute has {@code torchName()}. */
  private static String torchName(Enum<?> value) {
    try {
      return (String) value.getClass().getMethod("torchName").invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + " has no torchName()", e);
    }
  }
}

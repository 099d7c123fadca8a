package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.internal.StateCodec;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.ConfigModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Writes a generated scheduler's checkpoint methods, {@code saveState} and {@code restoreState},
 * and the fingerprint that ties a saved state to its configuration. The form is documented on
 * {@link dev.anneal.LrScheduler#saveState()}; {@link StateCodec} writes and checks it.
 */
public final class StateWriter {
  private static final ClassName CODEC = ClassName.get(StateCodec.class);

  /** The constant holding the configuration's fingerprint. */
  static final String FINGERPRINT = "CONFIGURATION_FINGERPRINT";

  private final ConfigModel model;
  private final Emitter emitter;
  private final List<KindWriter> kinds;
  /** Per-group arrays saved whole: {@code lrs}, {@code momentums} where kept, and the schedules' per-group state. */
  private final List<String> groupArrays = new ArrayList<>();
  /** The schedules' scalar state fields, saved in declaration order. */
  private final List<Field> scalars = new ArrayList<>();

  /** Statements setting group 0's ready rate from the restored state. */
  private final CodeBlock refreshFirst;

  StateWriter(ConfigModel model, Emitter emitter, List<KindWriter> kinds, boolean lazy, boolean momentum,
      CodeBlock refreshFirst) {
    this.model = model;
    this.refreshFirst = refreshFirst;
    this.emitter = emitter;
    this.kinds = kinds;
    if (!lazy) {
      groupArrays.add("lrs");
      if (momentum) {
        groupArrays.add("momentums");
      }
    }
    groupArrays.addAll(emitter.groupStateFields);
    scalars.addAll(emitter.stateFields);
  }

  void write(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(TypeName.LONG, FINGERPRINT, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("0x$LL", Long.toHexString(StateCodec.fingerprint(canonicalText())))
        .addJavadoc("Identifies the schedule's parameters and the layout of its saved state; see {@link #saveState}.\n")
        .build());
    type.addMethod(fingerprint());
    type.addMethod(save());
    type.addMethod(restore());
  }

  /**
   * Everything that decides what a saved state means, as text: the combination, each schedule's
   * type and parameter values (bound ones by their accessor, their values are folded in at run
   * time), the functions it calls, and the order and types of the saved fields.
   */
  private String canonicalText() {
    StringBuilder text = new StringBuilder("anneal scheduler state ").append(StateCodec.VERSION).append('\n')
        .append(model.combinator()).append(' ').append(Arrays.toString(model.milestones())).append('\n');
    for (ScheduleModel schedule : model.schedules()) {
      text.append(schedule.index()).append(' ').append(schedule.type() == null ? "WARMUP" : schedule.type().name());
      // A derived value follows from the others: it adds nothing to what the state means.
      schedule.values().entrySet().stream()
          .filter(entry -> !(entry.getValue() instanceof Value.Derived || entry.getValue() instanceof Value.Computed))
          .sorted(Map.Entry.comparingByKey(Comparator.comparing(Param::name)))
          .forEach(entry -> text.append(' ').append(entry.getKey().name()).append('=').append(describe(entry.getValue())));
      schedule.methods().entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Comparator.comparing(Param::name)))
          .forEach(entry -> text.append(' ').append(entry.getKey().name()).append("=")
              .append(entry.getValue().stream().map(ExecutableElement::getSimpleName).map(Object::toString)
                  .collect(Collectors.joining(",", "[", "]"))));
      text.append('\n');
    }
    text.append("state:");
    for (String array : groupArrays) {
      text.append(' ').append(array).append(":double[]");
    }
    for (Field field : scalars) {
      text.append(' ').append(field.name()).append(':').append(field.type());
    }
    return text.toString();
  }

  private static String describe(Value value) {
    if (value instanceof Value.Bound bound) {
      return "bound:" + bound.accessor();
    }
    Object constant = ((Value.Constant) value).value();
    if (constant instanceof double[] doubles) {
      return Arrays.toString(doubles);
    }
    if (constant instanceof int[] ints) {
      return Arrays.toString(ints);
    }
    if (constant instanceof long[] longs) {
      return Arrays.toString(longs);
    }
    if (constant instanceof Object[] objects) {
      return Arrays.deepToString(objects);
    }
    return String.valueOf(constant);
  }

  private MethodSpec fingerprint() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fingerprint")
        .addModifiers(Modifier.PRIVATE).returns(long.class)
        .addJavadoc("The configuration's fingerprint with the values known only at run time folded in.\n");
    if (emitter.boundFields.isEmpty()) {
      return method.addStatement("return $T.mix($N, baseLrs)", CODEC, FINGERPRINT).build();
    }
    method.addStatement("long fingerprint = $T.mix($N, baseLrs)", CODEC, FINGERPRINT);
    for (Field bound : emitter.boundFields) {
      method.addStatement("fingerprint = $T.mix(fingerprint, $N)", CODEC, bound.name());
    }
    return method.addStatement("return fingerprint").build();
  }

  /** How many values a state holds: each group array's, then the scalars. */
  private CodeBlock valueCount() {
    if (groupArrays.isEmpty()) {
      return CodeBlock.of("$L", scalars.size());
    }
    CodeBlock arrays = groupArrays.size() == 1
        ? CodeBlock.of("baseLrs.length") : CodeBlock.of("$L * baseLrs.length", groupArrays.size());
    return scalars.isEmpty() ? arrays : CodeBlock.of("$L + $L", arrays, scalars.size());
  }

  private MethodSpec save() {
    CodeBlock.Builder chain = CodeBlock.builder()
        .add("return $T.writer(fingerprint(), baseLrs.length, $L, $L)", CODEC, kinds.get(0).stepCount(), valueCount());
    chain.indent();
    for (String array : groupArrays) {
      chain.add("\n.putDoubles($N)", array);
    }
    for (Field field : scalars) {
      chain.add("\n.$L($N)", field.type().equals(TypeName.DOUBLE) ? "putDouble" : "putLong", field.name());
    }
    chain.add("\n.finish();\n").unindent();
    return MethodSpec.methodBuilder("saveState")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(byte[].class)
        .addCode(chain.build())
        .build();
  }

  private MethodSpec restore() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("restoreState")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(byte[].class, "state")
        .addStatement("$T.Reader in = $T.reader(state, $S, fingerprint(), baseLrs.length, $L)", CODEC, CODEC,
            model.schedulerName().simpleName(), valueCount());
    for (String array : groupArrays) {
      method.addStatement("double[] $N = in.nextFinite($S, baseLrs.length)", saved(array),
          array.equals("lrs") ? "the rate" : array.equals("momentums") ? "the momentum" : array);
    }
    for (Field field : scalars) {
      if (field.type().equals(TypeName.DOUBLE)) {
        method.addStatement("double $N = in.nextDouble($S)", saved(field.name()), field.name());
      } else if (field.type().equals(TypeName.INT)) {
        method.addStatement("int $N = in.nextInt($S)", saved(field.name()), field.name());
      } else {
        method.addStatement("long $N = in.nextLong()", saved(field.name()));
      }
    }
    CodeBlock checks = checks();
    if (!checks.isEmpty()) {
      method.addComment("Each value must be what stepping to the saved step leaves.");
      if (Emitter.uses(checks, SAVED_STEP)) {
        method.addStatement("long $N = in.step()", SAVED_STEP);
      }
      method.addCode(checks);
    }
    method.addComment("Read and checked whole: only now does the scheduler change.");
    KindWriter first = kinds.get(0);
    if (!first.keepsClock) {
      method.addStatement("step = in.step()");
    } else if (first.rebuildsClockFromStep()) {
      method.addStatement("long step = in.step()");
    }
    for (String array : groupArrays) {
      method.addStatement("$T.arraycopy($N, 0, $N, 0, $N.length)", System.class, saved(array), array, array);
    }
    for (Field field : scalars) {
      method.addStatement("$N = $N", field.name(), saved(field.name()));
    }
    for (KindWriter kind : kinds) {
      method.addCode(kind.rebuildDerived());
    }
    method.addCode(rebuildPhase());
    return method.addCode(refreshFirst).build();
  }

  /**
   * Rebuilds the phase state ({@link KindWriter#keepsPhaseState}) from the step; as the first
   * phase of a @Sequential the schedule owns the steps before the first milestone.
   */
  private CodeBlock rebuildPhase() {
    // Only a first schedule can keep phase state: OneCycleLR is refused after another.
    KindWriter first = kinds.get(0);
    if (!first.keepsPhaseState()) {
      return CodeBlock.of("");
    }
    switch (model.combinator()) {
      case NONE:
        return first.advance("step");
      case SEQUENTIAL:
        if (model.milestones().length == 0) {
          return first.advance("step");
        }
        return CodeBlock.builder()
            .beginControlFlow("if ($L)", Milestones.of(model).before("step", 0))
            .add(first.advance("step"))
            .endControlFlow()
            .build();
      default:
        return CodeBlock.of("");
    }
  }

  private static String saved(String field) {
    return KindWriter.saved(field);
  }

  /** The local of {@code restoreState} holding the saved step count. */
  private static final String SAVED_STEP = "savedStep";

  /**
   * The checks of the saved values against the saved step: each schedule's on its own clock (a
   * phase of a @Sequential holds its state at its last step, or at its step 0 before its
   * milestone), the rates of a schedule alone that keeps them. The state of a schedule that never
   * runs, a @Chained schedule's (the chain computes each step from the rate before) and, where
   * the phases keep every group's rate, a later phase's before its milestone, stays 0.
   */
  private CodeBlock checks() {
    CodeBlock.Builder code = CodeBlock.builder();
    switch (model.combinator()) {
      case NONE:
        code.add(kinds.get(0).checkSaved(SAVED_STEP));
        if (groupArrays.contains("lrs")) {
          code.add(kinds.get(0).checkSavedRates(saved("lrs"), SAVED_STEP));
        }
        break;
      case SEQUENTIAL:
        boolean lazy = !groupArrays.contains("lrs");
        Milestones milestones = Milestones.of(model);
        for (int i = 0; i < kinds.size(); i++) {
          KindWriter kind = kinds.get(i);
          CodeBlock checks = kind.checkSaved(clockName(kind));
          List<Field> fields = emitter.stateFieldsOf.getOrDefault(kind.prefix, List.of());
          List<String> groupFields = emitter.groupStateFieldsOf.getOrDefault(kind.prefix, List.of());
          if (checks.isEmpty() && (lazy || i == 0 || fields.isEmpty() && groupFields.isEmpty())) {
            continue;
          }
          CodeBlock from = i == 0 ? CodeBlock.of("$N", SAVED_STEP) : CodeBlock.of("$L", milestones.since(SAVED_STEP, i - 1));
          CodeBlock last = i < milestones.count() ? CodeBlock.of("$L", milestones.lastLocal(i)) : null;
          if (lazy || i == 0) {
            // Before its milestone a phase holds its step 0's state, set when the scheduler was built.
            CodeBlock clock = i == 0 ? from : CodeBlock.of("$T.max($L, 0)", Math.class, from);
            code.addStatement("long $N = $L", clockName(kind),
                last == null ? clock : CodeBlock.of("$T.min($L, $L)", Math.class, clock, last));
            code.add(checks);
          } else {
            code.beginControlFlow("if ($L)", milestones.before(SAVED_STEP, i - 1));
            String why = (model.warmedUp() ? "schedule " + (i - 1) : "schedule " + i) + " ("
                + kind.schedule.torchName() + ") starts at step " + milestones.start(i);
            for (Field field : fields) {
              if (!kind.setBeforeStart().contains(field.name())) {
                code.addStatement("in.unset($S, $N, $S)", field.name(), saved(field.name()), why);
              }
            }
            for (String field : groupFields) {
              if (!kind.setBeforeStart().contains(field)) {
                code.addStatement("in.unset($S, $N, $S)", field, saved(field), why);
              }
            }
            code.nextControlFlow("else")
                .addStatement("long $N = $L", clockName(kind),
                    last == null ? from : CodeBlock.of("$T.min($L, $L)", Math.class, from, last))
                .add(checks)
                .endControlFlow();
          }
        }
        if (!lazy) {
          code.add(checkPhaseRates(milestones));
        }
        break;
      case CHAINED:
        for (Field field : scalars) {
          code.addStatement("in.unset($S, $N, $S)", field.name(), saved(field.name()),
              "a @Chained schedule computes each step from the rate before and keeps no state of its own");
        }
        break;
      default:
        throw new AssertionError(model.combinator());
    }
    return code.build();
  }

  /**
   * Where the phases of a @Sequential keep every group's rate: the saved rates must be those of
   * the phase in force at the saved step.
   */
  private CodeBlock checkPhaseRates(Milestones milestones) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean open = false;
    boolean previousChecked = true;
    for (int i = 0; i < kinds.size(); i++) {
      KindWriter kind = kinds.get(i);
      String clock = i == 0 ? SAVED_STEP : "(" + milestones.since(SAVED_STEP, i - 1) + ")";
      CodeBlock checks = kind.checkSavedPhaseRates(saved("lrs"), clock);
      if (checks.isEmpty()) {
        previousChecked = false;
        continue;
      }
      // Where the phase before has nothing to check, its range is left out of the dispatch.
      List<String> bounds = new ArrayList<>();
      if (!previousChecked) {
        bounds.add(milestones.atOrAfter(SAVED_STEP, i - 1));
      }
      if (i < kinds.size() - 1) {
        bounds.add(milestones.before(SAVED_STEP, i));
      }
      String condition = String.join(" && ", bounds);
      if (condition.isEmpty()) {
        if (open) {
          code.nextControlFlow("else");
        }
      } else if (open) {
        code.nextControlFlow("else if ($L)", condition);
      } else {
        code.beginControlFlow("if ($L)", condition);
        open = true;
      }
      code.add(checks);
      previousChecked = true;
    }
    if (open) {
      code.endControlFlow();
    }
    return code.build();
  }

  /** The local of {@code restoreState} holding {@code kind}'s clock at the saved step. */
  private static String clockName(KindWriter kind) {
    return kind.local("clock");
  }
}

package dev.anneal.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.LrFunction;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.processor.ScheduleProcessor;
import dev.anneal.processor.kinds.InChain;
import dev.anneal.processor.kinds.Stepping;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Writes the scheduler class of a config from its model alone. */
public final class SchedulerWriter {
  private static final ClassName CHECKS = Emitter.CHECKS;

  private final ClassName generatedAnnotation;
  private final Elements elements;
  /** The simple names of java.lang's types, which the generated code uses without imports. */
  private final Set<String> javaLangTypes;

  /** {@code generatedAnnotation} is {@code javax.annotation.processing.Generated}, or null where absent. */
  public SchedulerWriter(ClassName generatedAnnotation, Elements elements) {
    this.generatedAnnotation = generatedAnnotation;
    this.elements = elements;
    PackageElement javaLang = elements.getPackageElement("java.lang");
    this.javaLangTypes = javaLang == null ? Set.of() : javaLang.getEnclosedElements().stream()
        .map(element -> element.getSimpleName().toString())
        .collect(Collectors.toUnmodifiableSet());
  }

  public JavaFile write(ConfigModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.schedulerName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(model.config());
    if (generatedAnnotation != null) {
      type.addAnnotation(AnnotationSpec.builder(generatedAnnotation)
          .addMember("value", "$S", ScheduleProcessor.class.getCanonicalName())
          .build());
    }
    if (usesDeprecated(model)) {
      // The generated class calls what the config declares; the config's author chose to.
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
    }
    Emitter emitter = new Emitter(type, model);
    boolean single = model.schedules().size() == 1 && model.combinator() == Combinator.NONE;
    // A lazy schedule, alone or as the phases of a @Sequential, keeps only state that all groups
    // share and computes a group's rate when it is read; the others keep every group's rate in lrs.
    boolean lazy = (single || model.combinator() == Combinator.SEQUENTIAL)
        && model.schedules().stream().allMatch(s -> s.kind().stepping() == Stepping.SHARED_STATE);
    ScheduleModel firstSchedule = model.schedules().get(0);
    boolean keepsClock = single && firstSchedule.kind().canKeepClock(firstSchedule);
    type.addField(FieldSpec("baseLrs", "PyTorch's {@code base_lrs}: the initial rate of each parameter group."));
    if (!lazy) {
      type.addField(FieldSpec("lrs", "The rate of each group at the current step."));
    }
    if (model.combinator() == Combinator.CHAINED) {
      type.addField(FieldSpec(NEXT_LRS, "The rates a step computes, checked before they replace {@code lrs}."));
    }
    type.addField(com.palantir.javapoet.FieldSpec.builder(TypeName.DOUBLE, FIRST, Modifier.PRIVATE)
        .addJavadoc("The rate of group 0 at the current step, kept ready: most training loops have one\n"
            + "group and read its rate every step, and a field is the cheapest read there is.\n")
        .build());
    if (!keepsClock) {
      type.addField(com.palantir.javapoet.FieldSpec.builder(TypeName.LONG, "step", Modifier.PRIVATE)
          .addJavadoc("PyTorch's {@code last_epoch}: calls of {@code step} so far.\n")
          .build());
    }
    List<KindWriter> kinds = new ArrayList<>();
    List<List<String>> parameterLines = new ArrayList<>();
    for (ScheduleModel schedule : model.schedules()) {
      int before = emitter.parameterLines.size();
      // The schedules constructed after one that rewrites the optimizer's initial rates start
      // from those.
      String base = kinds.isEmpty() ? "baseLrs" : kinds.get(0).initialRates().orElse("baseLrs");
      String clockOffset = model.combinator() == Combinator.SEQUENTIAL && schedule.index() > 0
          ? Milestones.of(model).at(schedule.index() - 1) : "0";
      Placement placement = new Placement(single ? "" : "s" + schedule.index(), base, clockOffset,
          keepsClock && schedule.index() == 0, single || lazy ? Optional.of(FIRST) : Optional.empty());
      KindWriter kind = schedule.kind().writer(schedule, emitter, placement);
      kind.declare();
      kinds.add(kind);
      parameterLines.add(List.copyOf(emitter.parameterLines.subList(before, emitter.parameterLines.size())));
    }
    KindWriter first = kinds.get(0);
    emitter.checkUnread();
    checkMilestonesReached(model, emitter, kinds);

    // A metric-stepped schedule is alone in its config, or after a warm-up: the validator refuses
    // it in a combination.
    boolean metric = stepsOnMetric(model);
    // The code compares steps with a bound warm-up length by the name of its field, the first the
    // warm-up declares.
    if (!Milestones.of(model).known() && !emitter.scalar("s0", model.schedules().get(0), Param.WARMUP_STEPS, null)
        .equals(Milestones.BOUND_WARMUP_STEPS)) {
      throw new IllegalStateException("the bound warm-up length is not in " + Milestones.BOUND_WARMUP_STEPS);
    }
    Optional<Momentum> momentum = single ? first.drivenMomentum() : Optional.empty();
    boolean closedForm = closedForm(model, kinds);

    type.addSuperinterface(metric ? MetricScheduler.class : StepScheduler.class);
    if (!metric) {
      type.addSuperinterface(LrFunction.class);
    }
    if (momentum.isPresent()) {
      type.addSuperinterface(MomentumScheduler.class);
      type.addSuperinterface(MomentumFunction.class);
      if (!lazy) {
        type.addField(FieldSpec("momentums", "The momentum of each group at the current step."));
      }
    }
    boolean replays = !closedForm && !(model.combinator() == Combinator.CHAINED
        && kinds.stream().anyMatch(kind -> kind.inChain() == InChain.ABSOLUTE));
    type.addJavadoc(classJavadoc(model, kinds, parameterLines, metric ? null : !replays, momentum.isPresent()));

    ParametersWriter parameters = new ParametersWriter(model, emitter);
    type.addMethod(constructor(model, emitter, kinds, momentum.isPresent(), lazy, parameters));
    type.addMethod(MethodSpec.methodBuilder("groupCount")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(int.class)
        .addStatement("return baseLrs.length").build());
    type.addMethod(MethodSpec.methodBuilder("lr")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
        .addParameter(int.class, "group")
        .addCode(readGroup(lazy
            ? activePhase(model, kinds, "step", kind -> CodeBlock.of("return $L;\n", kind.read("group")))
            : CodeBlock.of("return lrs[group];\n"))).build());
    // lr() is the read of a loop with one group; lr(group) stays free of a test for group 0, which
    // would keep a loop over many groups from being vectorized.
    type.addMethod(MethodSpec.methodBuilder("lr")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
        .addStatement("return $N", FIRST).build());
    type.addMethod(MethodSpec.methodBuilder("stepCount")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(long.class)
        .addStatement("return $L", first.stepCount()).build());
    type.addMethod(stepMethod(model, kinds, metric, lazy));
    if (!lazy && needsMoveTo(model, kinds)) {
      type.addMethod(moveTo(model, kinds));
    }
    if (!metric) {
      type.addMethod(closedForm ? lrAt(model, kinds) : replay(model, kinds));
    }
    if (momentum.isPresent()) {
      type.addMethod(MethodSpec.methodBuilder("momentum")
          .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
          .addParameter(int.class, "group")
          .addCode(readGroup(CodeBlock.of("return $L;\n",
              lazy ? momentum.get().readMomentum("group") : CodeBlock.of("momentums[group]"))))
          .build());
      type.addMethod(MethodSpec.methodBuilder("momentumAt")
          .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
          .addParameter(long.class, "step").addParameter(int.class, "group")
          .addStatement("$T.step(step)", CHECKS)
          .addStatement("$T.group(group, baseLrs.length)", CHECKS)
          .addCode(lastStepLimit(kinds.get(0), "step", true))
          .addCode(first.prologue("step"))
          .addStatement("return $L", momentum.get().momentum("step", "group"))
          .build());
    }
    new StateWriter(model, emitter, kinds, lazy, momentum.isPresent(), refreshFirst(model, kinds, lazy)).write(type);
    parameters.write(type);
    // A type of the config's package hides java.lang's type of the same name: that one is written
    // in full.
    javaLangClashes.computeIfAbsent(elements.getPackageOf(model.config()), this::javaLangNamesOf)
        .forEach(type::alwaysQualify);
    return JavaFile.builder(model.schedulerName().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  /**
   * The java.lang names that types of a package take, by package, for the round: a round adds no
   * package member that could take one but Anneal's own schedulers, whose names end in Scheduler.
   */
  private final Map<PackageElement, List<String>> javaLangClashes = new HashMap<>();

  /** Forgets what the last round's packages held. */
  public void newRound() {
    javaLangClashes.clear();
  }

  private List<String> javaLangNamesOf(PackageElement pkg) {
    return pkg.getEnclosedElements().stream()
        .map(element -> element.getSimpleName().toString())
        .filter(javaLangTypes::contains)
        .sorted()
        .toList();
  }

  /** How the class Javadoc says where the class comes from; a stale generated input is known by it. */
  public static final String GENERATED_BY = "Generated by Anneal";

  /** A @Chained config's array for the rates of the step being made. */
  static final String NEXT_LRS = "nextLrs";

  /** The field holding group 0's current rate; see {@link Placement#firstRateField}. */
  static final String FIRST = "lr0";

  /** Sets group 0's ready rate from the current state, whatever kept it. */
  static CodeBlock refreshFirst(ConfigModel model, List<KindWriter> kinds, boolean lazy) {
    return lazy
        ? activePhase(model, kinds, "step", kind -> CodeBlock.of("$N = $L;\n", FIRST, kind.firstRate()))
        : CodeBlock.of("$N = lrs[0];\n", FIRST);
  }

  /**
   * The code of the schedule in force at step {@code t}: the only one, or in a @Sequential config
   * the phase that owns {@code t}, phase {@code i} from milestone {@code i - 1} on.
   */
  private static CodeBlock activePhase(
      ConfigModel model, List<KindWriter> kinds, String t, Function<KindWriter, CodeBlock> code) {
    return byPhase(model, kinds.size(), t, i -> code.apply(kinds.get(i)));
  }

  /**
   * {@code if (t < milestone 0) ... else if (t < milestone 1) ... else ...}, with phase
   * {@code i}'s code in its branch; the code alone where there is one schedule.
   */
  private static CodeBlock byPhase(ConfigModel model, int count, String t, IntFunction<CodeBlock> code) {
    if (count == 1) {
      return code.apply(0);
    }
    Milestones milestones = Milestones.of(model);
    CodeBlock.Builder dispatch = CodeBlock.builder();
    for (int i = 0; i < count; i++) {
      if (i == 0) {
        dispatch.beginControlFlow("if ($L)", milestones.before(t, 0));
      } else if (i < count - 1) {
        dispatch.nextControlFlow("else if ($L)", milestones.before(t, i));
      } else {
        dispatch.nextControlFlow("else");
      }
      dispatch.add(code.apply(i));
    }
    return dispatch.endControlFlow().build();
  }

  /**
   * Refuses, when the scheduler is built, a {@code @Sequential} milestone that a OneCycleLR phase
   * of bound length can never reach: the rule the processor applies where the length is written.
   */
  private static void checkMilestonesReached(ConfigModel model, Emitter emitter, List<KindWriter> kinds) {
    if (model.combinator() != Combinator.SEQUENTIAL) {
      return;
    }
    int[] milestones = model.milestones();
    for (int i = 0; i < milestones.length && i < kinds.size(); i++) {
      Optional<LastStep> last = kinds.get(i).lastStep();
      if (last.isPresent() && !last.get().known()) {
        emitter.constructor.addStatement("$T.milestoneReached($L, $L, $N)", CHECKS, milestones[i],
            i == 0 ? 0 : milestones[i - 1], last.get().field());
      }
    }
  }

  /** Whether the config, a class around it, or a method it names is deprecated. */
  private static boolean usesDeprecated(ConfigModel model) {
    for (javax.lang.model.element.Element e = model.config(); e instanceof javax.lang.model.element.TypeElement;
        e = e.getEnclosingElement()) {
      if (e.getAnnotation(Deprecated.class) != null) {
        return true;
      }
    }
    return model.schedules().stream()
        .flatMap(schedule -> schedule.methods().values().stream())
        .flatMap(List::stream)
        .anyMatch(method -> method.getAnnotation(Deprecated.class) != null);
  }

  /**
   * Runs {@code read}, statements that return a group's value, turning the array's own bounds
   * check into a message about groups: the handler costs nothing until it runs, where a check of
   * its own would cost each read.
   */
  private static CodeBlock readGroup(CodeBlock read) {
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(read)
        .nextControlFlow("catch ($T e)", ArrayIndexOutOfBoundsException.class)
        .addStatement("throw $T.noSuchGroup(group, baseLrs.length)", CHECKS)
        .endControlFlow()
        .build();
  }

  private static com.palantir.javapoet.FieldSpec FieldSpec(String name, String doc) {
    return com.palantir.javapoet.FieldSpec.builder(double[].class, name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc).build();
  }

  private static boolean closedForm(ConfigModel model, List<KindWriter> kinds) {
    if (model.combinator() == Combinator.CHAINED) {
      return kinds.stream().allMatch(kind -> kind.inChain() == InChain.FACTOR);
    }
    return kinds.stream().allMatch(kind -> kind.stepping().hasClosedForm());
  }

  private static MethodSpec constructor(ConfigModel model, Emitter emitter, List<KindWriter> kinds, boolean momentum,
      boolean lazy, ParametersWriter parameters) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    if (model.takesConfig()) {
      constructor.addParameter(ParameterSpec.builder(Names.configType(model.config(), Names.CONFIG_REF), "config").build());
      constructor.addJavadoc("@param config the config whose {@code @Bind} members supply parameters\n");
    }
    constructor.addParameter(double[].class, "initialLrs").varargs(true);
    constructor.addJavadoc("@param initialLrs the optimizer's initial learning rate of each parameter group\n");
    constructor.addJavadoc("@throws IllegalArgumentException if a rate or a bound parameter breaks its rule\n");
    constructor.addStatement("this.baseLrs = $T.initialLrs(initialLrs)", CHECKS);
    CodeBlock.Builder body = CodeBlock.builder();
    if (model.combinator() == Combinator.CHAINED) {
      body.addStatement("this.$N = new double[$N]", NEXT_LRS, emitter.groups());
    }
    if (!lazy) {
      body.addStatement("this.lrs = new double[$N]", emitter.groups());
      if (momentum) {
        body.addStatement("this.momentums = new double[$N]", emitter.groups());
      }
    }
    body.add(emitter.constructor.build());
    body.add(parameters.build());
    KindWriter first = kinds.get(0);
    if (lazy) {
      // Every phase's state is set, so that a checkpoint saves values from the config alone.
      kinds.forEach(kind -> body.add(kind.resetState()));
    } else if (model.combinator() == Combinator.CHAINED) {
      body.add(chainedUpdate(kinds, KindWriter.ZERO, true));
    } else if (model.combinator() == Combinator.SEQUENTIAL && stepsOnMetric(model)) {
      // Step 0 is the warm-up's; the schedule after it is built at its end.
      body.add(first.restart());
    } else if (model.combinator() == Combinator.SEQUENTIAL || first.stepping() == Stepping.CLOSED_FORM) {
      body.addStatement("moveTo(0)");
    } else {
      body.add(first.restart());
    }
    // Step 0 is the first phase's: the constructor's refresh needs no dispatch on the step.
    body.add(lazy ? CodeBlock.of("$N = $L;\n", FIRST, kinds.get(0).firstRate()) : CodeBlock.of("$N = lrs[0];\n", FIRST));
    CodeBlock code = body.build();
    if (emitter.groupsRead()) {
      constructor.addStatement("int groups = baseLrs.length");
    }
    return constructor.addCode(code).build();
  }

  private static MethodSpec stepMethod(
      ConfigModel model, List<KindWriter> kinds, boolean metric, boolean lazy) {
    MethodSpec.Builder step = MethodSpec.methodBuilder("step")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    if (metric) {
      step.addParameter(double.class, "metric");
    }
    KindWriter first = kinds.get(0);
    if (metric && model.combinator() == Combinator.SEQUENTIAL) {
      // The count moves last, so that a step that throws leaves it.
      step.addStatement("long $L = step + 1", KindWriter.NEXT)
          .addCode(warmupThenMetric(model, kinds, KindWriter.NEXT))
          .addStatement("step = $L", KindWriter.NEXT);
    } else if (model.combinator() == Combinator.CHAINED) {
      step.addStatement("long $L = step + 1", KindWriter.NEXT)
          .addCode(chainedUpdate(kinds, KindWriter.NEXT, false))
          .addStatement("step = $L", KindWriter.NEXT);
    } else if (lazy && model.combinator() == Combinator.SEQUENTIAL) {
      // Each phase throws, where PyTorch would raise, before anything changes.
      return step.addStatement("long $L = step + 1", KindWriter.NEXT)
          .addCode(phases(model, kinds, KindWriter.NEXT, SchedulerWriter::lazyPhaseStep))
          .addStatement("step = $L", KindWriter.NEXT)
          .build();
    } else if (first.keepsClock) {
      step.addCode(first.tick());
    } else if (lazy) {
      // The count moves last, so that a step that throws (a config function's bad value, a rate
      // that would overflow) leaves it.
      step.addCode(lastStepLimit(first, "(step + 1)", false))
          .addStatement("long $L = step + 1", KindWriter.NEXT)
          .addCode(first.advance(KindWriter.NEXT))
          .addStatement("step = $L", KindWriter.NEXT);
    } else if (metric) {
      step.addStatement("step++").addCode(first.step("step"));
    } else if (model.combinator() == Combinator.NONE && first.stepping() != Stepping.CLOSED_FORM) {
      // The count moves last, so that a step that throws (a factor function's bad value) leaves it.
      step.addStatement("long $L = step + 1", KindWriter.NEXT)
          .addCode(first.step(KindWriter.NEXT))
          .addStatement("step = $L", KindWriter.NEXT);
    } else {
      // moveTo throws before anything changes where PyTorch would raise.
      step.addStatement("moveTo(step + 1)").addStatement("step++");
    }
    if (first.firstRateField.isEmpty() || !first.keepsFirstRate()) {
      step.addCode(refreshFirst(model, kinds, lazy));
    }
    return step.build();
  }

  /**
   * One step of a lazy phase of a @Sequential config, on the phase's clock {@code local}: at its
   * milestone the phase restarts from its step 0, and advances on the steps after; group 0's rate
   * follows.
   */
  private static CodeBlock lazyPhaseStep(int index, KindWriter kind, String local) {
    CodeBlock refresh = CodeBlock.of("$N = $L;\n", FIRST, kind.firstRate());
    CodeBlock.Builder code = CodeBlock.builder().add(lastStepLimit(kind, local, false));
    // The restart's code first: a schedule declares its state as its code first needs it, and
    // the order of the state is that of the saved form.
    CodeBlock restart = index == 0 ? null : kind.resetState();
    CodeBlock.Builder advance = CodeBlock.builder().add(kind.advance(local));
    if (!kind.keepsFirstRate()) {
      advance.add(refresh);
    }
    // Where advancing to step 0 is the restart itself, one body serves both.
    if (restart == null || (!kind.keepsFirstRate() && restart.equals(kind.advance(KindWriter.ZERO)))) {
      return code.add(advance.build()).build();
    }
    return code.beginControlFlow("if ($L == 0)", local)
        .add(restart)
        .add(refresh)
        .nextControlFlow("else")
        .add(advance.build())
        .endControlFlow()
        .build();
  }

  /**
   * A step to time {@code t} of a metric-stepped schedule after a warm-up: the warm-up's rates
   * while it lasts, and the metric recorded; at its end the schedule starts from its step 0, the
   * metric recorded again, and steps on its own clock from there.
   */
  private static CodeBlock warmupThenMetric(ConfigModel model, List<KindWriter> kinds, String t) {
    Milestones milestones = Milestones.of(model);
    KindWriter warmup = kinds.get(0);
    KindWriter schedule = kinds.get(1);
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", milestones.before(t, 0))
        .add(warmup.step(t))
        .add(schedule.recordMetric())
        .nextControlFlow("else")
        .addStatement("long local = $L", milestones.since(t, 0))
        .beginControlFlow("if (local == 0)")
        .add(schedule.restart())
        .add(schedule.recordMetric())
        .nextControlFlow("else")
        .add(schedule.step("local"))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code moveTo(t)}: sets every group's rate (and momentum) to its value at step {@code t}; for
   * schedules that step by their closed form and for the phases of a {@code @Sequential} config.
   */
  private static MethodSpec moveTo(ConfigModel model, List<KindWriter> kinds) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("moveTo")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(long.class, "t");
    if (model.combinator() == Combinator.SEQUENTIAL) {
      method.addCode(sequentialUpdate(model, kinds, "t"));
    } else {
      method.addCode(lastStepLimit(kinds.get(0), "t", false)).addCode(kinds.get(0).ratesAt("t"));
    }
    return method.build();
  }

  private static boolean needsMoveTo(ConfigModel model, List<KindWriter> kinds) {
    switch (model.combinator()) {
      case SEQUENTIAL:
        // A step of a metric-stepped phase takes the metric, which moveTo has not.
        return !stepsOnMetric(model);
      case NONE:
        return kinds.get(0).stepping() == Stepping.CLOSED_FORM;
      default:
        return false;
    }
  }

  /**
   * OneCycleLR allows exactly total_steps calls of step() and raises on the next; a query past the
   * end is refused the same way.
   */
  private static CodeBlock lastStepLimit(KindWriter kind, String t, boolean query) {
    Optional<LastStep> last = kind.lastStep();
    if (last.isEmpty()) {
      return CodeBlock.of("");
    }
    String total = last.get().field();
    String name = kind.schedule.torchName();
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if ($L > $N)", t, total);
    if (query) {
      code.addStatement("throw new $T($S + $L + $S + $N)", IllegalArgumentException.class,
          name + ": step ", t, " is past the end, " + last.get().attribute() + " = ", total);
    } else {
      code.addStatement("throw new $T($S + $L + $S + $N)", IllegalStateException.class,
          name + ": step() called ", t, " times, but " + last.get().attribute() + " = ", total);
    }
    return code.endControlFlow().build();
  }

  /** Sets {@code lrs} at time {@code t} of a @Sequential config: each phase on its own clock. */
  private static CodeBlock sequentialUpdate(ConfigModel model, List<KindWriter> kinds, String t) {
    return phases(model, kinds, t, (i, kind, local) -> {
      CodeBlock.Builder code = CodeBlock.builder().add(lastStepLimit(kind, local, false));
      if (kind.stepping() != Stepping.CLOSED_FORM) {
        // At its milestone a phase restarts from its step 0, then follows PyTorch's recurrence;
        // MultiplicativeLR, which has no closed form to restart from, goes on from the rate in
        // force.
        // The restart's code first: a schedule declares its state as its code first needs it,
        // and the order of the state is that of the saved form.
        CodeBlock restart = !kind.stepping().hasClosedForm() && i > 0 ? null : kind.restart();
        CodeBlock step = kind.step(local);
        if (restart == null) {
          code.beginControlFlow("if ($L != 0)", local).add(step).endControlFlow();
        } else if (restart.equals(kind.step(KindWriter.ZERO))) {
          // The step to 0 is the restart itself: one body serves both.
          code.add(step);
        } else {
          code.beginControlFlow("if ($L == 0)", local)
              .add(restart)
              .nextControlFlow("else")
              .add(step)
              .endControlFlow();
        }
      } else {
        code.add(kind.ratesAt(local));
      }
      return code.build();
    });
  }

  /** The code of one phase of a @Sequential config, on the phase's own clock {@code local}. */
  @FunctionalInterface
  private interface PhaseCode {
    CodeBlock of(int index, KindWriter kind, String local);
  }

  /**
   * Dispatches time {@code t} to the phase of a @Sequential config that owns it: one branch per
   * schedule, each with the time since its milestone as {@code local}.
   */
  private static CodeBlock phases(ConfigModel model, List<KindWriter> kinds, String t, PhaseCode phase) {
    Milestones milestones = Milestones.of(model);
    return byPhase(model, kinds.size(), t, i -> i == 0
        ? phase.of(0, kinds.get(0), t)
        : CodeBlock.builder()
            .addStatement("long local = $L", milestones.since(t, i - 1))
            .add(phase.of(i, kinds.get(i), "local"))
            .build());
  }

  /**
   * Sets {@code lrs} at time {@code t} of a @Chained config: each schedule in turn on the rate.
   * Each group's new rate is checked and written aside, and {@code lrs} takes them only once all
   * are in: a step that throws (a function's bad value, a rate that overflows) changes nothing.
   */
  private static CodeBlock chainedUpdate(List<KindWriter> kinds, String t, boolean initial) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (KindWriter kind : kinds) {
      code.add(lastStepLimit(kind, t, false));
      code.add(kind.chainPrologue(t));
    }
    code.beginControlFlow("for (int g = 0; g < lrs.length; g++)")
        .addStatement("double lr = $L", initial ? "baseLrs[g]" : "lrs[g]");
    for (KindWriter kind : kinds) {
      code.addStatement("lr = $L", kind.chain("lr", t, "g"));
    }
    return code.addStatement("$N[g] = $T.rate(lr, $S, $L)", NEXT_LRS, CHECKS, CHAINED, t)
        .endControlFlow()
        .addStatement("$T.arraycopy($N, 0, lrs, 0, lrs.length)", System.class, NEXT_LRS)
        .build();
  }

  private static final String CHAINED = "ChainedScheduler";

  /** The name a rate's refusal gives the scheduler: PyTorch's. */
  private static String torchName(ConfigModel model) {
    switch (model.combinator()) {
      case SEQUENTIAL:
        // A warm-up in front of one schedule is that schedule's start.
        return model.warmedUp() && model.schedules().size() == 2 ? model.schedules().get(1).torchName() : "SequentialLR";
      case CHAINED:
        return CHAINED;
      default:
        return model.schedules().get(0).torchName();
    }
  }

  /** {@code return rate;}, the rate checked: no query hands out a rate that overflowed. */
  private static CodeBlock returnRate(ConfigModel model, CodeBlock rate) {
    return CodeBlock.of("return $T.rate($L, $S, step);\n", CHECKS, rate, torchName(model));
  }

  private static MethodSpec lrAt(ConfigModel model, List<KindWriter> kinds) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("lrAt")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
        .addParameter(long.class, "step").addParameter(int.class, "group")
        .addStatement("$T.step(step)", CHECKS)
        .addStatement("$T.group(group, baseLrs.length)", CHECKS);
    switch (model.combinator()) {
      case NONE:
        KindWriter kind = kinds.get(0);
        method.addCode(lastStepLimit(kind, "step", true))
            .addCode(kind.prologue("step"))
            .addCode(returnRate(model, kind.lr("step", "group")));
        break;
      case SEQUENTIAL:
        Milestones milestones = Milestones.of(model);
        for (int i = 0; i < kinds.size(); i++) {
          KindWriter k = kinds.get(i);
          boolean last = i == kinds.size() - 1;
          if (!last) {
            method.beginControlFlow("if ($L)", milestones.before("step", i));
          }
          String local = i == 0 ? "step" : "local";
          if (i > 0) {
            method.addStatement("long local = $L", milestones.since("step", i - 1));
          }
          method.addCode(lastStepLimit(k, local, true))
              .addCode(k.prologue(local))
              .addCode(returnRate(model, k.lr(local, "group")));
          if (!last) {
            method.endControlFlow();
          }
        }
        break;
      case CHAINED:
        CodeBlock.Builder product = CodeBlock.builder().add("baseLrs[group]");
        for (KindWriter k : kinds) {
          product.add(" * $L", k.factor("step"));
        }
        method.addCode(returnRate(model, product.build()));
        break;
      default:
        throw new AssertionError(model.combinator());
    }
    return method.build();
  }

  /**
   * {@code lrAt} where the schedule is a function of the step without a closed form
   * (MultiplicativeLR, and combinations of recurrences): PyTorch's recurrence replayed for one
   * group in a local variable, in time linear in the step and without allocation, up to
   * {@code Checks.REPLAY_LIMIT} steps. A @Chained config with a schedule that sets the rate
   * whatever it was (LambdaLR, CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR) needs no
   * replay past step 0: its rate at a step is the last such schedule's, passed through the ones
   * after it once.
   */
  private static MethodSpec replay(ConfigModel model, List<KindWriter> kinds) {
    String k = "k";
    CodeBlock.Builder body = CodeBlock.builder();
    switch (model.combinator()) {
      case NONE:
        body.addStatement("lr = $L", kinds.get(0).chain("lr", k, "group"));
        break;
      case CHAINED:
        for (KindWriter kind : kinds) {
          body.add(kind.chainPrologue(k));
          body.addStatement("lr = $L", kind.chain("lr", k, "group"));
        }
        break;
      case SEQUENTIAL:
        body.add(phases(model, kinds, k, (index, kind, local) -> kind.stepping().hasClosedForm()
            ? CodeBlock.builder().add(kind.prologue(local)).addStatement("lr = $L", kind.lr(local, "group")).build()
            : CodeBlock.of("lr = $L;\n", kind.chain("lr", local, "group"))));
        break;
      default:
        throw new AssertionError(model.combinator());
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("lrAt")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(double.class)
        .addParameter(long.class, "step").addParameter(int.class, "group")
        .addStatement("$T.step(step)", CHECKS)
        .addStatement("$T.group(group, baseLrs.length)", CHECKS);
    // OneCycleLR ends a query past its total_steps, unless a @Sequential hands over before then
    // (it can only be the first phase).
    if (model.combinator() != Combinator.SEQUENTIAL || kinds.size() == 1) {
      method.addCode(lastStepLimit(kinds.get(0), "step", true));
    }
    int absolute = -1;
    if (model.combinator() == Combinator.CHAINED) {
      for (int i = 0; i < kinds.size(); i++) {
        if (kinds.get(i).inChain() == InChain.ABSOLUTE) {
          absolute = i;
        }
      }
    }
    if (absolute >= 0) {
      method.addComment("Schedule $L sets the rate whatever the schedules before it left: from step 1 on, the rate"
          + " is its rate passed through the schedules after it.", absolute);
      method.beginControlFlow("if (step > 0)");
      CodeBlock.Builder once = CodeBlock.builder().addStatement("double lr = 0.0");
      for (KindWriter kind : kinds.subList(absolute, kinds.size())) {
        once.add(kind.chainPrologue("step"));
        once.addStatement("lr = $L", kind.chain("lr", "step", "group"));
      }
      method.addCode(once.build()).addCode(returnRate(model, CodeBlock.of("lr"))).endControlFlow();
    } else {
      method.addStatement("$T.replayed(step, $S)", CHECKS, torchName(model));
    }
    return method.addComment("No closed form: replay PyTorch's recurrence for this group.")
        .addStatement("double lr = baseLrs[group]")
        .beginControlFlow("for (long $L = 0; $L <= step; $L++)", k, k, k)
        .addCode(body.build())
        .endControlFlow()
        .addCode(returnRate(model, CodeBlock.of("lr")))
        .build();
  }

  private static CodeBlock classJavadoc(
      ConfigModel model, List<KindWriter> kinds, List<List<String>> parameterLines,
      Boolean closedForm, boolean momentum) {
    StringBuilder doc = new StringBuilder();
    String config = String.join(".", model.configName().simpleNames());
    Milestones milestones = Milestones.of(model);
    String warmup = !model.warmedUp() ? ""
        : milestones.known() ? ", after a warm-up of " + model.milestones()[0] + " steps"
        : ", after a warm-up of the config's {@code warmupSteps} steps";
    switch (model.combinator()) {
      case NONE:
        doc.append(wrap(reference(model.schedules().get(0)) + " for {@link " + config + "}."));
        break;
      case SEQUENTIAL:
        if (model.warmedUp() && kinds.size() == 2) {
          doc.append(wrap(reference(model.schedules().get(1)) + " for {@link " + config + "}" + warmup + "."));
          break;
        }
        if (model.warmedUp()) {
          int[] after = java.util.Arrays.copyOfRange(model.milestones(), 1, model.milestones().length);
          doc.append(wrap("PyTorch's {@code SequentialLR} for {@link " + config + "}" + warmup + ": "
              + (kinds.size() - 1) + " schedules in turn, switching at steps " + java.util.Arrays.toString(after)
              + (milestones.known() ? "" : " after the warm-up") + "."));
          break;
        }
        doc.append(wrap("PyTorch's {@code SequentialLR} for {@link " + config + "}: " + kinds.size()
            + " schedules in turn, switching at steps " + java.util.Arrays.toString(model.milestones()) + "."));
        break;
      case CHAINED:
        doc.append(wrap("PyTorch's {@code ChainedScheduler} for {@link " + config + "}: " + kinds.size()
            + " schedules applied in turn every step."));
        break;
      default:
        throw new AssertionError(model.combinator());
    }
    for (int i = 0; i < kinds.size(); i++) {
      KindWriter kind = kinds.get(i);
      doc.append("\n");
      if (kinds.size() > 1) {
        int number = model.warmedUp() ? i - 1 : i;
        doc.append(wrap((model.warmedUp() && i == 0 ? "<p>The warm-up, {@code @Warmup}"
                : "<p>Schedule " + number + ", {@code " + kind.schedule.torchName() + "}")
            + (model.combinator() != Combinator.SEQUENTIAL ? ""
                : i == 0 ? " from step 0" : " from step " + milestones.start(i) + ", on its own clock")
            + ":"));
      }
      doc.append("<pre>\n").append(kind.formula().replace("<", "&lt;").replace(">", "&gt;")).append("\n</pre>\n");
      doc.append("<ul>\n");
      for (String line : parameterLines.get(i)) {
        doc.append("  <li>{@code ").append(line).append("}\n");
      }
      doc.append("</ul>\n");
    }
    StringBuilder use = new StringBuilder("<p>Built from the optimizer's initial rates; {@link #lr(int)} is the rate of"
        + " step 0 right after construction and each {@link #step("
        + (stepsOnMetric(model) ? "double" : "") + ")} advances one step.");
    if (model.warmedUp() && stepsOnMetric(model)) {
      use.append(" During the warm-up each metric that improves on the best so far is recorded as the best,"
          + " but no step counts as bad and the rate is never cut; the plateau logic starts from the initial"
          + " rate at the warm-up's end.");
    }
    if (closedForm != null) {
      use.append(closedForm
          ? " {@link #lrAt(long, int)} gives the rate of any step without stepping."
          : " {@link #lrAt(long, int)} gives the rate of any step by replaying the recurrence, in"
              + " time linear in the step, up to 10^9 steps ({@code Checks.REPLAY_LIMIT}); a later step is"
              + " refused.");
    }
    if (momentum) {
      use.append(" {@link #momentum(int)} is the momentum to set on the optimizer with the rate.");
    }
    use.append(" Stepping and reading never allocate.");
    doc.append("\n").append(wrap(use.toString()));
    doc.append("\n").append(wrap("<p>" + GENERATED_BY + " from the annotations of {@code "
        + model.configName().simpleName() + "}; edit those, not this file."));
    // The link to the config names its type for JavaPoet, which then writes in full any other type
    // of the same simple name.
    String link = "{@link " + config + "}";
    String text = doc.toString().replace("$", "$$");
    int links = text.split(java.util.regex.Pattern.quote(link), -1).length - 1;
    return CodeBlock.of(text.replace(link, "{@link $T}"),
        java.util.Collections.nCopies(links, model.configName()).toArray());
  }

  /** PyTorch's classes by their name alone; another library's functions with their module. */
  private static String reference(ScheduleModel schedule) {
    String reference = schedule.torchName();
    return (reference.contains(".") ? "The schedule of" : "PyTorch's") + " {@code " + reference + "}";
  }

  /** Whether the scheduler is stepped with a metric: where its last schedule is. */
  static boolean stepsOnMetric(ConfigModel model) {
    return model.schedules().get(model.schedules().size() - 1).kind().stepsOnMetric();
  }

  /** The longest line of generated Javadoc, its {@code " * "} included: the width of the code around it. */
  private static final int JAVADOC_WIDTH = 100;

  /**
   * {@code paragraph} broken into lines that fit {@link #JAVADOC_WIDTH}, each ended by a newline,
   * never inside an inline tag such as {@code {@link #lrAt(long, int)}}.
   */
  static String wrap(String paragraph) {
    int width = JAVADOC_WIDTH - " * ".length();
    List<String> words = new ArrayList<>();
    int depth = 0;
    StringBuilder word = new StringBuilder();
    for (char c : paragraph.toCharArray()) {
      if (c == ' ' && depth == 0) {
        words.add(word.toString());
        word.setLength(0);
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      word.append(c);
    }
    words.add(word.toString());
    StringBuilder text = new StringBuilder();
    int line = 0;
    for (String w : words) {
      if (line > 0 && line + 1 + w.length() > width) {
        text.append('\n');
        line = 0;
      } else if (line > 0) {
        text.append(' ');
        line++;
      }
      text.append(w);
      line += w.length();
    }
    return text.append('\n').toString();
  }

}

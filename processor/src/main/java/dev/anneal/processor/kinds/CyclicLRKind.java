package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.Mode;
import dev.anneal.ScaleMode;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CyclicLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Growth;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** PyTorch's {@code CyclicLR}: the rate cycles between {@code base_lr} and {@code max_lr}, momentum the other way. */
final class CyclicLRKind extends BaseKind {
  private static final ClassName MATH_CYCLIC = ClassName.get(CyclicLR.class);

  CyclicLRKind() {
    // After another schedule it passes that rate on at step 0 only (Writer.chain).
    super(ScheduleType.CYCLIC, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.BASE_LR, Rule.FINITE)
        .required(Param.MAX_LR, Rule.FINITE)
        .optional(Param.STEP_SIZE_UP, 2000, Rule.POSITIVE)
        .sameAs(Param.STEP_SIZE_DOWN, Param.STEP_SIZE_UP, Rule.NON_NEGATIVE)
        .optional(Param.MODE, Mode.TRIANGULAR, null)
        .optional(Param.GAMMA, 1.0, Rule.FINITE)
        .optional(Param.SCALE_FN, "", null)
        .optional(Param.SCALE_MODE, ScaleMode.CYCLE, null)
        .optional(Param.CYCLE_MOMENTUM, true, null)
        .optional(Param.BASE_MOMENTUM, 0.8, Rule.FINITE)
        .optional(Param.MAX_MOMENTUM, 0.9, Rule.FINITE)
        .build());
  }

  @Override
  public Set<Mode> modes() {
    return EnumSet.of(Mode.TRIANGULAR, Mode.TRIANGULAR2, Mode.EXP_RANGE);
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.BASE_LR, Param.MAX_LR, Param.GAMMA);
  }

  @Override
  public void check(ScheduleCheck check) {
    if (check.isWritten(Param.SCALE_FN) && check.isWritten(Param.MODE)) {
      check.warning(check.written(Param.MODE), Message.IGNORED, "mode", "scaleFn replaces the mode's amplitude function");
    }
    if (!check.isWritten(Param.SCALE_FN) && check.isWritten(Param.SCALE_MODE)) {
      check.warning(check.written(Param.SCALE_MODE), Message.IGNORED, "scaleMode", "it applies to scaleFn only");
    }
    CycleMomentum.checkIgnored(check);
    checkScaleSign(check);
  }

  /**
   * The rate is {@code base_lr + (max_lr - base_lr) * level}, with a level in [0, 1] for the
   * built-in modes but up to whatever a config's {@code scale_fn} returns: where some group's
   * {@code max_lr} is below its {@code base_lr} (or either is bound), a value above 1 takes the
   * rate below {@code max_lr}, and below 0 if it is large enough.
   */
  private static void checkScaleSign(ScheduleCheck check) {
    AnnotationValue scaleFn = check.written(Param.SCALE_FN);
    if (scaleFn == null) {
      return;
    }
    String why = null;
    if (check.isBound(Param.BASE_LR) || check.isBound(Param.MAX_LR)) {
      why = "baseLr or maxLr is bound, so maxLr may be below baseLr";
    } else if (check.value(Param.BASE_LR) instanceof double[] base && check.value(Param.MAX_LR) instanceof double[] max
        && base.length > 0 && max.length > 0) {
      for (int g = 0; g < Math.max(base.length, max.length); g++) {
        double b = base[base.length == 1 ? 0 : Math.min(g, base.length - 1)];
        double m = max[max.length == 1 ? 0 : Math.min(g, max.length - 1)];
        if (m < b) {
          why = "maxLr (max_lr) = " + Emitter.literal(m) + " is below baseLr (base_lr) = " + Emitter.literal(b)
              + (Math.max(base.length, max.length) > 1 ? " for group " + g : "");
          break;
        }
      }
    }
    if (why != null) {
      check.warning(scaleFn, Message.NEGATIVE_RATE_SCALE, "\"" + scaleFn.getValue() + "\"", why);
    }
  }

  /** Only exp_range's amplitude, {@code gamma^t}, grows with gamma; a scaleFn replaces it. */
  @Override
  public Optional<String> growth(ScheduleCheck check, double gamma) {
    if (check.value(Param.MODE) != Mode.EXP_RANGE || check.isWritten(Param.SCALE_FN)) {
      return Optional.empty();
    }
    return Optional.of("without bound: exp_range's amplitude gamma^t passes the largest double after about "
        + Growth.steps(Growth.stepsToOverflow(gamma)) + " steps");
  }

  /** The cycle and the position in it are the step count, where the amplitude follows the cycle. */
  @Override
  public boolean canKeepClock(ScheduleModel schedule) {
    return perCycle(schedule);
  }

  /** Whether the amplitude function takes the cycle rather than the step. */
  static boolean perCycle(ScheduleModel schedule) {
    return scaleFn(schedule).isPresent()
        ? schedule.constant(Param.SCALE_MODE) == ScaleMode.CYCLE
        : schedule.constant(Param.MODE) != Mode.EXP_RANGE;
  }

  static Optional<ExecutableElement> scaleFn(ScheduleModel schedule) {
    List<ExecutableElement> methods = schedule.methods().get(Param.SCALE_FN);
    return methods == null || methods.isEmpty() ? Optional.empty() : Optional.of(methods.get(0));
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends MomentumWriter {
    private String baseLr;
    private String maxLr;
    private String baseMomentum;
    private String maxMomentum;
    private String gamma;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declare() {
      baseLr = perGroup(Param.BASE_LR);
      maxLr = perGroup(Param.MAX_LR);
      String up = scalar(Param.STEP_SIZE_UP);
      // Read only to fold the cycle's length and the falling half's reciprocal, where written.
      Supplier<String> down = schedule.value(Param.STEP_SIZE_DOWN) == schedule.value(Param.STEP_SIZE_UP)
          ? () -> up : scalarOnUse(Param.STEP_SIZE_DOWN);
      if (usesGamma()) {
        gamma = scalar(Param.GAMMA);
      }
      String mode = scaleFn() != null ? "scale_fn = " + scaleFn().getSimpleName() + "(), scale_mode = "
          + ((ScaleMode) constant(Param.SCALE_MODE)).torchName() : "mode = " + ((Mode) constant(Param.MODE)).torchName();
      emitter.parameterLines.add(mode);
      if (cyclesMomentum()) {
        baseMomentum = perGroup(Param.BASE_MOMENTUM);
        maxMomentum = perGroup(Param.MAX_MOMENTUM);
      } else {
        emitter.parameterLines.add("cycle_momentum = false");
      }
      declareStepping(up, down);
    }

    private String cycleLength;
    private String inverseUp;
    private String inverseDown;
    private String up;
    private String height;
    private String momentumHeight;
    private String position;
    private String cycle;
    private String amplitude;
    private String level;

    /**
     * Declares what lazy stepping needs: the cycle in whole steps and the reciprocals of its
     * halves, so that a step counts and multiplies where the closed form floors and divides.
     */
    private void declareStepping(String upName, Supplier<String> downName) {
      boolean constant = isConstant(Param.STEP_SIZE_UP) && isConstant(Param.STEP_SIZE_DOWN);
      Integer upValue = constant ? (Integer) constant(Param.STEP_SIZE_UP) : null;
      Integer downValue = constant ? (Integer) constant(Param.STEP_SIZE_DOWN) : null;
      up = upName;
      cycleLength = emitter.derived(prefix, "cycleLength", TypeName.LONG,
          constant ? CyclicLR.cycleLength(upValue, downValue) : null,
          () -> CodeBlock.of("$T.cycleLength($N, $N)", MATH_CYCLIC, upName, downName.get()),
          "{@code step_size_up + step_size_down}, in steps.");
      inverseUp = emitter.derived(prefix, "inverseUp", TypeName.DOUBLE,
          constant ? CyclicLR.inverse(upValue) : null,
          CodeBlock.of("$T.inverse($N)", MATH_CYCLIC, upName), "{@code 1 / step_size_up}.");
      inverseDown = emitter.derived(prefix, "inverseDown", TypeName.DOUBLE,
          constant ? CyclicLR.inverse(downValue) : null,
          () -> CodeBlock.of("$T.inverse($N)", MATH_CYCLIC, downName.get()),
          "{@code 1 / step_size_down} (0 where there is no falling half).");
      height = emitter.groupArray(prefix, "height", CodeBlock.of("$N[g] - $N[g]", maxLr, baseLr),
          "{@code max_lr - base_lr} of each group.");
      if (firstRateField.isPresent()) {
        declareFirst();
      }
      if (cyclesMomentum()) {
        momentumHeight = emitter.groupArray(prefix, "momentumHeight",
            CodeBlock.of("$N[g] - $N[g]", maxMomentum, baseMomentum),
            "{@code max_momentum - base_momentum} of each group.");
      }
      if (mayGrow()) {
        CodeBlock reachOfRates = CodeBlock.of("$T.reach($N, $N)", Emitter.CHECKS, baseLr, height);
        reach = emitter.derived(prefix, "reach", TypeName.DOUBLE, null, cyclesMomentum()
                ? CodeBlock.of("$T.max($L, $T.reach($N, $N))", Math.class, reachOfRates, Emitter.CHECKS, maxMomentum,
                    momentumHeight)
                : reachOfRates,
            "The largest {@code |base| + |height|} of the rates and momentum: an amplitude that keeps it finite"
                + " keeps them all.");
      }
      position = emitter.state(prefix, "position", TypeName.LONG, null, "Steps since the cycle began.");
      cycle = emitter.state(prefix, "cycle", TypeName.LONG, null, "The cycle, counted from 1.");
      amplitude = emitter.state(prefix, "amplitude", TypeName.DOUBLE, null,
          "The amplitude function's value at the current step.");
      if (perCycle()) {
        upSlope = emitter.groupArray(prefix, "upSlope",
            "How much each group's rate rises per step in the current cycle.");
        downSlope = emitter.groupArray(prefix, "downSlope",
            "How much each group's rate falls per step in the current cycle.");
        if (firstRateField.isPresent()) {
          firstUpSlope = emitter.phaseState(prefix, "firstUpSlope", TypeName.DOUBLE,
              "{@code upSlope[0]}, read by every step.");
          firstDownSlope = emitter.phaseState(prefix, "firstDownSlope", TypeName.DOUBLE,
              "{@code downSlope[0]}, read by every step.");
        }
        declareSlopes();
      } else {
        level = emitter.state(prefix, "level", TypeName.DOUBLE, null,
            "{@code scale * amplitude}: how far up the cycle every group is, from 0 to 1.");
      }
    }

    private String reach;

    /**
     * Whether the amplitude can grow without bound, so that the rates and momentum could leave
     * the doubles: a config's {@code scale_fn}, or exp_range with {@code gamma} above 1 in
     * magnitude or bound. Only then is the amplitude checked for it.
     */
    private boolean mayGrow() {
      return scaleFn() != null || (constant(Param.MODE) == Mode.EXP_RANGE && gammaMayGrow());
    }

    private String upSlope;
    private String downSlope;
    private String firstUpSlope;
    private String firstDownSlope;

    /**
     * Where the amplitude is fixed for a cycle, each group's rate is a straight line on each half
     * of it: the slopes are computed when a cycle begins, and a step costs one multiplication.
     */
    private CodeBlock slopes() {
      return CodeBlock.of("$N();\n", startSlopes);
    }

    private String startSlopes;

    private void declareSlopes() {
      startSlopes = emitter.privateMethod(prefix, "startSlopes", null,
          "Sets every group's slopes from the amplitude of the cycle that begins.", slopeStatements());
    }

    private CodeBlock slopeStatements() {
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", upSlope)
          .addStatement("$N[g] = $T.slope($N[g], $N, $N)", upSlope, MATH_CYCLIC, height, amplitude, inverseUp)
          .addStatement("$N[g] = $T.slope($N[g], $N, $N)", downSlope, MATH_CYCLIC, height, amplitude, inverseDown)
          .endControlFlow();
      if (firstRateField.isPresent()) {
        code.addStatement("$N = $T.slope($N, $N, $N)", firstUpSlope, MATH_CYCLIC, firstHeight, amplitude, inverseUp)
            .addStatement("$N = $T.slope($N, $N, $N)", firstDownSlope, MATH_CYCLIC, firstHeight, amplitude,
                inverseDown);
      }
      return code.build();
    }

    /** The slopes are those {@code startSlopes} computes from the saved amplitude. */
    @Override
    protected CodeBlock savedRead(String g) {
      if (perCycle()) {
        return CodeBlock.of("$T.onSlopes($N[$L], $N, $N, $N, $T.slope($N[$L], $N, $N), $T.slope($N[$L], $N, $N))",
            MATH_CYCLIC, baseLr, g, saved(position), up, cycleLength, MATH_CYCLIC, height, g, saved(amplitude),
            inverseUp, MATH_CYCLIC, height, g, saved(amplitude), inverseDown);
      }
      return CodeBlock.of("$T.level($N[$L], $N[$L], $N)", MATH_CYCLIC, baseLr, g, height, g, saved(level));
    }

    /** {@code scale * amplitude}, for the momentum where the slopes stand in for it. */
    private CodeBlock levelNow() {
      return perCycle()
          ? CodeBlock.of("$T.scaleAt($N, $N, $N, $N, $N) * $N", MATH_CYCLIC, position, up, inverseUp, cycleLength,
              inverseDown, amplitude)
          : CodeBlock.of("$N", level);
    }

    @Override
    protected CodeBlock rebuildDerived() {
      return perCycle() ? slopes() : CodeBlock.of("");
    }

    /**
     * The position in the cycle and the cycle follow from the step, the amplitude from them as on
     * the step, and where it is kept the level from the position and the amplitude.
     */
    @Override
    protected CodeBlock checkSaved(String t) {
      CodeBlock cycleAt = CodeBlock.of("$L / $N + 1", t, cycleLength);
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("in.expect($S, $N, $L % $N)", position, saved(position), t, cycleLength)
          .addStatement("in.expect($S, $N, $L)", cycle, saved(cycle), cycleAt)
          .addStatement("in.near($S, $N, $L, 0.0, 0)", amplitude, saved(amplitude), amplitudeOf(asDouble(cycleAt), t));
      if (level != null) {
        code.addStatement("in.near($S, $N, $T.scaleAt($N, $N, $N, $N, $N) * $N, 0.0, 0)", level, saved(level),
            MATH_CYCLIC, saved(position), up, inverseUp, cycleLength, inverseDown, saved(amplitude));
      }
      return code.build();
    }

    @Override
    protected CodeBlock clock() {
      return CodeBlock.of("($N - 1) * $N + $N", cycle, cycleLength, position);
    }

    @Override
    protected CodeBlock tick() {
      // In the per-cycle modes a step moves the position and, at a cycle's end, the cycle; the
      // step count is theirs and advance does not read it.
      return advance(clock().toString());
    }

    private String firstBaseLr;
    private String firstHeight;

    /**
     * Group 0's {@code base_lr} and height on their own, folded to constants where the config
     * gives them: a step then refreshes group 0's rate without reading the per-group arrays.
     */
    private void declareFirst() {
      Double base0 = isConstant(Param.BASE_LR) ? ((double[]) constant(Param.BASE_LR))[0] : null;
      Double max0 = isConstant(Param.MAX_LR) ? ((double[]) constant(Param.MAX_LR))[0] : null;
      firstBaseLr = emitter.derived(prefix, "firstBaseLr", TypeName.DOUBLE, base0,
          CodeBlock.of("$N[0]", baseLr), "{@code base_lr} of group 0.");
      firstHeight = emitter.derived(prefix, "firstHeight", TypeName.DOUBLE,
          base0 != null && max0 != null ? max0 - base0 : null,
          CodeBlock.of("$N[0]", height), "{@code max_lr - base_lr} of group 0.");
    }

    @Override
    protected CodeBlock firstRate() {
      if (perCycle()) {
        return CodeBlock.of("$T.onSlopes($N, $N, $N, $N, $N, $N)", MATH_CYCLIC, firstBaseLr, position, up,
            cycleLength, firstUpSlope, firstDownSlope);
      }
      return CodeBlock.of("$T.level($N, $N, $N)", MATH_CYCLIC, firstBaseLr, firstHeight, level);
    }

    private boolean perCycle() {
      return CyclicLRKind.perCycle(schedule);
    }

    /**
     * The amplitude function, of the cycle (a {@code double} expression, counted from 1) in the
     * per-cycle modes or of step {@code t}: PyTorch's {@code scale_fn(cycle or last_epoch)}.
     */
    private CodeBlock amplitudeOf(CodeBlock cycle, String t) {
      return amplitudeOf(cycle, t, CodeBlock.of("$L", t));
    }

    /**
     * The same, where the step to name in a refusal of {@code scale_fn}'s value is {@code step}:
     * the config's function is called with its result checked, since a NaN, infinite or negative
     * amplitude would reach the optimizer as such a rate and momentum.
     */
    private CodeBlock amplitudeOf(CodeBlock cycle, String t, CodeBlock step) {
      CodeBlock amplitude = uncheckedAmplitudeOf(cycle, t, step);
      return mayGrow()
          ? CodeBlock.of("$T.growth($L, $N, $S, $L)", Emitter.CHECKS, amplitude, reach, "CyclicLR", scheduleStep(step))
          : amplitude;
    }

    private CodeBlock uncheckedAmplitudeOf(CodeBlock cycle, String t, CodeBlock step) {
      ExecutableElement scaleFn = scaleFn();
      if (scaleFn != null) {
        CodeBlock argument = perCycle() ? cycle : asDouble(t);
        String name = scaleFn.getSimpleName().toString();
        return CodeBlock.of("$T.amplitude($T.$N($L), $S, $L, $L)", Emitter.CHECKS, owner(scaleFn), name,
            argument, "CyclicLR: scaleFn " + name, argument, scheduleStep(step));
      }
      switch ((Mode) constant(Param.MODE)) {
        case TRIANGULAR:
          return CodeBlock.of("1.0");
        case TRIANGULAR2:
          return CodeBlock.of("$T.triangular2($L)", MATH_CYCLIC, cycle);
        case EXP_RANGE:
          return CodeBlock.of("$T.expRange($N, $L)", MATH_CYCLIC, gamma, t);
        default:
          throw new AssertionError(constant(Param.MODE));
      }
    }

    /** The amplitude first: a config's {@code scale_fn} that refuses its value then changes nothing. */
    @Override
    protected CodeBlock resetState() {
      return CodeBlock.builder()
          .addStatement("$N = $L", amplitude, amplitudeOf(CodeBlock.of("1.0"), ZERO))
          .addStatement("$N = 0", position)
          .addStatement("$N = 1", cycle)
          .add(perCycle() ? slopes() : CodeBlock.of("$N = 0.0;\n", level))
          .build();
    }

    @Override
    protected CodeBlock advance(String t) {
      if (mayGrow()) {
        return checkedAdvance(t);
      }
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("if (++$N == $N)", position, cycleLength)
          .addStatement("$N = 0", position)
          .addStatement("$N++", cycle);
      if (perCycle()) {
        return code.addStatement("$N = $L", amplitude, amplitudeOf(asDouble(cycle), t))
            .add(slopes())
            .endControlFlow()
            .build();
      }
      return code.endControlFlow()
          .addStatement("$N = $L", amplitude, amplitudeOf(asDouble(cycle), t))
          .addStatement("$N = $T.scaleAt($N, $N, $N, $N, $N) * $N", level, MATH_CYCLIC, position, up,
              inverseUp, cycleLength, inverseDown, amplitude)
          .build();
    }

    /**
     * {@link #advance} with a config's {@code scale_fn} or a growing amplitude: its value is
     * computed and checked before any state moves, so that a refused value leaves the step where
     * it was.
     */
    private CodeBlock checkedAdvance(String t) {
      String next = local("nextAmplitude");
      if (perCycle()) {
        // Where this schedule keeps the count, t reads the state before the step: the step that
        // begins the next cycle is cycle * cycle_length.
        CodeBlock step = keepsClock ? CodeBlock.of("$N * $N", cycle, cycleLength) : CodeBlock.of("$L", t);
        return CodeBlock.builder()
            .beginControlFlow("if ($N + 1 == $N)", position, cycleLength)
            .addStatement("double $N = $L", next, amplitudeOf(asDouble(CodeBlock.of("$N + 1", cycle)), t, step))
            .addStatement("$N = 0", position)
            .addStatement("$N++", cycle)
            .addStatement("$N = $N", amplitude, next)
            .add(slopes())
            .nextControlFlow("else")
            .addStatement("$N++", position)
            .endControlFlow()
            .build();
      }
      return CodeBlock.builder()
          .addStatement("double $N = $L", next, amplitudeOf(null, t))
          .beginControlFlow("if (++$N == $N)", position, cycleLength)
          .addStatement("$N = 0", position)
          .addStatement("$N++", cycle)
          .endControlFlow()
          .addStatement("$N = $N", amplitude, next)
          .addStatement("$N = $T.scaleAt($N, $N, $N, $N, $N) * $N", level, MATH_CYCLIC, position, up,
              inverseUp, cycleLength, inverseDown, amplitude)
          .build();
    }

    @Override
    protected CodeBlock read(String g) {
      if (perCycle()) {
        return CodeBlock.of("$T.onSlopes($N[$L], $N, $N, $N, $N[$L], $N[$L])", MATH_CYCLIC, baseLr, g, position, up,
            cycleLength, upSlope, g, downSlope, g);
      }
      return CodeBlock.of("$T.level($N[$L], $N[$L], $N)", MATH_CYCLIC, baseLr, g, height, g, level);
    }

    @Override
    public CodeBlock readMomentum(String g) {
      return CodeBlock.of("$T.momentumLevel($N[$L], $N[$L], $L)", MATH_CYCLIC, maxMomentum, g, momentumHeight, g,
          levelNow());
    }

    @Override
    protected Optional<String> initialRates() {
      return Optional.of(baseLr);
    }

    /**
     * When PyTorch constructs a CyclicLR after another scheduler, its first value comes from the
     * optimizer's {@code initial_lr} (its own {@code base_lr} is installed only after that step), so
     * in a chain its step 0 passes that rate on.
     */
    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      if (schedule.index() == 0) {
        return lr(t, g);
      }
      return atZero(t, CodeBlock.of("$N[$L]", base, g), lr(t, g));
    }

    private ExecutableElement scaleFn() {
      return CyclicLRKind.scaleFn(schedule).orElse(null);
    }

    private boolean usesGamma() {
      return scaleFn() == null && constant(Param.MODE) == Mode.EXP_RANGE;
    }

    @Override
    protected String formula() {
      return "scale = position in the cycle (0 at base_lr, 1 at max_lr)\n"
          + "lr(t) = base_lr + (max_lr - base_lr) * scale * scale_fn(cycle or t)\n"
          + "momentum(t) = max_momentum - (max_momentum - base_momentum) * scale * scale_fn(cycle or t)";
    }

    /**
     * The closed form counts the cycle and the position in it in whole steps, as stepping does,
     * rather than PyTorch's {@code floor(1 + t / total_size)} in floating point: the same values
     * but for rounding, bit for bit those of stepping, and exact however long the run.
     */
    @Override
    protected CodeBlock prologue(String t) {
      return CodeBlock.builder()
          .addStatement("double $N = $L", local("amplitudeAt"),
              amplitudeOf(asDouble(CodeBlock.of("$L / $N + 1", t, cycleLength)), t))
          .addStatement("double $N = $T.scaleAt($L % $N, $N, $N, $N, $N) * $N", local("levelAt"), MATH_CYCLIC,
              t, cycleLength, up, inverseUp, cycleLength, inverseDown, local("amplitudeAt"))
          .build();
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.level($N[$L], $N[$L], $N)", MATH_CYCLIC, baseLr, g, height, g, local("levelAt"));
    }

    @Override
    public CodeBlock momentum(String t, String g) {
      return CodeBlock.of("$T.momentumLevel($N[$L], $N[$L], $N)", MATH_CYCLIC, maxMomentum, g, momentumHeight, g,
          local("levelAt"));
    }
  }
}

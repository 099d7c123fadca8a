package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.AnnealStrategy;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OneCycleLR;
import dev.anneal.math.SequentialLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.LastStep;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationValue;

/** PyTorch's {@code OneCycleLR}: the rate rises from {@code max_lr / div_factor} to {@code max_lr} and falls to its minimum at {@code total_steps}, momentum the other way. */
final class OneCycleLRKind extends BaseKind {
  private static final ClassName MATH_ONE_CYCLE = ClassName.get(OneCycleLR.class);

  OneCycleLRKind() {
    super(ScheduleType.ONE_CYCLE, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.MAX_LR, Rule.FINITE)
        .derived(Param.TOTAL_STEPS, new Formula(OneCycleLR.class, "totalSteps",
            List.of(Param.EPOCHS, Param.STEPS_PER_EPOCH), "totalSteps", "epochs * steps_per_epoch"), Rule.POSITIVE)
        .alternative(Param.EPOCHS, "with stepsPerEpoch, where totalSteps is not given", Rule.POSITIVE)
        .alternative(Param.STEPS_PER_EPOCH, "with epochs, where totalSteps is not given", Rule.POSITIVE)
        .optional(Param.PCT_START, 0.3, Rule.UNIT_INTERVAL)
        .optional(Param.ANNEAL_STRATEGY, AnnealStrategy.COS, null)
        .optional(Param.CYCLE_MOMENTUM, true, null)
        .optional(Param.BASE_MOMENTUM, 0.85, Rule.FINITE)
        .optional(Param.MAX_MOMENTUM, 0.95, Rule.FINITE)
        .optional(Param.DIV_FACTOR, 25.0, Rule.NON_ZERO)
        .optional(Param.FINAL_DIV_FACTOR, 1e4, Rule.NON_ZERO)
        .optional(Param.THREE_PHASE, false, null)
        .build());
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.MAX_LR, Param.DIV_FACTOR, Param.FINAL_DIV_FACTOR);
  }

  @Override
  public void check(ScheduleCheck check) {
    checkLength(check);
    CycleMomentum.checkIgnored(check);
  }

  /**
   * PyTorch takes {@code total_steps}, or else {@code epochs * steps_per_epoch}, and refuses a
   * phase of no length, which would divide by zero.
   */
  private void checkLength(ScheduleCheck check) {
    boolean total = check.isWritten(Param.TOTAL_STEPS) || check.isBound(Param.TOTAL_STEPS);
    boolean epochs = check.isWritten(Param.EPOCHS) || check.isBound(Param.EPOCHS);
    boolean perEpoch = check.isWritten(Param.STEPS_PER_EPOCH) || check.isBound(Param.STEPS_PER_EPOCH);
    if (!total && !(epochs && perEpoch)) {
      check.error(null, Message.ONE_CYCLE_LENGTH);
      return;
    }
    if (total && (epochs || perEpoch)) {
      AnnotationValue ignored = check.isWritten(Param.EPOCHS) ? check.written(Param.EPOCHS)
          : check.written(Param.STEPS_PER_EPOCH);
      check.warning(ignored, Message.IGNORED, "epochs and stepsPerEpoch", "totalSteps is given, and PyTorch uses it");
    }
    // Written, or computed from written epochs; none where bound or refused (reported on its own).
    Integer totalSteps = (Integer) check.known(Param.TOTAL_STEPS);
    if (totalSteps == null || totalSteps <= 0 || check.isBound(Param.PCT_START)) {
      return;
    }
    double pctStart = check.number(Param.PCT_START);
    if (!Rule.UNIT_INTERVAL.holds(pctStart)) {
      return;
    }
    String why = OneCycleLR.zeroLengthPhase(totalSteps, pctStart, (Boolean) check.known(Param.THREE_PHASE));
    if (why != null) {
      check.error(check.written(Param.PCT_START), Message.ONE_CYCLE_PHASE, why);
    }
  }

  /**
   * A milestone after a OneCycleLR of written length must be reachable: it runs
   * {@code total_steps} steps past its start and PyTorch raises on the next. A bound length is
   * checked by the same rule when the scheduler is built.
   */
  @Override
  public void checkHandOver(ScheduleCheck check, int milestone, int start) {
    Integer totalSteps = writtenTotalSteps(check);
    if (totalSteps == null) {
      return;
    }
    String refusal = SequentialLR.unreachedMilestone(milestone, start, totalSteps);
    if (refusal != null) {
      check.milestoneError(Message.SEQUENTIAL_UNREACHED, refusal);
    }
  }

  /**
   * {@code total_steps} as written, or computed from written epochs; null where it is bound,
   * missing or breaks its own rule (reported on its own).
   */
  private static Integer writtenTotalSteps(ScheduleCheck check) {
    return check.known(Param.TOTAL_STEPS) instanceof Integer steps && steps > 0 ? steps : null;
  }


  @Override
  public void checkInCombination(ScheduleCheck check, String combinator) {
    if (check.index() > 0) {
      check.error(check.typeValue(), Message.NOT_COMBINABLE, type().torchName() + " after another schedule", combinator,
          "PyTorch lets it overwrite the optimizer's initial rates that the schedules before it"
              + " already started from; put it first");
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends MomentumWriter {
    private String totalSteps;
    private boolean totalKnown;
    private String warmupEnd;
    private String returnEnd;
    private String returnSpan;
    private String lastSpan;
    private String initialLr;
    private String maxLr;
    private String minLr;
    private String baseMomentum;
    private String maxMomentum;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    boolean threePhase() {
      return (Boolean) constant(Param.THREE_PHASE);
    }

    boolean cos() {
      return constant(Param.ANNEAL_STRATEGY) == AnnealStrategy.COS;
    }

    @Override
    protected void declare() {
      maxLr = perGroup(Param.MAX_LR);
      totalSteps = scalar(Param.TOTAL_STEPS);
      Integer knownTotal = isConstant(Param.TOTAL_STEPS) ? (Integer) constant(Param.TOTAL_STEPS) : null;
      totalKnown = knownTotal != null;
      Supplier<String> pctStart = scalarOnUse(Param.PCT_START);
      String divFactor = scalar(Param.DIV_FACTOR);
      String finalDivFactor = scalar(Param.FINAL_DIV_FACTOR);
      boolean constant = knownTotal != null && isConstant(Param.PCT_START);
      Integer total = constant ? knownTotal : null;
      Double pct = constant ? (Double) constant(Param.PCT_START) : null;
      warmupEnd = emitter.derived(prefix, "warmupEnd", TypeName.DOUBLE,
          constant ? OneCycleLR.warmupEnd(total, pct) : null,
          () -> CodeBlock.of("$T.warmupEnd($N, $N)", MATH_ONE_CYCLE, totalSteps, pctStart.get()),
          "The last step of the rising phase, {@code pct_start * total_steps - 1}.");
      if (threePhase()) {
        returnEnd = emitter.derived(prefix, "returnEnd", TypeName.DOUBLE,
            constant ? OneCycleLR.returnEnd(total, pct) : null,
            () -> CodeBlock.of("$T.returnEnd($N, $N)", MATH_ONE_CYCLE, totalSteps, pctStart.get()),
            "The last step of the falling middle phase, {@code 2 * pct_start * total_steps - 2}.");
      }
      // Each phase's length, end_step - start_step, is the same for every step: fold it.
      String lastStart = threePhase() ? returnEnd : warmupEnd;
      if (threePhase()) {
        returnSpan = emitter.derived(prefix, "returnSpan", TypeName.DOUBLE,
            constant ? OneCycleLR.returnEnd(total, pct) - OneCycleLR.warmupEnd(total, pct) : null,
            CodeBlock.of("$N - $N", returnEnd, warmupEnd), "The length of the middle phase.");
      }
      lastSpan = emitter.derived(prefix, "lastSpan", TypeName.DOUBLE,
          constant ? OneCycleLR.lastEnd(total) - (threePhase() ? OneCycleLR.returnEnd(total, pct)
              : OneCycleLR.warmupEnd(total, pct)) : null,
          CodeBlock.of("$T.lastEnd($N) - $N", MATH_ONE_CYCLE, totalSteps, lastStart),
          "The length of the last phase, up to {@code total_steps - 1}.");
      if (!constant) {
        emitter.constructor.addStatement("$T zeroLength = $T.zeroLengthPhase($N, $N, $L)", String.class, MATH_ONE_CYCLE,
            totalSteps, pctStart.get(), threePhase());
        emitter.constructor.beginControlFlow("if (zeroLength != null)")
            .addStatement("throw new $T($S + zeroLength)", IllegalArgumentException.class, "OneCycleLR: ")
            .endControlFlow();
      }
      // A divisor near 0 could take them past the largest double: refused when the scheduler is
      // built, naming the step whose rate it is.
      initialLr = emitter.groupArray(prefix, "initialLr", CodeBlock.of("$T.rate($N[g] / $N, $S, 0)", Emitter.CHECKS,
              maxLr, divFactor, "OneCycleLR: initial_lr = max_lr / div_factor"),
          "{@code initial_lr = max_lr / div_factor} of each group.");
      minLr = emitter.groupArray(prefix, "minLr", CodeBlock.of("$T.rate($N[g] / $N, $S, $N)", Emitter.CHECKS,
              initialLr, finalDivFactor, "OneCycleLR: min_lr = initial_lr / final_div_factor", totalSteps),
          "{@code min_lr = initial_lr / final_div_factor} of each group.");
      emitter.parameterLines.add("anneal_strategy = " + ((AnnealStrategy) constant(Param.ANNEAL_STRATEGY)).torchName()
          + ", three_phase = " + (threePhase() ? "True" : "False"));
      if (cyclesMomentum()) {
        baseMomentum = perGroup(Param.BASE_MOMENTUM);
        maxMomentum = perGroup(Param.MAX_MOMENTUM);
      } else {
        emitter.parameterLines.add("cycle_momentum = false");
      }
      declareStepping();
    }

    private String inverseWarmup;
    private String inverseReturn;
    private String inverseLast;
    private String from;
    private String to;
    private String momentumFrom;
    private String momentumTo;
    private String weight;

    /**
     * What lazy stepping needs: the reciprocal of each phase's length, so that a step multiplies
     * where the closed form divides, and the phase's end values and weight, shared by the groups.
     */
    private void declareStepping() {
      inverseWarmup = inverseOf("inverseWarmup", warmupEnd, "{@code 1 / (pct_start * total_steps - 1)}.");
      if (threePhase()) {
        inverseReturn = inverseOf("inverseReturn", returnSpan, "{@code 1 /} the middle phase's length.");
      }
      inverseLast = inverseOf("inverseLast", lastSpan, "{@code 1 /} the last phase's length.");
      TypeName doubles = Emitter.doubles();
      from = emitter.phaseState(prefix, "from", doubles, "The current phase's start rates.");
      to = emitter.phaseState(prefix, "to", doubles, "The current phase's end rates.");
      if (cyclesMomentum()) {
        momentumFrom = emitter.phaseState(prefix, "momentumFrom", doubles, "The current phase's start momentum.");
        momentumTo = emitter.phaseState(prefix, "momentumTo", doubles, "The current phase's end momentum.");
      }
      weight = emitter.phaseState(prefix, "weight", TypeName.DOUBLE,
          "How far through its phase the step is: the cosine wave or the fraction.");
      phase = emitter.phaseState(prefix, "phase", TypeName.INT,
          "The current phase, from 1; 0 before the first step sets it.");
      if (firstRateField.isPresent()) {
        firstEnd = emitter.phaseState(prefix, cos() ? "firstEnd" : "firstStart", TypeName.DOUBLE,
            cos() ? "Group 0's end rate in the current phase." : "Group 0's start rate in the current phase.");
        firstSpan = emitter.phaseState(prefix, cos() ? "firstHalfSpan" : "firstRise", TypeName.DOUBLE,
            cos() ? "{@code (start - end) / 2.0} of group 0 in the current phase."
                : "{@code end - start} of group 0 in the current phase.");
      }
      declareEnterStep();
    }

    private String phase;
    private String firstEnd;
    private String firstSpan;

    @Override
    protected CodeBlock firstRate() {
      return CodeBlock.of("$T.$L($N, $N, $N)", MATH_ONE_CYCLE, cos() ? "onCosine" : "onLine", firstEnd, firstSpan,
          weight);
    }

    private String inverseOf(String name, String span, String why) {
      return emitter.derived(prefix, name, TypeName.DOUBLE,
          emitter.folded(span) != null ? OneCycleLR.inverse(emitter.folded(span)) : null,
          CodeBlock.of("$T.inverse($N)", MATH_ONE_CYCLE, span), why);
    }

    @Override
    protected boolean keepsPhaseState() {
      return true;
    }

    /** Its state is rebuilt from the step, which cannot be past the end. */
    @Override
    protected CodeBlock checkSaved(String t) {
      return CodeBlock.of("in.consistent($L <= $N, $S + $L + $S + $N);\n", t, totalSteps, "the step count ", t,
          " is past OneCycleLR's end, totalSteps (total_steps) = ", totalSteps);
    }

    @Override
    protected CodeBlock resetState() {
      return advance(ZERO);
    }

    /**
     * Stepping, construction and a restore all place the step in its phase: one private method,
     * declared with the state it sets, instead of the same block three times.
     */
    @Override
    protected CodeBlock advance(String t) {
      return CodeBlock.of("$N($L);\n", enterStep, t);
    }

    /**
     * Step {@code t} as a double, once: the phase ends are doubles, and each comparison of the
     * {@code long} with one would convert it again.
     */
    private CodeBlock positionOf(String t) {
      return CodeBlock.of("double $N = $L;\n", local("stepPosition"), asDouble(t));
    }

    private String enterStep;

    private void declareEnterStep() {
      enterStep = emitter.privateMethod(prefix, "enterStep", "t",
          "Sets the phase that step {@code t} is in and how far through it the step is.", phaseOf("t"));
    }

    private CodeBlock phaseOf(String t) {
      String position = local("stepPosition");
      CodeBlock.Builder code = CodeBlock.builder()
          .add(positionOf(t))
          .addStatement("double $N", local("pct"))
          .beginControlFlow("if ($N <= $N)", position, warmupEnd)
          .addStatement("$N = $N * $N", local("pct"), position, inverseWarmup)
          .add(phaseArrays(1, initialLr, maxLr, maxMomentum, baseMomentum));
      if (threePhase()) {
        code.nextControlFlow("else if ($N <= $N)", position, returnEnd)
            .addStatement("$N = ($N - $N) * $N", local("pct"), position, warmupEnd, inverseReturn)
            .add(phaseArrays(2, maxLr, initialLr, baseMomentum, maxMomentum))
            .nextControlFlow("else")
            .addStatement("$N = ($N - $N) * $N", local("pct"), position, returnEnd, inverseLast)
            .add(phaseArrays(3, initialLr, minLr, maxMomentum, maxMomentum));
      } else {
        code.nextControlFlow("else")
            .addStatement("$N = ($N - $N) * $N", local("pct"), position, warmupEnd, inverseLast)
            .add(phaseArrays(2, maxLr, minLr, baseMomentum, maxMomentum));
      }
      code.endControlFlow();
      if (cos()) {
        code.addStatement("$N = $T.cosWave($N)", weight, MATH_ONE_CYCLE, local("pct"));
      } else {
        code.addStatement("$N = $N", weight, local("pct"));
      }
      return code.build();
    }

    /** Switches to phase {@code number}'s end values once, when a step first enters it. */
    private CodeBlock phaseArrays(int number, String lrFrom, String lrTo, String mFrom, String mTo) {
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("if ($N != $L)", phase, number)
          .addStatement("$N = $L", phase, number)
          .addStatement("$N = $N", from, lrFrom)
          .addStatement("$N = $N", to, lrTo);
      if (cyclesMomentum()) {
        code.addStatement("$N = $N", momentumFrom, mFrom).addStatement("$N = $N", momentumTo, mTo);
      }
      if (firstRateField.isPresent()) {
        if (cos()) {
          code.addStatement("$N = $N[0]", firstEnd, lrTo)
              .addStatement("$N = $T.halfSpan($N[0], $N[0])", firstSpan, MATH_ONE_CYCLE, lrFrom, lrTo);
        } else {
          code.addStatement("$N = $N[0]", firstEnd, lrFrom)
              .addStatement("$N = $T.rise($N[0], $N[0])", firstSpan, MATH_ONE_CYCLE, lrFrom, lrTo);
        }
      }
      return code.endControlFlow().build();
    }

    @Override
    protected CodeBlock read(String g) {
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          from, g, to, g, weight);
    }

    @Override
    public CodeBlock readMomentum(String g) {
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          momentumFrom, g, momentumTo, g, weight);
    }

    /** {@code total_steps}, known now where written or computed from written epochs. */
    @Override
    protected Optional<LastStep> lastStep() {
      return Optional.of(new LastStep(totalSteps, totalKnown, "totalSteps (total_steps)"));
    }

    @Override
    protected Optional<String> initialRates() {
      return Optional.of(initialLr);
    }

    @Override
    protected String formula() {
      return threePhase()
          ? "initial_lr -> max_lr over pct_start * total_steps, back to initial_lr over as many,\n"
              + "then on to min_lr at total_steps; momentum the opposite way ("
              + (cos() ? "cosine" : "linear") + " annealing)"
          : "initial_lr -> max_lr over pct_start * total_steps, then down to min_lr at total_steps;\n"
              + "momentum the opposite way (" + (cos() ? "cosine" : "linear") + " annealing)";
    }

    /** The phase of {@code t}, numbered from 1 as stepping numbers it, and the weight given to its end value. */
    @Override
    protected CodeBlock prologue(String t) {
      String position = local("stepPosition");
      CodeBlock.Builder code = CodeBlock.builder()
          .add(positionOf(t))
          .addStatement("int $N", local("phaseAt"))
          .addStatement("double $N", local("pct"))
          .beginControlFlow("if ($N <= $N)", position, warmupEnd)
          .addStatement("$N = 1", local("phaseAt"))
          .addStatement("$N = $N / $N", local("pct"), position, warmupEnd);
      if (threePhase()) {
        code.nextControlFlow("else if ($N <= $N)", position, returnEnd)
            .addStatement("$N = 2", local("phaseAt"))
            .addStatement("$N = ($N - $N) / $N", local("pct"), position, warmupEnd, returnSpan)
            .nextControlFlow("else")
            .addStatement("$N = 3", local("phaseAt"))
            .addStatement("$N = ($N - $N) / $N", local("pct"), position, returnEnd, lastSpan);
      } else {
        code.nextControlFlow("else")
            .addStatement("$N = 2", local("phaseAt"))
            .addStatement("$N = ($N - $N) / $N", local("pct"), position, warmupEnd, lastSpan);
      }
      code.endControlFlow();
      if (cos()) {
        code.addStatement("double $N = $T.cosWave($N)", local("weightAt"), MATH_ONE_CYCLE, local("pct"));
      } else {
        code.addStatement("double $N = $N", local("weightAt"), local("pct"));
      }
      return code.build();
    }

    /** PyTorch's annealing from {@code start} to {@code end}; a phase that keeps one value is that value. */
    private CodeBlock anneal(String start, String end, String g) {
      if (start.equals(end)) {
        return CodeBlock.of("$N[$L]", start, g);
      }
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          start, g, end, g, local("weightAt"));
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      String phase = local("phaseAt");
      if (threePhase()) {
        return CodeBlock.of("$N == 1 ? $L : $N == 2 ? $L : $L", phase, anneal(initialLr, maxLr, g), phase,
            anneal(maxLr, initialLr, g), anneal(initialLr, minLr, g));
      }
      return CodeBlock.of("$N == 1 ? $L : $L", phase, anneal(initialLr, maxLr, g), anneal(maxLr, minLr, g));
    }

    @Override
    public CodeBlock momentum(String t, String g) {
      String phase = local("phaseAt");
      if (threePhase()) {
        return CodeBlock.of("$N == 1 ? $L : $N == 2 ? $L : $L", phase, anneal(maxMomentum, baseMomentum, g), phase,
            anneal(baseMomentum, maxMomentum, g), anneal(maxMomentum, maxMomentum, g));
      }
      return CodeBlock.of("$N == 1 ? $L : $L", phase, anneal(maxMomentum, baseMomentum, g),
          anneal(baseMomentum, maxMomentum, g));
    }
  }
}

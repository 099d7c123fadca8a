package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.AnnealStrategy;
import dev.anneal.Mode;
import dev.anneal.ScaleMode;
import dev.anneal.ThresholdMode;
import dev.anneal.math.ConstantLR;
import dev.anneal.math.CosineAnnealingLR;
import dev.anneal.math.CosineAnnealingWarmRestarts;
import dev.anneal.math.CyclicLR;
import dev.anneal.math.ExponentialLR;
import dev.anneal.math.LambdaLR;
import dev.anneal.math.LinearLR;
import dev.anneal.math.MultiStepLR;
import dev.anneal.math.MultiplicativeLR;
import dev.anneal.math.OneCycleLR;
import dev.anneal.math.PolynomialLR;
import dev.anneal.math.ReduceLROnPlateau;
import dev.anneal.math.StepLR;
import dev.anneal.math.Steps;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.model.ParamTable;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Writes the code of one schedule type into the generated class: its constants, its per-group
 * arrays, and the statements that compute the rate. The formulas themselves live in
 * {@code dev.anneal.math}, one class per PyTorch scheduler; the code here only calls them.
 *
 * <p>Time is a variable name ({@code t}) so that the same code serves stepping, random access and
 * the phases of a {@code @Sequential} config, which run on their own clock.
 */
public abstract class KindWriter {
  final ScheduleModel schedule;
  final Emitter emitter;
  /** Empty for a single schedule; {@code "s1"} and so on for the schedules of a combination. */
  final String prefix;
  /**
   * The array holding PyTorch's {@code base_lrs} for this schedule: the optimizer's initial rates,
   * unless an earlier schedule of a combination replaced them (see {@link #initialRates()}).
   */
  String base = "baseLrs";

  KindWriter(ScheduleModel schedule, Emitter emitter, String prefix) {
    this.schedule = schedule;
    this.emitter = emitter;
    this.prefix = prefix;
    emitter.reserveLocals(prefix);
  }

  /**
   * The local variables a schedule declares, through {@link #local}, with its prefix: no field
   * takes one of these names (see {@link Emitter#reserveLocals}).
   */
  static final List<String> LOCALS = List.of(
      "stepFactor", "stepWave", "lambda", "stepPosition", "pct", "phaseAt", "weightAt", "amplitudeAt", "levelAt",
      "tCurAt", "tIAt", "clock", "nextAmplitude");

  static KindWriter of(ScheduleModel schedule, Emitter emitter, String prefix) {
    switch (schedule.type()) {
      case STEP:
        return new Step(schedule, emitter, prefix);
      case MULTI_STEP:
        return new MultiStep(schedule, emitter, prefix);
      case CONSTANT:
        return new Constant(schedule, emitter, prefix);
      case LINEAR:
        return new Linear(schedule, emitter, prefix);
      case EXPONENTIAL:
        return new Exponential(schedule, emitter, prefix);
      case POLYNOMIAL:
        return new Polynomial(schedule, emitter, prefix);
      case COSINE:
        return new Cosine(schedule, emitter, prefix);
      case COSINE_WARM_RESTARTS:
        return new WarmRestarts(schedule, emitter, prefix);
      case LAMBDA:
        return new Lambda(schedule, emitter, prefix);
      case MULTIPLICATIVE:
        return new Multiplicative(schedule, emitter, prefix);
      case CYCLIC:
        return new Cyclic(schedule, emitter, prefix);
      case ONE_CYCLE:
        return new OneCycle(schedule, emitter, prefix);
      case REDUCE_ON_PLATEAU:
        return new Plateau(schedule, emitter, prefix);
      default:
        throw new AssertionError(schedule.type());
    }
  }

  /**
   * The per-group array that this schedule writes into the optimizer's {@code initial_lr} when
   * PyTorch constructs it, or null if it leaves them alone. CyclicLR (constructed first) and
   * OneCycleLR do: the schedules constructed after them take those as their {@code base_lrs}.
   */
  String initialRates() {
    return null;
  }

  /** Declares the constants, fields and arrays; called once, before anything else. */
  abstract void declare();

  /** The formula for the class Javadoc, in PyTorch's notation. */
  abstract String formula();

  /** Whether the rate is a function of the step alone, with a closed form. */
  boolean closedForm() {
    return true;
  }

  /** Statements computing what all groups share at time {@code t}; may be empty. */
  CodeBlock prologue(String t) {
    return CodeBlock.of("");
  }

  /** The rate of group {@code g} at time {@code t}, after {@link #prologue}. */
  abstract CodeBlock lr(String t, String g);

  /**
   * For schedules that multiply {@code base_lr} by a factor of the step alone: the factor at
   * {@code t}, with no prologue. Null for the others. Chained factors multiply.
   */
  CodeBlock factor(String t) {
    return null;
  }

  /**
   * Statements that set {@code lrs} (and momentum, where it cycles) to their values at time
   * {@code t} from the closed form.
   */
  CodeBlock ratesAt(String t) {
    return CodeBlock.builder()
        .add(prologue(t))
        .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
        .addStatement("lrs[g] = $L", lr(t, "g"))
        .endControlFlow()
        .build();
  }

  /**
   * Whether stepping moves from the step before ({@link #step(String)}) rather than setting the
   * rates from the closed form of the new step: lazy schedules, which update shared state, and
   * those with no closed form (MultiplicativeLR, ReduceLROnPlateau).
   */
  boolean recurrent() {
    return lazy();
  }

  /**
   * For a {@link #recurrent()} schedule: statements that move {@code lrs} from time {@code t - 1}
   * to time {@code t >= 1}.
   */
  CodeBlock step(String t) {
    if (lazy()) {
      return lazyStep(t);
    }
    throw new UnsupportedOperationException(schedule.type() + " steps by its closed form");
  }

  /**
   * Statements that set {@code lrs} (and any state) to step 0: at construction, and where a
   * {@code @Sequential} phase restarts at its milestone.
   */
  CodeBlock restart() {
    if (lazy()) {
      return CodeBlock.builder().add(resetState()).add(fill()).build();
    }
    return ratesAt(ZERO);
  }

  /**
   * Whether the rates are a per-group constant combined with state that all groups share, so
   * that stepping updates only the shared state, once for all groups, and a read computes the
   * group's rate ({@link #read}): a step then costs the same for one group or a thousand.
   */
  boolean lazy() {
    return false;
  }

  /** For a {@link #lazy()} schedule: statements that set the shared state to step 0. */
  CodeBlock resetState() {
    throw new UnsupportedOperationException(schedule.type() + " keeps no shared state");
  }

  /** For a {@link #lazy()} schedule: statements that move the shared state to {@code t >= 1}. */
  CodeBlock advance(String t) {
    throw new UnsupportedOperationException(schedule.type() + " keeps no shared state");
  }

  /**
   * Whether some of the shared state is {@link Emitter#phaseState}: set by {@link #advance} from
   * the step alone, so that a restore rebuilds it with {@code advance} instead of reading it.
   */
  boolean keepsPhaseState() {
    return false;
  }

  /**
   * Statements that recompute what follows from the saved state but is not saved itself, run
   * after a restore; none by default.
   */
  CodeBlock rebuildDerived() {
    return CodeBlock.of("");
  }

  /**
   * Statements of {@code restoreState} that check this schedule's saved values, the locals that
   * {@link #saved} names, before the scheduler takes any of them: {@code t} is the schedule's own
   * clock at the saved step, and each value must be what stepping to {@code t} leaves, or it is
   * refused through {@code in}, the state's {@link dev.anneal.internal.StateCodec.Reader}.
   */
  CodeBlock checkSaved(String t) {
    return CodeBlock.of("");
  }

  /**
   * For a schedule alone in its config that keeps every group's rate in {@code lrs}: statements
   * of {@code restoreState} that check the saved rates, the array {@code rates}, at the saved step
   * {@code t}, beyond the finiteness checked on reading them.
   */
  CodeBlock checkSavedRates(String rates, String t) {
    return CodeBlock.of("");
  }

  /**
   * For a phase of a @Sequential config that keeps every group's rate in {@code lrs}: statements
   * of {@code restoreState} checking the saved rates {@code rates} against this phase's, while it
   * is the phase in force at its clock {@code t}: the rate that its saved state (checked before)
   * gives, computed as a step computes it ({@code t} is an expression). None where its rate
   * follows from state that is not saved, or from rates before (MultiplicativeLR, which goes on
   * from the rate in force).
   */
  CodeBlock checkSavedPhaseRates(String rates, String t) {
    CodeBlock rate = savedRead("g");
    if (rate == null) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
        .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, rate)
        .endControlFlow()
        .build();
  }

  /**
   * {@link #read} of group {@code g} from the saved values of {@code restoreState} rather than the
   * fields, or null where it reads state that is not saved.
   */
  CodeBlock savedRead(String g) {
    return null;
  }

  /** The local of {@code restoreState} holding the saved value of {@code field}. */
  /**
   * The type a call of the config's static method goes through: the config itself, through the
   * reference {@link Names#referToConfig} resolves, which a class's inherited static method is
   * reached by too; an interface's static method only through the interface.
   */
  static ClassName owner(ExecutableElement method) {
    TypeElement declaring = Methods.declaringType(method);
    return declaring.getKind() == ElementKind.INTERFACE ? ClassName.get(declaring) : Names.CONFIG_REF;
  }

  static String saved(String field) {
    return "saved" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /** Checks that every saved rate is {@code >= 0}, for the schedules whose rates cannot be negative. */
  static CodeBlock checkNonNegative(String rates) {
    return CodeBlock.builder()
        .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
        .addStatement("in.between($S, g, $N[g], 0.0, $T.POSITIVE_INFINITY)", "the rate", rates, Double.class)
        .endControlFlow()
        .build();
  }

  /**
   * Set before {@link #declare()} where this schedule, alone in its config, keeps the step count
   * in its own state ({@link #canKeepClock()}): the scheduler then keeps no {@code step}
   * field, reads the count from {@link #clock()} and steps with {@link #tick()}.
   */
  boolean keepsClock;

  /**
   * Whether this lazy schedule, alone in its config, can keep the step count within state that a
   * step updates anyway, so that a step between its rate's changes touches one field, not two.
   */
  boolean canKeepClock() {
    return false;
  }

  /**
   * The scheduler's step count, for a schedule first in its config: the {@code step} field, or
   * {@link #clock()} where this schedule keeps the count.
   */
  CodeBlock stepCount() {
    return keepsClock ? clock() : CodeBlock.of("step");
  }

  /** Where {@link #keepsClock}: the step count, from this schedule's state. */
  CodeBlock clock() {
    throw new UnsupportedOperationException(schedule.type() + " does not keep the step count");
  }

  /**
   * Where {@link #keepsClock}: whether the state this schedule does not save is rebuilt from the
   * saved step, which {@link #rebuildDerived()} then reads as {@code step}.
   */
  boolean rebuildsClockFromStep() {
    return false;
  }

  /** Where {@link #keepsClock}: one step, which moves the count kept in this schedule's state. */
  CodeBlock tick() {
    throw new UnsupportedOperationException(schedule.type() + " does not keep the step count");
  }

  /** For a {@link #lazy()} schedule: the current rate of group {@code g} from the shared state. */
  CodeBlock read(String g) {
    throw new UnsupportedOperationException(schedule.type() + " keeps no shared state");
  }

  /**
   * The field that holds group 0's current rate, set before {@link #declare()} for a schedule
   * alone in its config and for the phases of a lazy @Sequential; null where the config keeps
   * {@code lrs} and reads group 0's rate from it.
   */
  String firstRateField;

  /**
   * Whether this schedule's rates change only now and then, so that it refreshes group 0's rate
   * only where they change ({@link #keepFirst()}); otherwise every step refreshes it, from
   * {@link #firstRate()} for a lazy schedule and from {@code lrs} for the others.
   */
  boolean keepsFirstRate() {
    return false;
  }

  /**
   * Where {@link #firstRateField} is set: group 0's rate from the current state, the same
   * value as {@code read("0")}, from values of group 0 kept in fields of their own where that
   * spares a step its array reads.
   */
  CodeBlock firstRate() {
    return read("0");
  }

  /**
   * Statements refreshing group 0's ready rate after the state changed; none where the config
   * reads it from {@code lrs}.
   */
  CodeBlock keepFirst() {
    return firstRateField == null || !keepsFirstRate()
        ? CodeBlock.of("") : CodeBlock.of("$N = $L;\n", firstRateField, firstRate());
  }

  /** Writes every group's {@link #read} into {@code lrs}, where a combination keeps them there. */
  CodeBlock fill() {
    return CodeBlock.builder()
        .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
        .addStatement("lrs[g] = $L", read("g"))
        .endControlFlow()
        .build();
  }

  /** A lazy schedule steps by advancing its shared state, then filling {@code lrs}. */
  CodeBlock lazyStep(String t) {
    return CodeBlock.builder().add(advance(t)).add(fill()).build();
  }

  /**
   * PyTorch's chainable form for {@code ChainedScheduler}: the rate at time {@code t} of group
   * {@code g} from the rate {@code lr} that the schedules before it left.
   */
  abstract CodeBlock chain(String lr, String t, String g);

  /** The time of the constructor's step 0. */
  static final String ZERO = "0L";
  /** The time of a {@code step()} call, never 0. */
  static final String NEXT = "next";

  /**
   * {@code t == 0 ? whenZero : otherwise}, folded where the time is known: PyTorch's get_lr
   * treats its first call apart.
   */
  static CodeBlock atZero(String t, CodeBlock whenZero, CodeBlock otherwise) {
    if (t.equals(ZERO)) {
      return whenZero;
    }
    if (t.equals(NEXT)) {
      return otherwise;
    }
    return CodeBlock.of("$L == 0 ? $L : $L", t, whenZero, otherwise);
  }

  /**
   * Whether {@link #chain} at a step {@code t >= 1} sets the rate whatever rate it is given, as
   * PyTorch's schedulers without a chainable form do: the schedules before it in a chain then
   * change nothing from step 1 on.
   */
  boolean chainSetsRate() {
    return false;
  }

  /** Whether a closed-form prologue is needed for {@link #chain}; absolute rates need it. */
  boolean chainNeedsPrologue() {
    return false;
  }

  // Helpers for the parameters of this schedule.

  String scalar(Param param) {
    return emitter.scalar(prefix, schedule, param, ParamTable.of(schedule.type()).get(param).rule());
  }

  String perGroup(Param param) {
    return emitter.perGroup(prefix, schedule, param, ParamTable.of(schedule.type()).get(param).rule());
  }

  boolean isConstant(Param param) {
    return schedule.value(param) instanceof Value.Constant;
  }

  Object constant(Param param) {
    return schedule.constant(param);
  }

  String local(String name) {
    if (!LOCALS.contains(name)) {
      throw new IllegalArgumentException(name + " is not one of KindWriter.LOCALS");
    }
    return Emitter.fieldName(prefix, name);
  }

  /**
   * Whether PyTorch starts this schedule at a milestone of {@code @Sequential} through its closed
   * form at its own step 0 (every schedule after the first), rather than by its first step.
   */
  boolean restarted() {
    return emitter.model.combinator() == ConfigInput.Combinator.SEQUENTIAL && schedule.index() > 0;
  }

  /**
   * Whether this schedule's factor is the one PyTorch gives after a restart at a milestone, which
   * differs from its own {@code factor} only where {@code totalIters <= 0} (or is not known now).
   */
  boolean restartedTotalIters() {
    return restarted() && !(isConstant(Param.TOTAL_ITERS) && (Integer) constant(Param.TOTAL_ITERS) > 0);
  }

  /**
   * Checks a bound {@code totalIters} of a later schedule of {@code @Sequential} by the rule the
   * processor applies to a written one ({@link dev.anneal.math.SequentialLR#restartRefusal}).
   */
  void checkRestartable(String totalIters) {
    if (restarted() && !isConstant(Param.TOTAL_ITERS)) {
      emitter.constructor.addStatement("$T.restartable($N, $S)", Emitter.CHECKS, totalIters,
          schedule.type().torchName());
    }
  }

  /**
   * Whether {@code gamma} can make the rate grow without bound: written above 1 in magnitude, or
   * bound, so known only at run time. Only then does stepping check the rate for overflow.
   */
  boolean gammaMayGrow() {
    Value value = schedule.value(Param.GAMMA);
    return !(value instanceof Value.Constant constant) || Math.abs(((Number) constant.value()).doubleValue()) > 1;
  }

  private String largestBase;

  /**
   * The largest of this schedule's {@code base_lr}s in magnitude, a field set at construction;
   * declare it in {@link #declare()} where {@link #growth} is used.
   */
  String largestBase() {
    if (largestBase == null) {
      largestBase = emitter.derived(prefix, "largestBaseLr", TypeName.DOUBLE, null,
          CodeBlock.of("$T.largest($N)", Emitter.CHECKS, base),
          "The largest initial rate in magnitude: a factor that keeps it finite keeps every group's.");
    }
    return largestBase;
  }

  /**
   * {@code factor}, a factor on every group's {@code base_lr}, checked at {@code step}: a factor
   * that would take a rate past the largest double throws before anything changes.
   */
  CodeBlock growth(CodeBlock factor, Object step) {
    return CodeBlock.of("$T.growth($L, $N, $S, $L)", Emitter.CHECKS, factor, largestBase(),
        schedule.type().torchName(), scheduleStep(step));
  }

  /**
   * Where this schedule is a later phase of a {@code @Sequential} config, the milestone it starts
   * at: its clock is the scheduler's step less this.
   */
  int clockOffset;

  /** The scheduler's step for time {@code t} on this schedule's clock, for messages. */
  CodeBlock scheduleStep(Object t) {
    return clockOffset == 0 ? CodeBlock.of("$L", t) : CodeBlock.of("$L + $L", t, clockOffset);
  }

  static final ClassName MATH_STEP = ClassName.get(StepLR.class);
  static final ClassName MATH_MULTI_STEP = ClassName.get(MultiStepLR.class);
  static final ClassName MATH_CONSTANT = ClassName.get(ConstantLR.class);
  static final ClassName MATH_LINEAR = ClassName.get(LinearLR.class);
  static final ClassName MATH_EXPONENTIAL = ClassName.get(ExponentialLR.class);
  static final ClassName MATH_POLYNOMIAL = ClassName.get(PolynomialLR.class);
  static final ClassName MATH_COSINE = ClassName.get(CosineAnnealingLR.class);
  static final ClassName MATH_WARM = ClassName.get(CosineAnnealingWarmRestarts.class);
  static final ClassName MATH_CYCLIC = ClassName.get(CyclicLR.class);
  static final ClassName MATH_ONE_CYCLE = ClassName.get(OneCycleLR.class);
  static final ClassName MATH_PLATEAU = ClassName.get(ReduceLROnPlateau.class);
  static final ClassName MATH_LAMBDA = ClassName.get(LambdaLR.class);
  static final ClassName MATH_MULTIPLICATIVE = ClassName.get(MultiplicativeLR.class);
  static final ClassName MATH_STEPS = ClassName.get(Steps.class);

  /** A count of steps (or cycles) as a double: through {@link Steps#toDouble}, never a cast. */
  static CodeBlock asDouble(CodeBlock count) {
    return CodeBlock.of("$T.toDouble($L)", MATH_STEPS, count);
  }

  static CodeBlock asDouble(String count) {
    return asDouble(CodeBlock.of("$L", count));
  }

  /** Schedules of the form {@code base_lr * factor(t)}: the factor is computed once for all groups. */
  abstract static class FactorKind extends KindWriter {
    FactorKind(ScheduleModel schedule, Emitter emitter, String prefix) {
      super(schedule, emitter, prefix);
    }

    @Override
    CodeBlock prologue(String t) {
      return CodeBlock.of("double $N = $L;\n", local("stepFactor"), factor(t));
    }

    @Override
    CodeBlock lr(String t, String g) {
      return CodeBlock.of("$N[$L] * $N", base, g, local("stepFactor"));
    }

    @Override
    abstract CodeBlock factor(String t);

    /** Declares the schedule's parameters; {@link #declare} adds what group 0's rate needs. */
    abstract void declareParameters();

    private String firstBaseLr;

    @Override
    final void declare() {
      declareParameters();
      if (firstRateField != null) {
        firstBaseLr = emitter.derived(prefix, "firstBaseLr", TypeName.DOUBLE, null, CodeBlock.of("$N[0]", base),
            "{@code base_lr} of group 0, read by every step.");
      }
    }

    /**
     * The rate of every group is its {@code base_lr} times a factor of the step alone: stepping
     * moves that one factor; by default to its closed form at the new step.
     */
    @Override
    boolean lazy() {
      return true;
    }

    @Override
    CodeBlock resetState() {
      return CodeBlock.of("$N = $L;\n", shared(), factor(ZERO));
    }

    @Override
    CodeBlock advance(String t) {
      return CodeBlock.of("$N = $L;\n", shared(), factor(t));
    }

    @Override
    CodeBlock firstRate() {
      return CodeBlock.of("$N * $N", firstBaseLr, shared());
    }

    private String shared;

    /** The factor on {@code base_lr} that all groups share, for lazy stepping. */
    String shared() {
      if (shared == null) {
        shared = emitter.state(prefix, "factor", TypeName.DOUBLE, null,
            "The factor on each group's initial rate at the current step.");
      }
      return shared;
    }

    @Override
    CodeBlock read(String g) {
      return CodeBlock.of("$N[$L] * $N", base, g, shared());
    }

    /**
     * The saved factor must be the closed form's at {@code t}, to the roundings of stepping; the
     * counters a schedule keeps beside it are checked first ({@link #checkSavedCounters}).
     */
    @Override
    final CodeBlock checkSaved(String t) {
      if (shared == null) {
        return CodeBlock.of("");
      }
      return CodeBlock.builder()
          .add(checkSavedCounters(t))
          .addStatement("in.near($S, $N, $L, 0.0, $L)", shared, saved(shared), factor(t), roundings(t))
          .build();
    }

    @Override
    CodeBlock savedRead(String g) {
      return shared == null ? null : CodeBlock.of("$N[$L] * $N", base, g, saved(shared));
    }

    /** Statements checking the saved counters kept beside the factor; none by default. */
    CodeBlock checkSavedCounters(String t) {
      return CodeBlock.of("");
    }

    /**
     * How many roundings the factor that stepping leaves at {@code t} may hold beyond those of
     * the closed form: none where stepping computes the closed form, one per multiplication where
     * it multiplies.
     */
    CodeBlock roundings(String t) {
      return CodeBlock.of("0");
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class Step extends FactorKind {
    private String stepSize;
    private String gamma;
    private String period;
    private String untilDecay;

    Step(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      stepSize = scalar(Param.STEP_SIZE);
      gamma = scalar(Param.GAMMA);
      period = emitter.derived(prefix, "period", TypeName.LONG,
          isConstant(Param.STEP_SIZE) ? StepLR.period((Integer) constant(Param.STEP_SIZE)) : null,
          CodeBlock.of("$T.period($N)", MATH_STEP, stepSize), "The steps between decays, {@code |step_size|}.");
      if (gammaMayGrow()) {
        largestBase();
      }
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * gamma ^ floor(t / step_size)";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.decayFactor($N, $N, $L)", MATH_STEP, gamma, period, t);
    }

    /** The rate changes once a period, so that is where group 0's is refreshed. */
    @Override
    boolean keepsFirstRate() {
      return true;
    }

    @Override
    CodeBlock resetState() {
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("$N = 1.0", shared())
          .addStatement("$N = $N", nextDecay(), period);
      if (keepsClock) {
        code.addStatement("$N = $N", untilDecay(), period);
      }
      return code.build();
    }

    @Override
    boolean canKeepClock() {
      return true;
    }

    @Override
    CodeBlock clock() {
      return CodeBlock.of("$N - $N", nextDecay(), untilDecay());
    }

    @Override
    CodeBlock tick() {
      if (gammaMayGrow()) {
        // The decay first: where it would overflow it throws, and the countdown stays.
        return CodeBlock.builder()
            .beginControlFlow("if ($N == 1)", untilDecay())
            .add(decay())
            .addStatement("$N = $N", untilDecay(), period)
            .nextControlFlow("else")
            .addStatement("$N--", untilDecay())
            .endControlFlow()
            .build();
      }
      // A countdown to the next decay: between decays a step writes it alone, and the step
      // count follows from it and the next decay's step.
      return CodeBlock.builder()
          .beginControlFlow("if (--$N == 0)", untilDecay())
          .addStatement("$N = $N", untilDecay(), period)
          .add(decay())
          .endControlFlow()
          .build();
    }

    @Override
    boolean rebuildsClockFromStep() {
      return true;
    }

    /** A restored checkpoint holds the step and the next decay's; the countdown is between them. */
    @Override
    CodeBlock rebuildDerived() {
      return keepsClock
          ? CodeBlock.of("$N = $N - step;\n", untilDecay(), nextDecay())
          : CodeBlock.of("");
    }

    @Override
    CodeBlock advance(String t) {
      // PyTorch's recurrence, multiplying by gamma once a period; comparing the step with the
      // next decay's finds the period without a division, and stores nothing between decays.
      return CodeBlock.builder()
          .beginControlFlow("if ($L == $N)", t, nextDecay())
          .add(decay())
          .endControlFlow()
          .build();
    }

    private CodeBlock decay() {
      if (gammaMayGrow()) {
        // The step of this decay is the next decay's until it moves; the factor is checked first.
        return CodeBlock.builder()
            .addStatement("$N = $L", shared(), growth(CodeBlock.of("$N * $N", shared(), gamma), nextDecay()))
            .addStatement("$N += $N", nextDecay(), period)
            .add(keepFirst())
            .build();
      }
      return CodeBlock.builder()
          .addStatement("$N += $N", nextDecay(), period)
          .addStatement("$N *= $N", shared(), gamma)
          .add(keepFirst())
          .build();
    }

    private String nextDecay;

    private String nextDecay() {
      if (nextDecay == null) {
        nextDecay = emitter.state(prefix, "nextDecay", TypeName.LONG, null,
            "The step of the next decay, on this schedule's clock.");
        if (keepsClock) {
          untilDecay = emitter.phaseState(prefix, "untilDecay", TypeName.LONG,
              "Steps left until the next decay; the step count is {@code nextDecay - untilDecay}.");
        }
      }
      return nextDecay;
    }

    private String untilDecay() {
      nextDecay();
      return untilDecay;
    }

    /** The next decay's step follows from the step: the first multiple of the period after it. */
    @Override
    CodeBlock checkSavedCounters(String t) {
      if (nextDecay == null) {
        return CodeBlock.of("");
      }
      return CodeBlock.of("in.expect($S, $N, ($L / $N + 1) * $N);\n", nextDecay, saved(nextDecay), t, period, period);
    }

    /** One multiplication by gamma a decay. */
    @Override
    CodeBlock roundings(String t) {
      return CodeBlock.of("$L / $N", t, period);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.decaysAt($N, $L) ? $L * $N : $L", MATH_STEP, stepSize, t, lr, gamma, lr));
    }
  }

  static final class MultiStep extends FactorKind {
    private String milestones;
    private String gamma;
    private String passed;
    private String nextMilestone;

    MultiStep(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      int[] written = (int[]) constant(Param.MILESTONES);
      int[] reachable = MultiStepLR.reachable(written);
      CodeBlock.Builder array = CodeBlock.builder().add("{");
      for (int i = 0; i < reachable.length; i++) {
        array.add(i == 0 ? "$L" : ", $L", reachable[i]);
      }
      milestones = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, "milestones"),
          array.add("}").build(), "The milestones stepping reaches, sorted, repeats kept: each decays once.");
      emitter.parameterLines.add("milestones = " + java.util.Arrays.toString(written));
      gamma = scalar(Param.GAMMA);
      if (gammaMayGrow()) {
        largestBase();
      }
      passed = emitter.state(prefix, "passed", TypeName.INT, null,
          "How many milestones stepping has passed.");
      nextMilestone = emitter.phaseState(prefix, "nextMilestone", TypeName.LONG,
          "The step of the next decay, from {@code passed}: a step compares with it alone.");
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * gamma ^ (number of milestones <= t)";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $L)", MATH_MULTI_STEP, gamma, milestones, t);
    }

    /** The rate changes at the milestones, so that is where group 0's is refreshed. */
    @Override
    boolean keepsFirstRate() {
      return true;
    }

    @Override
    CodeBlock advance(String t) {
      if (gammaMayGrow()) {
        // The milestones passed are counted in a local and the factor checked before anything
        // changes: a decay that would overflow throws and leaves the state as it was.
        return CodeBlock.builder()
            .beginControlFlow("if ($L >= $N)", t, nextMilestone)
            .addStatement("int reached = $N", passed)
            .beginControlFlow("while (reached < $N.length && $N[reached] <= $L)", milestones, milestones, t)
            .addStatement("reached++")
            .endControlFlow()
            .addStatement("int hits = reached - $N", passed)
            .addStatement("$N = $L", shared(),
                growth(CodeBlock.of("$N * $T.pow($N, hits)", shared(), Math.class, gamma), t))
            .addStatement("$N = reached", passed)
            .add(findNextMilestone())
            .add(keepFirst())
            .endControlFlow()
            .build();
      }
      // PyTorch's recurrence: at a milestone listed k times the rate is multiplied by gamma^k.
      return CodeBlock.builder()
          .beginControlFlow("if ($L >= $N)", t, nextMilestone)
          .addStatement("int hits = 0")
          .beginControlFlow("while ($N < $N.length && $N[$N] <= $L)", passed, milestones, milestones, passed, t)
          .addStatement("$N++", passed)
          .addStatement("hits++")
          .endControlFlow()
          .add(findNextMilestone())
          .addStatement("$N *= hits == 1 ? $N : $T.pow($N, hits)", shared(), gamma, Math.class, gamma)
          .add(keepFirst())
          .endControlFlow()
          .build();
    }

    @Override
    CodeBlock resetState() {
      return CodeBlock.builder()
          .addStatement("$N = 0", passed)
          .addStatement("$N = 1.0", shared())
          .add(findNextMilestone())
          .add(advance(ZERO))
          .build();
    }

    private CodeBlock findNextMilestone() {
      return CodeBlock.of("$N = $T.next($N, $N);\n", nextMilestone, MATH_MULTI_STEP, milestones, passed);
    }

    @Override
    CodeBlock rebuildDerived() {
      return findNextMilestone();
    }

    /** The milestones passed follow from the step. */
    @Override
    CodeBlock checkSavedCounters(String t) {
      return CodeBlock.of("in.expect($S, $N, $T.passed($N, $L));\n", passed, saved(passed), MATH_MULTI_STEP,
          milestones, t);
    }

    /** One multiplication a milestone passed, by gamma or a power of it. */
    @Override
    CodeBlock roundings(String t) {
      return CodeBlock.of("2L * $N", saved(passed));
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$L * $T.pow($N, $T.passed($N, $L) - $T.passed($N, $L - 1))", lr, Math.class, gamma,
          MATH_MULTI_STEP, milestones, t, MATH_MULTI_STEP, milestones, t);
    }
  }

  static final class Constant extends FactorKind {
    private String factor;
    private String totalIters;

    Constant(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      factor = scalar(Param.FACTOR);
      totalIters = scalar(Param.TOTAL_ITERS);
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * factor   if t < total_iters\n"
          + "      = base_lr            otherwise";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $L)", MATH_CONSTANT,
          restartedTotalIters() ? "restartedFactor" : "factor", factor, totalIters, t);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L * $N", lr, factor),
          CodeBlock.of("$L == $N ? $L * (1.0 / $N) : $L", t, totalIters, lr, factor, lr));
    }
  }

  static final class Linear extends FactorKind {
    private String startFactor;
    private String endFactor;
    private String totalIters;

    Linear(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      startFactor = scalar(Param.START_FACTOR);
      endFactor = scalar(Param.END_FACTOR);
      totalIters = scalar(Param.TOTAL_ITERS);
      checkRestartable(totalIters);
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * (start_factor + (end_factor - start_factor)"
          + " * min(t, total_iters) / total_iters)";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $N, $L)", MATH_LINEAR,
          restartedTotalIters() ? "restartedFactor" : "factor", startFactor, endFactor, totalIters, t);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L * $N", lr, startFactor),
          CodeBlock.of("$L * $T.ratio($N, $N, $N, $L)", lr, MATH_LINEAR, startFactor, endFactor, totalIters, t));
    }
  }

  static final class Exponential extends FactorKind {
    private String gamma;

    Exponential(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      gamma = scalar(Param.GAMMA);
      if (gammaMayGrow()) {
        largestBase();
      }
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * gamma ^ t";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $L)", MATH_EXPONENTIAL, gamma, t);
    }

    @Override
    CodeBlock resetState() {
      return CodeBlock.of("$N = 1.0;\n", shared());
    }

    @Override
    CodeBlock advance(String t) {
      CodeBlock next = CodeBlock.of("$T.next($N, $N, $L)", MATH_EXPONENTIAL, shared(), gamma, t);
      return CodeBlock.of("$N = $L;\n", shared(), gammaMayGrow() ? growth(next, t) : next);
    }

    /** One multiplication a step since the factor was last set to gamma^t. */
    @Override
    CodeBlock roundings(String t) {
      return CodeBlock.of("($L & ($T.RESYNC_PERIOD - 1))", t, MATH_EXPONENTIAL);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr), CodeBlock.of("$L * $N", lr, gamma));
    }
  }

  static final class Polynomial extends FactorKind {
    private String totalIters;
    private String power;

    Polynomial(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declareParameters() {
      totalIters = scalar(Param.TOTAL_ITERS);
      power = scalar(Param.POWER);
      checkRestartable(totalIters);
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * (1 - min(t, total_iters) / total_iters) ^ power";
    }

    @Override
    CodeBlock factor(String t) {
      return CodeBlock.of("$T.$L($N, $N, $L)", MATH_POLYNOMIAL,
          restartedTotalIters() ? "restartedFactor" : "factor", totalIters, power, t);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$L * $T.ratio($N, $N, $L)", lr, MATH_POLYNOMIAL, totalIters, power, t));
    }
  }

  /**
   * The cosine schedules: {@code eta_min} plus each group's {@code (base_lr - eta_min) / 2} times a
   * wave that all groups share.
   */
  abstract static class CosineKind extends KindWriter {
    String etaMin;
    String halfAmplitude;
    private String firstHalfAmplitude;

    CosineKind(ScheduleModel schedule, Emitter emitter, String prefix) {
      super(schedule, emitter, prefix);
    }

    /** The field holding {@code 1 + cos(...)} at the current step. */
    abstract String wave();

    /** Declares each group's {@code (base_lr - eta_min) / 2}; {@link #etaMin} must be set. */
    void declareHalfAmplitudes() {
      halfAmplitude = emitter.groupArray(prefix, "halfAmplitude",
          CodeBlock.of("$T.halfAmplitude($N[g], $N)", MATH_COSINE, base, etaMin),
          "{@code (base_lr - eta_min) / 2} of each group.");
    }

    /**
     * Where group 0's rate is kept: its {@code (base_lr - eta_min) / 2} in a field of its own, so
     * that a step reads no array.
     */
    void declareFirstHalfAmplitude() {
      if (firstRateField != null) {
        firstHalfAmplitude = emitter.derived(prefix, "firstHalfAmplitude", TypeName.DOUBLE, null,
            CodeBlock.of("$N[0]", halfAmplitude), "{@code (base_lr - eta_min) / 2} of group 0, read by every step.");
      }
    }

    @Override
    CodeBlock read(String g) {
      return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, wave());
    }

    @Override
    CodeBlock savedRead(String g) {
      return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, saved(wave()));
    }

    @Override
    CodeBlock firstRate() {
      return CodeBlock.of("$T.lr($N, $N, $N)", MATH_COSINE, etaMin, firstHalfAmplitude, wave());
    }
  }

  static final class Cosine extends CosineKind {
    private String tMax;
    private String omega;
    private String period;
    private String wave;

    Cosine(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declare() {
      tMax = scalar(Param.T_MAX);
      etaMin = scalar(Param.ETA_MIN);
      omega = emitter.derived(prefix, "omega", TypeName.DOUBLE,
          isConstant(Param.T_MAX) ? CosineAnnealingLR.omega((Integer) constant(Param.T_MAX)) : null,
          CodeBlock.of("$T.omega($N)", MATH_COSINE, tMax), "{@code pi / T_max}.");
      period = emitter.derived(prefix, "period", TypeName.LONG,
          isConstant(Param.T_MAX) ? CosineAnnealingLR.period((Integer) constant(Param.T_MAX)) : null,
          CodeBlock.of("$T.period($N)", MATH_COSINE, tMax), "The cosine's period in steps, {@code 2 |T_max|}.");
      declareHalfAmplitudes();
      wave = emitter.state(prefix, "wave", TypeName.DOUBLE, null,
          "{@code 1 + cos(pi * t / T_max)} at the current step, shared by the groups.");
      declareFirstHalfAmplitude();
    }

    @Override
    String formula() {
      return "lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2\n"
          + "with t taken modulo 2 * T_max exactly, so the angle keeps its precision on long runs";
    }

    private CodeBlock waveAt(String t) {
      return CodeBlock.of("$T.wave($N, $T.positionInPeriod($L, $N))", MATH_COSINE, omega, MATH_COSINE, t, period);
    }

    @Override
    CodeBlock prologue(String t) {
      return CodeBlock.of("double $N = $L;\n", local("stepWave"), waveAt(t));
    }

    @Override
    CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, local("stepWave"));
    }

    /**
     * Stepping computes the closed form, not PyTorch's recurrence: the recurrence's rounding
     * compounds (see {@link CosineAnnealingLR}), and a step by the closed form costs one cosine for
     * all groups, the same as a step of the recurrence.
     */
    @Override
    boolean lazy() {
      return true;
    }

    @Override
    CodeBlock resetState() {
      return CodeBlock.of("$N = $L;\n", wave, waveAt(ZERO));
    }

    @Override
    CodeBlock advance(String t) {
      return CodeBlock.of("$N = $L;\n", wave, waveAt(t));
    }

    @Override
    String wave() {
      return wave;
    }

    /** The wave is the closed form's at the step; values in [0, 2]. */
    @Override
    CodeBlock checkSaved(String t) {
      return CodeBlock.of("in.near($S, $N, $L, 2.0, 0);\n", wave, saved(wave), waveAt(t));
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.chain($L, $N[$L], $N, $N, $L)", MATH_COSINE, lr, base, g, etaMin, tMax, t));
    }
  }

  static final class WarmRestarts extends CosineKind {
    private String t0;
    private String tMult;
    private String tCur;
    private String tI;

    WarmRestarts(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declare() {
      t0 = scalar(Param.T_0);
      tMult = scalar(Param.T_MULT);
      etaMin = scalar(Param.ETA_MIN);
      declareHalfAmplitudes();
      tCur = emitter.state(prefix, "tCur", TypeName.LONG, null,
          "PyTorch's {@code T_cur}: steps since the last restart.");
      tI = emitter.state(prefix, "tI", TypeName.LONG, null,
          "PyTorch's {@code T_i}: the length of the current cycle.");
      declareFirstHalfAmplitude();
    }

    @Override
    String formula() {
      return "lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2,\n"
          + "T_cur = steps since the last restart, T_i = T_0 * T_mult ^ (number of restarts)";
    }

    @Override
    CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.lrAt($N, $N[$L], $N, $N, $L)", MATH_WARM, etaMin, halfAmplitude, g, t0, tMult, t);
    }

    @Override
    boolean lazy() {
      return true;
    }

    @Override
    CodeBlock resetState() {
      return CodeBlock.builder()
          .addStatement("$N = 0", tCur)
          .addStatement("$N = $N", tI, t0)
          .addStatement("$N = $T.omega($N)", omega(), MATH_COSINE, t0)
          .addStatement("$N = 2.0", wave())
          .build();
    }

    @Override
    CodeBlock advance(String t) {
      // PyTorch's bookkeeping of T_cur and T_i, with pi / T_i kept for the cycle.
      return CodeBlock.builder()
          .addStatement("$N++", tCur)
          .beginControlFlow("if ($N >= $N)", tCur, tI)
          .addStatement("$N -= $N", tCur, tI)
          .addStatement("$N *= $N", tI, tMult)
          .addStatement("$N = $T.omega($N)", omega(), MATH_COSINE, tI)
          .endControlFlow()
          .addStatement("$N = $T.wave($N, $N)", wave(), MATH_COSINE, omega(), tCur)
          .build();
    }

    private String omega;
    private String wave;

    private String omega() {
      if (omega == null) {
        omega = emitter.state(prefix, "omega", TypeName.DOUBLE, null, "{@code pi / T_i} of the current cycle.");
      }
      return omega;
    }

    @Override
    String wave() {
      if (wave == null) {
        wave = emitter.state(prefix, "wave", TypeName.DOUBLE, null,
            "{@code 1 + cos(pi * T_cur / T_i)}, the same for every group.");
      }
      return wave;
    }

    /**
     * {@code T_cur} and {@code T_i} follow from the step by PyTorch's bookkeeping, and the cycle's
     * {@code pi / T_i} and the wave from them.
     */
    @Override
    CodeBlock checkSaved(String t) {
      String tCurAt = local("tCurAt");
      String tIAt = local("tIAt");
      return CodeBlock.builder()
          .addStatement("long $N = $L", tCurAt, t)
          .addStatement("long $N = $N", tIAt, t0)
          .beginControlFlow("if ($N == 1)", tMult)
          .addStatement("$N = $L % $N", tCurAt, t, t0)
          .nextControlFlow("else")
          .beginControlFlow("while ($N >= $N && $N <= $T.MAX_VALUE / $N)", tCurAt, tIAt, tIAt, Long.class, tMult)
          .addStatement("$N -= $N", tCurAt, tIAt)
          .addStatement("$N *= $N", tIAt, tMult)
          .endControlFlow()
          .endControlFlow()
          .addStatement("in.expect($S, $N, $N)", tCur, saved(tCur), tCurAt)
          .addStatement("in.expect($S, $N, $N)", tI, saved(tI), tIAt)
          .addStatement("in.near($S, $N, $T.omega($N), 0.0, 0)", omega(), saved(omega()), MATH_COSINE, tIAt)
          .addStatement("in.near($S, $N, $T.wave($T.omega($N), $N), 2.0, 0)", wave(), saved(wave()), MATH_COSINE,
              MATH_COSINE, tIAt, tCurAt)
          .build();
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return lr(t, g);
    }

    @Override
    boolean chainSetsRate() {
      return true;
    }
  }

  static final class Lambda extends KindWriter {
    /** Set where the functions are MultiplicativeLR's, whose factors multiply the current rates. */
    boolean multiplies;

    Lambda(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    List<ExecutableElement> methods() {
      return schedule.methods().get(Param.LR_LAMBDA);
    }

    @Override
    void declare() {
      List<ExecutableElement> methods = methods();
      StringBuilder names = new StringBuilder();
      for (ExecutableElement method : methods) {
        names.append(names.length() == 0 ? "" : ", ").append(method.getSimpleName()).append("()");
      }
      emitter.parameterLines.add("lr_lambda = " + names);
      if (methods.size() == 1 && !multiplies) {
        largestBase();
      }
      if (methods.size() > 1) {
        emitter.constructor.beginControlFlow("if (groups != $L)", methods.size())
            .addStatement("throw new $T($S + groups + $S)", IllegalArgumentException.class,
                schedule.type().torchName() + ": expected ",
                " lr_lambdas (lrLambda), one per parameter group, got " + methods.size())
            .endControlFlow();
      }
    }

    /** The factor of group {@code g} at {@code t}: a direct call of the config's method. */
    CodeBlock call(String t, String g) {
      List<ExecutableElement> methods = methods();
      if (methods.size() == 1) {
        return callOne(methods.get(0), t);
      }
      CodeBlock.Builder select = CodeBlock.builder();
      for (int i = 0; i < methods.size() - 1; i++) {
        select.add("$L == $L ? $L : ", g, i, callOne(methods.get(i), t));
      }
      return select.add("$L", callOne(methods.get(methods.size() - 1), t)).build();
    }

    /**
     * A call of the config's method, its result checked: a factor that is NaN, infinite or
     * negative would reach the optimizer as such a rate.
     */
    private CodeBlock callOne(ExecutableElement method, String t) {
      ClassName config = owner(method);
      String name = method.getSimpleName().toString();
      CodeBlock call = Methods.takesInt(method)
          ? CodeBlock.of("$T.$N($T.intStep($L, $S))", config, name, Emitter.CHECKS, t, name + "(int)")
          : CodeBlock.of("$T.$N($L)", config, name, t);
      return CodeBlock.of("$T.factor($L, $S, $L)", Emitter.CHECKS, call, schedule.type().torchName() + ": " + name, t);
    }

    @Override
    String formula() {
      return "lr(t) = base_lr * lr_lambda(t)";
    }

    /**
     * The factor for all groups, where one function serves them all: checked against the largest
     * {@code base_lr}, so that no group's rate overflows and a refused step changes nothing.
     */
    @Override
    CodeBlock prologue(String t) {
      if (methods().size() == 1) {
        return CodeBlock.of("double $N = $L;\n", local("lambda"), growth(call(t, "0"), t));
      }
      return CodeBlock.of("");
    }

    /** With a function per group, each group's rate is checked. */
    @Override
    CodeBlock lr(String t, String g) {
      if (methods().size() == 1) {
        return CodeBlock.of("$T.lr($N[$L], $N)", MATH_LAMBDA, base, g, local("lambda"));
      }
      return CodeBlock.of("$T.rate($T.lr($N[$L], $L), $S, $L)", Emitter.CHECKS, MATH_LAMBDA, base, g, call(t, g),
          schedule.type().torchName(), scheduleStep(t));
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$T.lr($N[$L], $L)", MATH_LAMBDA, base, g, call(t, g));
    }

    /**
     * The rates are the closed form's at the step, which calls the config's functions; a function
     * that refuses the step (an {@code int} parameter past {@code Integer.MAX_VALUE}, a value that
     * is no factor) means that no run saved it.
     */
    @Override
    CodeBlock checkSavedPhaseRates(String rates, String t) {
      return checkSavedRates(rates, t);
    }

    @Override
    CodeBlock checkSavedRates(String rates, String t) {
      return CodeBlock.builder()
          .beginControlFlow("try")
          .add(prologue(t))
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, lr(t, "g"))
          .endControlFlow()
          .nextControlFlow("catch ($T | $T e)", IllegalStateException.class, ArithmeticException.class)
          .addStatement("throw in.refusedBy(e)")
          .endControlFlow()
          .build();
    }

    @Override
    boolean chainSetsRate() {
      return true;
    }
  }

  static final class Multiplicative extends KindWriter {
    private final Lambda lambda;

    Multiplicative(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
      this.lambda = new Lambda(s, e, p);
      this.lambda.multiplies = true;
    }

    @Override
    void declare() {
      lambda.declare();
    }

    @Override
    String formula() {
      return "lr(0) = base_lr, lr(t) = lr(t - 1) * lr_lambda(t)";
    }

    @Override
    boolean closedForm() {
      return false;
    }

    @Override
    CodeBlock lr(String t, String g) {
      throw new UnsupportedOperationException("MultiplicativeLR has no closed form");
    }

    @Override
    boolean recurrent() {
      return true;
    }

    /**
     * One function for all groups: its factor is checked against the largest current rate before
     * any rate changes. A function per group: each group's new rate is checked.
     */
    @Override
    CodeBlock step(String t) {
      String name = schedule.type().torchName();
      if (lambda.methods().size() == 1) {
        return CodeBlock.builder()
            .addStatement("double $N = $T.growth($L, $T.largest(lrs), $S, $L)", local("lambda"), Emitter.CHECKS,
                lambda.call(t, "0"), Emitter.CHECKS, name, scheduleStep(t))
            .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
            .addStatement("lrs[g] = $T.next(lrs[g], $N)", MATH_MULTIPLICATIVE, local("lambda"))
            .endControlFlow()
            .build();
      }
      return CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $T.rate($T.next(lrs[g], $L), $S, $L)", Emitter.CHECKS, MATH_MULTIPLICATIVE,
              lambda.call(t, "g"), name, scheduleStep(t))
          .endControlFlow()
          .build();
    }

    @Override
    CodeBlock restart() {
      return CodeBlock.of("$T.arraycopy($N, 0, lrs, 0, lrs.length);\n", System.class, base);
    }

    /** Initial rates and factors are {@code >= 0}, and so are their products. */
    @Override
    CodeBlock checkSavedRates(String rates, String t) {
      return checkNonNegative(rates);
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.next($L, $L)", MATH_MULTIPLICATIVE, lr, lambda.call(t, g)));
    }
  }

  /** Shared by CyclicLR and OneCycleLR: both drive momentum too, unless told not to. */
  abstract static class MomentumKind extends KindWriter {
    MomentumKind(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    boolean cyclesMomentum() {
      return (Boolean) constant(Param.CYCLE_MOMENTUM);
    }

    /** The momentum of group {@code g} at {@code t}, after {@link #prologue}. */
    abstract CodeBlock momentum(String t, String g);

    /** For a {@link #lazy()} schedule: the current momentum of group {@code g}. */
    CodeBlock readMomentum(String g) {
      throw new UnsupportedOperationException(schedule.type() + " keeps no shared state");
    }

    @Override
    boolean chainNeedsPrologue() {
      return true;
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      return lr(t, g);
    }

    /** CyclicLR after another schedule passes its rate on at step 0 only ({@link Cyclic#chain}). */
    @Override
    boolean chainSetsRate() {
      return true;
    }
  }

  static final class Cyclic extends MomentumKind {
    private String baseLr;
    private String maxLr;
    private String baseMomentum;
    private String maxMomentum;
    private String gamma;

    Cyclic(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    @Override
    void declare() {
      baseLr = perGroup(Param.BASE_LR);
      maxLr = perGroup(Param.MAX_LR);
      String up = scalar(Param.STEP_SIZE_UP);
      String down = schedule.value(Param.STEP_SIZE_DOWN) == schedule.value(Param.STEP_SIZE_UP)
          ? up : scalar(Param.STEP_SIZE_DOWN);
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
    private void declareStepping(String upName, String downName) {
      boolean constant = isConstant(Param.STEP_SIZE_UP) && isConstant(Param.STEP_SIZE_DOWN);
      Integer upValue = constant ? (Integer) constant(Param.STEP_SIZE_UP) : null;
      Integer downValue = constant ? (Integer) constant(Param.STEP_SIZE_DOWN) : null;
      up = upName;
      cycleLength = emitter.derived(prefix, "cycleLength", TypeName.LONG,
          constant ? CyclicLR.cycleLength(upValue, downValue) : null,
          CodeBlock.of("$T.cycleLength($N, $N)", MATH_CYCLIC, upName, downName),
          "{@code step_size_up + step_size_down}, in steps.");
      inverseUp = emitter.derived(prefix, "inverseUp", TypeName.DOUBLE,
          constant ? CyclicLR.inverse(upValue) : null,
          CodeBlock.of("$T.inverse($N)", MATH_CYCLIC, upName), "{@code 1 / step_size_up}.");
      inverseDown = emitter.derived(prefix, "inverseDown", TypeName.DOUBLE,
          constant ? CyclicLR.inverse(downValue) : null,
          CodeBlock.of("$T.inverse($N)", MATH_CYCLIC, downName),
          "{@code 1 / step_size_down} (0 where there is no falling half).");
      height = emitter.groupArray(prefix, "height", CodeBlock.of("$N[g] - $N[g]", maxLr, baseLr),
          "{@code max_lr - base_lr} of each group.");
      if (firstRateField != null) {
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
        if (firstRateField != null) {
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
      if (firstRateField != null) {
        code.addStatement("$N = $T.slope($N, $N, $N)", firstUpSlope, MATH_CYCLIC, firstHeight, amplitude, inverseUp)
            .addStatement("$N = $T.slope($N, $N, $N)", firstDownSlope, MATH_CYCLIC, firstHeight, amplitude,
                inverseDown);
      }
      return code.build();
    }

    /** The slopes are those {@code startSlopes} computes from the saved amplitude. */
    @Override
    CodeBlock savedRead(String g) {
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
    CodeBlock rebuildDerived() {
      return perCycle() ? slopes() : CodeBlock.of("");
    }

    /**
     * The position in the cycle and the cycle follow from the step, the amplitude from them as on
     * the step, and where it is kept the level from the position and the amplitude.
     */
    @Override
    CodeBlock checkSaved(String t) {
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

    /** The cycle and the position in it are the step count, where the amplitude follows the cycle. */
    @Override
    boolean canKeepClock() {
      return perCycle();
    }

    @Override
    CodeBlock clock() {
      return CodeBlock.of("($N - 1) * $N + $N", cycle, cycleLength, position);
    }

    @Override
    CodeBlock tick() {
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
    CodeBlock firstRate() {
      if (perCycle()) {
        return CodeBlock.of("$T.onSlopes($N, $N, $N, $N, $N, $N)", MATH_CYCLIC, firstBaseLr, position, up,
            cycleLength, firstUpSlope, firstDownSlope);
      }
      return CodeBlock.of("$T.level($N, $N, $N)", MATH_CYCLIC, firstBaseLr, firstHeight, level);
    }

    /** Whether the amplitude function takes the cycle rather than the step. */
    private boolean perCycle() {
      return scaleFn() != null ? constant(Param.SCALE_MODE) == ScaleMode.CYCLE : constant(Param.MODE) != Mode.EXP_RANGE;
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

    @Override
    boolean lazy() {
      return true;
    }

    /** The amplitude first: a config's {@code scale_fn} that refuses its value then changes nothing. */
    @Override
    CodeBlock resetState() {
      return CodeBlock.builder()
          .addStatement("$N = $L", amplitude, amplitudeOf(CodeBlock.of("1.0"), ZERO))
          .addStatement("$N = 0", position)
          .addStatement("$N = 1", cycle)
          .add(perCycle() ? slopes() : CodeBlock.of("$N = 0.0;\n", level))
          .build();
    }

    @Override
    CodeBlock advance(String t) {
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
    CodeBlock read(String g) {
      if (perCycle()) {
        return CodeBlock.of("$T.onSlopes($N[$L], $N, $N, $N, $N[$L], $N[$L])", MATH_CYCLIC, baseLr, g, position, up,
            cycleLength, upSlope, g, downSlope, g);
      }
      return CodeBlock.of("$T.level($N[$L], $N[$L], $N)", MATH_CYCLIC, baseLr, g, height, g, level);
    }

    @Override
    CodeBlock readMomentum(String g) {
      return CodeBlock.of("$T.momentumLevel($N[$L], $N[$L], $L)", MATH_CYCLIC, maxMomentum, g, momentumHeight, g,
          levelNow());
    }

    @Override
    String initialRates() {
      return baseLr;
    }

    /**
     * When PyTorch constructs a CyclicLR after another scheduler, its first value comes from the
     * optimizer's {@code initial_lr} (its own {@code base_lr} is installed only after that step), so
     * in a chain its step 0 passes that rate on.
     */
    @Override
    CodeBlock chain(String lr, String t, String g) {
      if (schedule.index() == 0) {
        return lr(t, g);
      }
      return atZero(t, CodeBlock.of("$N[$L]", base, g), lr(t, g));
    }

    private ExecutableElement scaleFn() {
      List<ExecutableElement> methods = schedule.methods().get(Param.SCALE_FN);
      return methods == null || methods.isEmpty() ? null : methods.get(0);
    }

    private boolean usesGamma() {
      return scaleFn() == null && constant(Param.MODE) == Mode.EXP_RANGE;
    }

    @Override
    String formula() {
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
    CodeBlock prologue(String t) {
      return CodeBlock.builder()
          .addStatement("double $N = $L", local("amplitudeAt"),
              amplitudeOf(asDouble(CodeBlock.of("$L / $N + 1", t, cycleLength)), t))
          .addStatement("double $N = $T.scaleAt($L % $N, $N, $N, $N, $N) * $N", local("levelAt"), MATH_CYCLIC,
              t, cycleLength, up, inverseUp, cycleLength, inverseDown, local("amplitudeAt"))
          .build();
    }

    @Override
    CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.level($N[$L], $N[$L], $N)", MATH_CYCLIC, baseLr, g, height, g, local("levelAt"));
    }

    @Override
    CodeBlock momentum(String t, String g) {
      return CodeBlock.of("$T.momentumLevel($N[$L], $N[$L], $N)", MATH_CYCLIC, maxMomentum, g, momentumHeight, g,
          local("levelAt"));
    }
  }

  static final class OneCycle extends MomentumKind {
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

    OneCycle(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    boolean threePhase() {
      return (Boolean) constant(Param.THREE_PHASE);
    }

    boolean cos() {
      return constant(Param.ANNEAL_STRATEGY) == AnnealStrategy.COS;
    }

    @Override
    void declare() {
      maxLr = perGroup(Param.MAX_LR);
      Integer knownTotal;
      if (schedule.values().containsKey(Param.TOTAL_STEPS)) {
        totalSteps = scalar(Param.TOTAL_STEPS);
        knownTotal = isConstant(Param.TOTAL_STEPS) ? (Integer) constant(Param.TOTAL_STEPS) : null;
      } else {
        // PyTorch's total_steps = epochs * steps_per_epoch, each checked on its own first.
        String epochs = scalar(Param.EPOCHS);
        String stepsPerEpoch = scalar(Param.STEPS_PER_EPOCH);
        knownTotal = isConstant(Param.EPOCHS) && isConstant(Param.STEPS_PER_EPOCH)
            ? OneCycleLR.totalSteps((Integer) constant(Param.EPOCHS), (Integer) constant(Param.STEPS_PER_EPOCH))
            : null;
        totalSteps = emitter.derived(prefix, "totalSteps", TypeName.INT, knownTotal,
            CodeBlock.of("$T.totalSteps($N, $N)", MATH_ONE_CYCLE, epochs, stepsPerEpoch),
            "{@code total_steps = epochs * steps_per_epoch}.");
      }
      totalKnown = knownTotal != null;
      String pctStart = scalar(Param.PCT_START);
      String divFactor = scalar(Param.DIV_FACTOR);
      String finalDivFactor = scalar(Param.FINAL_DIV_FACTOR);
      boolean constant = knownTotal != null && isConstant(Param.PCT_START);
      Integer total = constant ? knownTotal : null;
      Double pct = constant ? (Double) constant(Param.PCT_START) : null;
      warmupEnd = emitter.derived(prefix, "warmupEnd", TypeName.DOUBLE,
          constant ? OneCycleLR.warmupEnd(total, pct) : null,
          CodeBlock.of("$T.warmupEnd($N, $N)", MATH_ONE_CYCLE, totalSteps, pctStart),
          "The last step of the rising phase, {@code pct_start * total_steps - 1}.");
      if (threePhase()) {
        returnEnd = emitter.derived(prefix, "returnEnd", TypeName.DOUBLE,
            constant ? OneCycleLR.returnEnd(total, pct) : null,
            CodeBlock.of("$T.returnEnd($N, $N)", MATH_ONE_CYCLE, totalSteps, pctStart),
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
            totalSteps, pctStart, threePhase());
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
      if (firstRateField != null) {
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
    CodeBlock firstRate() {
      return CodeBlock.of("$T.$L($N, $N, $N)", MATH_ONE_CYCLE, cos() ? "onCosine" : "onLine", firstEnd, firstSpan,
          weight);
    }

    private String inverseOf(String name, String span, String why) {
      return emitter.derived(prefix, name, TypeName.DOUBLE,
          emitter.folded(span) != null ? OneCycleLR.inverse(emitter.folded(span)) : null,
          CodeBlock.of("$T.inverse($N)", MATH_ONE_CYCLE, span), why);
    }

    @Override
    boolean lazy() {
      return true;
    }

    @Override
    boolean keepsPhaseState() {
      return true;
    }

    /** Its state is rebuilt from the step, which cannot be past the end. */
    @Override
    CodeBlock checkSaved(String t) {
      return CodeBlock.of("in.consistent($L <= $N, $S + $L + $S + $N);\n", t, totalSteps, "the step count ", t,
          " is past OneCycleLR's end, totalSteps (total_steps) = ", totalSteps);
    }

    @Override
    CodeBlock resetState() {
      return advance(ZERO);
    }

    /**
     * Stepping, construction and a restore all place the step in its phase: one private method,
     * declared with the state it sets, instead of the same block three times.
     */
    @Override
    CodeBlock advance(String t) {
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
      if (firstRateField != null) {
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
    CodeBlock read(String g) {
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          from, g, to, g, weight);
    }

    @Override
    CodeBlock readMomentum(String g) {
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          momentumFrom, g, momentumTo, g, weight);
    }

    String totalSteps() {
      return totalSteps;
    }

    /** Whether {@code total_steps} is known now, written or from written epochs. */
    boolean totalKnown() {
      return totalKnown;
    }

    @Override
    String initialRates() {
      return initialLr;
    }

    @Override
    String formula() {
      return threePhase()
          ? "initial_lr -> max_lr over pct_start * total_steps, back to initial_lr over as many,\n"
              + "then on to min_lr at total_steps; momentum the opposite way ("
              + (cos() ? "cosine" : "linear") + " annealing)"
          : "initial_lr -> max_lr over pct_start * total_steps, then down to min_lr at total_steps;\n"
              + "momentum the opposite way (" + (cos() ? "cosine" : "linear") + " annealing)";
    }

    /** The phase of {@code t}: its index, and the weight given to its end value. */
    @Override
    CodeBlock prologue(String t) {
      String position = local("stepPosition");
      CodeBlock.Builder code = CodeBlock.builder()
          .add(positionOf(t))
          .addStatement("int $N", local("phaseAt"))
          .addStatement("double $N", local("pct"))
          .beginControlFlow("if ($N <= $N)", position, warmupEnd)
          .addStatement("$N = 0", local("phaseAt"))
          .addStatement("$N = $N / $N", local("pct"), position, warmupEnd);
      if (threePhase()) {
        code.nextControlFlow("else if ($N <= $N)", position, returnEnd)
            .addStatement("$N = 1", local("phaseAt"))
            .addStatement("$N = ($N - $N) / $N", local("pct"), position, warmupEnd, returnSpan)
            .nextControlFlow("else")
            .addStatement("$N = 2", local("phaseAt"))
            .addStatement("$N = ($N - $N) / $N", local("pct"), position, returnEnd, lastSpan);
      } else {
        code.nextControlFlow("else")
            .addStatement("$N = 1", local("phaseAt"))
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

    private CodeBlock anneal(String start, String end, String g) {
      return CodeBlock.of("$T.$L($N[$L], $N[$L], $N)", MATH_ONE_CYCLE, cos() ? "annealCos" : "annealLinear",
          start, g, end, g, local("weightAt"));
    }

    @Override
    CodeBlock lr(String t, String g) {
      String phase = local("phaseAt");
      if (threePhase()) {
        return CodeBlock.of("$N == 0 ? $L : $N == 1 ? $L : $L", phase, anneal(initialLr, maxLr, g), phase,
            anneal(maxLr, initialLr, g), anneal(initialLr, minLr, g));
      }
      return CodeBlock.of("$N == 0 ? $L : $L", phase, anneal(initialLr, maxLr, g), anneal(maxLr, minLr, g));
    }

    @Override
    CodeBlock momentum(String t, String g) {
      String phase = local("phaseAt");
      if (threePhase()) {
        return CodeBlock.of("$N == 0 ? $L : $N == 1 ? $L : $L", phase, anneal(maxMomentum, baseMomentum, g), phase,
            anneal(baseMomentum, maxMomentum, g), anneal(maxMomentum, maxMomentum, g));
      }
      return CodeBlock.of("$N == 0 ? $L : $L", phase, anneal(maxMomentum, baseMomentum, g),
          anneal(baseMomentum, maxMomentum, g));
    }
  }

  static final class Plateau extends KindWriter {
    Plateau(ScheduleModel s, Emitter e, String p) {
      super(s, e, p);
    }

    private String factor;
    private String patience;
    private String cooldown;
    private String eps;
    private String minLr;
    private String threshold;
    private String best;
    private String badSteps;
    private String cooldownLeft;

    @Override
    void declare() {
      Mode mode = (Mode) constant(Param.MODE);
      ThresholdMode thresholdMode = (ThresholdMode) constant(Param.THRESHOLD_MODE);
      emitter.parameterLines.add("mode = " + mode.torchName() + ", threshold_mode = " + thresholdMode.torchName());
      factor = scalar(Param.FACTOR);
      patience = scalar(Param.PATIENCE);
      String rawThreshold = scalar(Param.THRESHOLD);
      cooldown = scalar(Param.COOLDOWN);
      eps = scalar(Param.EPS);
      minLr = perGroup(Param.MIN_LR);
      if (thresholdMode == ThresholdMode.REL) {
        boolean constant = isConstant(Param.THRESHOLD);
        double folded = constant ? (mode == Mode.MIN ? 1. - (Double) constant(Param.THRESHOLD)
            : (Double) constant(Param.THRESHOLD) + 1.) : 0;
        threshold = emitter.derived(prefix, "relEpsilon", TypeName.DOUBLE, constant ? folded : null,
            mode == Mode.MIN ? CodeBlock.of("1. - $N", rawThreshold) : CodeBlock.of("$N + 1.", rawThreshold),
            mode == Mode.MIN ? "{@code 1 - threshold}: an improvement is below {@code best * relEpsilon}."
                : "{@code threshold + 1}: an improvement is above {@code best * relEpsilon}.");
      } else {
        threshold = rawThreshold;
      }
      best = emitter.state(prefix, "best", TypeName.DOUBLE,
          CodeBlock.of("$T.$L", Double.class, mode == Mode.MIN ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY"),
          "The best metric so far; infinitely bad at first.");
      badSteps = emitter.state(prefix, "badSteps", TypeName.LONG, CodeBlock.of("0"),
          "PyTorch's {@code num_bad_epochs}: steps in a row without improvement.");
      if (hasCooldown()) {
        cooldownLeft = emitter.state(prefix, "cooldownLeft", TypeName.INT, CodeBlock.of("0"),
            "PyTorch's {@code cooldown_counter}: steps left in which bad steps are not counted.");
      }
    }

    /**
     * A step leaves at most {@code patience} bad steps (one more reduces the rate and starts
     * over), no more than the steps taken; the cooldown left lies between 0 and {@code cooldown},
     * follows a reduction (after more than {@code patience} steps), and while it lasts no bad step
     * is counted. The best metric is any number but NaN, which
     * reading refuses.
     */
    @Override
    CodeBlock checkSaved(String t) {
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("in.within($S, $N, 0, $T.min($L, $T.max(0, $N)))", badSteps, saved(badSteps), Math.class, t,
              Math.class, patience);
      if (cooldownLeft != null) {
        code.addStatement("in.within($S, $N, $T.min(0, $N), $T.max(0, $N))", cooldownLeft, saved(cooldownLeft),
                Math.class, cooldown, Math.class, cooldown)
            .addStatement("in.consistent($N <= 0 || $N == 0, $S + $N + $S + $N + $S)", saved(cooldownLeft),
                saved(badSteps), "saved " + cooldownLeft + " = ", saved(cooldownLeft), " and " + badSteps + " = ",
                saved(badSteps), " contradict each other: no bad step is counted during a cooldown")
            .addStatement("in.consistent($N == 0 || $L > $T.max(0, $N), $S + $N + $S + $L + $S)", saved(cooldownLeft),
                t, Math.class, patience, "saved " + cooldownLeft + " = ", saved(cooldownLeft),
                " needs a reduction of the rate, which takes more than patience steps, and the step count is ", t, "");
      }
      return code.build();
    }

    /**
     * A reduction never takes a rate below {@code min_lr}, so a rate is at least the smaller of
     * its initial rate and {@code min_lr}; with {@code factor >= 0} it is at most the larger.
     */
    @Override
    CodeBlock checkSavedRates(String rates, String t) {
      return CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .addStatement("in.between($S, g, $N[g], $T.min($N[g], $N[g]), $N >= 0 ? $T.max($N[g], $N[g]) : $T.POSITIVE_INFINITY)",
              "the rate", rates, Math.class, base, minLr, factor, Math.class, base, minLr, Double.class)
          .endControlFlow()
          .build();
    }

    /** Whether cooldown is kept: not where it is written or defaulted as 0, since it never starts. */
    private boolean hasCooldown() {
      return !(isConstant(Param.COOLDOWN) && (Integer) constant(Param.COOLDOWN) == 0);
    }

    @Override
    String formula() {
      return "after more than patience steps without improvement: lr = max(lr * factor, min_lr),\n"
          + "then cooldown steps in which bad steps are not counted";
    }

    @Override
    boolean closedForm() {
      return false;
    }

    @Override
    CodeBlock lr(String t, String g) {
      throw new UnsupportedOperationException("ReduceLROnPlateau depends on the metric");
    }

    /** The rates change only where they are reduced, so that is where group 0's is refreshed. */
    @Override
    boolean keepsFirstRate() {
      return true;
    }

    @Override
    CodeBlock firstRate() {
      return CodeBlock.of("lrs[0]");
    }

    @Override
    boolean recurrent() {
      return true;
    }

    @Override
    CodeBlock restart() {
      return CodeBlock.of("$T.arraycopy($N, 0, lrs, 0, lrs.length);\n", System.class, base);
    }

    @Override
    CodeBlock step(String t) {
      Mode mode = (Mode) constant(Param.MODE);
      ThresholdMode thresholdMode = (ThresholdMode) constant(Param.THRESHOLD_MODE);
      String test = (mode == Mode.MIN ? "less" : "greater") + (thresholdMode == ThresholdMode.REL ? "Relative" : "Absolute");
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("if ($T.$L(metric, $N, $N))", MATH_PLATEAU, test, best, threshold)
          .addStatement("$N = metric", best)
          .addStatement("$N = 0", badSteps)
          .nextControlFlow("else")
          .addStatement("$N++", badSteps)
          .endControlFlow();
      if (hasCooldown()) {
        code.beginControlFlow("if ($N > 0)", cooldownLeft)
            .addStatement("$N--", cooldownLeft)
            .addStatement("$N = 0", badSteps)
            .endControlFlow();
      }
      code.beginControlFlow("if ($N > $N)", badSteps, patience)
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $T.reduce(lrs[g], $N, $N[g], $N)", MATH_PLATEAU, factor, minLr, eps)
          .endControlFlow()
          .add(keepFirst());
      if (hasCooldown()) {
        code.addStatement("$N = $N", cooldownLeft, cooldown);
      }
      return code.addStatement("$N = 0", badSteps).endControlFlow().build();
    }

    @Override
    CodeBlock chain(String lr, String t, String g) {
      throw new UnsupportedOperationException("ReduceLROnPlateau cannot be chained");
    }
  }
}

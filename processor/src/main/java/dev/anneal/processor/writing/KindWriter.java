package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.math.Steps;
import dev.anneal.processor.kinds.InChain;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.kinds.Stepping;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
  protected final Kind kind;
  protected final ScheduleModel schedule;
  protected final Emitter emitter;
  /** Empty for a single schedule; {@code "s1"} and so on for the schedules of a combination. */
  protected final String prefix;
  /**
   * The array holding PyTorch's {@code base_lrs} for this schedule: the optimizer's initial rates,
   * unless an earlier schedule of a combination replaced them (see {@link #initialRates()}).
   */
  protected final String base;
  /**
   * Where this schedule is a later phase of a {@code @Sequential} config, the milestone it starts
   * at: its clock is the scheduler's step less this.
   */
  protected final String clockOffset;
  /**
   * Whether this schedule, alone in its config, keeps the step count in its own state
   * ({@link Kind#canKeepClock}): the scheduler then keeps no {@code step} field, reads the count
   * from {@link #clock()} and steps with {@link #tick()}.
   */
  protected final boolean keepsClock;
  /**
   * The field that holds group 0's current rate, for a schedule alone in its config and for the
   * phases of a lazy @Sequential; empty where the config keeps {@code lrs} and reads group 0's
   * rate from it.
   */
  protected final Optional<String> firstRateField;

  protected KindWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement) {
    this.kind = kind;
    this.schedule = schedule;
    this.emitter = emitter;
    this.prefix = placement.prefix();
    this.base = placement.base();
    this.clockOffset = placement.clockOffset();
    this.keepsClock = placement.keepsClock();
    this.firstRateField = placement.firstRateField();
    emitter.reserveLocals(prefix);
  }

  /**
   * The local variables a schedule declares, through {@link #local}, with its prefix: no field
   * takes one of these names (see {@link Emitter#reserveLocals}).
   */
  static final List<String> LOCALS = List.of(
      "stepFactor", "stepWave", "lambda", "stepPosition", "pct", "phaseAt", "weightAt", "amplitudeAt", "levelAt",
      "tCurAt", "tIAt", "clock", "nextAmplitude", "noise");

  /** How this schedule steps: its kind's. */
  public final Stepping stepping() {
    return kind.stepping();
  }

  /** What this schedule does inside {@code @Chained}: its kind's. */
  public final InChain inChain() {
    return kind.inChain();
  }

  /**
   * The per-group array that this schedule writes into the optimizer's {@code initial_lr} when
   * PyTorch constructs it, or null if it leaves them alone. CyclicLR (constructed first) and
   * OneCycleLR do: the schedules constructed after them take those as their {@code base_lrs}.
   */
  protected Optional<String> initialRates() {
    return Optional.empty();
  }

  /** The momentum this schedule drives beside the rate; none by default. */
  protected Optional<Momentum> drivenMomentum() {
    return Optional.empty();
  }

  /**
   * The step past which this schedule refuses to run, as OneCycleLR does past
   * {@code total_steps}; none by default.
   */
  protected Optional<LastStep> lastStep() {
    return Optional.empty();
  }

  /**
   * For a schedule stepped with a metric: statements that take in {@code metric} without stepping,
   * as a warm-up in front of it does.
   */
  protected CodeBlock recordMetric() {
    throw new UnsupportedOperationException(schedule.torchName() + " is not stepped with a metric");
  }

  /**
   * The fields of this schedule's state that may hold values before its phase starts, which a
   * restore then does not require to be 0: a metric-stepped schedule's best, recorded during a
   * warm-up. None by default.
   */
  protected java.util.Set<String> setBeforeStart() {
    return java.util.Set.of();
  }

  /** Declares the constants, fields and arrays; called once, right after construction. */
  protected abstract void declare();

  /** The formula for the class Javadoc, in PyTorch's notation. */
  protected abstract String formula();

  /** Statements computing what all groups share at time {@code t}; may be empty. */
  protected CodeBlock prologue(String t) {
    return CodeBlock.of("");
  }

  /** The rate of group {@code g} at time {@code t}, after {@link #prologue}. */
  protected abstract CodeBlock lr(String t, String g);

  /**
   * Where {@link #inChain()} is {@link InChain#FACTOR}: the factor on {@code base_lr} at
   * {@code t}, with no prologue. Chained factors multiply.
   */
  protected CodeBlock factor(String t) {
    throw new IllegalStateException(schedule.torchName() + " is " + inChain() + " in a chain, not a factor");
  }

  /**
   * Statements that set {@code lrs} (and momentum, where it cycles) to their values at time
   * {@code t} from the closed form.
   */
  protected CodeBlock ratesAt(String t) {
    return CodeBlock.builder()
        .add(prologue(t))
        .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
        .addStatement("lrs[g] = $L", lr(t, "g"))
        .endControlFlow()
        .build();
  }

  /**
   * Where {@link #stepping()} is not {@link Stepping#CLOSED_FORM}: statements that move {@code lrs} from time {@code t - 1}
   * to time {@code t >= 1}.
   */
  protected CodeBlock step(String t) {
    if (stepping() == Stepping.SHARED_STATE) {
      return lazyStep(t);
    }
    throw new UnsupportedOperationException(schedule.torchName() + " steps by its closed form");
  }

  /**
   * Statements that set {@code lrs} (and any state) to step 0: at construction, and where a
   * {@code @Sequential} phase restarts at its milestone.
   */
  protected CodeBlock restart() {
    if (stepping() == Stepping.SHARED_STATE) {
      return CodeBlock.builder().add(resetState()).add(fill()).build();
    }
    return ratesAt(ZERO);
  }

  /** For a {@link Stepping#SHARED_STATE} schedule: statements that set the shared state to step 0. */
  protected CodeBlock resetState() {
    throw new UnsupportedOperationException(schedule.torchName() + " keeps no shared state");
  }

  /** For a {@link Stepping#SHARED_STATE} schedule: statements that move the shared state to {@code t >= 1}. */
  protected CodeBlock advance(String t) {
    throw new UnsupportedOperationException(schedule.torchName() + " keeps no shared state");
  }

  /**
   * Whether some of the shared state is {@link Emitter#phaseState}: set by {@link #advance} from
   * the step alone, so that a restore rebuilds it with {@code advance} instead of reading it.
   */
  protected boolean keepsPhaseState() {
    return false;
  }

  /**
   * Statements that recompute what follows from the saved state but is not saved itself, run
   * after a restore; none by default.
   */
  protected CodeBlock rebuildDerived() {
    return CodeBlock.of("");
  }

  /**
   * Statements of {@code restoreState} that check this schedule's saved values, the locals that
   * {@link #saved} names, before the scheduler takes any of them: {@code t} is the schedule's own
   * clock at the saved step, and each value must be what stepping to {@code t} leaves, or it is
   * refused through {@code in}, the state's {@link dev.anneal.internal.StateCodec.Reader}.
   */
  protected CodeBlock checkSaved(String t) {
    return CodeBlock.of("");
  }

  /**
   * For a schedule alone in its config that keeps every group's rate in {@code lrs}: statements
   * of {@code restoreState} that check the saved rates, the array {@code rates}, at the saved step
   * {@code t}, beyond the finiteness checked on reading them.
   */
  protected CodeBlock checkSavedRates(String rates, String t) {
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
  protected CodeBlock checkSavedPhaseRates(String rates, String t) {
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
  protected CodeBlock savedRead(String g) {
    return null;
  }

  /** The local of {@code restoreState} holding the saved value of {@code field}. */
  /**
   * The type a call of the config's static method goes through: the config itself, through the
   * reference {@link Names#referToConfig} resolves, which a class's inherited static method is
   * reached by too; an interface's static method only through the interface.
   */
  protected static ClassName owner(ExecutableElement method) {
    TypeElement declaring = Methods.declaringType(method);
    return declaring.getKind() == ElementKind.INTERFACE ? ClassName.get(declaring) : Names.CONFIG_REF;
  }

  protected static String saved(String field) {
    return "saved" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /** Checks that every saved rate is {@code >= 0}, for the schedules whose rates cannot be negative. */
  protected static CodeBlock checkNonNegative(String rates) {
    return CodeBlock.builder()
        .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
        .addStatement("in.between($S, g, $N[g], 0.0, $T.POSITIVE_INFINITY)", "the rate", rates, Double.class)
        .endControlFlow()
        .build();
  }

  /**
   * The scheduler's step count, for a schedule first in its config: the {@code step} field, or
   * {@link #clock()} where this schedule keeps the count.
   */
  protected CodeBlock stepCount() {
    return keepsClock ? clock() : CodeBlock.of("step");
  }

  /** Where {@link #keepsClock}: the step count, from this schedule's state. */
  protected CodeBlock clock() {
    throw new UnsupportedOperationException(schedule.torchName() + " does not keep the step count");
  }

  /**
   * Where {@link #keepsClock}: whether the state this schedule does not save is rebuilt from the
   * saved step, which {@link #rebuildDerived()} then reads as {@code step}.
   */
  protected boolean rebuildsClockFromStep() {
    return false;
  }

  /** Where {@link #keepsClock}: one step, which moves the count kept in this schedule's state. */
  protected CodeBlock tick() {
    throw new UnsupportedOperationException(schedule.torchName() + " does not keep the step count");
  }

  /** For a {@link Stepping#SHARED_STATE} schedule: the current rate of group {@code g} from the shared state. */
  protected CodeBlock read(String g) {
    throw new UnsupportedOperationException(schedule.torchName() + " keeps no shared state");
  }

  /**
   * Whether this schedule's rates change only now and then, so that it refreshes group 0's rate
   * only where they change ({@link #keepFirst()}); otherwise every step refreshes it, from
   * {@link #firstRate()} for a lazy schedule and from {@code lrs} for the others.
   */
  protected boolean keepsFirstRate() {
    return false;
  }

  /**
   * Where {@link #firstRateField} is set: group 0's rate from the current state, the same
   * value as {@code read("0")}, from values of group 0 kept in fields of their own where that
   * spares a step its array reads.
   */
  protected CodeBlock firstRate() {
    return read("0");
  }

  /**
   * Statements refreshing group 0's ready rate after the state changed; none where the config
   * reads it from {@code lrs}.
   */
  protected CodeBlock keepFirst() {
    return firstRateField.isEmpty() || !keepsFirstRate()
        ? CodeBlock.of("") : CodeBlock.of("$N = $L;\n", firstRateField.get(), firstRate());
  }

  /** Writes every group's {@link #read} into {@code lrs}, where a combination keeps them there. */
  protected CodeBlock fill() {
    return CodeBlock.builder()
        .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
        .addStatement("lrs[g] = $L", read("g"))
        .endControlFlow()
        .build();
  }

  /** A lazy schedule steps by advancing its shared state, then filling {@code lrs}. */
  protected CodeBlock lazyStep(String t) {
    return CodeBlock.builder().add(advance(t)).add(fill()).build();
  }

  /**
   * PyTorch's chainable form for {@code ChainedScheduler}: the rate at time {@code t} of group
   * {@code g} from the rate {@code lr} that the schedules before it left.
   */
  protected abstract CodeBlock chain(String lr, String t, String g);

  /** The time of the constructor's step 0. */
  protected static final String ZERO = "0L";
  /** The time of a {@code step()} call, never 0. */
  protected static final String NEXT = "next";

  /**
   * {@code t == 0 ? whenZero : otherwise}, folded where the time is known: PyTorch's get_lr
   * treats its first call apart.
   */
  protected static CodeBlock atZero(String t, CodeBlock whenZero, CodeBlock otherwise) {
    if (t.equals(ZERO)) {
      return whenZero;
    }
    if (t.equals(NEXT)) {
      return otherwise;
    }
    return CodeBlock.of("$L == 0 ? $L : $L", t, whenZero, otherwise);
  }

  /** Statements that {@link #chain} needs first, for all groups at {@code t}; none by default. */
  protected CodeBlock chainPrologue(String t) {
    return CodeBlock.of("");
  }

  // Helpers for the parameters of this schedule.

  protected String scalar(Param param) {
    return emitter.scalar(prefix, schedule, param, kind.attributes().get(param).rule().orElse(null));
  }

  /** See {@link Emitter#scalarOnUse}: for a parameter that the code may read only through values folded from it. */
  protected Supplier<String> scalarOnUse(Param param) {
    return emitter.scalarOnUse(prefix, schedule, param, kind.attributes().get(param).rule().orElse(null));
  }

  protected String perGroup(Param param) {
    return emitter.perGroup(prefix, schedule, param, kind.attributes().get(param).rule().orElse(null));
  }

  protected boolean isConstant(Param param) {
    return schedule.value(param) instanceof Value.Constant;
  }

  protected Object constant(Param param) {
    return schedule.constant(param);
  }

  protected String local(String name) {
    if (!LOCALS.contains(name)) {
      throw new IllegalArgumentException(name + " is not one of KindWriter.LOCALS");
    }
    return Emitter.fieldName(prefix, name);
  }

  /**
   * Whether PyTorch starts this schedule at a milestone of {@code @Sequential} through its closed
   * form at its own step 0 (every schedule after the first), rather than by its first step.
   */
  protected boolean restarted() {
    return emitter.model.combinator() == ConfigInput.Combinator.SEQUENTIAL && schedule.index() > 0;
  }

  /**
   * Whether this schedule's factor is the one PyTorch gives after a restart at a milestone, which
   * differs from its own {@code factor} only where {@code totalIters <= 0} (or is not known now).
   */
  protected boolean restartedTotalIters() {
    return restarted() && !(isConstant(Param.TOTAL_ITERS) && (Integer) constant(Param.TOTAL_ITERS) > 0);
  }

  /**
   * Checks a bound {@code totalIters} of a later schedule of {@code @Sequential} by the rule the
   * processor applies to a written one ({@link dev.anneal.math.SequentialLR#restartRefusal}).
   */
  protected void checkRestartable(String totalIters) {
    if (restarted() && !isConstant(Param.TOTAL_ITERS)) {
      emitter.constructor.addStatement("$T.restartable($N, $S)", Emitter.CHECKS, totalIters,
          schedule.torchName());
    }
  }

  /**
   * Whether {@code gamma} can make the rate grow without bound: written above 1 in magnitude, or
   * bound, so known only at run time. Only then does stepping check the rate for overflow.
   */
  protected boolean gammaMayGrow() {
    Value value = schedule.value(Param.GAMMA);
    return !(value instanceof Value.Constant constant) || Math.abs(((Number) constant.value()).doubleValue()) > 1;
  }

  private String largestBase;

  /**
   * The largest of this schedule's {@code base_lr}s in magnitude, a field set at construction;
   * declare it in {@link #declare()} where {@link #growth} is used.
   */
  protected String largestBase() {
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
  protected CodeBlock growth(CodeBlock factor, Object step) {
    return CodeBlock.of("$T.growth($L, $N, $S, $L)", Emitter.CHECKS, factor, largestBase(),
        schedule.torchName(), scheduleStep(step));
  }

  /** The scheduler's step for time {@code t} on this schedule's clock, for messages. */
  protected CodeBlock scheduleStep(Object t) {
    return clockOffset.equals("0") ? CodeBlock.of("$L", t) : CodeBlock.of("$L + $L", t, clockOffset);
  }

  protected static final ClassName MATH_STEPS = ClassName.get(Steps.class);

  /** A count of steps (or cycles) as a double: through {@link Steps#toDouble}, never a cast. */
  protected static CodeBlock asDouble(CodeBlock count) {
    return CodeBlock.of("$T.toDouble($L)", MATH_STEPS, count);
  }

  protected static CodeBlock asDouble(String count) {
    return asDouble(CodeBlock.of("$L", count));
  }

}

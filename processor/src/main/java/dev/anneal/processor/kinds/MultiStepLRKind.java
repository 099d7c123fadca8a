package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.MultiStepLR;
import dev.anneal.math.SequentialLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;

/** PyTorch's {@code MultiStepLR}: the rate decays by {@code gamma} at each milestone. */
final class MultiStepLRKind extends BaseKind {
  private static final ClassName MATH_MULTI_STEP = ClassName.get(MultiStepLR.class);

  MultiStepLRKind() {
    super(ScheduleType.MULTI_STEP, Stepping.SHARED_STATE, InChain.FACTOR, Attributes.builder()
        .required(Param.MILESTONES, null)
        .optional(Param.GAMMA, 0.1, Rule.FINITE)
        .build());
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.GAMMA);
  }

  /**
   * With no milestone the rate never decays, and a negative milestone is passed before the first
   * step; PyTorch runs both.
   */
  @Override
  public void check(ScheduleCheck check) {
    AnnotationValue milestones = check.written(Param.MILESTONES);
    if (milestones == null) {
      return;
    }
    int[] values = (int[]) check.value(Param.MILESTONES);
    if (values.length == 0) {
      check.warning(milestones, Message.NO_MILESTONES);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        check.warning(check.element(Param.MILESTONES, i),
            check.laterPhase() ? Message.NEGATIVE_MILESTONE_AT_START : Message.NEGATIVE_MILESTONE, values[i]);
      }
    }
  }

  @Override
  public void checkPhase(ScheduleCheck check, long length, long start, long end) {
    if (check.written(Param.MILESTONES) == null) {
      return;
    }
    int[] decays = (int[]) check.value(Param.MILESTONES);
    for (int i = 0; i < decays.length; i++) {
      if (decays[i] >= length) {
        check.warning(check.element(Param.MILESTONES, i), Message.MILESTONE_AFTER_PHASE, decays[i], check.index(),
            length, start, end);
      }
    }
  }

  @Override
  public Optional<String> growth(ScheduleCheck check, double gamma) {
    int reachable = check.written(Param.MILESTONES) == null ? 0
        : MultiStepLR.reachable((int[]) check.value(Param.MILESTONES)).length;
    return Optional.of("at each of its " + reachable + " reachable milestones, to "
        + Math.pow(Math.abs(gamma), reachable) + " times the initial rate");
  }

  @Override
  public boolean mayLowerInChain(ScheduleCheck check) {
    return !(check.number(Param.GAMMA) >= 1);
  }

  /**
   * SequentialLR starts a later schedule through its closed form, which counts every milestone
   * {@code <= 0}: there a negative milestone decays once at the start, as milestone 0 does.
   */
  @Override
  public Object resolveWritten(Param param, Object value, boolean laterPhase) {
    if (param != Param.MILESTONES || !laterPhase) {
      return value;
    }
    int[] milestones = ((int[]) value).clone();
    for (int i = 0; i < milestones.length; i++) {
      milestones[i] = Math.max(milestones[i], 0);
    }
    return milestones;
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String milestones;
    private String gamma;
    private String passed;
    private String nextMilestone;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
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
    protected String formula() {
      return "lr(t) = base_lr * gamma ^ (number of milestones <= t)";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $L)", MATH_MULTI_STEP, gamma, milestones, t);
    }

    /** The rate changes at the milestones, so that is where group 0's is refreshed. */
    @Override
    protected boolean keepsFirstRate() {
      return true;
    }

    @Override
    protected CodeBlock advance(String t) {
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
    protected CodeBlock resetState() {
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
    protected CodeBlock rebuildDerived() {
      return findNextMilestone();
    }

    /** The milestones passed follow from the step. */
    @Override
    protected CodeBlock checkSavedCounters(String t) {
      return CodeBlock.of("in.expect($S, $N, $T.passed($N, $L));\n", passed, saved(passed), MATH_MULTI_STEP,
          milestones, t);
    }

    /** One multiplication a milestone passed, by gamma or a power of it. */
    @Override
    protected CodeBlock roundings(String t) {
      return CodeBlock.of("2L * $N", saved(passed));
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$L * $T.pow($N, $T.passed($N, $L) - $T.passed($N, $L - 1))", lr, Math.class, gamma,
          MATH_MULTI_STEP, milestones, t, MATH_MULTI_STEP, milestones, t);
    }
  }
}

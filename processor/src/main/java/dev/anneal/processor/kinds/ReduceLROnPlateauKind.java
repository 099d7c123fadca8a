package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.Mode;
import dev.anneal.ScheduleType;
import dev.anneal.ThresholdMode;
import dev.anneal.internal.Rule;
import dev.anneal.math.ReduceLROnPlateau;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** PyTorch's {@code ReduceLROnPlateau}: the rate is reduced by {@code factor} when a metric stops improving. */
final class ReduceLROnPlateauKind extends BaseKind {
  private static final ClassName MATH_PLATEAU = ClassName.get(ReduceLROnPlateau.class);

  /**
   * What a plateau schedule does with a metric during a {@code @Warmup} in front of it (PyTorch's
   * and timm's alike): a metric that improves on {@code best} by {@code improves}, the method of
   * ReduceLROnPlateau for the mode, becomes the best; no step counts as bad.
   */
  static CodeBlock recordBest(String improves, String best, String threshold) {
    return CodeBlock.builder()
        .beginControlFlow("if ($T.$L(metric, $N, $N))", MATH_PLATEAU, improves, best, threshold)
        .addStatement("$N = metric", best)
        .endControlFlow()
        .build();
  }

  ReduceLROnPlateauKind() {
    super(ScheduleType.REDUCE_ON_PLATEAU, Stepping.RECURRENCE, InChain.REFUSED, Attributes.builder()
        .optional(Param.MODE, Mode.MIN, null)
        .optional(Param.FACTOR, 0.1, Rule.BELOW_ONE)
        .optional(Param.PATIENCE, 10, Rule.FINITE)
        .optional(Param.THRESHOLD, 1e-4, Rule.FINITE)
        .optional(Param.THRESHOLD_MODE, ThresholdMode.REL, null)
        .optional(Param.COOLDOWN, 0, Rule.FINITE)
        .optional(Param.MIN_LR, 0.0, Rule.FINITE)
        .optional(Param.EPS, 1e-8, Rule.FINITE)
        .build());
  }

  @Override
  public boolean stepsOnMetric() {
    return true;
  }

  @Override
  public Set<Mode> modes() {
    return EnumSet.of(Mode.MIN, Mode.MAX);
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.FACTOR);
  }

  @Override
  public void checkInCombination(ScheduleCheck check, String combinator) {
    check.error(check.typeValue(), Message.NOT_COMBINABLE, type().torchName(), combinator,
        "it is stepped with a metric, the others with the step alone");
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends KindWriter {
    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    private String factor;
    private String patience;
    private Supplier<String> cooldown;
    private String eps;
    private String minLr;
    private String threshold;
    private String best;
    private String badSteps;
    private String cooldownLeft;

    @Override
    protected void declare() {
      Mode mode = (Mode) constant(Param.MODE);
      ThresholdMode thresholdMode = (ThresholdMode) constant(Param.THRESHOLD_MODE);
      emitter.parameterLines.add("mode = " + mode.torchName() + ", threshold_mode = " + thresholdMode.torchName());
      factor = scalar(Param.FACTOR);
      patience = scalar(Param.PATIENCE);
      Supplier<String> rawThreshold = scalarOnUse(Param.THRESHOLD);
      cooldown = scalarOnUse(Param.COOLDOWN);
      eps = scalar(Param.EPS);
      minLr = perGroup(Param.MIN_LR);
      if (thresholdMode == ThresholdMode.REL) {
        boolean constant = isConstant(Param.THRESHOLD);
        double folded = constant ? (mode == Mode.MIN ? 1. - (Double) constant(Param.THRESHOLD)
            : (Double) constant(Param.THRESHOLD) + 1.) : 0;
        threshold = emitter.derived(prefix, "relEpsilon", TypeName.DOUBLE, constant ? folded : null,
            () -> mode == Mode.MIN ? CodeBlock.of("1. - $N", rawThreshold.get()) : CodeBlock.of("$N + 1.", rawThreshold.get()),
            mode == Mode.MIN ? "{@code 1 - threshold}: an improvement is below {@code best * relEpsilon}."
                : "{@code threshold + 1}: an improvement is above {@code best * relEpsilon}.");
      } else {
        threshold = rawThreshold.get();
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
    protected CodeBlock checkSaved(String t) {
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("in.within($S, $N, 0, $T.min($L, $T.max(0, $N)))", badSteps, saved(badSteps), Math.class, t,
              Math.class, patience);
      if (cooldownLeft != null) {
        code.addStatement("in.within($S, $N, $T.min(0, $N), $T.max(0, $N))", cooldownLeft, saved(cooldownLeft),
                Math.class, cooldown.get(), Math.class, cooldown.get())
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
    protected CodeBlock checkSavedRates(String rates, String t) {
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
    protected String formula() {
      return "after more than patience steps without improvement: lr = max(lr * factor, min_lr),\n"
          + "then cooldown steps in which bad steps are not counted";
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      throw new UnsupportedOperationException("ReduceLROnPlateau depends on the metric");
    }

    /** The rates change only where they are reduced, so that is where group 0's is refreshed. */
    @Override
    protected boolean keepsFirstRate() {
      return true;
    }

    @Override
    protected CodeBlock firstRate() {
      return CodeBlock.of("lrs[0]");
    }

    @Override
    protected CodeBlock restart() {
      return CodeBlock.of("$T.arraycopy($N, 0, lrs, 0, lrs.length);\n", System.class, base);
    }

    /** The method of {@link ReduceLROnPlateau} that tells an improvement in this mode. */
    private String improves() {
      Mode mode = (Mode) constant(Param.MODE);
      ThresholdMode thresholdMode = (ThresholdMode) constant(Param.THRESHOLD_MODE);
      return (mode == Mode.MIN ? "less" : "greater") + (thresholdMode == ThresholdMode.REL ? "Relative" : "Absolute");
    }

    /** During a warm-up the best metric is kept, and no step counts as bad. */
    @Override
    protected CodeBlock recordMetric() {
      return recordBest(improves(), best, threshold);
    }

    @Override
    protected java.util.Set<String> setBeforeStart() {
      return java.util.Set.of(best);
    }

    @Override
    protected CodeBlock step(String t) {
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("if ($T.$L(metric, $N, $N))", MATH_PLATEAU, improves(), best, threshold)
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
        code.addStatement("$N = $N", cooldownLeft, cooldown.get());
      }
      return code.addStatement("$N = 0", badSteps).endControlFlow().build();
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      throw new UnsupportedOperationException("ReduceLROnPlateau cannot be chained");
    }
  }
}

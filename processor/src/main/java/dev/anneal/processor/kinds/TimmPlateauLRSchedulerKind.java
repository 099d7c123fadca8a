package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.Mode;
import dev.anneal.ScheduleType;
import dev.anneal.TimmNoiseType;
import dev.anneal.internal.Rule;
import dev.anneal.math.ReduceLROnPlateau;
import dev.anneal.math.TimmNoise;
import dev.anneal.math.TimmPlateauLRScheduler;
import dev.anneal.math.TimmScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * timm's {@code PlateauLRScheduler}: stepped once per epoch with a metric, a linear warm-up from
 * {@code warmup_lr_init} that ignores the metric, then PyTorch's ReduceLROnPlateau on the groups'
 * rates, with timm's noise on top of them for one epoch at a time (see {@link
 * TimmPlateauLRScheduler}).
 */
final class TimmPlateauLRSchedulerKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(TimmPlateauLRScheduler.class);
  private static final ClassName PLATEAU = ClassName.get(ReduceLROnPlateau.class);
  private static final ClassName TIMM = ClassName.get(TimmScheduler.class);
  private static final ClassName NOISE = ClassName.get(TimmNoise.class);

  TimmPlateauLRSchedulerKind() {
    super(ScheduleType.TIMM_PLATEAU, Stepping.RECURRENCE, InChain.REFUSED, TimmKind.noiseAndScale(
        TimmKind.warmup(Attributes.builder()
            .optional(Param.DECAY_RATE, 0.1, Rule.BELOW_ONE)
            .optional(Param.PATIENCE_T, 10, Rule.FINITE)
            .optional(Param.THRESHOLD, 1e-4, Rule.FINITE)
            .optional(Param.COOLDOWN_T, 0, Rule.FINITE), null, null)
            .optional(Param.LR_MIN, 0.0, Rule.FINITE)
            .optional(Param.MODE, Mode.MAX, null)
            .optional(Param.NOISE_TYPE, TimmNoiseType.NORMAL, null)));
  }

  @Override
  public boolean stepsOnMetric() {
    return true;
  }

  @Override
  public Set<Mode> modes() {
    return EnumSet.of(Mode.MIN, Mode.MAX);
  }

  /** As ReduceLROnPlateau's {@code factor}, a negative {@code decay_rate} is pointed out. */
  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.WARMUP_LR_INIT, Param.LR_SCALE, Param.DECAY_RATE);
  }

  @Override
  public void checkInCombination(ScheduleCheck check, String combinator) {
    check.error(check.typeValue(), Message.NOT_COMBINABLE, type().torchName(), combinator,
        "timm's schedulers are no PyTorch LRScheduler, which SequentialLR and ChainedScheduler hold, and it is"
            + " stepped with a metric, the others with the step alone");
  }

  /** The 'normal' noise's endless loop on a {@code noise_pct} of 0 or less, where the noise is on. */
  @Override
  public void check(ScheduleCheck check) {
    TimmNoiseType noiseType = (TimmNoiseType) check.known(Param.NOISE_TYPE);
    TimmKind.checkNoise(check, torchName(), pct -> TimmPlateauLRScheduler.noiseRefusal(noiseType, pct));
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends KindWriter {
    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    private Mode mode;
    private String decayRate;
    private String patience;
    private String threshold;
    private Supplier<String> cooldown;
    private Supplier<String> warmupT;
    private Supplier<String> warmupLrInit;
    private String lrMin;
    private String lrScale;
    private TimmNoiseType noiseType;
    private String noiseRange;
    private String noisePct;
    private Supplier<String> noiseStd;
    private String noiseSeed;
    /** Each group's rate before the noise, where there is noise; else the rates are {@code lrs}. */
    private String plainLrs;
    private String best;
    private String badSteps;
    private String cooldownLeft;

    @Override
    protected void declare() {
      mode = (Mode) constant(Param.MODE);
      emitter.parameterLines.add("mode = " + mode.torchName() + ", threshold_mode = rel, eps = "
          + TimmPlateauLRScheduler.EPS + " (ReduceLROnPlateau's, which timm does not pass)");
      decayRate = scalar(Param.DECAY_RATE);
      patience = scalar(Param.PATIENCE_T);
      Supplier<String> rawThreshold = scalarOnUse(Param.THRESHOLD);
      boolean constant = isConstant(Param.THRESHOLD);
      double folded = constant ? (mode == Mode.MIN ? 1. - (Double) constant(Param.THRESHOLD)
          : (Double) constant(Param.THRESHOLD) + 1.) : 0;
      threshold = emitter.derived(prefix, "relEpsilon", TypeName.DOUBLE, constant ? folded : null,
          () -> mode == Mode.MIN ? CodeBlock.of("1. - $N", rawThreshold.get()) : CodeBlock.of("$N + 1.", rawThreshold.get()),
          mode == Mode.MIN ? "{@code 1 - threshold}: an improvement is below {@code best * relEpsilon}."
              : "{@code threshold + 1}: an improvement is above {@code best * relEpsilon}.");
      cooldown = scalarOnUse(Param.COOLDOWN_T);
      warmupT = scalarOnUse(Param.WARMUP_T);
      warmupLrInit = scalarOnUse(Param.WARMUP_LR_INIT);
      lrMin = scalar(Param.LR_MIN);
      int[] range = (int[]) constant(Param.NOISE_RANGE_T);
      if (range.length > 0) {
        int[] read = range.length > 2 ? Arrays.copyOf(range, 2) : range;
        CodeBlock.Builder array = CodeBlock.builder().add("{");
        for (int i = 0; i < read.length; i++) {
          array.add(i == 0 ? "$L" : ", $L", read[i]);
        }
        noiseRange = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, "noiseRangeT"),
            array.add("}").build(), "The epochs whose rate is noised: {@code e >= n} for one value, [lo, hi) for two.");
        emitter.parameterLines.add("noise_range_t = " + Arrays.toString(range));
        noiseType = (TimmNoiseType) constant(Param.NOISE_TYPE);
        emitter.parameterLines.add("noise_type = \"" + noiseType.torchName() + "\"");
        noisePct = scalar(Param.NOISE_PCT);
        noiseStd = scalarOnUse(Param.NOISE_STD);
        noiseSeed = scalar(Param.NOISE_SEED);
        if (!isConstant(Param.NOISE_PCT) && noiseType == TimmNoiseType.NORMAL) {
          emitter.constructor.addStatement("$T.require($S, $T.noiseRefusal($T.$L, $N))", TIMM, schedule.torchName(),
              MATH, TimmNoiseType.class, noiseType.name(), noisePct);
        }
      }
      lrScale = perGroup(Param.LR_SCALE);
      emitter.constructor.addStatement("$T.checkRange($S, $N, $N, $L, $L, $N, $L)", MATH, schedule.torchName(), base,
          lrScale, warmupTCode(), warmupLrInitCode(), lrMin, noiseRange == null ? CodeBlock.of("0.0")
              : noiseType == TimmNoiseType.NORMAL ? CodeBlock.of("$N", noisePct)
              : CodeBlock.of("$T.abs($N)", Math.class, noisePct));
      if (noiseRange != null) {
        plainLrs = emitter.groupState(prefix, "plainLrs",
            "Each group's rate before the noise of the current epoch: the next step restores it and\ngoes on from"
                + " it.");
      }
      best = emitter.state(prefix, "best", TypeName.DOUBLE,
          CodeBlock.of("$T.$L", Double.class, mode == Mode.MIN ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY"),
          "The best metric so far; infinitely bad at first.");
      badSteps = emitter.state(prefix, "badSteps", TypeName.LONG, CodeBlock.of("0"),
          "PyTorch's {@code num_bad_epochs}: epochs in a row without improvement.");
      if (hasCooldown()) {
        cooldownLeft = emitter.state(prefix, "cooldownLeft", TypeName.INT, CodeBlock.of("0"),
            "PyTorch's {@code cooldown_counter}: epochs left in which bad epochs are not counted.");
      }
    }

    /** Whether cooldown is kept: not where it is written or defaulted as 0, since it never starts. */
    private boolean hasCooldown() {
      return !(isConstant(Param.COOLDOWN_T) && (Integer) constant(Param.COOLDOWN_T) == 0);
    }

    /** {@code warmup_t} where it is known: null where it is bound. */
    private Integer knownWarmupT() {
      return isConstant(Param.WARMUP_T) ? (Integer) constant(Param.WARMUP_T) : null;
    }

    /** Whether some step can be the warm-up's: {@code warmup_t} bound, or written above 0. */
    private boolean warmsUp() {
      Integer known = knownWarmupT();
      return known == null || known > 0;
    }

    private CodeBlock warmupTCode() {
      Integer known = knownWarmupT();
      return known != null && known == 0 ? CodeBlock.of("0") : CodeBlock.of("$N", warmupT.get());
    }

    private CodeBlock warmupLrInitCode() {
      Integer known = knownWarmupT();
      return known != null && known == 0 ? CodeBlock.of("0.0") : CodeBlock.of("$N", warmupLrInit.get());
    }

    /** The rates the reduction and the noise act on: {@code lrs}, or where there is noise the rates before it. */
    private String rates() {
      return plainLrs != null ? plainLrs : "lrs";
    }

    @Override
    protected String formula() {
      return "lr(0) = (warmup_t != 0 ? warmup_lr_init : base_lr) * lr_scale\n"
          + "step(e, metric), e <= warmup_t, the metric ignored:\n"
          + "    lr = (warmup_lr_init + e * (base_lr - warmup_lr_init) / warmup_t) * lr_scale\n"
          + "step(e, metric), otherwise: the rates before the last noise restored; after more than\n"
          + "    patience_t epochs without improvement lr = max(lr * decay_rate, lr_min), then cooldown_t\n"
          + "    epochs in which bad epochs are not counted; where e is in noise_range_t,\n"
          + "    lr = lr + lr * noise(e) until the next step";
    }

    /** The rate of group {@code g} the constructor leaves, {@code lr_scale} applied. */
    private CodeBlock initial(String g) {
      Integer known = knownWarmupT();
      CodeBlock unscaled = known == null
          ? CodeBlock.of("$T.initial($N, $N, $N[$L])", MATH, warmupT.get(), warmupLrInit.get(), base, g)
          : known != 0 ? CodeBlock.of("$N", warmupLrInit.get()) : CodeBlock.of("$N[$L]", base, g);
      return CodeBlock.of("$T.scaled($L, $N[$L])", TIMM, unscaled, lrScale, g);
    }

    /** The warm-up's rate of group {@code g} at epoch {@code t}, {@code lr_scale} applied. */
    private CodeBlock warmup(String t, String g) {
      return CodeBlock.of("$T.scaled($T.warmup($N, $N[$L], $N, $L), $N[$L])", TIMM, MATH, warmupLrInit.get(), base, g,
          warmupT.get(), t, lrScale, g);
    }

    /** The rate group {@code g}'s plateau starts from, {@code lr_scale} applied. */
    private CodeBlock start(String g) {
      Integer known = knownWarmupT();
      if (known != null && known <= 0) {
        return initial(g);
      }
      return CodeBlock.of("$T.scaled($T.start($N, $N, $N[$L]), $N[$L])", TIMM, MATH, warmupT.get(),
          warmupLrInit.get(), base, g, lrScale, g);
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      throw new UnsupportedOperationException("timm's PlateauLRScheduler depends on the metric");
    }

    @Override
    protected CodeBlock restart() {
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $L", initial("g"))
          .endControlFlow();
      if (plainLrs != null) {
        code.addStatement("$T.arraycopy(lrs, 0, $N, 0, lrs.length)", System.class, plainLrs);
      }
      return code.build();
    }

    /** The method of {@link ReduceLROnPlateau} that tells an improvement in this mode, relative. */
    private String improves() {
      return mode == Mode.MIN ? "lessRelative" : "greaterRelative";
    }

    /** During a {@code @Warmup} in front, the best metric is kept, and no epoch counts as bad. */
    @Override
    protected CodeBlock recordMetric() {
      return ReduceLROnPlateauKind.recordBest(improves(), best, threshold);
    }

    @Override
    protected java.util.Set<String> setBeforeStart() {
      return java.util.Set.of(best);
    }

    @Override
    protected CodeBlock step(String t) {
      if (!warmsUp()) {
        return plateauStep(t);
      }
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("if ($T.warmingUp($L, $N))", MATH, t, warmupT.get())
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $L", warmup(t, "g"))
          .endControlFlow();
      if (plainLrs != null) {
        code.addStatement("$T.arraycopy(lrs, 0, $N, 0, lrs.length)", System.class, plainLrs);
      }
      return code.nextControlFlow("else").add(plateauStep(t)).endControlFlow().build();
    }

    /** A step after the warm-up: the plateau on the rates before the noise, then the noise. */
    private CodeBlock plateauStep(String t) {
      CodeBlock.Builder code = CodeBlock.builder();
      code.beginControlFlow("if ($T.$L(metric, $N, $N))", PLATEAU, improves(), best, threshold)
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
          .addStatement("$N[g] = $T.reduce($N[g], $N, $N, $T.EPS)", rates(), PLATEAU, rates(), decayRate, lrMin, MATH)
          .endControlFlow();
      if (hasCooldown()) {
        code.addStatement("$N = $N", cooldownLeft, cooldown.get());
      }
      code.addStatement("$N = 0", badSteps).endControlFlow();
      if (plainLrs != null) {
        code.beginControlFlow("if ($T.applies($L, $N))", NOISE, t, noiseRange)
            .addStatement("double $N = $L", local("noise"), noise(t))
            .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
            .addStatement("lrs[g] = $T.noised($N[g], $N)", NOISE, plainLrs, local("noise"))
            .endControlFlow()
            .nextControlFlow("else")
            .addStatement("$T.arraycopy($N, 0, lrs, 0, lrs.length)", System.class, plainLrs)
            .endControlFlow();
      }
      return code.build();
    }

    /** The noise of epoch {@code t}, as {@code noise_type} draws it. */
    private CodeBlock noise(String t) {
      return noiseType == TimmNoiseType.NORMAL
          ? CodeBlock.of("$T.normal($N + $L, $N, $N)", NOISE, noiseSeed, t, noisePct, noiseStd.get())
          : CodeBlock.of("$T.uniform($N + $L, $N)", NOISE, noiseSeed, t, noisePct);
    }

    /**
     * The counters as ReduceLROnPlateau's (see its kind), counted over the epochs after the
     * warm-up: at most {@code patience_t} bad epochs, no more than the plateau's epochs so far; a
     * cooldown only after a reduction, and no bad epoch during it.
     */
    @Override
    protected CodeBlock checkSaved(String t) {
      CodeBlock epochs = warmsUp()
          ? CodeBlock.of("$T.max(0, $L - $T.max(0, $N))", Math.class, t, Math.class, warmupT.get())
          : CodeBlock.of("$L", t);
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("in.within($S, $N, 0, $T.min($L, $T.max(0, $N)))", badSteps, saved(badSteps), Math.class,
              epochs, Math.class, patience);
      if (cooldownLeft != null) {
        code.addStatement("in.within($S, $N, $T.min(0, $N), $T.max(0, $N))", cooldownLeft, saved(cooldownLeft),
                Math.class, cooldown.get(), Math.class, cooldown.get())
            .addStatement("in.consistent($N <= 0 || $N == 0, $S + $N + $S + $N + $S)", saved(cooldownLeft),
                saved(badSteps), "saved " + cooldownLeft + " = ", saved(cooldownLeft), " and " + badSteps + " = ",
                saved(badSteps), " contradict each other: no bad epoch is counted during a cooldown")
            .addStatement("in.consistent($N == 0 || $L > $T.max(0, $N), $S + $N + $S + $L + $S)", saved(cooldownLeft),
                epochs, Math.class, patience, "saved " + cooldownLeft + " = ", saved(cooldownLeft),
                " needs a reduction of the rate, which takes more than patience_t epochs after the warm-up, and"
                    + " those are ", epochs, "");
      }
      return code.build();
    }

    @Override
    protected CodeBlock checkSavedRates(String rates, String t) {
      return checkRates(rates, t);
    }

    @Override
    protected CodeBlock checkSavedPhaseRates(String rates, String t) {
      return checkRates(rates, t);
    }

    /**
     * The rates at the saved epoch {@code t}: the constructor's at 0 and the warm-up's during it,
     * exactly; after it, at most the rate the plateau started from and at least the smaller of
     * that and {@code lr_min} (a reduction lowers a rate, never below {@code lr_min}). Where there
     * is noise, the rates handed out are those before it, noised where the epoch is in its range
     * after the warm-up.
     */
    private CodeBlock checkRates(String rates, String t) {
      String plain = plainLrs != null ? saved(plainLrs) : rates;
      CodeBlock.Builder code = CodeBlock.builder()
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .beginControlFlow("if ($L == 0)", t)
          .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, initial("g"));
      if (warmsUp()) {
        code.nextControlFlow("else if ($T.warmingUp($L, $N))", MATH, t, warmupT.get())
            .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, warmup(t, "g"));
      }
      code.nextControlFlow("else")
          .addStatement("in.between($S, g, $N[g], $T.min($L, $N), $L)", "the rate before the noise", plain,
              Math.class, start("g"), lrMin, start("g"))
          .endControlFlow();
      code.endControlFlow();
      if (plainLrs != null) {
        code.beginControlFlow("if ($L != 0$L && $T.applies($L, $N))", t,
                warmsUp() ? CodeBlock.of(" && !$T.warmingUp($L, $N)", MATH, t, warmupT.get()) : CodeBlock.of(""),
                NOISE, t, noiseRange)
            .addStatement("double $N = $L", local("noise"), noise(t))
            .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
            .addStatement("in.near($S + g, $N[g], $T.noised($N[g], $N), 0.0, 0)", "the rate of group ", rates, NOISE,
                plain, local("noise"))
            .endControlFlow()
            .nextControlFlow("else")
            .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
            .addStatement("in.near($S + g, $N[g], $N[g], 0.0, 0)", "the rate of group ", rates, plain)
            .endControlFlow()
            .endControlFlow();
      }
      return code.build();
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      throw new UnsupportedOperationException("timm's PlateauLRScheduler cannot be chained");
    }
  }
}

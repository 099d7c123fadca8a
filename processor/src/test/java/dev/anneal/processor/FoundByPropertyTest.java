package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.LrFunction;
import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Defects the robustness property test found in generated code, each kept fixed by a plain test. */
class FoundByPropertyTest {

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("OnlyOneCycle", new String[] {
        "@Sequential(milestones = {})",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100, cycleMomentum = false)",
        "final class OnlyOneCycle {}"});
    CONFIGS.put("OneCycleThenDecay", new String[] {
        "@Sequential(milestones = 5)",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10, cycleMomentum = false)",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class OneCycleThenDecay {",
        "  static double decay(long epoch) {",
        "    return 0.9;",
        "  }",
        "}"});
    CONFIGS.put("LinearToZero", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.1, endFactor = 0.0, totalIters = 3)",
        "final class LinearToZero {}"});
    // Found with seed 424242: at the top of a cycle PyTorch's x = 1 + t / total_size - cycle has
    // lost digits to the cycle count, and with a negative base_lr the top's rate, max_lr, is tiny
    // beside the amplitude, so PyTorch's rate there is off by 1.66e-14 of the peak.
    CONFIGS.put("NegativeBaseCyclic", new String[] {
        "@Schedule(type = MULTI_STEP, milestones = {37, 37, 1, 206}, gamma = 0.18037566308239883)",
        "@Schedule(type = CYCLIC, baseLr = -0.046926854368113516,",
        "    maxLr = {5.137702410283813E-7, 0.0013105233593136917}, stepSizeUp = 6, stepSizeDown = 32,",
        "    cycleMomentum = false)",
        "@Sequential(milestones = 120)",
        "final class NegativeBaseCyclic {}"});
    CONFIGS.put("WarmToZero", new String[] {
        "@Schedule(type = TIMM_PLATEAU, warmupT = 5, warmupLrInit = 1e-5, patienceT = 0)",
        "final class WarmToZero {}"});
    CONFIGS.put("ChainedToZero", new String[] {
        "@Chained",
        "@Schedule(type = LINEAR, startFactor = 1.0 / 3, endFactor = 0.0, totalIters = 5)",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "final class ChainedToZero {}"});
    // Found with seed 7964375385863289214: a chain whose LinearLR ends at -0.0, where PyTorch's
    // recurrence leaves -1.8e-17 (1.09e-14 of the peak) and Anneal reaches 0 exactly.
    CONFIGS.put("ChainedCosinesToZero", new String[] {
        "@Schedule(type = COSINE, tMax = -433, etaMin = -0.0d)",
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 3, tMult = 3, etaMin = -0.0d)",
        "@Schedule(type = LINEAR, startFactor = 0.1, endFactor = -0.0 * 1, totalIters = 240)",
        "@Chained",
        "final class ChainedCosinesToZero {}"});
    // Found with seed 21524726862249879: without @Warmup, @Bind warmupSteps binds the schedule's
    // own warmupSteps (Keras's CosineDecay), which the random configs took for a mistake.
    CONFIGS.put("KerasBoundWarmup", new String[] {
        "@Schedule(type = KERAS_COSINE_DECAY, decaySteps = 7, alpha = 0.6682538889392835, warmupTarget = 0.1)",
        "final class KerasBoundWarmup {",
        "  @Bind",
        "  int warmupSteps() {",
        "    return 5;",
        "  }",
        "}"});
    // Found with seed 8453783344256875589: optax's exponential_decay with decay_rate 1.5 grows
    // past the doubles at count 1751, where optax returns inf and Anneal refuses the step.
    CONFIGS.put("OptaxGrowing", new String[] {
        "@Schedule(type = OPTAX_EXPONENTIAL_DECAY, transitionSteps = 1, decayRate = 1.5, staircase = false)",
        "final class OptaxGrowing {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  @Test
  @DisplayName("a @Sequential of OneCycleLR alone saves and restores its state")
  void sequentialOfOneCycleAlone() {
    StepScheduler first = classes.scheduler("OnlyOneCycle", StepScheduler.class, 0.1);
    for (int t = 0; t < 40; t++) {
      first.step();
    }
    StepScheduler second = classes.scheduler("OnlyOneCycle", StepScheduler.class, 0.1);
    second.restoreState(first.saveState());
    for (int t = 40; t < 99; t++) {
      first.step();
      second.step();
      assertEquals(first.lr(), second.lr(), 0.0, "step " + (t + 1));
    }
  }

  @Test
  @DisplayName("lrAt of a @Sequential that starts with OneCycleLR goes on past its totalSteps")
  void sequentialLrAtPastOneCycle() {
    StepScheduler stepped = classes.scheduler("OneCycleThenDecay", StepScheduler.class, 0.1);
    LrFunction function = (LrFunction) stepped;
    for (int t = 1; t <= 30; t++) {
      stepped.step();
      assertEquals(stepped.lr(), function.lrAt(t), 1e-17, "step " + t);
    }
  }

  @Test
  @DisplayName("LinearLR down to endFactor 0 ends at 0, never a few ulps below")
  void linearToZero() {
    StepScheduler scheduler = classes.scheduler("LinearToZero", StepScheduler.class, 0.1);
    for (int t = 1; t <= 6; t++) {
      scheduler.step();
      assertTrue(scheduler.lr() >= 0, "step " + t + ": " + scheduler.lr());
    }
    assertEquals(0.0, scheduler.lr());
    StepScheduler chained = classes.scheduler("ChainedToZero", StepScheduler.class, 0.1);
    for (int t = 1; t <= 8; t++) {
      chained.step();
      assertTrue(chained.lr() >= 0, "chained, step " + t + ": " + chained.lr());
      assertEquals(((LrFunction) chained).lrAt(t), chained.lr(), 1e-17, "chained, step " + t);
    }
  }

  @Test
  @DisplayName("CyclicLR with a negative baseLr is at max_lr at the top of every cycle, where PyTorch's rounding is not")
  void negativeBaseLrTopOfCycle() {
    StepScheduler scheduler = classes.scheduler("NegativeBaseCyclic", StepScheduler.class, 0.1, 0.1);
    double maxLr = 5.137702410283813E-7;
    for (int t = 1; t <= 700; t++) {
      scheduler.step();
      // The phase starts at step 120; a cycle is 38 steps and its top the 6th.
      if (t >= 120 && (t - 120) % 38 == 6) {
        double height = maxLr - -0.046926854368113516;
        assertEquals(-0.046926854368113516 + height, scheduler.lr(0), Math.ulp(height), "step " + t);
      }
    }
    // PyTorch 1.13's CyclicLR gives 5.137702402541189E-7 at step 696, 7.7e-16 below max_lr: 1.66e-14
    // of the peak 0.0469, beyond the conformance rule; Anneal stays at max_lr (the README's CyclicLR note).
    assertTrue(Math.abs(((LrFunction) scheduler).lrAt(696, 0) - maxLr) < 1e-16);
  }

  /**
   * Found with seed 7267227622804868229 of the refusal property: a cycleMul just below 1 with a
   * long tInitial puts the update where timm's logarithm leaves its domain past the largest long,
   * and the search for it, a step at a time from an estimate, never ended.
   */
  @Test
  @DisplayName("a cycleMul just below 1 with the longest tInitial is refused at once")
  void cycleMulJustBelowOne() {
    for (String type : List.of("TIMM_COSINE", "TIMM_TANH", "TIMM_POLY")) {
      Compilation compilation = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(60), () -> Sources.compile(Sources.config("AlmostOne",
              "@Schedule(type = " + type + ", tInitial = Integer.MAX_VALUE, cycleMul = 0.9999999999999999,",
              "    warmupT = 10, warmupPrefix = true)",
              "final class AlmostOne {}")));
      assertThat(compilation).hadErrorContaining("cycle_mul = 0.9999999999999999 is below 1");
      assertThat(compilation).hadErrorContaining("from update " + Long.MAX_VALUE + " on");
    }
  }

  /**
   * Found with seed 7187307176401994396 of the accepted-configs property (with twice its tries):
   * timm's plateau ends its warm-up at {@code warmup_lr_init + warmup_t * s}, which for a group
   * whose initial rate is 0 timm computes as -1.6940658945086007E-21, and no reduction moves (the
   * README's exception to non-negative rates). Anneal gives timm's number.
   */
  @Test
  @DisplayName("timm's plateau warmed up to a rate of 0 ends a rounding below it, as timm does")
  void timmPlateauWarmupToZero() {
    assertThat(Sources.compile(Sources.config("WarmToZero", CONFIGS.get("WarmToZero")))).succeededWithoutWarnings();
    dev.anneal.MetricScheduler scheduler = classes.scheduler("WarmToZero", dev.anneal.MetricScheduler.class, 0.0, 0.1);
    double s = (0.0 - 1e-5) / 5;
    for (int e = 1; e <= 9; e++) {
      scheduler.step(1.0 / e);
      assertEquals(e <= 5 ? 1e-5 + e * s : 1e-5 + 5 * s, scheduler.lr(0), 0.0, "epoch " + e);
    }
    assertEquals(-1.6940658945086007E-21, scheduler.lr(0), 0.0);
    assertTrue(scheduler.lr(1) > 0);
  }

  @Test
  @DisplayName("a @Deprecated config compiles without a warning in its generated class")
  void deprecatedConfig() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all"),
        Sources.config("Old",
            "@Deprecated",
            "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
            "final class Old {",
            "  @Deprecated",
            "  static double warmup(long epoch) {",
            "    return 1.0;",
            "  }",
            "}"));
    assertThat(compilation).succeeded();
    assertEquals(List.of(), compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getMessage(null)).toList());
  }

  @Test
  @DisplayName("a class named Math or Override beside the config does not break the generated class")
  void javaLangNamesInTheConfigsPackage() {
    Compilation compilation = Sources.compile(
        JavaFileObjects.forSourceLines(Sources.PACKAGE + ".Math", "package " + Sources.PACKAGE + ";",
            "final class Math {}"),
        JavaFileObjects.forSourceLines(Sources.PACKAGE + ".Override", "package " + Sources.PACKAGE + ";",
            "final class Override {}"),
        Sources.config("Shadowed", "@Schedule(type = COSINE, tMax = 10)", "final class Shadowed {}"));
    assertThat(compilation).succeeded();
  }

  @Test
  @DisplayName("a chain whose LinearLR ends at -0.0 reaches a rate of 0 exactly, not PyTorch's rounding residue")
  void chainedLinearEndsAtZero() {
    StepScheduler chained = classes.scheduler("ChainedCosinesToZero", StepScheduler.class, 0.1);
    for (int t = 0; t < 240; t++) {
      chained.step();
    }
    assertEquals(0.0, Math.abs(chained.lr()), 0.0);
    assertEquals(0.0, Math.abs(((LrFunction) chained).lrAt(240, 0)), 0.0);
  }

  @Test
  @DisplayName("without @Warmup, @Bind warmupSteps binds Keras's CosineDecay's own warm-up")
  void boundWarmupStepsOfKerasCosineDecay() {
    StepScheduler keras = classes.boundScheduler("KerasBoundWarmup", classes.config("KerasBoundWarmup"),
        StepScheduler.class, 0.0);
    // Keras's warm-up from initial_learning_rate 0 to warmup_target 0.1 over warmup_steps 5.
    for (int t = 0; t < 5; t++) {
      assertEquals(0.1 * t / 5, keras.lr(), 1e-15, "step " + t);
      keras.step();
    }
    assertEquals(0.1, keras.lr(), 1e-15);
  }

  @Test
  @DisplayName("optax's exponential_decay that grows past the doubles is refused on that step, as 1.5 ** t")
  void optaxGrowthRefusedWhereItOverflows() {
    StepScheduler growing = classes.scheduler("OptaxGrowing", StepScheduler.class, 0.1);
    int t = 0;
    while (Double.isFinite(0.1 * Math.pow(1.5, t + 1))) {
      growing.step();
      t++;
      assertEquals(0.1 * Math.pow(1.5, t), growing.lr(), 1e-12 * growing.lr(), "step " + t);
    }
    ArithmeticException e = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, growing::step);
    assertTrue(e.getMessage().contains("the rate at step " + (t + 1) + " is Infinity"), e.getMessage());
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.internal.StateCodec;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Values that compile and then reach the limits of the numbers: periods past {@code int}, rates
 * that grow past the largest double, amplitude functions that return what no rate may be. Each
 * either gives PyTorch's numbers or is refused, on the step where it happens, with a message naming
 * the step and the value; never a wrapped count or an infinite rate.
 */
@DisplayName("Numeric limits at run time")
class NumericLimitsTest {
  private static final double[] TWO_GROUPS = {0.1, 0.05};
  private static final long TWO_POW_31 = 1L << 31;

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("MinStep", new String[] {
        "@Schedule(type = STEP, stepSize = Integer.MIN_VALUE, gamma = 0.5)",
        "final class MinStep {}"});
    CONFIGS.put("BoundMinStep", new String[] {
        "@Schedule(type = STEP, gamma = 0.5)",
        "record BoundMinStep(@Bind int stepSize) {}"});
    CONFIGS.put("PatientPlateau", new String[] {
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = Integer.MAX_VALUE)",
        "final class PatientPlateau {}"});
    // Cycles of 4 steps: cycle 3 begins at step 8, cycle 4 at 12, cycle 5 at 16.
    CONFIGS.put("BadScaleCycle", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 2, scaleFn = \"scale\")",
        "final class BadScaleCycle {",
        "  static double scale(double cycle) {",
        "    return cycle == 3 ? -5 : cycle == 4 ? Double.POSITIVE_INFINITY : cycle == 5 ? Double.NaN : 1 / cycle;",
        "  }",
        "}"});
    CONFIGS.put("BadScaleSteps", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 2, scaleFn = \"scale\",",
        "    scaleMode = ScaleMode.ITERATIONS)",
        "final class BadScaleSteps {",
        "  static double scale(double step) {",
        "    return step == 5 ? Double.NaN : step == 6 ? -1 : step == 7 ? Double.POSITIVE_INFINITY : 0.5;",
        "  }",
        "}"});
    CONFIGS.put("BadScaleChained", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 2, scaleFn = \"scale\",",
        "    cycleMomentum = false)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Chained",
        "final class BadScaleChained {",
        "  static double scale(double cycle) {",
        "    return cycle == 3 ? -5 : 1.0;",
        "  }",
        "}"});
    CONFIGS.put("BadScaleSequential", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 2, scaleFn = \"scale\",",
        "    cycleMomentum = false)",
        "@Schedule(type = CONSTANT, factor = 0.5)",
        "@Sequential(milestones = 100)",
        "final class BadScaleSequential {",
        "  static double scale(double cycle) {",
        "    return cycle == 3 ? Double.NaN : 1.0;",
        "  }",
        "}"});
    CONFIGS.put("GrowingExponential", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 1.5)",
        "final class GrowingExponential {}"});
    CONFIGS.put("BoundExponential", new String[] {
        "@Schedule(type = EXPONENTIAL)",
        "record BoundExponential(@Bind double gamma) {}"});
    CONFIGS.put("GrowingStep", new String[] {
        "@Schedule(type = STEP, stepSize = 2, gamma = 10.0)",
        "final class GrowingStep {}"});
    CONFIGS.put("GrowingStepSequential", new String[] {
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Schedule(type = STEP, stepSize = 2, gamma = 10.0)",
        "@Sequential(milestones = 4)",
        "final class GrowingStepSequential {}"});
    CONFIGS.put("GrowingMultiStep", new String[] {
        "@Schedule(type = MULTI_STEP, milestones = {3, 5, 5}, gamma = 1e200)",
        "final class GrowingMultiStep {}"});
    CONFIGS.put("GrowingMultiplicative", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"grow\")",
        "final class GrowingMultiplicative {",
        "  static double grow(long step) {",
        "    return 1e100;",
        "  }",
        "}"});
    CONFIGS.put("GrowingMultiplicatives", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = {\"same\", \"grow\"})",
        "final class GrowingMultiplicatives {",
        "  static double same(long step) {",
        "    return 1.0;",
        "  }",
        "  static double grow(long step) {",
        "    return 1e100;",
        "  }",
        "}"});
    CONFIGS.put("HugeLambda", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"huge\")",
        "final class HugeLambda {",
        "  static double huge(long step) {",
        "    return step < 3 ? 1.0 : 1e308;",
        "  }",
        "}"});
    CONFIGS.put("GrowingChained", new String[] {
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 3)",
        "@Schedule(type = EXPONENTIAL, gamma = 1.5)",
        "@Chained",
        "final class GrowingChained {}"});
    CONFIGS.put("GrowingCyclic", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 3, mode = Mode.EXP_RANGE, gamma = 1.5)",
        "final class GrowingCyclic {}"});
    CONFIGS.put("ReplayedChain", new String[] {
        "@Schedule(type = COSINE, tMax = 10)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Chained",
        "final class ReplayedChain {}"});
    CONFIGS.put("Shrinking", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"shrink\")",
        "final class Shrinking {",
        "  static double shrink(long step) {",
        "    return 0.999;",
        "  }",
        "}"});
    CONFIGS.put("LambdaThenDecay", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
        "@Schedule(type = COSINE, tMax = 7)",
        "@Chained",
        "final class LambdaThenDecay {",
        "  static double warmup(long step) {",
        "    return Math.min(1.0, (step + 1) / 10.0);",
        "  }",
        "}"});
    CONFIGS.put("RestartsThenConstant", new String[] {
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 5, tMult = 2)",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 4)",
        "@Chained",
        "final class RestartsThenConstant {}"});
    CONFIGS.put("CyclicThenLinear", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 4, cycleMomentum = false)",
        "@Schedule(type = LINEAR, startFactor = 0.5, totalIters = 6)",
        "@Chained",
        "final class CyclicThenLinear {}"});
    CONFIGS.put("TinyDivFactor", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 1.0, totalSteps = 100, divFactor = 1e-310)",
        "final class TinyDivFactor {}"});
    CONFIGS.put("TinyFinalDivFactor", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 1.0, totalSteps = 100, divFactor = 1e-10, finalDivFactor = 1e-300)",
        "final class TinyFinalDivFactor {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  /** Asserts that {@code call} throws {@code type} with a message containing every fragment. */
  static <T extends Throwable> T assertRefused(Class<T> type, Executable call, String... fragments) {
    T thrown = assertThrows(type, call);
    String message = thrown.getMessage();
    for (String fragment : fragments) {
      assertTrue(message != null && message.contains(fragment),
          () -> "message \"" + message + "\" should contain \"" + fragment + "\"");
    }
    return thrown;
  }

  /**
   * A state that {@code scheduler} accepts: its own saved state's header (fingerprint and groups)
   * with another step count and values, and the checksum recomputed.
   */
  static byte[] craftedState(LrScheduler scheduler, long step, long... valueBits) {
    ByteBuffer saved = ByteBuffer.wrap(scheduler.saveState());
    long fingerprint = saved.getLong(4 + 2 + 4);
    int groups = saved.getInt(4 + 2 + 4 + 8);
    StateCodec.Writer writer = StateCodec.writer(fingerprint, groups, step, valueBits.length);
    for (long bits : valueBits) {
      writer.putLong(bits);
    }
    return writer.finish();
  }

  @Nested
  @DisplayName("StepLR with stepSize = Integer.MIN_VALUE decays every 2^31 steps, as PyTorch's |step_size|")
  class MinStepSize {
    private StepScheduler build(String config) {
      return config.equals("MinStep")
          ? classes.scheduler(config, StepScheduler.class, TWO_GROUPS)
          : classes.boundScheduler(config, classes.config(config, Integer.MIN_VALUE), StepScheduler.class,
              TWO_GROUPS);
    }

    @Test
    @DisplayName("one step counts one, and the rate stays until step 2^31")
    void stepCountAfterOneStep() {
      for (String config : List.of("MinStep", "BoundMinStep")) {
        StepScheduler scheduler = build(config);
        scheduler.step();
        assertEquals(1, scheduler.stepCount(), config);
        assertEquals(0.1, scheduler.lr(0), 0.0, config);
        assertEquals(0.05, scheduler.lr(1), 0.0, config);
      }
    }

    @Test
    @DisplayName("lrAt decays at 2^31 and 2^32, not before")
    void lrAtDecaysAtTwoPow31() {
      for (String config : List.of("MinStep", "BoundMinStep")) {
        LrFunction scheduler = (LrFunction) build(config);
        assertEquals(0.1, scheduler.lrAt(TWO_POW_31 - 1, 0), 0.0, config);
        assertEquals(0.1 * 0.5, scheduler.lrAt(TWO_POW_31, 0), 0.0, config);
        assertEquals(0.05 * 0.5, scheduler.lrAt(2 * TWO_POW_31 - 1, 1), 0.0, config);
        assertEquals(0.05 * 0.25, scheduler.lrAt(2 * TWO_POW_31, 1), 0.0, config);
      }
    }

    @Test
    @DisplayName("stepping across 2^31 from a restored state agrees with lrAt, and saves and restores there")
    void steppingAcrossTwoPow31() {
      for (String config : List.of("MinStep", "BoundMinStep")) {
        StepScheduler scheduler = build(config);
        // StepLR saves its factor and the step of its next decay.
        scheduler.restoreState(craftedState(scheduler, TWO_POW_31 - 2, Double.doubleToLongBits(1.0), TWO_POW_31));
        assertEquals(TWO_POW_31 - 2, scheduler.stepCount(), config);
        LrFunction function = (LrFunction) scheduler;
        for (long t = TWO_POW_31 - 2; t <= TWO_POW_31 + 3; t++) {
          assertEquals(t, scheduler.stepCount(), config);
          for (int g = 0; g < 2; g++) {
            assertEquals(function.lrAt(t, g), scheduler.lr(g), 0.0, config + " at step " + t);
          }
          assertEquals(scheduler.lr(0), scheduler.lr(), 0.0, config);
          StepScheduler copy = build(config);
          copy.restoreState(scheduler.saveState());
          assertEquals(t, copy.stepCount(), config);
          assertEquals(scheduler.lr(0), copy.lr(0), 0.0, config);
          copy.step();
          scheduler.step();
          assertEquals(scheduler.lr(1), copy.lr(1), 0.0, config);
          assertEquals(scheduler.stepCount(), copy.stepCount(), config);
        }
        assertEquals(0.1 * 0.5, scheduler.lr(0), 0.0, config);
      }
    }
  }

  @Test
  @DisplayName("ReduceLROnPlateau with patience = Integer.MAX_VALUE reduces on the 2^31st bad step, as PyTorch")
  void plateauCountsBadStepsPastIntegerMaxValue() {
    dev.anneal.MetricScheduler scheduler = classes.scheduler("PatientPlateau", dev.anneal.MetricScheduler.class,
        TWO_GROUPS);
    // ReduceLROnPlateau saves every group's rate, the best metric and the count of bad steps.
    scheduler.restoreState(craftedState(scheduler, 5_000_000_000L, Double.doubleToLongBits(0.1),
        Double.doubleToLongBits(0.05), Double.doubleToLongBits(1.0), Integer.MAX_VALUE - 1L));
    scheduler.step(2.0);
    assertEquals(0.1, scheduler.lr(0), 0.0, "2^31 - 1 bad steps are within the patience");
    scheduler.step(2.0);
    assertEquals(0.05, scheduler.lr(0), 0.0, "2^31 bad steps are more than the patience");
    assertEquals(0.025, scheduler.lr(1), 0.0);
    assertEquals(0.05, scheduler.lr(), 0.0);
  }

  @Nested
  @DisplayName("CyclicLR: a scaleFn value that is negative, infinite or NaN is refused on its step")
  class ScaleFunction {
    /** Steps {@code scheduler} to {@code step - 1}, then asserts that the next step is refused and changes nothing. */
    private void assertStepRefused(StepScheduler scheduler, long step, String... fragments) {
      while (scheduler.stepCount() < step - 1) {
        scheduler.step();
      }
      double[] before = {scheduler.lr(0), scheduler.lr(1), scheduler.lr()};
      byte[] saved = scheduler.saveState();
      assertRefused(IllegalStateException.class, scheduler::step, fragments);
      assertEquals(step - 1, scheduler.stepCount(), "the step count stays");
      assertEquals(before[0], scheduler.lr(0), 0.0);
      assertEquals(before[1], scheduler.lr(1), 0.0);
      assertEquals(before[2], scheduler.lr(), 0.0);
      assertEquals(java.util.Arrays.toString(saved), java.util.Arrays.toString(scheduler.saveState()),
          "the whole state stays");
      assertRefused(IllegalStateException.class, scheduler::step, fragments);
    }

    @Test
    @DisplayName("per cycle: -5, +Infinity and NaN, in step(), lrAt and momentumAt")
    void perCycle() {
      StepScheduler scheduler = classes.scheduler("BadScaleCycle", StepScheduler.class, TWO_GROUPS);
      assertStepRefused(scheduler, 8, "CyclicLR", "scale(3.0)", "returned -5.0", "at step 8");
      LrFunction function = (LrFunction) scheduler;
      dev.anneal.MomentumFunction momentum = (dev.anneal.MomentumFunction) scheduler;
      String[][] cases = {{"8", "scale(3.0)", "-5.0"}, {"12", "scale(4.0)", "Infinity"}, {"16", "scale(5.0)", "NaN"}};
      for (String[] c : cases) {
        long step = Long.parseLong(c[0]);
        assertRefused(IllegalStateException.class, () -> function.lrAt(step, 1), c[1], "returned " + c[2],
            "at step " + step);
        assertRefused(IllegalStateException.class, () -> momentum.momentumAt(step + 1, 0), c[1],
            "returned " + c[2], "at step " + (step + 1));
      }
      assertEquals(0.01 + 0.09 * 0.5, function.lrAt(6, 0), 1e-15, "cycle 2 at its peak, amplitude 1/2");
    }

    @Test
    @DisplayName("per step (scaleMode ITERATIONS): NaN, -1 and +Infinity")
    void perStep() {
      StepScheduler scheduler = classes.scheduler("BadScaleSteps", StepScheduler.class, TWO_GROUPS);
      assertStepRefused(scheduler, 5, "CyclicLR", "scale(5.0)", "returned NaN", "at step 5");
      LrFunction function = (LrFunction) scheduler;
      String[][] cases = {{"5", "NaN"}, {"6", "-1.0"}, {"7", "Infinity"}};
      for (String[] c : cases) {
        long step = Long.parseLong(c[0]);
        assertRefused(IllegalStateException.class, () -> function.lrAt(step, 1), "scale(" + (double) step + ")",
            "returned " + c[1], "at step " + step);
      }
      assertEquals(0.01 + 0.09 * 0.5 * 0.5, function.lrAt(1, 0), 1e-15);
    }

    @Test
    @DisplayName("in @Chained and @Sequential")
    void combined() {
      StepScheduler chained = classes.scheduler("BadScaleChained", StepScheduler.class, TWO_GROUPS);
      assertStepRefused(chained, 8, "scale(3.0)", "returned -5.0", "at step 8");
      StepScheduler sequential = classes.scheduler("BadScaleSequential", StepScheduler.class, TWO_GROUPS);
      assertStepRefused(sequential, 8, "scale(3.0)", "returned NaN", "at step 8");
      assertRefused(IllegalStateException.class, () -> ((LrFunction) sequential).lrAt(9, 0), "returned NaN");
    }
  }

  @Nested
  @DisplayName("A rate that grows past the largest double: the step that would overflow throws and changes nothing")
  class Growth {
    /** Initial rates: group 0 is the larger, so it overflows first. */
    private final double[] bases = {2.0, 0.5};

    /** The first step whose rate {@code largest * factor(t)} is not a finite double, by plain search. */
    private long firstOverflow(double largest, java.util.function.LongToDoubleFunction factor) {
      long t = 0;
      while (Double.isFinite(factor.applyAsDouble(t)) && Double.isFinite(largest * factor.applyAsDouble(t))) {
        t++;
      }
      return t;
    }

    /**
     * Steps to {@code overflow - 1}, checks that step {@code overflow} throws ArithmeticException
     * naming it and leaves everything, and that lrAt refuses it too.
     */
    private void assertOverflowRefused(StepScheduler scheduler, long overflow, String schedule) {
      while (scheduler.stepCount() < overflow - 1) {
        scheduler.step();
        assertTrue(Double.isFinite(scheduler.lr(0)) && Double.isFinite(scheduler.lr(1)),
            "finite at step " + scheduler.stepCount());
      }
      double[] before = {scheduler.lr(0), scheduler.lr(1), scheduler.lr()};
      byte[] saved = scheduler.saveState();
      assertRefused(ArithmeticException.class, scheduler::step, schedule, "step " + overflow);
      assertEquals(overflow - 1, scheduler.stepCount(), "the step count stays");
      assertEquals(before[0], scheduler.lr(0), 0.0);
      assertEquals(before[1], scheduler.lr(1), 0.0);
      assertEquals(before[2], scheduler.lr(), 0.0);
      assertEquals(java.util.Arrays.toString(saved), java.util.Arrays.toString(scheduler.saveState()),
          "the whole state stays");
      LrFunction function = (LrFunction) scheduler;
      assertRefused(ArithmeticException.class, () -> function.lrAt(overflow, 0), "step " + overflow);
      assertTrue(Double.isFinite(function.lrAt(overflow - 1, 0)));
    }

    @Test
    @DisplayName("ExponentialLR gamma = 1.5, written or bound")
    void exponential() {
      long overflow = firstOverflow(2.0, t -> Math.pow(1.5, t));
      assertEquals(1749, overflow, "2 * 1.5^t passes 1.8e308 between 1748 and 1749");
      assertOverflowRefused(classes.scheduler("GrowingExponential", StepScheduler.class, bases), overflow,
          "ExponentialLR");
      assertOverflowRefused(classes.boundScheduler("BoundExponential", classes.config("BoundExponential", 1.5),
          StepScheduler.class, bases), overflow, "ExponentialLR");
      // A gamma below 1 bound at run time decays as ever.
      StepScheduler decaying = classes.boundScheduler("BoundExponential", classes.config("BoundExponential", 0.5),
          StepScheduler.class, bases);
      decaying.step();
      assertEquals(1.0, decaying.lr(0), 0.0);
    }

    @Test
    @DisplayName("StepLR gamma = 10 every 2 steps, alone and as a @Sequential phase")
    void step() {
      long decays = firstOverflow(2.0, k -> Math.pow(10, k));
      assertOverflowRefused(classes.scheduler("GrowingStep", StepScheduler.class, bases), 2 * decays, "StepLR");
      assertOverflowRefused(classes.scheduler("GrowingStepSequential", StepScheduler.class, bases), 4 + 2 * decays,
          "StepLR");
    }

    @Test
    @DisplayName("MultiStepLR gamma = 1e200: the second milestone, listed twice, overflows")
    void multiStep() {
      assertOverflowRefused(classes.scheduler("GrowingMultiStep", StepScheduler.class, bases), 5, "MultiStepLR");
    }

    @Test
    @DisplayName("MultiplicativeLR with a factor of 1e100: the rate passes 1e308 on step 4")
    void multiplicative() {
      long overflow = firstOverflow(2.0, t -> Math.pow(1e100, t));
      assertEquals(4, overflow);
      assertOverflowRefused(classes.scheduler("GrowingMultiplicative", StepScheduler.class, bases), overflow,
          "MultiplicativeLR");
      StepScheduler perGroup = classes.scheduler("GrowingMultiplicatives", StepScheduler.class, bases);
      // Group 1's function grows: 0.5 * 1e100^t passes the largest double at step 4 too.
      while (perGroup.stepCount() < 3) {
        perGroup.step();
      }
      assertRefused(ArithmeticException.class, perGroup::step, "MultiplicativeLR", "step 4");
      assertEquals(3, perGroup.stepCount());
    }

    @Test
    @DisplayName("LambdaLR returning 1e308: 2.0 * 1e308 overflows on step 3")
    void lambda() {
      assertOverflowRefused(classes.scheduler("HugeLambda", StepScheduler.class, bases), 3, "LambdaLR");
      // A group whose initial rate keeps it finite reads it: lrAt checks each rate it gives.
      LrFunction small = classes.scheduler("HugeLambda", LrFunction.class, 1.0);
      assertEquals(1e308, small.lrAt(3, 0), 0.0);
    }

    @Test
    @DisplayName("@Chained ConstantLR and ExponentialLR gamma = 1.5: neither group's rate changes on the refused step")
    void chained() {
      // Step 3 restores ConstantLR's factor: 2 * 1.5^t, as alone, from then on.
      long overflow = firstOverflow(2.0, t -> Math.pow(1.5, t));
      assertOverflowRefused(classes.scheduler("GrowingChained", StepScheduler.class, bases), overflow,
          "ChainedScheduler");
    }

    @Test
    @DisplayName("CyclicLR exp_range gamma = 1.5: the amplitude times the reach of rates and momentum overflows")
    void cyclic() {
      // The momentum reaches |max_momentum| + |max_momentum - base_momentum| = 0.9 + 0.1 = 1.0.
      long overflow = firstOverflow(1.0, t -> Math.pow(1.5, t));
      assertOverflowRefused(classes.scheduler("GrowingCyclic", StepScheduler.class, bases), overflow, "CyclicLR");
      dev.anneal.MomentumFunction momentum = classes.scheduler("GrowingCyclic", dev.anneal.MomentumFunction.class,
          bases);
      assertRefused(ArithmeticException.class, () -> momentum.momentumAt(overflow, 1), "step " + overflow);
    }

    @Test
    @DisplayName("ExponentialLR's stepped rate is base_lr * gamma^t bit for bit at every multiple of 1,024 steps")
    void exponentialReanchors() {
      for (double gamma : new double[] {0.99, 0.999, 0.9999, 1.0001}) {
        StepScheduler scheduler = classes.boundScheduler("BoundExponential", classes.config("BoundExponential", gamma),
            StepScheduler.class, bases);
        for (long t = 1; t <= 6 * 1024; t++) {
          scheduler.step();
          if (t % 1024 == 0) {
            assertEquals(Double.doubleToLongBits(2.0 * Math.pow(gamma, t)), Double.doubleToLongBits(scheduler.lr(0)),
                "gamma = " + gamma + ", step " + t);
            assertEquals(Double.doubleToLongBits(0.5 * Math.pow(gamma, t)), Double.doubleToLongBits(scheduler.lr(1)),
                "gamma = " + gamma + ", step " + t);
          }
        }
      }
    }
  }

  @Nested
  @DisplayName("lrAt of a schedule without a closed form: bounded, or a closed form where the chain has one")
  class Replay {
    @Test
    @DisplayName("a replayed chain and MultiplicativeLR refuse steps past 10^9 at once, naming the limit")
    void replayRefusedPastTheLimit() {
      for (String config : List.of("ReplayedChain", "Shrinking")) {
        LrFunction function = classes.scheduler(config, LrFunction.class, TWO_GROUPS);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
          for (long step : new long[] {Long.MAX_VALUE, 1_000_000_001L, 1L << 40}) {
            assertRefused(IllegalArgumentException.class, () -> function.lrAt(step, 0), "lrAt(" + step + ")",
                "1000000000", "REPLAY_LIMIT");
          }
        }, config);
        assertEquals(dev.anneal.internal.Checks.REPLAY_LIMIT, 1_000_000_000L);
      }
      // Below the limit it replays, and agrees with stepping.
      StepScheduler scheduler = classes.scheduler("ReplayedChain", StepScheduler.class, TWO_GROUPS);
      for (int t = 0; t < 50; t++) {
        assertEquals(scheduler.lr(1), ((LrFunction) scheduler).lrAt(t, 1), 0.0, "step " + t);
        scheduler.step();
      }
    }

    @Test
    @DisplayName("a chain with LambdaLR, CosineAnnealingWarmRestarts or CyclicLR needs no replay: lrAt at any step, equal to stepping")
    void chainsThatSetTheRateHaveAClosedForm() {
      for (String config : List.of("LambdaThenDecay", "RestartsThenConstant", "CyclicThenLinear")) {
        StepScheduler scheduler = classes.scheduler(config, StepScheduler.class, TWO_GROUPS);
        LrFunction function = (LrFunction) scheduler;
        for (int t = 0; t < 300; t++) {
          for (int g = 0; g < 2; g++) {
            assertEquals(scheduler.lr(g), function.lrAt(t, g), 0.0, config + ", step " + t + ", group " + g);
          }
          scheduler.step();
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
          assertTrue(Double.isFinite(function.lrAt(Long.MAX_VALUE - 1, 1)));
          assertTrue(Double.isFinite(function.lrAt(1_000_000_000_000L, 0)));
        }, config);
      }
      // PyTorch's numbers, written out: from step 1 on LambdaLR sets base_lr * warmup(t), and
      // StepLR and CosineAnnealingLR then act on that rate once. At t = 12: warmup 1, StepLR
      // decays (12 % 3 == 0), and the cosine's recurrence ratio (1 + cos(12 pi / 7)) / (1 + cos(11 pi / 7)).
      double lr = 0.1 * 1.0 * 0.5;
      double ratio = (1 + Math.cos(Math.PI * 12 / 7.0)) / (1 + Math.cos(Math.PI * 11 / 7.0));
      assertEquals(lr * ratio, classes.scheduler("LambdaThenDecay", LrFunction.class, TWO_GROUPS).lrAt(12, 0),
          1e-15);
    }
  }

  @Test
  @DisplayName("OneCycleLR whose div factors take initial_lr or min_lr past the largest double is refused when built")
  void oneCycleDivFactorsThatOverflow() {
    // 1.0 / 1e-310 and 1e10 / 1e-300 are past Double.MAX_VALUE = 1.8e308.
    assertRefused(ArithmeticException.class,
        () -> classes.scheduler("TinyDivFactor", StepScheduler.class, 0.1), "initial_lr = max_lr / div_factor",
        "step 0", "Infinity");
    assertRefused(ArithmeticException.class,
        () -> classes.scheduler("TinyFinalDivFactor", StepScheduler.class, 0.1),
        "min_lr = initial_lr / final_div_factor", "step 100", "Infinity");
  }
}

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
}

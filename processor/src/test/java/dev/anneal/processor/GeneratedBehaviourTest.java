package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the generated schedulers of {@link Configs#ALL}: the contract of construction, stepping,
 * random access, parameter groups, bound parameters and OneCycleLR's end.
 */
@DisplayName("Behaviour of generated schedulers")
class GeneratedBehaviourTest {
  /** Two parameter groups, as most tests use. */
  private static final double[] TWO_GROUPS = {0.1, 0.05};

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(Configs.ALL, List.of());
  }

  /** A scheduler of every config, with two groups; bound configs get typical values. */
  private static LrScheduler build(String config) {
    switch (config) {
      case "SweepRun":
        return classes.boundScheduler(config, classes.config(config, 32, 1e-4), LrScheduler.class, TWO_GROUPS);
      case "BoundOneCycle":
        return classes.boundScheduler(config, classes.config(config, new double[] {0.1, 0.05}, 4, 25),
            LrScheduler.class, TWO_GROUPS);
      case "BoundStep":
        return classes.boundScheduler(config, classes.config(config, 30), LrScheduler.class, TWO_GROUPS);
      case "BoundHfPolynomial":
        return classes.boundScheduler(config, classes.config(config, 0.1, 1e-4), LrScheduler.class, TWO_GROUPS);
      case "BoundWsd":
        return classes.boundScheduler(config, classes.config(config, 30), LrScheduler.class, TWO_GROUPS);
      case "BoundWarmup":
        return classes.boundScheduler(config, classes.config(config, 7, 0.1), LrScheduler.class, TWO_GROUPS);
      case "BoundWarmupPlateau":
        return classes.boundScheduler(config, classes.config(config, 5), LrScheduler.class, TWO_GROUPS);
      case "BoundTimmPlateau":
        return classes.boundScheduler(config, classes.config(config, 3, 0.5, 0.3), LrScheduler.class, TWO_GROUPS);
      default:
        return classes.scheduler(config, LrScheduler.class, TWO_GROUPS);
    }
  }

  /** How long to run a config: OneCycleLR ends at its total steps, the others run long. */
  private static int steps(String config) {
    switch (config) {
      case "OneCycleRun":
      case "WrittenOneCycle":
      case "BoundOneCycle":
        return 100;
      case "ThreePhase":
        return 50;
      default:
        return 3000;
    }
  }

  private static void assertClose(double expected, double actual, double relative, String what) {
    if (expected == actual) {
      return;
    }
    double error = Math.abs(expected - actual);
    if (!(error <= relative * Math.max(Math.abs(expected), Math.abs(actual)))) {
      fail(what + ": expected " + expected + " but was " + actual);
    }
  }

  @Nested
  @DisplayName("Construction and stepping")
  class Stepping {
    @Test
    @DisplayName("right after construction, lr() is the rate of step 0")
    void rateOfStepZero() {
      // CosineAnnealingLR starts at base_lr, LinearLR at base_lr * start_factor,
      // OneCycleLR at max_lr / div_factor.
      assertEquals(0.1, classes.scheduler("ResNetRun", LrScheduler.class, 0.1).lr());
      assertEquals(0.1 * 0.5, classes.scheduler("LinearRun", LrScheduler.class, 0.1).lr(), 1e-18);
      assertEquals(0.1 / 25, classes.scheduler("OneCycleRun", LrScheduler.class, 0.1).lr(), 1e-17);
      assertEquals(0, classes.scheduler("ResNetRun", LrScheduler.class, 0.1).stepCount());
    }

    @Test
    @DisplayName("step() advances one step")
    void stepAdvances() {
      StepScheduler scheduler = classes.scheduler("ConstantRun", StepScheduler.class, 0.1);
      for (int t = 0; t < 8; t++) {
        assertEquals(0.05, scheduler.lr(), 1e-18, "factor 0.5 before total_iters, step " + t);
        scheduler.step();
        assertEquals(t + 1, scheduler.stepCount());
      }
      assertEquals(0.1, scheduler.lr(), "base rate from total_iters on");
    }

    @Test
    @DisplayName("groupCount() is the number of initial rates, each group on its own rate")
    void groups() {
      LrScheduler scheduler = classes.scheduler("ResNetRun", LrScheduler.class, 0.1, 0.01, 0.001);
      assertEquals(3, scheduler.groupCount());
      assertEquals(0.1, scheduler.lr(0));
      assertEquals(0.01, scheduler.lr(1));
      assertEquals(0.001, scheduler.lr(2));
    }

    @Test
    @DisplayName("no initial rate, or a negative one, is refused")
    void initialRatesChecked() {
      IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("ResNetRun", LrScheduler.class));
      assertTrue(none.getMessage().contains("got none"), none.getMessage());
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("ResNetRun", LrScheduler.class, 0.1, -0.1));
      assertTrue(negative.getMessage().startsWith("initialLrs[1] = -0.1"), negative.getMessage());
    }

    @Test
    @DisplayName("the scheduler types: metric, momentum and random access where they apply")
    void interfaces() {
      assertTrue(classes.scheduler("PlateauRun", Object.class, 0.1) instanceof MetricScheduler);
      assertTrue(classes.scheduler("CyclicRun", Object.class, 0.1) instanceof MomentumScheduler);
      assertTrue(classes.scheduler("CyclicRun", Object.class, 0.1) instanceof MomentumFunction);
      assertTrue(!(classes.scheduler("ExpRangeCyclic", Object.class, 0.1, 0.1) instanceof MomentumScheduler),
          "cycleMomentum = false drives no momentum");
    }

    @Test
    @DisplayName("the shared configs reach every schedule type")
    void configsReachEveryType() {
      TypeCoverage.assertEveryType("Configs.ALL", Configs.ALL.values());
    }

    @Test
    @DisplayName("every schedule of the step alone offers lrAt; those stepped with a metric do not")
    void closedFormSet() {
      Set<String> withoutLrAt = new TreeSet<>();
      for (String config : Configs.ALL.keySet()) {
        if (!(build(config) instanceof LrFunction)) {
          withoutLrAt.add(config);
        }
      }
      // ReduceLROnPlateau and timm's plateau depend on the metrics. MultiplicativeLR, a running product, may or
      // may not offer random access, so the configs that use it are left out of the check.
      withoutLrAt.removeAll(Set.of("MultiplicativeRun", "ThreePhases"));
      assertEquals(Set.of("MaxPlateau", "PlateauRun", "WarmupPlateau", "BoundWarmupPlateau", "TimmPlateauRun",
          "BoundTimmPlateau", "WarmupTimmPlateau"), withoutLrAt);
    }
  }

  @TestFactory
  @DisplayName("lrAt(t) equals what stepping gives, for every t of a long run (relative 1e-12)")
  Stream<DynamicTest> lrAtMatchesStepping() {
    return Configs.ALL.keySet().stream()
        .filter(config -> build(config) instanceof LrFunction)
        .map(config -> DynamicTest.dynamicTest(config, () -> {
          LrScheduler stepped = build(config);
          LrFunction function = (LrFunction) build(config);
          for (int t = 0; t <= steps(config); t++) {
            if (t > 0) {
              ((StepScheduler) stepped).step();
            }
            for (int g = 0; g < stepped.groupCount(); g++) {
              assertClose(stepped.lr(g), function.lrAt(t, g), 1e-12, config + " step " + t + " group " + g);
            }
          }
        }));
  }

  @TestFactory
  @DisplayName("momentumAt(t) equals what stepping gives")
  Stream<DynamicTest> momentumAtMatchesStepping() {
    return Configs.ALL.keySet().stream()
        .filter(config -> build(config) instanceof MomentumFunction)
        .map(config -> DynamicTest.dynamicTest(config, () -> {
          MomentumScheduler stepped = (MomentumScheduler) build(config);
          MomentumFunction function = (MomentumFunction) build(config);
          for (int t = 0; t <= steps(config); t++) {
            if (t > 0) {
              ((StepScheduler) stepped).step();
            }
            for (int g = 0; g < stepped.groupCount(); g++) {
              assertClose(stepped.momentum(g), function.momentumAt(t, g), 1e-12, config + " step " + t);
            }
          }
        }));
  }

  @Test
  @DisplayName("lrAt(-1) and momentumAt(-1) throw IllegalArgumentException")
  void negativeStep() {
    LrFunction function = classes.scheduler("ResNetRun", LrFunction.class, 0.1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> function.lrAt(-1));
    assertEquals("step = -1 must be >= 0", e.getMessage());
    MomentumFunction momentum = classes.scheduler("CyclicRun", MomentumFunction.class, 0.1);
    assertThrows(IllegalArgumentException.class, () -> momentum.momentumAt(-1, 0));
  }

  @Nested
  @DisplayName("Per-group lists")
  class PerGroup {
    @Test
    @DisplayName("each group takes its own element")
    void ownElement() {
      LrScheduler scheduler = classes.scheduler("ExpRangeCyclic", LrScheduler.class, 0.1, 0.1);
      // CyclicLR starts at base_lr: {0.001, 0.0001}.
      assertEquals(0.001, scheduler.lr(0));
      assertEquals(0.0001, scheduler.lr(1));
    }

    @Test
    @DisplayName("a list of the wrong length throws IllegalArgumentException naming both counts")
    void wrongLength() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("ExpRangeCyclic", LrScheduler.class, 0.1, 0.1, 0.1));
      assertEquals("CyclicLR: expected 3 values for baseLr (base_lr), one per parameter group, or a single"
          + " value for all, got 2", e.getMessage());
    }

    @Test
    @DisplayName("one lrLambda per group: a third group throws naming both counts")
    void lambdaCount() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("TwoLambdas", LrScheduler.class, 0.1, 0.1, 0.1));
      assertEquals("LambdaLR: expected 3 lr_lambdas (lrLambda), one per parameter group, got 2", e.getMessage());
    }
  }

  @Nested
  @DisplayName("Bound parameters")
  class Bound {
    @Test
    @DisplayName("@Bind int tMax and double etaMin give the numbers of the written form")
    void boundCosineEqualsWritten() {
      LrScheduler bound = classes.boundScheduler("SweepRun", classes.config("SweepRun", 32, 1e-4),
          LrScheduler.class, TWO_GROUPS);
      assertSameRun(classes.scheduler("ResNetRun", LrScheduler.class, TWO_GROUPS), bound, 200);
    }

    @Test
    @DisplayName("@Bind double[] maxLr, int epochs and stepsPerEpoch give the numbers of the written form")
    void boundOneCycleEqualsWritten() {
      MomentumScheduler bound = classes.boundScheduler("BoundOneCycle",
          classes.config("BoundOneCycle", new double[] {0.1, 0.05}, 4, 25), MomentumScheduler.class, TWO_GROUPS);
      MomentumScheduler written = classes.scheduler("WrittenOneCycle", MomentumScheduler.class, TWO_GROUPS);
      for (int t = 0; t <= 100; t++) {
        if (t > 0) {
          ((StepScheduler) bound).step();
          ((StepScheduler) written).step();
        }
        for (int g = 0; g < 2; g++) {
          assertEquals(written.lr(g), bound.lr(g), "lr, step " + t + " group " + g);
          assertEquals(written.momentum(g), bound.momentum(g), "momentum, step " + t + " group " + g);
        }
      }
    }

    @Test
    @DisplayName("@Bind on an accessor method of a class gives the numbers of the written form")
    void boundStepEqualsWritten() {
      LrScheduler bound = classes.boundScheduler("BoundStep", classes.config("BoundStep", 30),
          LrScheduler.class, TWO_GROUPS);
      assertSameRun(classes.scheduler("StepRun", LrScheduler.class, TWO_GROUPS), bound, 200);
    }

    private void assertSameRun(LrScheduler written, LrScheduler bound, int steps) {
      for (int t = 0; t <= steps; t++) {
        if (t > 0) {
          ((StepScheduler) written).step();
          ((StepScheduler) bound).step();
        }
        for (int g = 0; g < written.groupCount(); g++) {
          assertEquals(written.lr(g), bound.lr(g), "step " + t + " group " + g);
        }
      }
    }

    private IllegalArgumentException refused(String config, Object... configArguments) {
      return assertThrows(IllegalArgumentException.class, () -> classes.boundScheduler(config,
          classes.config(config, configArguments), LrScheduler.class, TWO_GROUPS));
    }

    @Test
    @DisplayName("a bound stepSize of 0 throws, naming the parameter, the value and the rule")
    void badStepSize() {
      assertEquals("StepLR: stepSize (step_size) = 0 must not be 0", refused("BoundStep", 0).getMessage());
    }

    @Test
    @DisplayName("a bound tMax of 0 throws")
    void badTMax() {
      assertEquals("CosineAnnealingLR: tMax (T_max) = 0 must not be 0",
          refused("SweepRun", 0, 1e-4).getMessage());
    }

    @Test
    @DisplayName("a bound etaMin of NaN throws")
    void badEtaMin() {
      assertEquals("CosineAnnealingLR: etaMin (eta_min) = NaN must be a finite number",
          refused("SweepRun", 32, Double.NaN).getMessage());
    }

    @Test
    @DisplayName("a bound maxLr with a NaN element throws, naming the element as a written one is named")
    void badMaxLrElement() {
      assertEquals("OneCycleLR: maxLr[1] (max_lr) = NaN must be a finite number",
          refused("BoundOneCycle", new double[] {0.1, Double.NaN}, 4, 25).getMessage());
    }

    @Test
    @DisplayName("a bound maxLr of the wrong length throws naming both counts")
    void badMaxLrLength() {
      assertEquals("OneCycleLR: expected 2 values for maxLr (max_lr), one per parameter group, or a single"
          + " value for all, got 3", refused("BoundOneCycle", new double[] {0.1, 0.2, 0.3}, 4, 25).getMessage());
    }

    @Test
    @DisplayName("bound epochs of 0 throw")
    void zeroEpochs() {
      String message = refused("BoundOneCycle", new double[] {0.1}, 0, 25).getMessage();
      assertTrue(message.startsWith("OneCycleLR") && message.contains("= 0 must be > 0"), message);
    }

    @Test
    @DisplayName("bound negative epochs throw, naming epochs, even when the product is positive")
    void negativeEpochs() {
      // PyTorch: "Expected positive integer epochs, but got -4".
      String message = refused("BoundOneCycle", new double[] {0.1}, -4, -25).getMessage();
      assertTrue(message.contains("epochs (epochs) = -4 must be > 0"), message);
    }

    @Test
    @DisplayName("bound epochs and stepsPerEpoch whose product overflows throw IllegalArgumentException")
    void overflowingEpochs() {
      refused("BoundOneCycle", new double[] {0.1}, 100_000, 100_000);
    }

    @Test
    @DisplayName("bound lengths that give OneCycleLR a zero-length phase throw, as the written form fails to compile")
    void zeroLengthPhase() {
      // epochs * stepsPerEpoch = 4 and pctStart = 0.25: the first phase ends at step 0.
      String message = refused("BoundOneCycle", new double[] {0.1}, 2, 2).getMessage();
      assertTrue(message.startsWith("OneCycleLR") && message.contains("zero"), message);
    }
  }

  @Nested
  @DisplayName("OneCycleLR's end")
  class OneCycleEnd {
    @Test
    @DisplayName("total_steps steps succeed; the next throws IllegalStateException naming the total")
    void stepPastTheEnd() {
      StepScheduler scheduler = classes.scheduler("OneCycleRun", StepScheduler.class, 0.1);
      for (int t = 1; t <= 100; t++) {
        scheduler.step();
      }
      assertEquals(100, scheduler.stepCount());
      IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::step);
      // PyTorch raises on the same call: "Tried to step 102 times. The specified number of total
      // steps is 100" (it counts the step its constructor takes).
      assertTrue(e.getMessage().startsWith("OneCycleLR"), e.getMessage());
      assertTrue(e.getMessage().matches(".*\\b100\\b.*"), () -> "names the total: " + e.getMessage());
    }

    @Test
    @DisplayName("lrAt(total_steps) is defined; lrAt(total_steps + 1) throws naming the total")
    void lrAtPastTheEnd() {
      LrFunction function = classes.scheduler("OneCycleRun", LrFunction.class, 0.1);
      assertClose(PyTorchReference.ONE_CYCLE[100], function.lrAt(100), 1e-10, "step 100");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> function.lrAt(101));
      assertTrue(e.getMessage().matches(".*\\b100\\b.*"), () -> "names the total: " + e.getMessage());
    }
  }

  @Test
  @DisplayName("ReduceLROnPlateau counts a NaN metric as a bad step, as PyTorch does")
  void plateauNaN() {
    MetricScheduler scheduler = classes.scheduler("PlateauRun", MetricScheduler.class, 0.1);
    double[] metrics = PyTorchReference.PLATEAU_METRICS;
    for (int t = 0; t < metrics.length; t++) {
      assertEquals(PyTorchReference.PLATEAU[t], scheduler.lr(), 1e-15, "step " + t);
      scheduler.step(metrics[t]);
    }
  }

  @Test
  @DisplayName("the warning cases (totalIters = 0) still behave as PyTorch: the rate never changes")
  void neverChangesAsPyTorch() {
    GeneratedClasses warned = new GeneratedClasses(Map.of(
        "ConstantNever", new String[] {
            "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 0)", "final class ConstantNever {}"},
        "LinearNever", new String[] {
            "@Schedule(type = LINEAR, startFactor = 0.5, totalIters = 0)", "final class LinearNever {}"}),
        List.of());
    Map<String, double[]> expected = Map.of(
        "ConstantNever", PyTorchReference.CONSTANT_NEVER, "LinearNever", PyTorchReference.LINEAR_NEVER);
    expected.forEach((config, reference) -> {
      StepScheduler scheduler = warned.scheduler(config, StepScheduler.class, 0.1);
      LrFunction function = (LrFunction) scheduler;
      for (int t = 0; t < reference.length; t++) {
        assertClose(reference[t], scheduler.lr(), 1e-10, config + " step " + t);
        assertClose(reference[t], function.lrAt(t), 1e-10, config + " lrAt " + t);
        scheduler.step();
      }
    });
  }
}

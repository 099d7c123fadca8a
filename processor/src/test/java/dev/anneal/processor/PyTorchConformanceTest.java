package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated schedulers against values computed by PyTorch ({@link PyTorchReference}), stepped and
 * through {@code lrAt}, with the conformance suite's passing rule:
 * {@code |actual - expected| <= 1e-10 * |expected| + 1e-14 * peak}.
 */
@DisplayName("Generated schedulers give PyTorch's numbers")
class PyTorchConformanceTest {
  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(Configs.ALL, List.of());
  }

  /** One comparison: a config, its initial rates, the group and what to read, and PyTorch's values. */
  private record Case(String name, String config, double[] initialLrs, int group, boolean momentum,
      double[] expected) {}

  private static Case lr(String config, double[] expected, double... initialLrs) {
    return new Case(config, config, initialLrs, 0, false, expected);
  }

  private static List<Case> cases() {
    return List.of(
        lr("ResNetRun", PyTorchReference.COSINE, 0.001),
        lr("WarmupCosine", PyTorchReference.WARMUP_COSINE, 0.001),
        lr("CyclicRun", PyTorchReference.CYCLIC_TRIANGULAR2, 0.001),
        new Case("CyclicRun momentum", "CyclicRun", new double[] {0.001}, 0, true,
            PyTorchReference.CYCLIC_TRIANGULAR2_MOMENTUM),
        lr("OneCycleRun", PyTorchReference.ONE_CYCLE, 0.1),
        new Case("OneCycleRun momentum", "OneCycleRun", new double[] {0.1}, 0, true,
            PyTorchReference.ONE_CYCLE_MOMENTUM),
        new Case("TwoLambdas group 0", "TwoLambdas", new double[] {0.1, 0.05}, 0, false,
            PyTorchReference.TWO_LAMBDAS_0),
        new Case("TwoLambdas group 1", "TwoLambdas", new double[] {0.1, 0.05}, 1, false,
            PyTorchReference.TWO_LAMBDAS_1),
        lr("WarmRestartsRun", PyTorchReference.WARM_RESTARTS, 0.1),
        lr("ChainedDecay", PyTorchReference.CHAINED, 0.1),
        new Case("ExpRangeCyclic group 1", "ExpRangeCyclic", new double[] {0.1, 0.1}, 1, false,
            PyTorchReference.EXP_RANGE_1),
        new Case("ThreePhase group 1", "ThreePhase", new double[] {0.1, 0.1}, 1, false,
            PyTorchReference.THREE_PHASE_1),
        new Case("ThreePhase momentum group 1", "ThreePhase", new double[] {0.1, 0.1}, 1, true,
            PyTorchReference.THREE_PHASE_MOMENTUM_1),
        lr("MultiStepRun", PyTorchReference.MULTI_STEP, 0.1),
        lr("ThreePhases", PyTorchReference.THREE_PHASES, 0.1),
        lr("ScaledCyclic", PyTorchReference.SCALED_CYCLIC, 0.001),
        lr("PolynomialRun", PyTorchReference.POLYNOMIAL, 0.1),
        lr("LinearRun", PyTorchReference.LINEAR, 0.1),
        lr("ConstantRun", PyTorchReference.CONSTANT, 0.1));
  }

  @TestFactory
  Stream<DynamicTest> stepping() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      LrScheduler scheduler = classes.scheduler(c.config(), LrScheduler.class, c.initialLrs());
      ToDoubleFunction<LrScheduler> read = c.momentum()
          ? s -> ((MomentumScheduler) s).momentum(c.group())
          : s -> s.lr(c.group());
      double peak = peak(c.expected());
      for (int t = 0; t < c.expected().length; t++) {
        if (t > 0) {
          ((StepScheduler) scheduler).step();
        }
        assertConforms(c.expected()[t], read.applyAsDouble(scheduler), peak, c.name() + " step " + t);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> randomAccess() {
    return cases().stream().filter(c -> !c.momentum()).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      LrScheduler scheduler = classes.scheduler(c.config(), LrScheduler.class, c.initialLrs());
      if (!(scheduler instanceof LrFunction function)) {
        return; // MultiplicativeLR has no closed form; stepping covers it.
      }
      double peak = peak(c.expected());
      for (int t = 0; t < c.expected().length; t++) {
        assertConforms(c.expected()[t], function.lrAt(t, c.group()), peak, c.name() + " lrAt " + t);
      }
    }));
  }

  private static double peak(double[] values) {
    double peak = 0;
    for (double value : values) {
      peak = Math.max(peak, Math.abs(value));
    }
    return peak;
  }

  private static void assertConforms(double expected, double actual, double peak, String what) {
    if (!(Math.abs(actual - expected) <= 1e-10 * Math.abs(expected) + 1e-14 * peak)) {
      fail(what + ": PyTorch gives " + expected + ", the generated scheduler " + actual);
    }
  }
}

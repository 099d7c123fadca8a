package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.StepScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * What a generated scheduler does with bad input that only arrives at run time: metrics that are
 * not numbers, stepping or reading past the end, a group that does not exist, bound parameters
 * and initial rates that break their rules. Every refusal is an exception of a documented type
 * whose message names what was wrong; every accepted input leaves the rates finite.
 */
@DisplayName("Bad input at run time")
class RunTimeInputTest {
  private static final double[] TWO_GROUPS = {0.1, 0.05};

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>(Configs.ALL);

  static {
    CONFIGS.put("InputCosine", new String[] {
        "@Schedule(type = COSINE)",
        "record InputCosine(@Bind int tMax, @Bind double etaMin) {}"});
    CONFIGS.put("InputRestarts", new String[] {
        "@Schedule(type = COSINE_WARM_RESTARTS)",
        "record InputRestarts(@Bind int t0, @Bind int tMult) {}"});
    CONFIGS.put("InputOneCycle", new String[] {
        "@Schedule(type = ONE_CYCLE, totalSteps = 100)",
        "record InputOneCycle(@Bind double pctStart, @Bind double[] maxLr) {}"});
    CONFIGS.put("InputBadLambda", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"shrink\")",
        "final class InputBadLambda {",
        "  static double shrink(long epoch) {",
        "    return epoch == 3 ? Double.NaN : epoch == 5 ? -0.5 : 0.9;",
        "  }",
        "}"});
    CONFIGS.put("InputHfPolynomial", new String[] {
        "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10)",
        "record InputHfPolynomial(@Bind double lrInit, @Bind double lrEnd, @Bind int numTrainingSteps) {}"});
    CONFIGS.put("InputHfCosineMinLr", new String[] {
        "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100)",
        "record InputHfCosineMinLr(@Bind double minLr, @Bind double lrInit) {}"});
    CONFIGS.put("InputPlateau", new String[] {
        "@Schedule(type = REDUCE_ON_PLATEAU)",
        "record InputPlateau(@Bind double factor, @Bind double minLr) {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  /** Asserts that {@code call} throws {@code type} with a message containing every fragment. */
  private static <T extends Throwable> T assertRefused(Class<T> type, Executable call, String... fragments) {
    return NumericLimitsTest.assertRefused(type, call, fragments);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * PyTorch's {@code ReduceLROnPlateau.step} in plain Java, for comparing whole runs: an
   * improvement resets the count of bad steps, a count above {@code patience} reduces every rate
   * to {@code max(lr * factor, min_lr)} unless that changes it by {@code eps} or less, and a
   * cooldown ignores bad steps.
   */
  private static final class TorchPlateau {
    final boolean max;
    final boolean relative;
    final double factor;
    final int patience;
    final double threshold;
    final int cooldown;
    final double minLr;
    final double eps = 1e-8;
    final double[] lrs;
    double best;
    int badSteps;
    int cooldownCounter;

    TorchPlateau(boolean max, boolean relative, double factor, int patience, double threshold, int cooldown,
        double minLr, double... lrs) {
      this.max = max;
      this.relative = relative;
      this.factor = factor;
      this.patience = patience;
      this.threshold = threshold;
      this.cooldown = cooldown;
      this.minLr = minLr;
      this.lrs = lrs.clone();
      this.best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    boolean isBetter(double a) {
      if (!max && relative) {
        return a < best * (1.0 - threshold);
      } else if (!max) {
        return a < best - threshold;
      } else if (relative) {
        return a > best * (threshold + 1.0);
      }
      return a > best + threshold;
    }

    void step(double metric) {
      if (isBetter(metric)) {
        best = metric;
        badSteps = 0;
      } else {
        badSteps++;
      }
      if (cooldownCounter > 0) {
        cooldownCounter--;
        badSteps = 0;
      }
      if (badSteps > patience) {
        for (int g = 0; g < lrs.length; g++) {
          double reduced = Math.max(lrs[g] * factor, minLr);
          if (lrs[g] - reduced > eps) {
            lrs[g] = reduced;
          }
        }
        cooldownCounter = cooldown;
        badSteps = 0;
      }
    }
  }

  /** The generated PlateauRun: mode min, rel, factor 0.5, patience 2, threshold 1e-4, min_lr 0. */
  private static MetricScheduler plateauRun() {
    return classes.scheduler("PlateauRun", MetricScheduler.class, TWO_GROUPS);
  }

  private static TorchPlateau torchPlateauRun() {
    return new TorchPlateau(false, true, 0.5, 2, 1e-4, 0, 0.0, TWO_GROUPS);
  }

  /** The generated MaxPlateau: mode max, abs, factor 0.5, patience 2, threshold 0.01, cooldown 2, min_lr 1e-4. */
  private static MetricScheduler maxPlateau() {
    return classes.scheduler("MaxPlateau", MetricScheduler.class, TWO_GROUPS);
  }

  private static TorchPlateau torchMaxPlateau() {
    return new TorchPlateau(true, false, 0.5, 2, 0.01, 2, 1e-4, TWO_GROUPS);
  }

  /** Feeds {@code metrics} to both, comparing every group's rate after each step, bit for bit. */
  private static void assertSameRun(MetricScheduler scheduler, TorchPlateau torch, double... metrics) {
    for (int t = 0; t < metrics.length; t++) {
      scheduler.step(metrics[t]);
      torch.step(metrics[t]);
      for (int g = 0; g < TWO_GROUPS.length; g++) {
        assertEquals(torch.lrs[g], scheduler.lr(g), 0.0,
            "after metric " + metrics[t] + " (step " + (t + 1) + "), group " + g);
        assertTrue(Double.isFinite(scheduler.lr(g)) && scheduler.lr(g) >= 0,
            "rate " + scheduler.lr(g) + " after metric " + metrics[t]);
      }
    }
  }

  @Nested
  @DisplayName("ReduceLROnPlateau: a metric that is NaN or infinite")
  class Metrics {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    @DisplayName("NaN is never an improvement: it counts as a bad step and the best so far is kept")
    void nan() {
      MetricScheduler scheduler = plateauRun();
      TorchPlateau torch = torchPlateauRun();
      assertSameRun(scheduler, torch, 1.0, NAN, NAN);
      assertEquals(0.1, scheduler.lr(0), "two bad steps are within patience 2");
      assertSameRun(scheduler, torch, NAN);
      assertEquals(0.05, scheduler.lr(0), "the third bad step in a row halves the rate");
      // The best is still 1.0, not NaN: 0.99 improves on it and resets the count.
      assertSameRun(scheduler, torch, 0.99, NAN, NAN);
      assertEquals(0.05, scheduler.lr(0));
      assertSameRun(scheduler, torch, NAN);
      assertEquals(0.025, scheduler.lr(0));
    }

    @Test
    @DisplayName("+Infinity in mode min counts as a bad step, even as the first metric")
    void positiveInfinityInMin() {
      // The best starts at +Infinity (PyTorch's mode_worse) and inf < inf * (1 - threshold) is
      // false: unlike any finite first metric, +Infinity does not become the best.
      MetricScheduler scheduler = plateauRun();
      TorchPlateau torch = torchPlateauRun();
      assertSameRun(scheduler, torch, INF, INF, INF);
      assertEquals(0.05, scheduler.lr(0));
      assertSameRun(scheduler, torch, 5.0, INF, INF);
      assertEquals(0.05, scheduler.lr(0), "5.0 improved on +Infinity, so two bad steps since");
    }

    @Test
    @DisplayName("-Infinity in mode min becomes the best; nothing improves on it, so the rate decays to its floor")
    void negativeInfinityInMin() {
      // -inf * (1 - threshold) is -inf and no metric is below it: from then on every step is bad
      // and the rate halves every patience + 1 = 3 steps, until a halving would change it by
      // eps = 1e-8 or less, as in PyTorch.
      MetricScheduler scheduler = plateauRun();
      TorchPlateau torch = torchPlateauRun();
      assertSameRun(scheduler, torch, -INF, 1.0, 0.0, -1e300);
      assertEquals(0.05, scheduler.lr(0));
      double[] many = new double[300];
      Arrays.fill(many, -1e300);
      assertSameRun(scheduler, torch, many);
      assertEquals(0.1 * Math.pow(0.5, 23), scheduler.lr(0), "the last halving that moves more than eps");
    }

    @Test
    @DisplayName("in mode max, +Infinity becomes the best and -Infinity and NaN count as bad steps")
    void infinitiesInMax() {
      MetricScheduler scheduler = maxPlateau();
      TorchPlateau torch = torchMaxPlateau();
      assertSameRun(scheduler, torch, 1.0, -INF, NAN, -INF);
      assertEquals(0.05, scheduler.lr(0), "three bad steps after 1.0");
      assertSameRun(scheduler, torch, INF, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300);
      assertSameRun(scheduler, torch, INF, INF, INF);
      assertTrue(scheduler.lr(0) < 0.05, "nothing improves on +Infinity");
    }

    @Test
    @DisplayName("10^4 random metrics, a third of them NaN or infinite: PyTorch's rates, always finite")
    void randomRun() {
      double[] specials = {NAN, INF, -INF};
      SplittableRandom random = new SplittableRandom(42);
      double[] metrics = new double[10_000];
      for (int t = 0; t < metrics.length; t++) {
        metrics[t] = random.nextInt(3) == 0 ? specials[random.nextInt(3)] : random.nextDouble(-1, 1);
      }
      assertSameRun(plateauRun(), torchPlateauRun(), metrics);
      assertSameRun(maxPlateau(), torchMaxPlateau(), metrics);
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("OneCycleLR past its end")
  class OneCycleEnd {
    @Test
    @DisplayName("total_steps calls of step() succeed; the next throws IllegalStateException naming total_steps")
    void stepPastTheEnd() {
      // PyTorch's scheduler has last_epoch = 0 after construction and raises in get_lr once
      // last_epoch > total_steps: on the (total_steps + 1)-th call of step() after construction.
      StepScheduler scheduler = classes.scheduler("OneCycleRun", StepScheduler.class, TWO_GROUPS);
      for (int t = 1; t <= 100; t++) {
        scheduler.step();
      }
      double last = scheduler.lr(0);
      assertRefused(IllegalStateException.class, scheduler::step,
          "OneCycleLR", "101", "totalSteps (total_steps) = 100");
      assertEquals(100, scheduler.stepCount(), "the refused call does not count");
      assertEquals(last, scheduler.lr(0), "nor change the rate");
      assertRefused(IllegalStateException.class, scheduler::step, "totalSteps (total_steps) = 100");
    }

    @Test
    @DisplayName("lrAt and momentumAt past total_steps throw IllegalArgumentException naming it")
    void readPastTheEnd() {
      Object scheduler = classes.scheduler("OneCycleRun", Object.class, TWO_GROUPS);
      LrFunction lr = (LrFunction) scheduler;
      MomentumFunction momentum = (MomentumFunction) scheduler;
      assertTrue(Double.isFinite(lr.lrAt(100, 0)), "total_steps itself is the last step");
      assertRefused(IllegalArgumentException.class, () -> lr.lrAt(101, 0),
          "OneCycleLR", "step 101", "totalSteps (total_steps) = 100");
      assertRefused(IllegalArgumentException.class, () -> lr.lrAt(Long.MAX_VALUE, 1),
          "step " + Long.MAX_VALUE, "totalSteps (total_steps) = 100");
      assertRefused(IllegalArgumentException.class, () -> momentum.momentumAt(101, 0),
          "step 101", "totalSteps (total_steps) = 100");
    }
  }

  @Nested
  @DisplayName("lrAt and momentumAt of a negative step")
  class NegativeStep {
    @Test
    @DisplayName("throw IllegalArgumentException naming the step, for every schedule with a closed form")
    void negative() {
      List<String[]> tested = new ArrayList<>();
      for (Map.Entry<String, String[]> entry : Configs.ALL.entrySet()) {
        String config = entry.getKey();
        if (String.join("\n", entry.getValue()).contains("@Bind")
            || !(classes.scheduler(config, Object.class, TWO_GROUPS) instanceof LrFunction)) {
          continue;
        }
        tested.add(entry.getValue());
        LrFunction function = classes.scheduler(config, LrFunction.class, TWO_GROUPS);
        assertRefused(IllegalArgumentException.class, () -> function.lrAt(-1, 0), "step = -1 must be >= 0");
        assertRefused(IllegalArgumentException.class, () -> function.lrAt(Long.MIN_VALUE),
            "step = " + Long.MIN_VALUE + " must be >= 0");
        if (function instanceof MomentumFunction momentum) {
          assertRefused(IllegalArgumentException.class, () -> momentum.momentumAt(-1, 0), "step = -1 must be >= 0");
        }
      }
      TypeCoverage.assertEveryType("the configs with lrAt", tested, ScheduleType.REDUCE_ON_PLATEAU,
          ScheduleType.TIMM_PLATEAU);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A scheduler of every config of {@link Configs#ALL}, with two groups; bound ones get typical values. */
  private static Object build(String config) {
    switch (config) {
      case "SweepRun":
        return classes.boundScheduler(config, classes.config(config, 32, 1e-4), Object.class, TWO_GROUPS);
      case "BoundOneCycle":
        return classes.boundScheduler(config, classes.config(config, new double[] {0.1, 0.05}, 4, 25),
            Object.class, TWO_GROUPS);
      case "BoundStep":
        return classes.boundScheduler(config, classes.config(config, 30), Object.class, TWO_GROUPS);
      case "BoundHfPolynomial":
        return classes.boundScheduler(config, classes.config(config, 0.1, 1e-4), Object.class, TWO_GROUPS);
      case "BoundWsd":
        return classes.boundScheduler(config, classes.config(config, 30), Object.class, TWO_GROUPS);
      case "BoundWarmup":
        return classes.boundScheduler(config, classes.config(config, 7, 0.1), Object.class, TWO_GROUPS);
      case "BoundWarmupPlateau":
        return classes.boundScheduler(config, classes.config(config, 5), Object.class, TWO_GROUPS);
      case "BoundTimmPlateau":
        return classes.boundScheduler(config, classes.config(config, 3, 0.5, 0.3), Object.class, TWO_GROUPS);
      default:
        return classes.scheduler(config, Object.class, TWO_GROUPS);
    }
  }

  @TestFactory
  @DisplayName("reading a group that does not exist throws IndexOutOfBoundsException naming the group and the count")
  Stream<DynamicTest> noSuchGroup() {
    return Configs.ALL.keySet().stream().map(config -> DynamicTest.dynamicTest(config, () -> {
      Object scheduler = build(config);
      List<Executable> reads = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      for (int group : new int[] {2, 5, -1, Integer.MIN_VALUE}) {
        LrScheduler lr = (LrScheduler) scheduler;
        reads.add(() -> lr.lr(group));
        groups.add("group " + group);
        if (scheduler instanceof LrFunction function) {
          reads.add(() -> function.lrAt(0, group));
          groups.add("group " + group);
          reads.add(() -> function.lrAt(7, group));
          groups.add("group " + group);
        }
        if (scheduler instanceof MomentumScheduler momentum) {
          reads.add(() -> momentum.momentum(group));
          groups.add("group " + group);
        }
        if (scheduler instanceof MomentumFunction momentum) {
          reads.add(() -> momentum.momentumAt(0, group));
          groups.add("group " + group);
        }
      }
      for (int i = 0; i < reads.size(); i++) {
        assertRefused(IndexOutOfBoundsException.class, reads.get(i), groups.get(i), "2 parameter groups");
      }
    }));
  }

  @TestFactory
  @DisplayName("lrAt of the largest steps a long holds gives a finite rate within the schedule's range")
  Stream<DynamicTest> largestSteps() {
    // Left out: OneCycleLR ends at total_steps (past it, lrAt throws, as tested above);
    // MultiplicativeLR has no closed form and lrAt replays its product, in time proportional to
    // the step; LambdaLR's values are whatever the config's method returns.
    Set<String> leftOut = Set.of("OneCycleRun", "ThreePhase", "WrittenOneCycle", "BoundOneCycle",
        "MultiplicativeRun", "ThreePhases", "WarmupLambda", "TwoLambdas");
    long[] steps = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 3, 1L << 62, (1L << 62) + 1,
        Integer.MAX_VALUE + 1L, 1L << 53};
    return Configs.ALL.keySet().stream()
        .filter(config -> !leftOut.contains(config) && build(config) instanceof LrFunction)
        .map(config -> DynamicTest.dynamicTest(config, () -> {
          LrFunction function = (LrFunction) build(config);
          for (long t : steps) {
            for (int g = 0; g < TWO_GROUPS.length; g++) {
              double lr = function.lrAt(t, g);
              // 0.1 is the largest rate any of these configs reaches with TWO_GROUPS.
              assertTrue(lr >= 0 && lr <= 0.1, config + " lrAt(" + t + ", " + g + ") = " + lr);
            }
          }
        }));
  }

  @Test
  @DisplayName("a factor method that takes int, at a step past Integer.MAX_VALUE, throws ArithmeticException")
  void intFactorMethod() {
    // TwoLambdas' first method is stairs(int): the step is narrowed exactly, never wrapped.
    LrFunction function = classes.scheduler("TwoLambdas", LrFunction.class, TWO_GROUPS);
    assertTrue(Double.isFinite(function.lrAt(Integer.MAX_VALUE, 0)));
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> function.lrAt(Integer.MAX_VALUE + 1L, 0));
    assertTrue(e.getMessage().contains("stairs(int) takes the step as an int, and step 2147483648 does not fit"),
        e.getMessage());
    assertTrue(Double.isFinite(function.lrAt(Integer.MAX_VALUE + 1L, 1)), "decay(long) takes any step");
  }

  @Test
  @DisplayName("a factor function's NaN or negative value is refused on its step, which changes nothing")
  void badFactorValue() {
    StepScheduler scheduler = classes.scheduler("InputBadLambda", StepScheduler.class, TWO_GROUPS);
    scheduler.step();
    scheduler.step();
    double before = scheduler.lr(1);
    assertRefused(IllegalStateException.class, scheduler::step, "MultiplicativeLR: shrink(3) returned NaN",
        "a factor of the rate must be a finite number >= 0");
    assertEquals(2, scheduler.stepCount());
    assertEquals(before, scheduler.lr(1));
    LrFunction function = (LrFunction) scheduler;
    assertRefused(IllegalStateException.class, () -> function.lrAt(6, 0), "shrink(3) returned NaN");
    assertEquals(0.1 * 0.9 * 0.9, function.lrAt(2, 0), 1e-17);
  }

  @Test
  @DisplayName("a one-group scheduler says so in the singular")
  void oneGroup() {
    LrScheduler scheduler = classes.scheduler("ResNetRun", LrScheduler.class, 0.1);
    assertRefused(IndexOutOfBoundsException.class, () -> scheduler.lr(1), "group 1", "1 parameter group");
  }

  @Test
  @DisplayName("a refused read leaves the scheduler as it was")
  void refusedReadChangesNothing() {
    StepScheduler scheduler = classes.scheduler("CyclicRun", StepScheduler.class, TWO_GROUPS);
    StepScheduler untouched = classes.scheduler("CyclicRun", StepScheduler.class, TWO_GROUPS);
    for (int t = 0; t < 10; t++) {
      scheduler.step();
      untouched.step();
      assertThrows(IndexOutOfBoundsException.class, () -> scheduler.lr(5));
      assertThrows(IndexOutOfBoundsException.class, () -> ((MomentumScheduler) scheduler).momentum(5));
      assertEquals(untouched.lr(0), scheduler.lr(0));
      assertEquals(untouched.lr(1), scheduler.lr(1));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("A bound parameter that breaks its rule throws IllegalArgumentException naming it and the rule")
  class BoundParameters {
    private IllegalArgumentException refused(String config, Object... values) {
      Object instance = classes.config(config, values);
      return assertThrows(IllegalArgumentException.class,
          () -> classes.boundScheduler(config, instance, Object.class, TWO_GROUPS));
    }

    @Test
    @DisplayName("CosineAnnealingLR: tMax 0, etaMin NaN, +Infinity or -Infinity")
    void cosine() {
      assertEquals("CosineAnnealingLR: tMax (T_max) = 0 must not be 0",
          refused("InputCosine", 0, 0.0).getMessage());
      assertEquals("CosineAnnealingLR: etaMin (eta_min) = NaN must be a finite number",
          refused("InputCosine", 10, Double.NaN).getMessage());
      assertEquals("CosineAnnealingLR: etaMin (eta_min) = Infinity must be a finite number",
          refused("InputCosine", 10, Double.POSITIVE_INFINITY).getMessage());
      assertEquals("CosineAnnealingLR: etaMin (eta_min) = -Infinity must be a finite number",
          refused("InputCosine", 10, Double.NEGATIVE_INFINITY).getMessage());
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts: t0 0 or negative, tMult 0")
    void warmRestarts() {
      assertEquals("CosineAnnealingWarmRestarts: t0 (T_0) = 0 must be > 0",
          refused("InputRestarts", 0, 1).getMessage());
      assertEquals("CosineAnnealingWarmRestarts: t0 (T_0) = -5 must be > 0",
          refused("InputRestarts", -5, 1).getMessage());
      assertEquals("CosineAnnealingWarmRestarts: tMult (T_mult) = 0 must be >= 1",
          refused("InputRestarts", 10, 0).getMessage());
    }

    @Test
    @DisplayName("OneCycleLR: pctStart outside [0, 1] or NaN, a NaN or infinite element of maxLr")
    void oneCycle() {
      assertEquals("OneCycleLR: pctStart (pct_start) = 1.5 must be in [0, 1]",
          refused("InputOneCycle", 1.5, new double[] {0.1}).getMessage());
      assertEquals("OneCycleLR: pctStart (pct_start) = -0.1 must be in [0, 1]",
          refused("InputOneCycle", -0.1, new double[] {0.1}).getMessage());
      assertEquals("OneCycleLR: pctStart (pct_start) = NaN must be a finite number",
          refused("InputOneCycle", Double.NaN, new double[] {0.1}).getMessage());
      assertEquals("OneCycleLR: maxLr[1] (max_lr) = NaN must be a finite number",
          refused("InputOneCycle", 0.3, new double[] {0.1, Double.NaN}).getMessage());
      assertEquals("OneCycleLR: maxLr (max_lr) = Infinity must be a finite number",
          refused("InputOneCycle", 0.3, new double[] {Double.POSITIVE_INFINITY}).getMessage());
    }

    @Test
    @DisplayName("ReduceLROnPlateau: factor 1 or NaN, minLr NaN")
    void plateau() {
      assertEquals("ReduceLROnPlateau: factor (factor) = 1 must be < 1",
          refused("InputPlateau", 1.0, 0.0).getMessage());
      assertEquals("ReduceLROnPlateau: factor (factor) = NaN must be a finite number",
          refused("InputPlateau", Double.NaN, 0.0).getMessage());
      assertEquals("ReduceLROnPlateau: minLr (min_lr) = NaN must be a finite number",
          refused("InputPlateau", 0.5, Double.NaN).getMessage());
    }

    @Test
    @DisplayName("transformers' polynomial decay: lrInit 0, lrEnd not below lrInit, a decay of no steps")
    void hfPolynomial() {
      assertEquals("transformers.get_polynomial_decay_schedule_with_warmup: lrInit (optimizer.defaults[\"lr\"]) = 0"
          + " must not be 0", refused("InputHfPolynomial", 0.0, -1.0, 100).getMessage());
      assertRefused(IllegalArgumentException.class,
          () -> classes.boundScheduler("InputHfPolynomial", classes.config("InputHfPolynomial", 1e-3, 1e-3, 100),
              Object.class, TWO_GROUPS),
          "lrEnd (lr_end) = 0.001 must be smaller than lrInit (optimizer.defaults[\"lr\"]) = 0.001");
      assertRefused(IllegalArgumentException.class,
          () -> classes.boundScheduler("InputHfPolynomial", classes.config("InputHfPolynomial", 1e-3, 0.0, 10),
              Object.class, TWO_GROUPS),
          "numTrainingSteps (num_training_steps) = 10 equals numWarmupSteps");
      Object accepted = classes.boundScheduler("InputHfPolynomial",
          classes.config("InputHfPolynomial", 1e-3, 1e-4, 100), Object.class, TWO_GROUPS);
      assertEquals(0.0, ((LrScheduler) accepted).lr(0));
    }

    @Test
    @DisplayName("transformers' cosine with min_lr: lrInit 0, and min_lr / lrInit past the largest double")
    void hfCosineWithMinLr() {
      assertEquals("transformers.get_cosine_with_min_lr_schedule_with_warmup: lrInit (optimizer.defaults[\"lr\"]) = 0"
          + " must not be 0", refused("InputHfCosineMinLr", 1e-5, 0.0).getMessage());
      assertRefused(IllegalArgumentException.class,
          () -> classes.boundScheduler("InputHfCosineMinLr", classes.config("InputHfCosineMinLr", 1e300, 1e-300),
              Object.class, TWO_GROUPS),
          "minLr (min_lr) = 1.0E300 over lrInit", "overflows to Infinity");
      // At num_training_steps the half cosine is 0: each group's rate times min_lr / lr_init.
      Object accepted = classes.boundScheduler("InputHfCosineMinLr",
          classes.config("InputHfCosineMinLr", 1e-5, 1e-3), Object.class, TWO_GROUPS);
      assertEquals(0.0, ((LrScheduler) accepted).lr(0));
      assertEquals(0.05 * (1e-5 / 1e-3), ((LrFunction) accepted).lrAt(100, 1), 1e-18);
    }

    @Test
    @DisplayName("values inside the rules build a scheduler")
    void accepted() {
      Object cosine = classes.boundScheduler("InputCosine", classes.config("InputCosine", 10, 1e-3),
          Object.class, TWO_GROUPS);
      assertEquals(0.1, ((LrScheduler) cosine).lr(0));
      Object oneCycle = classes.boundScheduler("InputOneCycle",
          classes.config("InputOneCycle", 0.25, new double[] {0.1, 0.01}), Object.class, TWO_GROUPS);
      assertEquals(0.01 / 25, ((LrScheduler) oneCycle).lr(1), 1e-18);
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("The optimizer's initial rates")
  class InitialRates {
    @Test
    @DisplayName("NaN, negative and infinite rates throw IllegalArgumentException naming the group and value")
    void badRate() {
      assertEquals("initialLrs[1] = NaN must be >= 0 and finite (the optimizer's initial learning rate of group 1)",
          assertThrows(IllegalArgumentException.class,
              () -> classes.scheduler("ResNetRun", Object.class, 0.1, Double.NaN)).getMessage());
      assertEquals("initialLrs[0] = -0.1 must be >= 0 and finite (the optimizer's initial learning rate of group 0)",
          assertThrows(IllegalArgumentException.class,
              () -> classes.scheduler("ResNetRun", Object.class, -0.1)).getMessage());
      assertRefused(IllegalArgumentException.class,
          () -> classes.scheduler("ResNetRun", Object.class, Double.POSITIVE_INFINITY),
          "initialLrs[0] = Infinity", "must be >= 0 and finite");
      assertRefused(IllegalArgumentException.class,
          () -> classes.scheduler("StepRun", Object.class, 0.1, 0.1, Double.NEGATIVE_INFINITY),
          "initialLrs[2] = -Infinity", "must be >= 0 and finite");
    }

    @Test
    @DisplayName("they are checked also where the schedule sets its own rates (CyclicLR, OneCycleLR, bound configs)")
    void checkedEverywhere() {
      for (String config : new String[] {"CyclicRun", "OneCycleRun", "PlateauRun", "WarmupCosine", "ChainedDecay"}) {
        assertRefused(IllegalArgumentException.class, () -> classes.scheduler(config, Object.class, Double.NaN),
            "initialLrs[0] = NaN");
      }
      Object sweep = classes.config("SweepRun", 32, 1e-4);
      assertRefused(IllegalArgumentException.class,
          () -> classes.boundScheduler("SweepRun", sweep, Object.class, 0.1, -1.0), "initialLrs[1] = -1.0");
    }

    @Test
    @DisplayName("an empty array or null throws IllegalArgumentException: one rate per group is needed")
    void noRates() {
      String message = "initialLrs: expected one initial learning rate per parameter group, got none";
      assertEquals(message, assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("ResNetRun", Object.class)).getMessage());
      assertEquals(message, assertThrows(IllegalArgumentException.class,
          () -> classes.scheduler("ResNetRun", Object.class, (double[]) null)).getMessage());
    }

    @Test
    @DisplayName("the array is copied: changing it afterwards changes nothing")
    void copied() {
      double[] rates = {0.1, 0.05};
      LrScheduler scheduler = classes.scheduler("ResNetRun", LrScheduler.class, rates);
      rates[0] = Double.NaN;
      assertEquals(0.1, scheduler.lr(0));
    }
  }
}

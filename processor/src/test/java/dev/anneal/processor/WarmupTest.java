package dev.anneal.processor;

import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.SchedulerStateException;
import dev.anneal.StepScheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code @Warmup} in front of a schedule. The references: during the warm-up, the warm-up of
 * transformers' {@code get_wsd_schedule} (its {@code min_lr_ratio} the start factor, its
 * {@code warmup_type} the shape), which the conformance suite holds to transformers' own numbers;
 * from the warm-up's end, the schedule alone, built at that step and stepped from there; in front
 * of ReduceLROnPlateau, PyTorch's {@code step} ported below with the documented warm-up in front.
 */
@DisplayName("@Warmup in front of a schedule")
class WarmupTest {
  private static final double[] GROUPS = {0.1, 0.05};

  /** The schedules warmed up: a line of {@code @Schedule} and what the class body needs. */
  private static final Map<String, String[]> SCHEDULES = new LinkedHashMap<>();

  static {
    SCHEDULES.put("Cosine", new String[] {"@Schedule(type = COSINE, tMax = 20, etaMin = 0.001)", ""});
    SCHEDULES.put("Step", new String[] {"@Schedule(type = STEP, stepSize = 3, gamma = 0.5)", ""});
    SCHEDULES.put("MultiStep", new String[] {"@Schedule(type = MULTI_STEP, milestones = {2, 5}, gamma = 0.3)", ""});
    SCHEDULES.put("Exponential", new String[] {"@Schedule(type = EXPONENTIAL, gamma = 0.9)", ""});
    SCHEDULES.put("Linear", new String[] {"@Schedule(type = LINEAR, startFactor = 0.5, totalIters = 4)", ""});
    SCHEDULES.put("Constant", new String[] {"@Schedule(type = CONSTANT, factor = 0.5, totalIters = 3)", ""});
    SCHEDULES.put("Polynomial", new String[] {"@Schedule(type = POLYNOMIAL, totalIters = 6, power = 2.0)", ""});
    SCHEDULES.put("WarmRestarts", new String[] {"@Schedule(type = COSINE_WARM_RESTARTS, t0 = 3, tMult = 2)", ""});
    SCHEDULES.put("Cyclic", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, stepSizeUp = 4, cycleMomentum = false)", ""});
    SCHEDULES.put("HfLinear", new String[] {
        "@Schedule(type = HF_LINEAR, numWarmupSteps = 2, numTrainingSteps = 20)", ""});
    // timm's schedulers start as their constructor leaves them (warmupLrInit here), noised by
    // their own clock.
    SCHEDULES.put("TimmTanh", new String[] {"@Schedule(type = TIMM_TANH, tInitial = 12, warmupT = 2,"
        + " warmupLrInit = 0.001, noiseRangeT = 3, noiseSeed = 5, lrScale = {1.0, 0.5})", ""});
    SCHEDULES.put("Lambda", new String[] {"@Schedule(type = LAMBDA, lrLambda = \"inverse\")",
        " static double inverse(long step) { return 1.0 / (1 + step); } "});
  }

  /** The warm-ups: steps, start factor, shape. */
  private static final Object[][] WARMUPS = {
      {1, 0.0, "LINEAR"}, {4, 0.0, "LINEAR"}, {5, 0.1, "COSINE"}, {7, 0.25, "ONE_MINUS_SQRT"}};

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    for (int v = 0; v < WARMUPS.length; v++) {
      String warmup = "@Warmup(steps = " + WARMUPS[v][0] + ", startFactor = " + WARMUPS[v][1]
          + ", shape = WsdType." + WARMUPS[v][2] + ")";
      CONFIGS.put("Wsd" + v, new String[] {
          "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = " + WARMUPS[v][0]
              + ", numStableSteps = 1000, numDecaySteps = 1, warmupType = WsdType." + WARMUPS[v][2]
              + ", minLrRatio = " + WARMUPS[v][1] + ")",
          "final class Wsd" + v + " {}"});
      for (Map.Entry<String, String[]> schedule : SCHEDULES.entrySet()) {
        String name = "Warm" + v + schedule.getKey();
        CONFIGS.put(name, new String[] {
            warmup, schedule.getValue()[0], "final class " + name + " {" + schedule.getValue()[1] + "}"});
      }
    }
    for (Map.Entry<String, String[]> schedule : SCHEDULES.entrySet()) {
      String name = "Lone" + schedule.getKey();
      CONFIGS.put(name, new String[] {schedule.getValue()[0], "final class " + name + " {" + schedule.getValue()[1] + "}"});
    }
    CONFIGS.put("WarmMultiplicative", new String[] {
        "@Warmup(steps = 4)",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class WarmMultiplicative { static double decay(long step) { return 0.9; } }"});
    CONFIGS.put("BoundCosine", new String[] {
        "@Warmup(shape = WsdType.COSINE)",
        "@Schedule(type = COSINE, tMax = 20, etaMin = 0.001)",
        "record BoundCosine(@Bind int warmupSteps, @Bind double warmupStartFactor) {}"});
    CONFIGS.put("WarmSequential", new String[] {
        "@Warmup(steps = 4)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 6)",
        "final class WarmSequential {}"});
    CONFIGS.put("BoundSequential", new String[] {
        "@Warmup",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 6)",
        "record BoundSequential(@Bind int warmupSteps) {}"});
    CONFIGS.put("LoneSequential", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 6)",
        "final class LoneSequential {}"});
    plateau("PlateauMin", "@Warmup(steps = 3, startFactor = 0.1, shape = WsdType.COSINE)",
        "factor = 0.5, patience = 2, cooldown = 1, minLr = 1e-3");
    plateau("PlateauMaxAbs", "@Warmup(steps = 6)",
        "mode = MAX, thresholdMode = ThresholdMode.ABS, threshold = 0.01, patience = 0, factor = 0.3");
    CONFIGS.put("BoundPlateau", new String[] {
        "@Warmup(shape = WsdType.ONE_MINUS_SQRT)",
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 2, cooldown = 1, minLr = 1e-3)",
        "record BoundPlateau(@Bind int warmupSteps, @Bind double warmupStartFactor) {}"});
    CONFIGS.put("TimmPlateauWarm", new String[] {
        "@Warmup(steps = 3, startFactor = 0.1)",
        "@Schedule(type = TIMM_PLATEAU, mode = MIN, decayRate = 0.5, patienceT = 1, cooldownT = 1, warmupT = 2,",
        "    warmupLrInit = 1e-3, lrMin = 1e-4, noiseRangeT = 6, noiseSeed = 7, lrScale = {1.0, 0.5})",
        "final class TimmPlateauWarm {}"});
  }

  private static void plateau(String name, String warmup, String attributes) {
    CONFIGS.put(name, new String[] {
        warmup, "@Schedule(type = REDUCE_ON_PLATEAU, " + attributes + ")", "final class " + name + " {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  private static <T> T build(String config, Class<T> as) {
    return classes.scheduler(config, as, GROUPS);
  }

  @TestFactory
  @DisplayName("the warm-up's rates are get_wsd_schedule's; then the schedule's, built at the warm-up's end")
  Stream<DynamicTest> warmupThenSchedule() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int v = 0; v < WARMUPS.length; v++) {
      int steps = (Integer) WARMUPS[v][0];
      int variant = v;
      for (String schedule : SCHEDULES.keySet()) {
        tests.add(DynamicTest.dynamicTest("Warm" + v + schedule, () -> assertWarmupThen(
            build("Warm" + variant + schedule, StepScheduler.class), steps, "Wsd" + variant, "Lone" + schedule)));
      }
    }
    return tests.stream();
  }

  /**
   * Steps {@code warmed} through its warm-up and 40 steps after, asserting every rate, stepped
   * and from {@code lrAt}, bit for bit: {@code wsd}'s before {@code steps}, then those of a fresh
   * {@code lone} scheduler stepped from the warm-up's end.
   */
  private static void assertWarmupThen(StepScheduler warmed, int steps, String wsd, String lone) {
    LrFunction reference = build(wsd, LrFunction.class);
    StepScheduler after = null;
    for (int t = 0; t < steps + 40; t++) {
      if (t == steps) {
        after = build(lone, StepScheduler.class);
      }
      for (int g = 0; g < GROUPS.length; g++) {
        String at = "step " + t + ", group " + g;
        double expected = t < steps ? reference.lrAt(t, g) : after.lr(g);
        assertEquals(expected, warmed.lr(g), 0.0, at);
        double expectedAt = t < steps ? reference.lrAt(t, g) : ((LrFunction) after).lrAt(t - steps, g);
        assertEquals(expectedAt, ((LrFunction) warmed).lrAt(t, g), 0.0, "lrAt, " + at);
      }
      assertEquals(warmed.lr(0), warmed.lr(), 0.0);
      assertEquals(t, warmed.stepCount());
      warmed.step();
      if (after != null) {
        after.step();
      }
    }
  }

  @Test
  @DisplayName("in front of @Sequential the milestones count from the warm-up's end")
  void inFrontOfSequential() {
    // Wsd1 is the linear warm-up from 0 of 4 steps, as WarmSequential's.
    assertWarmupThen(build("WarmSequential", StepScheduler.class), 4, "Wsd1", "LoneSequential");
  }

  @Test
  @DisplayName("MultiplicativeLR, which has no closed form to restart from, goes on from the warm-up's last rate")
  void multiplicative() {
    StepScheduler warmed = build("WarmMultiplicative", StepScheduler.class);
    for (int t = 0; t < 20; t++) {
      for (int g = 0; g < GROUPS.length; g++) {
        // As in PyTorch's SequentialLR: at its milestone MultiplicativeLR keeps the rate in force.
        double expected = t < 4 ? GROUPS[g] * t / 4.0 : GROUPS[g] * 3 / 4.0 * Math.pow(0.9, t - 4);
        assertEquals(expected, warmed.lr(g), 1e-15 * GROUPS[g], "step " + t);
      }
      warmed.step();
    }
  }

  @Nested
  @DisplayName("in front of ReduceLROnPlateau")
  class Plateau {
    @Test
    @DisplayName("mode min, relative threshold, cooldown: PyTorch's step after a cosine warm-up")
    void minRelative() {
      for (long seed = 1; seed <= 5; seed++) {
        assertPlateau(build("PlateauMin", MetricScheduler.class),
            new Reference(3, 0.1, "COSINE", false, false, 1e-4, 0.5, 2, 1, 1e-3), metrics(seed, false));
      }
    }

    @Test
    @DisplayName("mode max, absolute threshold, patience 0, NaN metrics: PyTorch's step after a linear warm-up")
    void maxAbsolute() {
      for (long seed = 1; seed <= 5; seed++) {
        assertPlateau(build("PlateauMaxAbs", MetricScheduler.class),
            new Reference(6, 0.0, "LINEAR", true, true, 0.01, 0.3, 0, 0, 0.0), metrics(seed, true));
      }
    }

    @Test
    @DisplayName("bound steps and start factor: the same as written ones")
    void bound() {
      MetricScheduler scheduler = classes.boundScheduler("BoundPlateau", classes.config("BoundPlateau", 4, 0.3),
          MetricScheduler.class, GROUPS);
      assertPlateau(scheduler, new Reference(4, 0.3, "ONE_MINUS_SQRT", false, false, 1e-4, 0.5, 2, 1, 1e-3),
          metrics(7, false));
    }

    @Test
    @DisplayName("a metric of the warm-up is the best that the plateau logic then compares with")
    void warmupMetricIsTheBest() {
      MetricScheduler scheduler = build("PlateauMin", MetricScheduler.class);
      // 0.5 during the warm-up, then never better: patience 2 lets 2 bad steps pass, the 3rd cuts.
      double[] metrics = {1.0, 0.5, 0.9, 0.9, 0.9, 0.9};
      for (double metric : metrics) {
        scheduler.step(metric);
      }
      assertEquals(6, scheduler.stepCount());
      assertEquals(GROUPS[0] * 0.5, scheduler.lr(0), 0.0);
      assertEquals(GROUPS[1] * 0.5, scheduler.lr(1), 0.0);
    }
  }

  @Nested
  @DisplayName("in front of timm's PlateauLRScheduler")
  class TimmPlateau {
    private static final double[] SCALE = {1.0, 0.5};

    /**
     * The documented warm-up with the metric recorded, then at its end what timm's constructor
     * leaves (warmup_lr_init times lr_scale), and timm's step on the plateau's own clock: its
     * warm-up, which ignores the metric, then torch's ReduceLROnPlateau on the rates before the
     * noise, noised from epoch 6 on.
     */
    @Test
    @DisplayName("the warm-up, then timm's step on its own clock, its warm-up and noise included")
    void timmsStepAfterTheWarmup() {
      for (long seed = 1; seed <= 5; seed++) {
        MetricScheduler scheduler = build("TimmPlateauWarm", MetricScheduler.class);
        double[] metrics = metrics(seed, seed % 2 == 0);
        double[] plain = new double[GROUPS.length];
        double best = Double.POSITIVE_INFINITY;
        int badEpochs = 0;
        int cooldownCounter = 0;
        for (int t = 1; t <= metrics.length; t++) {
          double metric = metrics[t - 1];
          scheduler.step(metric);
          double[] expected = new double[GROUPS.length];
          long e = t - 3;
          if (e <= 0) {
            if (metric < best * (1 - 1e-4)) {
              best = metric;
            }
            for (int g = 0; g < GROUPS.length; g++) {
              expected[g] = e < 0 ? GROUPS[g] * (0.1 + 0.9 * t / 3.0) : 1e-3 * SCALE[g];
            }
          } else if (e <= 2) {
            for (int g = 0; g < GROUPS.length; g++) {
              plain[g] = (1e-3 + e * ((GROUPS[g] - 1e-3) / 2)) * SCALE[g];
              expected[g] = plain[g];
            }
          } else {
            if (metric < best * (1 - 1e-4)) {
              best = metric;
              badEpochs = 0;
            } else {
              badEpochs++;
            }
            if (cooldownCounter > 0) {
              cooldownCounter--;
              badEpochs = 0;
            }
            if (badEpochs > 1) {
              for (int g = 0; g < GROUPS.length; g++) {
                double reduced = Math.max(plain[g] * 0.5, 1e-4);
                if (plain[g] - reduced > 1e-8) {
                  plain[g] = reduced;
                }
              }
              cooldownCounter = 1;
              badEpochs = 0;
            }
            double noise = e >= 6 ? dev.anneal.math.TimmNoise.normal(7 + e, 0.67, 1.0) : 0.0;
            for (int g = 0; g < GROUPS.length; g++) {
              expected[g] = e >= 6 ? plain[g] + plain[g] * noise : plain[g];
            }
          }
          for (int g = 0; g < GROUPS.length; g++) {
            assertEquals(expected[g], scheduler.lr(g), Math.ulp(expected[g]) * 4, "seed " + seed + ", step " + t
                + ", group " + g);
          }
        }
      }
    }

    @Test
    @DisplayName("a metric of the warm-up is the best that the plateau logic then compares with")
    void warmupMetricIsTheBest() {
      MetricScheduler scheduler = build("TimmPlateauWarm", MetricScheduler.class);
      // 0.5 during the warm-up; timm's own warm-up (steps 4 and 5) ignores its metrics; then never
      // better: patience 1 lets 1 bad epoch pass, the 2nd cuts.
      for (double metric : new double[] {1.0, 0.5, 0.9, 0.1, 0.1, 0.9, 0.9}) {
        scheduler.step(metric);
      }
      for (int g = 0; g < GROUPS.length; g++) {
        double start = (1e-3 + 2 * ((GROUPS[g] - 1e-3) / 2)) * SCALE[g];
        assertEquals(start * 0.5, scheduler.lr(g), 0.0, "group " + g);
      }
    }
  }

  /** A random walk that drifts down and stalls, with a NaN now and then where asked. */
  private static double[] metrics(long seed, boolean nan) {
    Random random = new Random(seed);
    double[] metrics = new double[120];
    double level = 10;
    for (int i = 0; i < metrics.length; i++) {
      level += random.nextBoolean() ? -random.nextDouble() : 0.5 * random.nextDouble();
      metrics[i] = nan && random.nextInt(15) == 0 ? Double.NaN : level;
    }
    return metrics;
  }

  /**
   * The documented warm-up, then PyTorch's {@code ReduceLROnPlateau.step}: during the warm-up
   * ({@code step < steps} after the call) an improving metric becomes the best and nothing else
   * happens; at {@code steps} the rate is the initial one and the metric is recorded the same way;
   * after, PyTorch's step as written in {@code torch/optim/lr_scheduler.py}.
   */
  private record Reference(int steps, double startFactor, String shape, boolean max, boolean absolute,
      double threshold, double factor, int patience, int cooldown, double minLr) {

    boolean better(double a, double best) {
      if (!max) {
        return absolute ? a < best - threshold : a < best * (1 - threshold);
      }
      return absolute ? a > best + threshold : a > best * (threshold + 1);
    }

    /** get_wsd_schedule's warm-up factor, as transformers writes it. */
    double warmup(int t) {
      double progress = (double) t / Math.max(1, steps);
      double curve = switch (shape) {
        case "LINEAR" -> progress;
        case "COSINE" -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
        default -> 1.0 - Math.sqrt(1.0 - progress);
      };
      return Math.max(0.0, curve * (1.0 - startFactor) + startFactor);
    }
  }

  private static void assertPlateau(MetricScheduler scheduler, Reference reference, double[] metrics) {
    double[] lrs = new double[GROUPS.length];
    for (int g = 0; g < GROUPS.length; g++) {
      lrs[g] = GROUPS[g] * reference.warmup(0);
    }
    double best = reference.max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    int badEpochs = 0;
    int cooldownCounter = 0;
    for (int t = 1; t <= metrics.length; t++) {
      double metric = metrics[t - 1];
      scheduler.step(metric);
      if (t <= reference.steps) {
        for (int g = 0; g < GROUPS.length; g++) {
          lrs[g] = t < reference.steps ? GROUPS[g] * reference.warmup(t) : GROUPS[g];
        }
        if (reference.better(metric, best)) {
          best = metric;
        }
      } else {
        if (reference.better(metric, best)) {
          best = metric;
          badEpochs = 0;
        } else {
          badEpochs++;
        }
        if (cooldownCounter > 0) {
          cooldownCounter--;
          badEpochs = 0;
        }
        if (badEpochs > reference.patience) {
          for (int g = 0; g < GROUPS.length; g++) {
            double newLr = Math.max(lrs[g] * reference.factor, reference.minLr);
            if (lrs[g] - newLr > 1e-8) {
              lrs[g] = newLr;
            }
          }
          cooldownCounter = reference.cooldown;
          badEpochs = 0;
        }
      }
      for (int g = 0; g < GROUPS.length; g++) {
        assertEquals(lrs[g], scheduler.lr(g), 0.0, "step " + t + ", group " + g);
      }
    }
  }

  @Nested
  @DisplayName("bound length and start factor")
  class Bound {
    @Test
    @DisplayName("give the rates of the written values, bit for bit")
    void sameAsWritten() {
      StepScheduler bound = classes.boundScheduler("BoundCosine", classes.config("BoundCosine", 5, 0.1),
          StepScheduler.class, GROUPS);
      assertWarmupThen(bound, 5, "Wsd2", "LoneCosine");
    }

    @Test
    @DisplayName("move the milestones of a @Sequential behind the warm-up")
    void inFrontOfSequential() {
      // Wsd1 is the linear warm-up from 0 of 4 steps: bit for bit.
      assertWarmupThen(classes.boundScheduler("BoundSequential", classes.config("BoundSequential", 4),
          StepScheduler.class, GROUPS), 4, "Wsd1", "LoneSequential");
      for (int steps : new int[] {1, 9}) {
        StepScheduler bound = classes.boundScheduler("BoundSequential", classes.config("BoundSequential", steps),
            StepScheduler.class, GROUPS);
        LrFunction lone = build("LoneSequential", LrFunction.class);
        for (int t = 0; t < steps + 30; t++) {
          for (int g = 0; g < GROUPS.length; g++) {
            // The linear warm-up from 0, then the @Sequential on its own clock.
            double expected = t < steps ? GROUPS[g] * t / steps : lone.lrAt(t - steps, g);
            assertEquals(expected, ((LrFunction) bound).lrAt(t, g), 1e-15 * GROUPS[g], "lrAt " + t);
            // ExponentialLR steps by multiplying, and its closed form raises to a power.
            assertEquals(((LrFunction) bound).lrAt(t, g), bound.lr(g), 1e-15 * GROUPS[g], "step " + t);
          }
          bound.step();
        }
      }
    }

    @Test
    @DisplayName("a bound value that breaks its rule is refused with the rule")
    void refused() {
      assertEquals("Warmup: steps (num_warmup_steps) = 0 must be >= 1", refusal(0, 0.1));
      assertEquals("Warmup: startFactor (start_factor) = 1.5 must be in [0, 1]", refusal(3, 1.5));
      assertEquals("Warmup: startFactor (start_factor) = NaN must be a finite number", refusal(3, Double.NaN));
    }

    private String refusal(int steps, double startFactor) {
      Object config = classes.config("BoundCosine", steps, startFactor);
      return assertThrows(IllegalArgumentException.class,
          () -> classes.boundScheduler("BoundCosine", config, StepScheduler.class, GROUPS)).getMessage();
    }
  }

  @Nested
  @DisplayName("checkpoints")
  class Checkpoints {
    @TestFactory
    @DisplayName("a scheduler restored at any step of the warm-up or after goes on as the one saved")
    Stream<DynamicTest> resumes() {
      List<DynamicTest> tests = new ArrayList<>();
      for (String config : List.of("Warm2Cosine", "Warm3Step", "Warm1Cyclic", "WarmSequential", "PlateauMin",
          "TimmPlateauWarm")) {
        for (int at : new int[] {0, 2, 3, 4, 5, 9}) {
          tests.add(DynamicTest.dynamicTest(config + " at " + at, () -> {
            LrScheduler saved = build(config, LrScheduler.class);
            double[] metrics = metrics(at + 3, false);
            for (int t = 0; t < at; t++) {
              step(saved, metrics[t]);
            }
            byte[] state = saved.saveState();
            LrScheduler restored = build(config, LrScheduler.class);
            restored.restoreState(state);
            assertArrayEquals(state, restored.saveState());
            for (int t = at; t < at + 30; t++) {
              assertEquals(saved.stepCount(), restored.stepCount());
              for (int g = 0; g < GROUPS.length; g++) {
                assertEquals(saved.lr(g), restored.lr(g), 0.0, config + " step " + t);
              }
              step(saved, metrics[t]);
              step(restored, metrics[t]);
            }
          }));
        }
      }
      return tests.stream();
    }

    private void step(LrScheduler scheduler, double metric) {
      if (scheduler instanceof MetricScheduler metricScheduler) {
        metricScheduler.step(metric);
      } else {
        ((StepScheduler) scheduler).step();
      }
    }

    @Test
    @DisplayName("a state saved with one bound warm-up length is refused by a scheduler of another")
    void otherLength() {
      StepScheduler seven = classes.boundScheduler("BoundCosine", classes.config("BoundCosine", 7, 0.1),
          StepScheduler.class, GROUPS);
      StepScheduler eight = classes.boundScheduler("BoundCosine", classes.config("BoundCosine", 8, 0.1),
          StepScheduler.class, GROUPS);
      seven.step();
      assertThrows(SchedulerStateException.class, () -> eight.restoreState(seven.saveState()));
    }

    @Test
    @DisplayName("before the warm-up's end a bad step of the plateau is a corrupted state")
    void badStepsDuringWarmup() {
      MetricScheduler scheduler = build("PlateauMin", MetricScheduler.class);
      scheduler.step(1.0);
      byte[] state = scheduler.saveState();
      // The layout: the header, the rates of the groups, best, then badSteps.
      MetricScheduler fresh = build("PlateauMin", MetricScheduler.class);
      byte[] corrupted = withLong(state, GROUPS.length + 1, 1);
      SchedulerStateException e = assertThrows(SchedulerStateException.class, () -> fresh.restoreState(corrupted));
      assertTrue(e.getMessage().contains("s1BadSteps = 1 must be 0"), e.getMessage());
      // The best of the warm-up is a value a run leaves.
      fresh.restoreState(withLong(state, GROUPS.length, Double.doubleToRawLongBits(0.25)));
    }

    /** The state with its 64-bit value {@code slot} replaced and its checksum recomputed. */
    private byte[] withLong(byte[] state, int slot, long bits) {
      byte[] edited = state.clone();
      // StateCodec's header: magic, version, groups, fingerprint, value count, step, before the values.
      java.nio.ByteBuffer.wrap(edited).putLong(34 + 8 * slot, bits);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(edited, 0, edited.length - 4);
      java.nio.ByteBuffer.wrap(edited).putInt(edited.length - 4, (int) crc.getValue());
      return edited;
    }
  }

  @Nested
  @DisplayName("compile errors")
  class Errors {
    @Test
    @DisplayName("a warm-up of no step")
    void noStep() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 0)",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {}"), "steps = 0", "[anneal.invalid-value]", "steps", "0", ">= 1");
    }

    @Test
    @DisplayName("a start factor outside [0, 1]")
    void startFactor() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3, startFactor = 1.5)",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {}"), "startFactor = 1.5", "startFactor", "1.5", "[0, 1]");
    }

    @Test
    @DisplayName("steps neither written nor bound")
    void stepsRequired() {
      assertSingleError(config("Cfg",
          "@Warmup(startFactor = 0.5)",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {}"), "@Warmup", "[anneal.required]", "steps");
    }

    @Test
    @DisplayName("a warm-up with no schedule")
    void alone() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "final class Cfg {}"), "@Warmup", "[anneal.warmup-alone]");
    }

    @Test
    @DisplayName("a warm-up in front of @Chained")
    void chained() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Chained",
          "final class Cfg {}"), "@Warmup", "[anneal.warmup-chained]");
    }

    @Test
    @DisplayName("a warm-up in front of OneCycleLR, which warms up itself")
    void oneCycle() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100)",
          "final class Cfg {}"), "ONE_CYCLE", "[anneal.warmup-not-before]", "OneCycleLR", "pctStart");
    }

    @Test
    @DisplayName("a warm-up in front of a CyclicLR that cycles the momentum")
    void cyclicMomentum() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1)",
          "final class Cfg {}"), "CYCLIC", "[anneal.warmup-not-before]", "cycleMomentum = false");
    }

    @Test
    @DisplayName("a bound warm-up length without @Warmup")
    void bindWithoutWarmup() {
      assertSingleError(config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "record Cfg(@Bind int warmupSteps) {}"), "record Cfg", "[anneal.bind-no-warmup]", "warmupSteps");
    }

    @Test
    @DisplayName("a warm-up that moves a milestone past the largest int")
    void milestonePastInt() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 2_000_000_000)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Sequential(milestones = 500_000_000)",
          "final class Cfg {}"), "@Warmup", "[anneal.invalid-value]", "2500000000", "largest int");
    }

    @Test
    @DisplayName("a LinearLR of totalIters 0 after the warm-up, whose closed form divides by it at its start")
    void linearTotalItersZero() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "@Schedule(type = LINEAR, startFactor = 0.5, totalIters = 0)",
          "final class Cfg {}"), "totalIters = 0", "[anneal.invalid-value]", "totalIters", "ZeroDivisionError");
    }

    @Test
    @DisplayName("ReduceLROnPlateau behind a warm-up in @Sequential stays refused")
    void plateauInSequential() {
      assertSingleError(config("Cfg",
          "@Warmup(steps = 3)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = REDUCE_ON_PLATEAU)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}"), "REDUCE_ON_PLATEAU", "[anneal.not-combinable]", "ReduceLROnPlateau");
    }
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a training loop logs and an experiment tracker records: {@code parameters()} by the
 * reference's names in its signature's order, written, defaulted and bound values alike (the
 * expected maps are written from PyTorch's, transformers' and timm's signatures and defaults);
 * {@code toString()} in one line with the step and the rates; {@code lrs(into)} and {@code
 * momentums(into)} as PyTorch's {@code get_last_lr()}.
 */
class ParametersTest {
  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  /** 40 rates whose shortest decimal forms are long: a list long enough to be held as text. */
  private static final String LONG_RATES = java.util.stream.IntStream.range(0, 40)
      .mapToObj(i -> Double.toString(0.1 / (i + 3))).collect(java.util.stream.Collectors.joining(", "));

  private static final String MANY_MILESTONES = java.util.stream.IntStream.range(1, 300)
      .mapToObj(i -> Integer.toString(7 * i)).collect(java.util.stream.Collectors.joining(", "));

  static {
    CONFIGS.put("LogCosine", new String[] {
        "@Schedule(type = COSINE, tMax = 32, etaMin = 1e-4)", "final class LogCosine {}"});
    CONFIGS.put("LogStep", new String[] {"@Schedule(type = STEP, stepSize = 10)", "final class LogStep {}"});
    CONFIGS.put("LogBound", new String[] {
        "@Schedule(type = COSINE)", "record LogBound(@Bind int tMax, @Bind double etaMin) {}"});
    CONFIGS.put("LogCyclic", new String[] {
        "@Schedule(type = CYCLIC, baseLr = {1e-3, 2e-3}, maxLr = 1e-2, stepSizeUp = 4, mode = TRIANGULAR2)",
        "final class LogCyclic {}"});
    CONFIGS.put("LogSequential", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 5)",
        "@Schedule(type = MULTI_STEP, milestones = {10, 20})",
        "@Sequential(milestones = 5)", "final class LogSequential {}"});
    CONFIGS.put("LogChained", new String[] {
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)", "@Chained", "final class LogChained {}"});
    CONFIGS.put("LogLambda", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"decay\")",
        "final class LogLambda {",
        "  static double decay(long step) {",
        "    return 1.0 / (1 + step);",
        "  }",
        "}"});
    CONFIGS.put("LogLongLists", new String[] {
        "@Schedule(type = ONE_CYCLE, totalSteps = 100, maxLr = {" + LONG_RATES + "}, cycleMomentum = false)",
        "final class LogLongLists {}"});
    CONFIGS.put("LogManyMilestones", new String[] {
        "@Schedule(type = MULTI_STEP, milestones = {" + MANY_MILESTONES + "})", "final class LogManyMilestones {}"});
    CONFIGS.put("LogPlateau", new String[] {
        "@Schedule(type = REDUCE_ON_PLATEAU, patience = 2)", "final class LogPlateau {}"});
    CONFIGS.put("LogTimm", new String[] {
        "@Schedule(type = TIMM_WSD, tInitial = 100, decayT = 20, decayFn = TimmDecayFn.COSINE)",
        "final class LogTimm {}"});
    CONFIGS.put("LogWarmup", new String[] {
        "@Warmup(steps = 3, startFactor = 0.1)", "@Schedule(type = EXPONENTIAL, gamma = 0.5)",
        "final class LogWarmup {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  private static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /** The entries in order: a map's equals ignores it. */
  private static void assertParameters(Map<String, Object> expected, LrScheduler scheduler) {
    Map<String, Object> actual = scheduler.parameters();
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()));
    assertThrows(UnsupportedOperationException.class, () -> actual.put("T_max", 1));
  }

  @Test
  void writtenAndDefaultedValuesByTheReferencesNames() {
    assertParameters(map("T_max", 32, "eta_min", 1e-4), classes.scheduler("LogCosine", StepScheduler.class, 0.1));
    assertParameters(map("step_size", 10, "gamma", 0.1), classes.scheduler("LogStep", StepScheduler.class, 0.1));
    assertParameters(map("mode", "min", "factor", 0.1, "patience", 2, "threshold", 1e-4, "threshold_mode", "rel",
        "cooldown", 0, "min_lr", 0.0, "eps", 1e-8), classes.scheduler("LogPlateau", MetricScheduler.class, 0.1));
  }

  @Test
  void perGroupValuesAndModesAsTheReferenceWritesThem() {
    assertParameters(map("base_lr", List.of(1e-3, 2e-3), "max_lr", 1e-2, "step_size_up", 4, "step_size_down", 4,
        "mode", "triangular2", "gamma", 1.0, "scale_mode", "cycle", "cycle_momentum", true,
        "base_momentum", 0.8, "max_momentum", 0.9),
        classes.scheduler("LogCyclic", StepScheduler.class, 0.1, 0.1));
  }

  @Test
  void longListsWhole() {
    double[] rates = new double[40];
    List<Double> expected = new java.util.ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      rates[i] = 0.1 / (i + 3);
      expected.add(rates[i]);
    }
    assertEquals(expected, classes.scheduler("LogLongLists", StepScheduler.class, rates).parameters().get("max_lr"));
    List<Integer> milestones = new java.util.ArrayList<>();
    for (int i = 1; i < 300; i++) {
      milestones.add(7 * i);
    }
    assertEquals(milestones,
        classes.scheduler("LogManyMilestones", StepScheduler.class, 0.1).parameters().get("milestones"));
  }

  @Test
  void boundValuesAsTheConfigGaveThem() {
    Object config = classes.config("LogBound", 50, 1e-5);
    assertParameters(map("T_max", 50, "eta_min", 1e-5),
        classes.boundScheduler("LogBound", config, StepScheduler.class, 0.1));
  }

  @Test
  void combinationsListTheirSchedulesAfterTheirOwnParameters() {
    LrScheduler sequential = classes.scheduler("LogSequential", StepScheduler.class, 0.1);
    assertParameters(map("milestones", List.of(5), "schedulers[0].start_factor", 0.1,
        "schedulers[0].end_factor", 1.0, "schedulers[0].total_iters", 5,
        "schedulers[1].milestones", List.of(10, 20), "schedulers[1].gamma", 0.1), sequential);
    assertEquals("LogSequential: SequentialLR(milestones=[5], schedulers=[LinearLR(start_factor=0.1, end_factor=1.0,"
        + " total_iters=5), MultiStepLR(milestones=[10, 20], gamma=0.1)]) at step 0, lr [0.010000000000000002]",
        sequential.toString());
    LrScheduler chained = classes.scheduler("LogChained", StepScheduler.class, 0.1);
    assertEquals("LogChained: ChainedScheduler(schedulers=[ConstantLR(factor=0.5, total_iters=2),"
        + " ExponentialLR(gamma=0.9)]) at step 0, lr [0.05]", chained.toString());
  }

  @Test
  void functionsByTheirConfigAndName() {
    assertParameters(map("lr_lambda", List.of("LogLambda::decay")),
        classes.scheduler("LogLambda", StepScheduler.class, 0.1));
  }

  @Test
  void timmsAndTheWarmUpsNames() {
    LrScheduler timm = classes.scheduler("LogTimm", StepScheduler.class, 0.1);
    assertEquals("t_initial", timm.parameters().keySet().iterator().next());
    assertEquals("cosine", timm.parameters().get("decay_fn"));
    assertEquals(100, timm.parameters().get("t_initial"));
    assertEquals(20, timm.parameters().get("decay_t"));
    LrScheduler warmup = classes.scheduler("LogWarmup", StepScheduler.class, 0.1);
    assertTrue(warmup.toString().startsWith("LogWarmup: SequentialLR(milestones=[3], schedulers=[Warmup("),
        warmup.toString());
    assertTrue(warmup.toString().endsWith("ExponentialLR(gamma=0.5)]) at step 0, lr [0.010000000000000002]"),
        warmup.toString());
  }

  @Test
  void oneLineWithTheStepAndEveryGroupsRate() {
    StepScheduler cosine = classes.scheduler("LogCosine", StepScheduler.class, 0.1, 0.05);
    cosine.step();
    assertEquals("LogCosine: CosineAnnealingLR(T_max=32, eta_min=1.0E-4) at step 1, lr ["
        + cosine.lr(0) + ", " + cosine.lr(1) + "]", cosine.toString());
    StepScheduler cyclic = classes.scheduler("LogCyclic", StepScheduler.class, 0.1, 0.1);
    MomentumScheduler momentum = (MomentumScheduler) cyclic;
    assertEquals("LogCyclic: CyclicLR(base_lr=[0.001, 0.002], max_lr=0.01, step_size_up=4, step_size_down=4,"
        + " mode=triangular2, gamma=1.0, scale_mode=cycle, cycle_momentum=true, base_momentum=0.8,"
        + " max_momentum=0.9) at step 0, lr [0.001, 0.002], momentum [0.9, 0.9]", cyclic.toString());
    assertEquals(0.9, momentum.momentum(1));
  }

  @Test
  void lrsFillsTheCallersArray() {
    StepScheduler cosine = classes.scheduler("LogCosine", StepScheduler.class, 0.1, 0.05, 0.02);
    for (int i = 0; i < 5; i++) {
      cosine.step();
    }
    double[] into = new double[4];
    assertSame(into, cosine.lrs(into));
    assertArrayEquals(new double[] {cosine.lr(0), cosine.lr(1), cosine.lr(2), 0.0}, into);
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> cosine.lrs(new double[2]));
    assertEquals("lrs: the array has 2 places for the rates of 3 parameter groups", tooShort.getMessage());
    MomentumScheduler cyclic = (MomentumScheduler) classes.scheduler("LogCyclic", StepScheduler.class, 0.1, 0.1);
    assertArrayEquals(new double[] {0.9, 0.9}, cyclic.momentums(new double[2]));
    assertThrows(IllegalArgumentException.class, () -> cyclic.momentums(new double[1]));
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group 0's rate, which {@code lr()} returns, is kept ready in a field of its own, refreshed where
 * the state changes, while {@code lr(group)} reads any group from the shared state. With two
 * groups of the same initial rate, {@code lr()}, {@code lr(0)} and {@code lr(1)} must therefore
 * read the same, bit for bit, at every step, after a restore and at construction: a refresh
 * missing from any path that changes the state shows as a difference.
 */
class FirstGroupTest {

  /** Long enough for every decay, cycle, phase change and ExponentialLR's periodic resync. */
  private static final int STEPS = 3_000;

  private static final int RESTORE_AT = 1_237;

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    put("FirstStep", "@Schedule(type = STEP, stepSize = 7, gamma = 0.9)");
    put("FirstMultiStep", "@Schedule(type = MULTI_STEP, milestones = {0, 5, 5, 300, 2000}, gamma = 0.5)");
    put("FirstConstant", "@Schedule(type = CONSTANT, factor = 0.25, totalIters = 40)");
    put("FirstLinear", "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 500)");
    put("FirstExponential", "@Schedule(type = EXPONENTIAL, gamma = 0.999)");
    put("FirstPolynomial", "@Schedule(type = POLYNOMIAL, totalIters = 2500, power = 2.0)");
    put("FirstCosine", "@Schedule(type = COSINE, tMax = 400, etaMin = 1e-4)");
    put("FirstWarmRestarts", "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 30, tMult = 2, etaMin = 1e-5)");
    put("FirstTriangular2", "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 40,"
        + " stepSizeDown = 25, mode = TRIANGULAR2)");
    put("FirstExpRange", "@Schedule(type = CYCLIC, baseLr = {1e-3, 1e-3}, maxLr = {1e-2, 1e-2},"
        + " stepSizeUp = 40, mode = EXP_RANGE, gamma = 0.999, cycleMomentum = false)");
    put("FirstOneCycle", "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = " + STEPS
        + ", threePhase = true)");
    put("FirstInverseSqrt", "@Schedule(type = HF_INVERSE_SQRT, numWarmupSteps = 50, timescale = 200)");
    put("FirstHfConstant", "@Schedule(type = HF_CONSTANT)");
    put("FirstHfConstantWarmup", "@Schedule(type = HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 50)");
    put("FirstHfLinear", "@Schedule(type = HF_LINEAR, numWarmupSteps = 50, numTrainingSteps = 800)");
    put("FirstHfCosine", "@Schedule(type = HF_COSINE, numWarmupSteps = 50, numTrainingSteps = 800, numCycles = 2)");
    put("FirstHfPolynomial",
        "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 50, numTrainingSteps = 800, lrInit = 0.1, power = 0.5)");
    put("FirstHfCosineMinLr", "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 50, numTrainingSteps = 800,"
        + " minLr = 1e-3, lrInit = 0.1)");
    put("FirstHfCosineWarmupMinLr", "@Schedule(type = HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 50,"
        + " numTrainingSteps = 800, minLrRate = 0.05)");
    put("FirstWsd", "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 50, numDecaySteps = 300,"
        + " numTrainingSteps = 800, minLrRatio = 0.01)");
    put("FirstPiecewise", "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {100, 40, 400},"
        + " ruleFactors = {0.5, 1.0, 0.1}, lastFactor = 0.01)");
    put("FirstHfRestarts",
        "@Schedule(type = HF_COSINE_WITH_RESTARTS, numWarmupSteps = 50, numTrainingSteps = 800, numCycles = 3)");
    put("FirstTimmCosine", "@Schedule(type = TIMM_COSINE, tInitial = 300, lrMin = 1e-4, warmupT = 50,"
        + " warmupLrInit = 1e-5, cycleLimit = 3, cycleMul = 1.5, cycleDecay = 0.5)");
    put("FirstTimmTanh", "@Schedule(type = TIMM_TANH, tInitial = 800, warmupT = 50, warmupLrInit = 1e-5)");
    put("FirstTimmPoly", "@Schedule(type = TIMM_POLY, tInitial = 800, power = 2.0, warmupT = 50, warmupPrefix = true)");
    put("FirstTimmStep", "@Schedule(type = TIMM_STEP, decayT = 100, decayRate = 0.5, warmupT = 20)");
    put("FirstTimmMultiStep", "@Schedule(type = TIMM_MULTI_STEP, decayT = {100, 300, 700}, decayRate = 0.1)");
    put("FirstTimmWsd", "@Schedule(type = TIMM_WSD, tInitial = 800, decayT = 300, warmupT = 50,"
        + " decayFn = TimmDecayFn.COSINE)");
    put("FirstKerasExponential", "@Schedule(type = KERAS_EXPONENTIAL_DECAY, decaySteps = 100, decayRate = 0.5,"
        + " staircase = true)");
    put("FirstKerasPiecewise", "@Schedule(type = KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {100, 400},"
        + " values = {0.1, 0.05, 0.01})");
    put("FirstKerasPolynomial", "@Schedule(type = KERAS_POLYNOMIAL_DECAY, decaySteps = 300, cycle = true)");
    put("FirstKerasInverseTime", "@Schedule(type = KERAS_INVERSE_TIME_DECAY, decaySteps = 50, decayRate = 0.5,"
        + " staircase = true)");
    put("FirstKerasCosine", "@Schedule(type = KERAS_COSINE_DECAY, decaySteps = 700, warmupTarget = 0.5,"
        + " warmupSteps = 100)");
    put("FirstKerasCosineRestarts", "@Schedule(type = KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 100,"
        + " tMul = 1.5, mMul = 0.5)");
    put("FirstOptaxConstant", "@Schedule(type = OPTAX_CONSTANT, value = 0.05)");
    put("FirstOptaxLinear", "@Schedule(type = OPTAX_LINEAR, initValue = 0.1, endValue = 0.001, transitionSteps = 6, transitionBegin = 2)");
    put("FirstOptaxPolynomial", "@Schedule(type = OPTAX_POLYNOMIAL, endValue = 1e-4, power = 2.0, transitionSteps = 8)");
    put("FirstOptaxExponential", "@Schedule(type = OPTAX_EXPONENTIAL_DECAY, transitionSteps = 3, decayRate = 0.5, staircase = true, endValue = 0.01)");
    put("FirstOptaxCosine", "@Schedule(type = OPTAX_COSINE_DECAY, decaySteps = 8, alpha = 0.1, exponent = 2.0)");
    put("FirstOptaxWarmupCosine", "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY, initValue = 0.0, warmupSteps = 3, decaySteps = 12, endValue = 1e-3)");
    put("FirstOptaxWarmupExponential", "@Schedule(type = OPTAX_WARMUP_EXPONENTIAL_DECAY, initValue = 0.0, warmupSteps = 3, transitionSteps = 4, decayRate = 0.5)");
    put("FirstOptaxWarmupConstant", "@Schedule(type = OPTAX_WARMUP_CONSTANT, initValue = 0.0, warmupSteps = 4)");
    put("FirstOptaxPiecewise", "@Schedule(type = OPTAX_PIECEWISE_CONSTANT, boundaries = {6, 3}, scales = {0.1, 0.5})");
    put("FirstOptaxInterpolate", "@Schedule(type = OPTAX_PIECEWISE_INTERPOLATE, interpolateType = OptaxInterpolateType.COSINE, boundaries = {4, 10}, scales = {0.5, 0.1})");
    put("FirstOptaxLinearOnecycle", "@Schedule(type = OPTAX_LINEAR_ONECYCLE, transitionSteps = 12, pctStart = 0.25)");
    put("FirstOptaxCosineOnecycle", "@Schedule(type = OPTAX_COSINE_ONECYCLE, transitionSteps = 12)");
    put("FirstPlateau", "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 3, cooldown = 2)");
    put("FirstTimmPlateau", "@Schedule(type = TIMM_PLATEAU, mode = MIN, decayRate = 0.5, patienceT = 3,"
        + " cooldownT = 2, warmupT = 20, warmupLrInit = 1e-5, noiseRangeT = {50, 400})");
    put("FirstWarmupCosine", "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 100)",
        "@Schedule(type = COSINE, tMax = 900)", "@Sequential(milestones = 100)");
    // Phases that keep group 0's rate only where it changes, entered at their milestones.
    put("FirstSequentialDecays", "@Schedule(type = EXPONENTIAL, gamma = 0.999)",
        "@Schedule(type = STEP, stepSize = 40, gamma = 0.7)",
        "@Schedule(type = MULTI_STEP, milestones = {0, 100, 700}, gamma = 0.5)",
        "@Sequential(milestones = {500, 1500})");
    // A first phase with phase state, restored inside the second phase.
    put("FirstSequentialOneCycle", "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 1000,"
        + " cycleMomentum = false)",
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 50, tMult = 2)", "@Sequential(milestones = 1000)");
    put("FirstChained", "@Schedule(type = STEP, stepSize = 50, gamma = 0.8)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9995)", "@Chained");
    CONFIGS.put("FirstLambda", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"decay\")",
        "final class FirstLambda {",
        "  static double decay(long step) {",
        "    return 1.0 / (1 + step / 100.0);",
        "  }",
        "}"});
    // A phase without a closed form keeps every group's rate in lrs.
    CONFIGS.put("FirstSequentialMultiplicative", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 100)",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "@Sequential(milestones = 100)",
        "final class FirstSequentialMultiplicative {",
        "  static double decay(long step) {",
        "    return 0.999;",
        "  }",
        "}"});
    CONFIGS.put("FirstMultiplicative", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class FirstMultiplicative {",
        "  static double decay(long step) {",
        "    return step % 7 == 0 ? 0.9 : 0.9999;",
        "  }",
        "}"});
  }

  private static void put(String name, String... annotations) {
    String[] lines = new String[annotations.length + 1];
    System.arraycopy(annotations, 0, lines, 0, annotations.length);
    lines[annotations.length] = "final class " + name + " {}";
    CONFIGS.put(name, lines);
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, java.util.List.of());
  }

  static Iterable<String> configs() {
    return CONFIGS.keySet();
  }

  @Test
  void theConfigsReachEveryScheduleType() {
    TypeCoverage.assertEveryType("FirstGroupTest's configs", CONFIGS.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void groupZeroReadsLikeAnyOtherGroup(String config) {
    LrScheduler scheduler = classes.scheduler(config, LrScheduler.class, 0.1, 0.1);
    assertSameRate(config, scheduler, "at construction");
    byte[] saved = null;
    double rateWhenSaved = Double.NaN;
    for (int step = 1; step <= STEPS; step++) {
      step(scheduler, step);
      assertSameRate(config, scheduler, "after step " + step);
      if (step == RESTORE_AT) {
        saved = scheduler.saveState();
        rateWhenSaved = scheduler.lr();
      }
    }

    LrScheduler restored = classes.scheduler(config, LrScheduler.class, 0.1, 0.1);
    restored.restoreState(saved);
    assertSameRate(config, restored, "after a restore at step " + RESTORE_AT);
    assertEquals(rateWhenSaved, restored.lr(), config + ": group 0 after a restore");
  }

  /** A metric that improves, then stalls long enough for a reduction, over and over. */
  private static void step(LrScheduler scheduler, int step) {
    if (scheduler instanceof MetricScheduler metric) {
      metric.step(step % 20 < 10 ? 1.0 / step : 1.0);
    } else {
      ((StepScheduler) scheduler).step();
    }
  }

  private static void assertSameRate(String config, LrScheduler scheduler, String when) {
    double ready = scheduler.lr();
    double first = scheduler.lr(0);
    double second = scheduler.lr(1);
    if (Double.doubleToLongBits(ready) != Double.doubleToLongBits(first)
        || Double.doubleToLongBits(first) != Double.doubleToLongBits(second)) {
      fail(config + " " + when + ": lr() reads " + ready + ", lr(0) " + first + ", lr(1) " + second);
    }
  }
}

package dev.anneal.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Valid configs covering every schedule type, every combinator and every way of binding, shared
 * by the golden-file, determinism, lint and behaviour tests. Each is a config of package
 * {@code test} whose scheduler is {@code test.<Name>Scheduler}.
 */
final class Configs {
  private Configs() {}

  /** The configs whose generated classes are held as golden files. */
  static final Map<String, String[]> GOLDEN = new LinkedHashMap<>();

  /** Every config: the golden ones and more. */
  static final Map<String, String[]> ALL = new LinkedHashMap<>();

  static {
    // The README's example.
    golden("ResNetRun",
        "@Schedule(type = COSINE, tMax = 32, etaMin = 1e-4)",
        "final class ResNetRun {}");
    golden("StepRun",
        "@Schedule(type = STEP, stepSize = 30, gamma = 0.1)",
        "final class StepRun {}");
    golden("WarmupLambda",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "final class WarmupLambda {",
        "  static double warmup(long step) {",
        "    return Math.min(1.0, (step + 1) / 5.0);",
        "  }",
        "}");
    golden("SweepRun",
        "@Schedule(type = COSINE)",
        "record SweepRun(@Bind int tMax, @Bind double etaMin) {}");
    golden("WarmupCosine",
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 5)",
        "@Schedule(type = COSINE, tMax = 27)",
        "@Sequential(milestones = 5)",
        "final class WarmupCosine {}");
    golden("CyclicRun",
        "@Schedule(type = CYCLIC, baseLr = 1e-4, maxLr = 1e-3, stepSizeUp = 4, mode = TRIANGULAR2)",
        "final class CyclicRun {}");
    golden("OneCycleRun",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100)",
        "final class OneCycleRun {}");
    golden("InverseSqrtRun",
        "@Schedule(type = HF_INVERSE_SQRT, numWarmupSteps = 10)",
        "final class InverseSqrtRun {}");
    golden("PlateauRun",
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 2)",
        "final class PlateauRun {}");

    // Every other type and shape.
    other("MultiStepRun",
        "@Schedule(type = MULTI_STEP, milestones = {30, 80, 80}, gamma = 0.5)",
        "final class MultiStepRun {}");
    other("ConstantRun",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 8)",
        "final class ConstantRun {}");
    other("LinearRun",
        "@Schedule(type = LINEAR, startFactor = 0.5, endFactor = 0.9, totalIters = 8)",
        "final class LinearRun {}");
    other("ExponentialRun",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9995)",
        "final class ExponentialRun {}");
    other("PolynomialRun",
        "@Schedule(type = POLYNOMIAL, totalIters = 20, power = 0.5)",
        "final class PolynomialRun {}");
    other("WarmRestartsRun",
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 4, tMult = 2, etaMin = 1e-5)",
        "final class WarmRestartsRun {}");
    other("MultiplicativeRun",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class MultiplicativeRun {",
        "  static double decay(int step) {",
        "    return 0.95;",
        "  }",
        "}");
    other("TwoLambdas",
        "@Schedule(type = LAMBDA, lrLambda = {\"stairs\", \"decay\"})",
        "final class TwoLambdas {",
        "  static double stairs(int step) {",
        "    return (double) (step / 3);",
        "  }",
        "",
        "  static double decay(long step) {",
        "    return Math.pow(0.9, step);",
        "  }",
        "}");
    other("ScaledCyclic",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, stepSizeUp = 4,",
        "    scaleFn = \"shrink\", scaleMode = ScaleMode.ITERATIONS)",
        "final class ScaledCyclic {",
        "  static double shrink(double x) {",
        "    return 1.0 / (1.0 + 0.05 * x);",
        "  }",
        "}");
    other("ExpRangeCyclic",
        "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002}, stepSizeUp = 5,",
        "    stepSizeDown = 3, mode = EXP_RANGE, gamma = 0.97, cycleMomentum = false)",
        "final class ExpRangeCyclic {}");
    other("ThreePhase",
        "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.01}, totalSteps = 50, threePhase = true,",
        "    annealStrategy = AnnealStrategy.LINEAR)",
        "final class ThreePhase {}");
    other("HfConstantRun",
        "@Schedule(type = HF_CONSTANT)",
        "final class HfConstantRun {}");
    other("HfConstantWarmupRun",
        "@Schedule(type = HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 6)",
        "final class HfConstantWarmupRun {}");
    other("HfLinearRun",
        "@Schedule(type = HF_LINEAR, numWarmupSteps = 4, numTrainingSteps = 20)",
        "final class HfLinearRun {}");
    other("HfCosineRun",
        "@Schedule(type = HF_COSINE, numWarmupSteps = 4, numTrainingSteps = 20)",
        "final class HfCosineRun {}");
    other("HfRestartsRun",
        "@Schedule(type = HF_COSINE_WITH_RESTARTS, numWarmupSteps = 2, numTrainingSteps = 30, numCycles = 3)",
        "final class HfRestartsRun {}");
    other("HfPolynomialRun",
        "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 4, numTrainingSteps = 20, lrInit = 0.1, lrEnd = 1e-3,",
        "    power = 2.0)",
        "final class HfPolynomialRun {}");
    other("HfCosineMinLrRun",
        "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 4, numTrainingSteps = 20, minLrRate = 0.1)",
        "final class HfCosineMinLrRun {}");
    other("HfCosineWarmupMinLrRun",
        "@Schedule(type = HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 4, numTrainingSteps = 20, minLr = 1e-3,",
        "    lrInit = 0.1, warmupLrRate = 0.2)",
        "final class HfCosineWarmupMinLrRun {}");
    other("WsdRun",
        "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 4, numDecaySteps = 10, numStableSteps = 6,",
        "    warmupType = WsdType.COSINE, decayType = WsdType.ONE_MINUS_SQRT, minLrRatio = 0.1)",
        "final class WsdRun {}");
    // The stable phase derived from a bound numTrainingSteps in the constructor, the curves named.
    golden("BoundWsd",
        "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 4, numDecaySteps = 10,",
        "    decayType = WsdType.LINEAR)",
        "record BoundWsd(@Bind int numTrainingSteps) {}");
    other("PiecewiseRun",
        "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {4, 9, 15}, ruleFactors = {1.0, 0.5, 0.1},",
        "    lastFactor = 0.05)",
        "final class PiecewiseRun {}");
    // timm's schedulers: a rate per group from the runtime's closed form, step 0 the constructor's.
    golden("TimmCosineRun",
        "@Schedule(type = TIMM_COSINE, tInitial = 8, lrMin = 1e-4, warmupT = 3, warmupLrInit = 1e-5, cycleLimit = 3,",
        "    cycleDecay = 0.5, kDecay = 1.5, lrScale = {1.0, 0.5})",
        "final class TimmCosineRun {}");
    other("TimmTanhRun",
        "@Schedule(type = TIMM_TANH, tInitial = 6, lrMin = 1e-4, warmupT = 2, warmupLrInit = 1e-5, cycleMul = 2.0,",
        "    cycleLimit = 2)",
        "final class TimmTanhRun {}");
    other("TimmPolyRun",
        "@Schedule(type = TIMM_POLY, tInitial = 10, power = 2.0, warmupT = 3, warmupPrefix = true, cycleLimit = 2)",
        "final class TimmPolyRun {}");
    other("TimmStepRun",
        "@Schedule(type = TIMM_STEP, decayT = 4, decayRate = 0.5, warmupT = 2, warmupLrInit = 1e-4)",
        "final class TimmStepRun {}");
    other("TimmMultiStepRun",
        "@Schedule(type = TIMM_MULTI_STEP, decayT = {1, 5, 9}, decayRate = 0.3, warmupT = 3, warmupPrefix = false)",
        "final class TimmMultiStepRun {}");
    other("TimmWsdRun",
        "@Schedule(type = TIMM_WSD, tInitial = 14, decayT = 6, warmupT = 3, warmupLrInit = 1e-5,",
        "    stableFn = TimmStableFn.POWER, stablePower = 0.3, decayFn = TimmDecayFn.EXP, decayRatio = 0.05)",
        "final class TimmWsdRun {}");
    // timm's plateau: stepped with a metric, its warm-up, and the rates before the noise kept as state.
    golden("TimmPlateauRun",
        "@Schedule(type = TIMM_PLATEAU, decayRate = 0.5, patienceT = 2, cooldownT = 1, warmupT = 3,",
        "    warmupLrInit = 1e-5, lrMin = 1e-5, noiseRangeT = {5, 12}, noisePct = 0.4, lrScale = {1.0, 0.5})",
        "final class TimmPlateauRun {}");
    other("BoundTimmPlateau",
        "@Schedule(type = TIMM_PLATEAU, mode = MIN, noiseRangeT = 4, noiseType = TimmNoiseType.UNIFORM)",
        "record BoundTimmPlateau(@Bind int warmupT, @Bind double decayRate, @Bind double noisePct) {}");
    // Keras's schedules: functions of the update count, the group's initial rate as initial_learning_rate.
    other("KerasExponentialRun",
        "@Schedule(type = KERAS_EXPONENTIAL_DECAY, decaySteps = 4, decayRate = 0.5, staircase = true)",
        "final class KerasExponentialRun {}");
    other("KerasPiecewiseRun",
        "@Schedule(type = KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {2, 6}, values = {0.1, 0.05, 0.01})",
        "final class KerasPiecewiseRun {}");
    other("KerasPolynomialRun",
        "@Schedule(type = KERAS_POLYNOMIAL_DECAY, decaySteps = 5, endLearningRate = 1e-4, power = 2.0, cycle = true)",
        "final class KerasPolynomialRun {}");
    other("KerasInverseTimeRun",
        "@Schedule(type = KERAS_INVERSE_TIME_DECAY, decaySteps = 3, decayRate = 0.5)",
        "final class KerasInverseTimeRun {}");
    golden("KerasCosineRun",
        "@Schedule(type = KERAS_COSINE_DECAY, decaySteps = 8, alpha = 0.1, warmupTarget = 0.2, warmupSteps = 3)",
        "final class KerasCosineRun {}");
    other("KerasCosineRestartsRun",
        "@Schedule(type = KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 4, tMul = 1.5, mMul = 0.8, alpha = 0.01)",
        "final class KerasCosineRestartsRun {}");
    other("OptaxConstantRun",
        "@Schedule(type = OPTAX_CONSTANT, value = 0.05)",
        "final class OptaxConstantRun {}");
    other("OptaxLinearRun",
        "@Schedule(type = OPTAX_LINEAR, initValue = 0.1, endValue = 0.001, transitionSteps = 6, transitionBegin = 2)",
        "final class OptaxLinearRun {}");
    other("OptaxPolynomialRun",
        "@Schedule(type = OPTAX_POLYNOMIAL, endValue = 1e-4, power = 2.0, transitionSteps = 8)",
        "final class OptaxPolynomialRun {}");
    other("OptaxExponentialRun",
        "@Schedule(type = OPTAX_EXPONENTIAL_DECAY, transitionSteps = 3, decayRate = 0.5, staircase = true, endValue = 0.01)",
        "final class OptaxExponentialRun {}");
    other("OptaxCosineRun",
        "@Schedule(type = OPTAX_COSINE_DECAY, decaySteps = 8, alpha = 0.1, exponent = 2.0)",
        "final class OptaxCosineRun {}");
    other("OptaxWarmupCosineRun",
        "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY, initValue = 0.0, warmupSteps = 3, decaySteps = 12, endValue = 1e-3)",
        "final class OptaxWarmupCosineRun {}");
    other("OptaxWarmupExponentialRun",
        "@Schedule(type = OPTAX_WARMUP_EXPONENTIAL_DECAY, initValue = 0.0, warmupSteps = 3, transitionSteps = 4, decayRate = 0.5)",
        "final class OptaxWarmupExponentialRun {}");
    other("OptaxWarmupConstantRun",
        "@Schedule(type = OPTAX_WARMUP_CONSTANT, initValue = 0.0, warmupSteps = 4)",
        "final class OptaxWarmupConstantRun {}");
    other("OptaxPiecewiseRun",
        "@Schedule(type = OPTAX_PIECEWISE_CONSTANT, boundaries = {6, 3}, scales = {0.1, 0.5})",
        "final class OptaxPiecewiseRun {}");
    other("OptaxInterpolateRun",
        "@Schedule(type = OPTAX_PIECEWISE_INTERPOLATE, interpolateType = OptaxInterpolateType.COSINE, boundaries = {4, 10}, scales = {0.5, 0.1})",
        "final class OptaxInterpolateRun {}");
    golden("OptaxLinearOnecycleRun",
        "@Schedule(type = OPTAX_LINEAR_ONECYCLE, transitionSteps = 12, pctStart = 0.25)",
        "final class OptaxLinearOnecycleRun {}");
    other("OptaxCosineOnecycleRun",
        "@Schedule(type = OPTAX_COSINE_ONECYCLE, transitionSteps = 12)",
        "final class OptaxCosineOnecycleRun {}");
    // optax's join_schedules: a @Sequential of its schedules, each with its own base value.
    golden("OptaxJoinRun",
        "@Schedule(type = OPTAX_LINEAR, initValue = 0.0, endValue = 0.1, transitionSteps = 4)",
        "@Schedule(type = OPTAX_COSINE_DECAY, initValue = 0.1, decaySteps = 10, exponent = 2.0)",
        "@Schedule(type = OPTAX_CONSTANT, value = 1e-3)",
        "@Sequential(milestones = {4, 12})",
        "final class OptaxJoinRun {}");
    // The reference's refusals checked when the scheduler is built: a shape of its own.
    golden("BoundHfPolynomial",
        "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 4, numTrainingSteps = 20)",
        "record BoundHfPolynomial(@Bind double lrInit, @Bind double lrEnd) {}");
    // A warm-up in front of ReduceLROnPlateau: the step takes the metric through the warm-up.
    golden("WarmupPlateau",
        "@Warmup(steps = 3, startFactor = 0.1, shape = WsdType.COSINE)",
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 2, cooldown = 1)",
        "final class WarmupPlateau {}");
    // A warm-up of bound length: the phases split at a field, not a constant.
    golden("BoundWarmup",
        "@Warmup",
        "@Schedule(type = STEP, stepSize = 5, gamma = 0.5)",
        "record BoundWarmup(@Bind int warmupSteps, @Bind double warmupStartFactor) {}");
    other("BoundWarmupPlateau",
        "@Warmup(startFactor = 0.2)",
        "@Schedule(type = REDUCE_ON_PLATEAU, mode = MAX, patience = 1, minLr = 1e-3)",
        "record BoundWarmupPlateau(@Bind int warmupSteps) {}");
    other("WarmupTimmPlateau",
        "@Warmup(steps = 4, startFactor = 0.1)",
        "@Schedule(type = TIMM_PLATEAU, mode = MIN, decayRate = 0.5, patienceT = 1, warmupT = 2, warmupLrInit = 1e-4)",
        "final class WarmupTimmPlateau {}");
    other("WarmupSequential",
        "@Warmup(steps = 4, shape = WsdType.ONE_MINUS_SQRT)",
        "@Schedule(type = LINEAR, startFactor = 0.5, totalIters = 5)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.99)",
        "@Sequential(milestones = 10)",
        "final class WarmupSequential {}");
    other("MaxPlateau",
        "@Schedule(type = REDUCE_ON_PLATEAU, mode = MAX, factor = 0.5, patience = 2, threshold = 0.01,",
        "    thresholdMode = ThresholdMode.ABS, cooldown = 2, minLr = 1e-4)",
        "final class MaxPlateau {}");
    golden("ThreePhases",
        "@Schedule(type = CONSTANT, factor = 0.25, totalIters = 4)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "@Sequential(milestones = {4, 12})",
        "final class ThreePhases {",
        "  static double decay(long step) {",
        "    return 0.99;",
        "  }",
        "}");
    golden("ChainedDecay",
        "@Schedule(type = LINEAR, startFactor = 0.2, totalIters = 5)",
        "@Schedule(type = MULTI_STEP, milestones = {8, 16}, gamma = 0.3)",
        "@Chained",
        "final class ChainedDecay {}");
    other("WrittenOneCycle",
        "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.05}, epochs = 4, stepsPerEpoch = 25, pctStart = 0.25)",
        "final class WrittenOneCycle {}");
    other("BoundOneCycle",
        "@Schedule(type = ONE_CYCLE, pctStart = 0.25)",
        "record BoundOneCycle(@Bind double[] maxLr, @Bind int epochs, @Bind int stepsPerEpoch) {}");
    other("BoundStep",
        "@Schedule(type = STEP)",
        "final class BoundStep {",
        "  private final int stepSize;",
        "",
        "  BoundStep(int stepSize) {",
        "    this.stepSize = stepSize;",
        "  }",
        "",
        "  @Bind",
        "  int stepSize() {",
        "    return stepSize;",
        "  }",
        "}");
  }

  private static void golden(String name, String... body) {
    GOLDEN.put(name, body);
    ALL.put(name, body);
  }

  private static void other(String name, String... body) {
    ALL.put(name, body);
  }

  /** The sources of {@code configs}, in their order. */
  static List<JavaFileObject> sources(Map<String, String[]> configs) {
    List<JavaFileObject> sources = new ArrayList<>();
    configs.forEach((name, body) -> sources.add(Sources.config(name, body)));
    return sources;
  }
}

package dev.anneal.benchmarks;

import dev.anneal.Bind;
import dev.anneal.Chained;
import dev.anneal.Mode;
import dev.anneal.OptaxInterpolateType;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;
import dev.anneal.TimmDecayFn;
import dev.anneal.TimmNoiseType;
import dev.anneal.TimmStableFn;
import dev.anneal.WsdType;

/**
 * Configs of the schedule types that no benchmark covers, and of the momentum-cycling variants,
 * so that the zero-allocation test reaches every kind of generated scheduler.
 */
final class AllocationConfigs {

  private AllocationConfigs() {}

  @Schedule(type = ScheduleType.CONSTANT, factor = 0.5, totalIters = 1_000)
  static final class Constant {}

  @Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, endFactor = 1.0, totalIters = 1_000)
  static final class Linear {}

  @Schedule(type = ScheduleType.POLYNOMIAL, totalIters = 10_000, power = 2.0)
  static final class Polynomial {}

  @Schedule(type = ScheduleType.HF_INVERSE_SQRT, numWarmupSteps = 1_000)
  static final class InverseSqrt {}

  @Schedule(type = ScheduleType.HF_CONSTANT)
  static final class HfConstant {}

  @Schedule(type = ScheduleType.HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 1_000)
  static final class HfConstantWarmup {}

  @Schedule(type = ScheduleType.HF_LINEAR, numWarmupSteps = 1_000, numTrainingSteps = 10_000)
  static final class HfLinear {}

  @Schedule(type = ScheduleType.HF_COSINE, numWarmupSteps = 1_000, numTrainingSteps = 10_000)
  static final class HfCosine {}

  @Schedule(type = ScheduleType.HF_COSINE_WITH_RESTARTS, numWarmupSteps = 1_000, numTrainingSteps = 10_000,
      numCycles = 3)
  static final class HfRestarts {}

  @Schedule(type = ScheduleType.HF_POLYNOMIAL, numWarmupSteps = 1_000, numTrainingSteps = 10_000, lrInit = 0.1,
      power = 2.0)
  static final class HfPolynomial {}

  @Schedule(type = ScheduleType.HF_COSINE_WITH_MIN_LR, numWarmupSteps = 1_000, numTrainingSteps = 10_000,
      minLr = 1e-5, lrInit = 0.1)
  static final class HfCosineMinLr {}

  @Schedule(type = ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 1_000, numTrainingSteps = 10_000,
      minLrRate = 0.1, warmupLrRate = 0.01)
  static final class HfCosineWarmupMinLr {}

  @Schedule(type = ScheduleType.HF_WARMUP_STABLE_DECAY, numWarmupSteps = 1_000, numDecaySteps = 5_000,
      numTrainingSteps = 15_000, warmupType = WsdType.COSINE, decayType = WsdType.ONE_MINUS_SQRT, minLrRatio = 0.01)
  static final class Wsd {}

  @Schedule(type = ScheduleType.TIMM_COSINE, tInitial = 5_000, lrMin = 1e-5, warmupT = 500, warmupLrInit = 1e-6,
      cycleLimit = 3, cycleMul = 1.5, cycleDecay = 0.5, kDecay = 1.5, lrScale = {1.0, 0.5, 0.1})
  static final class TimmCosine {}

  @Schedule(type = ScheduleType.TIMM_TANH, tInitial = 10_000, warmupT = 500, warmupLrInit = 1e-6)
  static final class TimmTanh {}

  @Schedule(type = ScheduleType.TIMM_POLY, tInitial = 10_000, power = 2.0, warmupT = 500, warmupPrefix = true)
  static final class TimmPoly {}

  @Schedule(type = ScheduleType.TIMM_STEP, decayT = 3_000, decayRate = 0.5, warmupT = 500)
  static final class TimmStep {}

  @Schedule(type = ScheduleType.TIMM_MULTI_STEP, decayT = {5_000, 10_000, 15_000}, decayRate = 0.1)
  static final class TimmMultiStep {}

  @Schedule(type = ScheduleType.TIMM_WSD, tInitial = 15_000, decayT = 5_000, warmupT = 1_000,
      stableFn = TimmStableFn.RSQRT, decayFn = TimmDecayFn.EXP)
  static final class TimmWsd {}

  @Schedule(type = ScheduleType.KERAS_EXPONENTIAL_DECAY, decaySteps = 1_000, decayRate = 0.5, staircase = true)
  static final class KerasExponential {}

  @Schedule(type = ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {5_000, 10_000, 15_000},
      values = {0.1, 0.05, 0.01, 0.001})
  static final class KerasPiecewise {}

  @Schedule(type = ScheduleType.KERAS_POLYNOMIAL_DECAY, decaySteps = 3_000, power = 2.0, cycle = true)
  static final class KerasPolynomial {}

  @Schedule(type = ScheduleType.KERAS_INVERSE_TIME_DECAY, decaySteps = 100, decayRate = 0.5)
  static final class KerasInverseTime {}

  @Schedule(type = ScheduleType.KERAS_COSINE_DECAY, decaySteps = 15_000, alpha = 0.01, warmupTarget = 0.5,
      warmupSteps = 1_000)
  static final class KerasCosine {}

  @Schedule(type = ScheduleType.KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 1_000, tMul = 1.5, mMul = 0.9)
  static final class KerasCosineRestarts {}

  @Schedule(type = ScheduleType.OPTAX_CONSTANT,
      value = 0.05)
  static final class OptaxConstant {}

  @Schedule(type = ScheduleType.OPTAX_LINEAR,
      endValue = 1e-5, transitionSteps = 10_000, transitionBegin = 10_000)
  static final class OptaxLinear {}

  @Schedule(type = ScheduleType.OPTAX_POLYNOMIAL,
      endValue = 1e-6, power = 2.0, transitionSteps = 15_000)
  static final class OptaxPolynomial {}

  @Schedule(type = ScheduleType.OPTAX_EXPONENTIAL_DECAY,
      transitionSteps = 1_000, decayRate = 0.5, endValue = 1e-6)
  static final class OptaxExponential {}

  @Schedule(type = ScheduleType.OPTAX_COSINE_DECAY,
      decaySteps = 15_000, alpha = 0.01)
  static final class OptaxCosine {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_COSINE_DECAY,
      initValue = 0.0, warmupSteps = 10_000, decaySteps = 15_000, endValue = 1e-6)
  static final class OptaxWarmupCosine {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY,
      initValue = 0.0, warmupSteps = 10_000, transitionSteps = 1_000, decayRate = 0.5)
  static final class OptaxWarmupExponential {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_CONSTANT,
      initValue = 0.0, warmupSteps = 5_000)
  static final class OptaxWarmupConstant {}

  @Schedule(type = ScheduleType.OPTAX_PIECEWISE_CONSTANT,
      boundaries = {10_000, 5_000}, scales = {0.1, 0.5})
  static final class OptaxPiecewise {}

  @Schedule(type = ScheduleType.OPTAX_PIECEWISE_INTERPOLATE,
      interpolateType = OptaxInterpolateType.LINEAR, boundaries = {10_000, 15_000}, scales = {1.0, 0.01})
  static final class OptaxInterpolate {}

  @Schedule(type = ScheduleType.OPTAX_LINEAR_ONECYCLE,
      transitionSteps = 15_000)
  static final class OptaxLinearOnecycle {}

  @Schedule(type = ScheduleType.OPTAX_COSINE_ONECYCLE,
      transitionSteps = 15_000)
  static final class OptaxCosineOnecycle {}

  /** timm's plateau with its warm-up, and the normal noise from epoch 20 on: every step draws it. */
  @Schedule(type = ScheduleType.TIMM_PLATEAU, mode = Mode.MIN, decayRate = 0.5, patienceT = 3, cooldownT = 2,
      warmupT = 10, warmupLrInit = 1e-5, lrMin = 1e-6, noiseRangeT = 20)
  static final class TimmPlateau {}

  /** The uniform noise, behind a warm-up of Anneal's. */
  @Warmup(steps = 10, startFactor = 0.1)
  @Schedule(type = ScheduleType.TIMM_PLATEAU, mode = Mode.MIN, patienceT = 5, noiseRangeT = {100, 90_000},
      noiseType = TimmNoiseType.UNIFORM, noisePct = 0.3, lrScale = {1.0, 0.5, 0.25})
  static final class WarmupThenTimmPlateau {}

  @Schedule(type = ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {1_000, 5_000, 15_000},
      ruleFactors = {1.0, 0.1, 0.01}, lastFactor = 0.001)
  static final class Piecewise {}

  @Schedule(type = ScheduleType.LAMBDA, lrLambda = "inverseSqrt")
  static final class Lambda {
    static double inverseSqrt(long step) {
      return 1.0 / Math.sqrt(1.0 + step);
    }
  }

  @Schedule(type = ScheduleType.MULTIPLICATIVE, lrLambda = "decay")
  static final class Multiplicative {
    static double decay(long step) {
      return step % 1_000 == 0 ? 0.5 : 1.0;
    }
  }

  @Schedule(
      type = ScheduleType.CYCLIC,
      baseLr = 1e-4,
      maxLr = 1e-2,
      stepSizeUp = 500,
      mode = Mode.EXP_RANGE,
      gamma = 0.9999)
  static final class CyclicWithMomentum {}

  @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 1e-2, totalSteps = 10_000, threePhase = true)
  static final class OneCycleWithMomentum {}

  @Schedule(type = ScheduleType.CONSTANT, factor = 0.5, totalIters = 100)
  @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9999)
  @Chained
  static final class ConstantThenExponential {}

  @Warmup(steps = 1_000, shape = WsdType.COSINE)
  @Schedule(type = ScheduleType.COSINE, tMax = 10_000, etaMin = 1e-5)
  static final class WarmupThenCosine {}

  @Warmup(steps = 10, startFactor = 0.1)
  @Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 3, cooldown = 2)
  static final class WarmupThenPlateau {}

  @Warmup
  @Schedule(type = ScheduleType.STEP, stepSize = 1_000, gamma = 0.5)
  record BoundWarmupThenStep(@Bind int warmupSteps) {}
}

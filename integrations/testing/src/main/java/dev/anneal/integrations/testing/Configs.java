package dev.anneal.integrations.testing;

import dev.anneal.AnnealStrategy;
import dev.anneal.Bind;
import dev.anneal.Chained;
import dev.anneal.Mode;
import dev.anneal.OptaxInterpolateType;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;
import dev.anneal.TimmDecayFn;
import dev.anneal.TimmStableFn;
import dev.anneal.Warmup;
import dev.anneal.WsdType;

/**
 * A config of every schedule type, over a few hundred steps so that each changes its rate within
 * the adapters' tests' runs, and the combinations; the processor generates the public {@code
 * Configs_<Name>Scheduler} beside each. Shared by the tests of every adapter, which run them
 * through their engine; a config only one adapter needs stays in its tests.
 */
public final class Configs {

  private Configs() {}

  @Schedule(type = ScheduleType.STEP, stepSize = 30, gamma = 0.5)
  static final class Step {}

  @Schedule(type = ScheduleType.MULTI_STEP, milestones = {50, 120, 120, 200}, gamma = 0.3)
  static final class MultiStep {}

  @Schedule(type = ScheduleType.CONSTANT, factor = 0.25, totalIters = 40)
  static final class Constant {}

  @Schedule(type = ScheduleType.LINEAR, startFactor = 0.05, endFactor = 1.0, totalIters = 60)
  static final class Linear {}

  @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.99)
  static final class Exponential {}

  @Schedule(type = ScheduleType.POLYNOMIAL, totalIters = 250, power = 2.0)
  static final class Polynomial {}

  /** Past {@code tMax} the rate climbs back, as in PyTorch. */
  @Schedule(type = ScheduleType.COSINE, tMax = 100, etaMin = 1e-4)
  static final class Cosine {}

  @Schedule(type = ScheduleType.COSINE_WARM_RESTARTS, t0 = 20, tMult = 2, etaMin = 1e-5)
  static final class WarmRestarts {}

  @Schedule(type = ScheduleType.CYCLIC, baseLr = {1e-4, 1e-3}, maxLr = {1e-2, 5e-2},
      stepSizeUp = 25, stepSizeDown = 15, mode = Mode.TRIANGULAR2, cycleMomentum = false)
  static final class Cyclic {}

  @Schedule(type = ScheduleType.CYCLIC, baseLr = 1e-4, maxLr = 1e-2, stepSizeUp = 20,
      mode = Mode.EXP_RANGE, gamma = 0.995, cycleMomentum = false)
  static final class CyclicExpRange {}

  /** Cycles the momentum too: DJL's trackers refuse it, Deeplearning4j's updaters follow it. */
  @Schedule(type = ScheduleType.CYCLIC, baseLr = 1e-4, maxLr = 1e-2, stepSizeUp = 20)
  static final class CyclicWithMomentum {}

  @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = {0.1, 0.05}, totalSteps = 300,
      annealStrategy = AnnealStrategy.LINEAR, threePhase = true, cycleMomentum = false)
  static final class OneCycle {}

  /** Cycles the momentum too: DJL's trackers refuse it, Deeplearning4j's updaters follow it. */
  @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.1, totalSteps = 300)
  static final class OneCycleWithMomentum {}

  @Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 1, threshold = 0.05)
  static final class Plateau {}

  @Schedule(type = ScheduleType.LAMBDA, lrLambda = "inverseSqrt")
  static final class Lambda {
    static double inverseSqrt(long step) {
      return 1.0 / Math.sqrt(1.0 + step);
    }
  }

  /** No closed form: {@code lrAt} replays the recurrence. */
  @Schedule(type = ScheduleType.MULTIPLICATIVE, lrLambda = "decay")
  static final class Multiplicative {
    static double decay(long step) {
      return step % 7 == 0 ? 0.9 : 0.999;
    }
  }

  @Schedule(type = ScheduleType.HF_INVERSE_SQRT, numWarmupSteps = 20)
  static final class HfInverseSqrt {}

  @Schedule(type = ScheduleType.HF_CONSTANT)
  static final class HfConstant {}

  @Schedule(type = ScheduleType.HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 25)
  static final class HfConstantWithWarmup {}

  @Schedule(type = ScheduleType.HF_LINEAR, numWarmupSteps = 30, numTrainingSteps = 280)
  static final class HfLinear {}

  @Schedule(type = ScheduleType.HF_COSINE, numWarmupSteps = 30, numTrainingSteps = 280)
  static final class HfCosine {}

  @Schedule(type = ScheduleType.HF_COSINE_WITH_RESTARTS, numWarmupSteps = 20,
      numTrainingSteps = 280, numCycles = 3)
  static final class HfCosineWithRestarts {}

  @Schedule(type = ScheduleType.HF_POLYNOMIAL, numWarmupSteps = 20, numTrainingSteps = 250,
      lrInit = 0.1, lrEnd = 1e-4, power = 2.0)
  static final class HfPolynomial {}

  @Schedule(type = ScheduleType.HF_COSINE_WITH_MIN_LR, numWarmupSteps = 20,
      numTrainingSteps = 280, minLr = 1e-3, lrInit = 0.1)
  static final class HfCosineWithMinLr {}

  @Schedule(type = ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 20,
      numTrainingSteps = 280, minLrRate = 0.05, warmupLrRate = 0.01)
  static final class HfCosineWarmupWithMinLr {}

  @Schedule(type = ScheduleType.HF_WARMUP_STABLE_DECAY, numWarmupSteps = 30, numDecaySteps = 100,
      numTrainingSteps = 280, warmupType = WsdType.COSINE, decayType = WsdType.ONE_MINUS_SQRT,
      minLrRatio = 0.01)
  static final class HfWarmupStableDecay {}

  @Schedule(type = ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {40, 150},
      ruleFactors = {1.0, 0.1}, lastFactor = 0.005)
  static final class DiffusersPiecewiseConstant {}

  /** With noise on part of the run and a scale per group. */
  @Schedule(type = ScheduleType.TIMM_COSINE, tInitial = 120, lrMin = 1e-5, warmupT = 10,
      warmupLrInit = 1e-6, cycleLimit = 3, cycleMul = 1.5, cycleDecay = 0.5, kDecay = 1.5,
      noiseRangeT = {50, 200}, noisePct = 0.2, lrScale = {1.0, 0.5})
  static final class TimmCosine {}

  @Schedule(type = ScheduleType.TIMM_TANH, tInitial = 250, warmupT = 15, warmupLrInit = 1e-6)
  static final class TimmTanh {}

  @Schedule(type = ScheduleType.TIMM_POLY, tInitial = 250, power = 2.0, warmupT = 15,
      warmupPrefix = true)
  static final class TimmPoly {}

  @Schedule(type = ScheduleType.TIMM_STEP, decayT = 40, decayRate = 0.5, warmupT = 10)
  static final class TimmStep {}

  @Schedule(type = ScheduleType.TIMM_MULTI_STEP, decayT = {60, 150, 220}, decayRate = 0.3)
  static final class TimmMultiStep {}

  @Schedule(type = ScheduleType.TIMM_WSD, tInitial = 260, decayT = 80, warmupT = 20,
      stableFn = TimmStableFn.RSQRT, decayFn = TimmDecayFn.EXP)
  static final class TimmWsd {}

  @Schedule(type = ScheduleType.KERAS_EXPONENTIAL_DECAY, decaySteps = 40, decayRate = 0.5, staircase = true)
  static final class KerasExponentialDecay {}

  @Schedule(type = ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {60, 150},
      values = {0.1, 0.05, 0.01})
  static final class KerasPiecewiseConstantDecay {}

  @Schedule(type = ScheduleType.KERAS_POLYNOMIAL_DECAY, decaySteps = 100, power = 2.0, cycle = true)
  static final class KerasPolynomialDecay {}

  @Schedule(type = ScheduleType.KERAS_INVERSE_TIME_DECAY, decaySteps = 10, decayRate = 0.5)
  static final class KerasInverseTimeDecay {}

  @Schedule(type = ScheduleType.KERAS_COSINE_DECAY, decaySteps = 230, warmupTarget = 0.2, warmupSteps = 20)
  static final class KerasCosineDecay {}

  @Schedule(type = ScheduleType.KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 40, tMul = 1.5, mMul = 0.8)
  static final class KerasCosineDecayRestarts {}

  @Schedule(type = ScheduleType.OPTAX_CONSTANT,
      value = 0.05)
  static final class OptaxConstant {}

  @Schedule(type = ScheduleType.OPTAX_LINEAR,
      endValue = 1e-5, transitionSteps = 200, transitionBegin = 20)
  static final class OptaxLinear {}

  @Schedule(type = ScheduleType.OPTAX_POLYNOMIAL,
      endValue = 1e-6, power = 2.0, transitionSteps = 250)
  static final class OptaxPolynomial {}

  @Schedule(type = ScheduleType.OPTAX_EXPONENTIAL_DECAY,
      transitionSteps = 30, decayRate = 0.5, endValue = 1e-6)
  static final class OptaxExponential {}

  @Schedule(type = ScheduleType.OPTAX_COSINE_DECAY,
      decaySteps = 250, alpha = 0.01)
  static final class OptaxCosine {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_COSINE_DECAY,
      initValue = 0.0, warmupSteps = 20, decaySteps = 250, endValue = 1e-6)
  static final class OptaxWarmupCosine {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY,
      initValue = 0.0, warmupSteps = 20, transitionSteps = 30, decayRate = 0.5)
  static final class OptaxWarmupExponential {}

  @Schedule(type = ScheduleType.OPTAX_WARMUP_CONSTANT,
      initValue = 0.0, warmupSteps = 100)
  static final class OptaxWarmupConstant {}

  @Schedule(type = ScheduleType.OPTAX_PIECEWISE_CONSTANT,
      boundaries = {200, 100}, scales = {0.1, 0.5})
  static final class OptaxPiecewise {}

  @Schedule(type = ScheduleType.OPTAX_PIECEWISE_INTERPOLATE,
      interpolateType = OptaxInterpolateType.LINEAR, boundaries = {20, 250}, scales = {1.0, 0.01})
  static final class OptaxInterpolate {}

  @Schedule(type = ScheduleType.OPTAX_LINEAR_ONECYCLE,
      transitionSteps = 250)
  static final class OptaxLinearOnecycle {}

  @Schedule(type = ScheduleType.OPTAX_COSINE_ONECYCLE,
      transitionSteps = 250)
  static final class OptaxCosineOnecycle {}

  @Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = 20)
  @Schedule(type = ScheduleType.COSINE, tMax = 250)
  @Sequential(milestones = 20)
  static final class SequentialWarmupCosine {}

  /** A chain with a closed form: the product of its factors. */
  @Schedule(type = ScheduleType.CONSTANT, factor = 0.5, totalIters = 30)
  @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.995)
  @Chained
  static final class ChainedConstantExponential {}

  /** A chain without a closed form: PyTorch's recurrence, replayed by {@code lrAt}. */
  @Schedule(type = ScheduleType.COSINE, tMax = 80)
  @Schedule(type = ScheduleType.STEP, stepSize = 50, gamma = 0.7)
  @Chained
  static final class ChainedCosineStep {}

  @Warmup(steps = 30, shape = WsdType.COSINE)
  @Schedule(type = ScheduleType.COSINE, tMax = 250, etaMin = 1e-4)
  static final class WarmupCosine {}

  @Warmup
  @Schedule(type = ScheduleType.STEP, stepSize = 40, gamma = 0.5)
  public record BoundWarmupStep(@Bind int warmupSteps) {}

  /** The training tests' closed-form schedule: a short warm-up, then cosine to a floor. */
  @Warmup(steps = 30)
  @Schedule(type = ScheduleType.COSINE, tMax = 270, etaMin = 0.01)
  static final class SpiralRun {}
}

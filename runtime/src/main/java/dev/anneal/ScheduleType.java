package dev.anneal;

/**
 * The schedules of {@code torch.optim.lr_scheduler}, each named after its PyTorch class, and those
 * of Hugging Face transformers, each named {@code HF_} and the name of transformers' own
 * {@code SchedulerType} (PyTorch's names already take {@code CONSTANT}, {@code LINEAR} and
 * {@code POLYNOMIAL}), and those of timm (pytorch-image-models), each named {@code TIMM_} and the
 * kind of its scheduler class, stepped once per optimizer update (TIMM_PLATEAU: once per epoch,
 * with a metric), and those of Keras 3 ({@code keras.optimizers.schedules}), each named
 * {@code KERAS_} and its class name, and those of optax, each named {@code OPTAX_} and its
 * function's name: functions of the optimizer's update count.
 */
public enum ScheduleType {
  /** {@code StepLR}: decays by {@code gamma} every {@code stepSize} steps. */
  STEP("StepLR"),
  /** {@code MultiStepLR}: decays by {@code gamma} at each milestone. */
  MULTI_STEP("MultiStepLR"),
  /** {@code ConstantLR}: scales by {@code factor} until {@code totalIters}. */
  CONSTANT("ConstantLR"),
  /** {@code LinearLR}: moves the factor linearly from {@code startFactor} to {@code endFactor}. */
  LINEAR("LinearLR"),
  /** {@code ExponentialLR}: decays by {@code gamma} every step. */
  EXPONENTIAL("ExponentialLR"),
  /** {@code PolynomialLR}: decays polynomially to zero over {@code totalIters}. */
  POLYNOMIAL("PolynomialLR"),
  /** {@code CosineAnnealingLR}: half a cosine from the initial rate down to {@code etaMin}. */
  COSINE("CosineAnnealingLR"),
  /** {@code CosineAnnealingWarmRestarts}: cosine cycles of growing length (SGDR). */
  COSINE_WARM_RESTARTS("CosineAnnealingWarmRestarts"),
  /** {@code CyclicLR}: cycles between {@code baseLr} and {@code maxLr}. */
  CYCLIC("CyclicLR"),
  /** {@code OneCycleLR}: the 1cycle policy, up to {@code maxLr} and down far below the start. */
  ONE_CYCLE("OneCycleLR"),
  /** {@code ReduceLROnPlateau}: reduces the rate when a metric stops improving. */
  REDUCE_ON_PLATEAU("ReduceLROnPlateau"),
  /** {@code LambdaLR}: the initial rate times a factor method of the config. */
  LAMBDA("LambdaLR"),
  /** {@code MultiplicativeLR}: the previous rate times a factor method of the config. */
  MULTIPLICATIVE("MultiplicativeLR"),
  /**
   * Hugging Face transformers' {@code get_inverse_sqrt_schedule}: a linear warm-up from 0 over
   * {@code numWarmupSteps}, then decay as the inverse square root of the step.
   */
  HF_INVERSE_SQRT("transformers.get_inverse_sqrt_schedule"),
  /** Hugging Face transformers' {@code get_constant_schedule}: the initial rate, at every step. */
  HF_CONSTANT("transformers.get_constant_schedule"),
  /**
   * Hugging Face transformers' {@code get_constant_schedule_with_warmup}: a linear warm-up from 0
   * over {@code numWarmupSteps}, then the initial rate.
   */
  HF_CONSTANT_WITH_WARMUP("transformers.get_constant_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_linear_schedule_with_warmup}: a linear warm-up from 0
   * over {@code numWarmupSteps}, then a linear decay to 0 at {@code numTrainingSteps}.
   */
  HF_LINEAR("transformers.get_linear_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_cosine_schedule_with_warmup}: a linear warm-up from 0
   * over {@code numWarmupSteps}, then {@code numCycles} periods of a cosine.
   */
  HF_COSINE("transformers.get_cosine_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_cosine_with_hard_restarts_schedule_with_warmup}: a linear
   * warm-up from 0 over {@code numWarmupSteps}, then {@code numCycles} falls along half a cosine.
   */
  HF_COSINE_WITH_RESTARTS("transformers.get_cosine_with_hard_restarts_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_polynomial_decay_schedule_with_warmup}: a linear warm-up
   * from 0 over {@code numWarmupSteps}, then a polynomial decay from {@code lrInit} to
   * {@code lrEnd} at {@code numTrainingSteps}.
   */
  HF_POLYNOMIAL("transformers.get_polynomial_decay_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup}: a linear
   * warm-up from 0 over {@code numWarmupSteps}, then {@code numCycles} periods of a cosine down to
   * {@code minLrRate}, or {@code minLr / lrInit}.
   */
  HF_COSINE_WITH_MIN_LR("transformers.get_cosine_with_min_lr_schedule_with_warmup"),
  /**
   * Hugging Face transformers' {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}: a
   * linear warm-up from {@code warmupLrRate}, or from {@code 1 / numWarmupSteps}, then the cosine of
   * HF_COSINE_WITH_MIN_LR one step earlier.
   */
  HF_COSINE_WARMUP_WITH_MIN_LR("transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate"),
  /**
   * Hugging Face transformers' {@code get_wsd_schedule}: a warm-up from {@code minLrRatio} over
   * {@code numWarmupSteps}, the initial rate for {@code numStableSteps}, then a decay to
   * {@code minLrRatio} over {@code numDecaySteps}.
   */
  HF_WARMUP_STABLE_DECAY("transformers.get_wsd_schedule"),
  /**
   * Hugging Face diffusers' {@code get_piecewise_constant_schedule}: the initial rate times the
   * factor of the first rule whose step is above the step count, {@code lastFactor} past them all.
   */
  DIFFUSERS_PIECEWISE_CONSTANT("diffusers.get_piecewise_constant_schedule"),
  /**
   * timm's {@code CosineLRScheduler}: cosine cycles of {@code tInitial} updates (growing by
   * {@code cycleMul}, their peaks decaying by {@code cycleDecay}) down to {@code lrMin}, after a
   * linear warm-up from {@code warmupLrInit} over {@code warmupT}.
   */
  TIMM_COSINE("timm.CosineLRScheduler"),
  /** timm's {@code TanhLRScheduler}: as TIMM_COSINE, a tanh from {@code lb} to {@code ub} each cycle. */
  TIMM_TANH("timm.TanhLRScheduler"),
  /** timm's {@code PolyLRScheduler}: as TIMM_COSINE, a polynomial decay of {@code power} each cycle. */
  TIMM_POLY("timm.PolyLRScheduler"),
  /** timm's {@code StepLRScheduler}: decays by {@code decayRate} every {@code decayT} updates. */
  TIMM_STEP("timm.StepLRScheduler"),
  /** timm's {@code MultiStepLRScheduler}: decays by {@code decayRate} at each of {@code decayT}. */
  TIMM_MULTI_STEP("timm.MultiStepLRScheduler"),
  /**
   * timm's {@code WSDLRScheduler}: a warm-up, a stable phase, and a decay to {@code lrMin} over the
   * last {@code decayT} of {@code tInitial} updates.
   */
  TIMM_WSD("timm.WSDLRScheduler"),
  /**
   * timm's {@code PlateauLRScheduler}: stepped once per epoch with a metric, PyTorch's
   * ReduceLROnPlateau (in mode MAX by default) after a linear warm-up from {@code warmupLrInit}
   * over {@code warmupT} epochs, with timm's noise on top of the rate.
   */
  TIMM_PLATEAU("timm.PlateauLRScheduler"),
  /**
   * Keras's {@code ExponentialDecay}: the initial rate times {@code decayRate} to the power
   * {@code step / decaySteps}, floored where {@code staircase}.
   */
  KERAS_EXPONENTIAL_DECAY("keras.ExponentialDecay"),
  /**
   * Keras's {@code PiecewiseConstantDecay}: {@code values[i]} between {@code boundaries[i - 1]}
   * (excluded) and {@code boundaries[i]} (included), absolute rates.
   */
  KERAS_PIECEWISE_CONSTANT_DECAY("keras.PiecewiseConstantDecay"),
  /**
   * Keras's {@code PolynomialDecay}: from the initial rate to {@code endLearningRate} over
   * {@code decaySteps}, as a polynomial of {@code power}, repeated where {@code cycle}.
   */
  KERAS_POLYNOMIAL_DECAY("keras.PolynomialDecay"),
  /** Keras's {@code InverseTimeDecay}: the initial rate over {@code 1 + decayRate * step / decaySteps}. */
  KERAS_INVERSE_TIME_DECAY("keras.InverseTimeDecay"),
  /**
   * Keras's {@code CosineDecay}: half a cosine from the initial rate down to {@code alpha} of it over
   * {@code decaySteps}, after a linear warm-up to {@code warmupTarget} where one is given.
   */
  KERAS_COSINE_DECAY("keras.CosineDecay"),
  /**
   * Keras's {@code CosineDecayRestarts}: cosine cycles, the first of {@code firstDecaySteps}, each
   * {@code tMul} times as long and {@code mMul} times as high as the last.
   */
  KERAS_COSINE_DECAY_RESTARTS("keras.CosineDecayRestarts"),
  /** optax's {@code constant_schedule}: {@code value}, or the initial rate, at every update. */
  OPTAX_CONSTANT("optax.constant_schedule"),
  /**
   * optax's {@code linear_schedule}: a line from {@code initValue} to {@code endValue} over
   * {@code transitionSteps}, after {@code transitionBegin}.
   */
  OPTAX_LINEAR("optax.linear_schedule"),
  /** optax's {@code polynomial_schedule}: as OPTAX_LINEAR, a polynomial of {@code power}. */
  OPTAX_POLYNOMIAL("optax.polynomial_schedule"),
  /**
   * optax's {@code exponential_decay}: {@code decayRate} to the power of the
   * {@code transitionSteps} after {@code transitionBegin}, bounded by {@code endValue}.
   */
  OPTAX_EXPONENTIAL_DECAY("optax.exponential_decay"),
  /** optax's {@code cosine_decay_schedule}: a cosine, raised to {@code exponent}, down to {@code alpha}. */
  OPTAX_COSINE_DECAY("optax.cosine_decay_schedule"),
  /**
   * optax's {@code warmup_cosine_decay_schedule}: a line from {@code initValue} to the peak over
   * {@code warmupSteps}, then a cosine to {@code endValue} ending at {@code decaySteps}.
   */
  OPTAX_WARMUP_COSINE_DECAY("optax.warmup_cosine_decay_schedule"),
  /** optax's {@code warmup_exponential_decay_schedule}: a line to the peak, then OPTAX_EXPONENTIAL_DECAY. */
  OPTAX_WARMUP_EXPONENTIAL_DECAY("optax.warmup_exponential_decay_schedule"),
  /** optax's {@code warmup_constant_schedule}: a line from {@code initValue} to the peak, then the peak. */
  OPTAX_WARMUP_CONSTANT("optax.warmup_constant_schedule"),
  /** optax's {@code piecewise_constant_schedule}: each of {@code scales} multiplied in at its boundary. */
  OPTAX_PIECEWISE_CONSTANT("optax.piecewise_constant_schedule"),
  /**
   * optax's {@code piecewise_interpolate_schedule}: the products of {@code scales} at the
   * {@code boundaries}, joined by lines or cosines.
   */
  OPTAX_PIECEWISE_INTERPOLATE("optax.piecewise_interpolate_schedule"),
  /** optax's {@code linear_onecycle_schedule}: up to the peak, back down, then lower, by lines. */
  OPTAX_LINEAR_ONECYCLE("optax.linear_onecycle_schedule"),
  /** optax's {@code cosine_onecycle_schedule}: up to the peak and down far below the start, by cosines. */
  OPTAX_COSINE_ONECYCLE("optax.cosine_onecycle_schedule");

  private final String torchName;

  ScheduleType(String torchName) {
    this.torchName = torchName;
  }

  /**
   * The reference's name, as messages and the conformance suites give it: the class name in
   * {@code torch.optim.lr_scheduler}, or another library's function with its module
   * ({@code transformers.get_inverse_sqrt_schedule}).
   */
  public String torchName() {
    return torchName;
  }
}

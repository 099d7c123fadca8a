package dev.anneal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a learning-rate schedule on a training config; the Anneal processor generates the
 * scheduler class {@code <Config>Scheduler} beside it.
 *
 * <pre>{@code
 * @Schedule(type = ScheduleType.COSINE, tMax = 32, etaMin = 1e-4)
 * final class ResNetRun {}
 *
 * ResNetRunScheduler scheduler = new ResNetRunScheduler(0.1);
 * }</pre>
 *
 * <p>Attributes carry the names of PyTorch's constructor arguments in camel case ({@code T_max} is
 * {@link #tMax()}, {@code eta_min} is {@link #etaMin()}). Only the attributes written in the
 * annotation count: an attribute left out takes PyTorch's default for the chosen {@link #type()}
 * (listed on each attribute), an attribute that the type does not take is a compile error, and so
 * is a required attribute left out. The values declared below are placeholders that are never read.
 *
 * <p>A value can also come from the config at run time instead of the annotation: see {@link Bind}.
 *
 * <p>A per-group attribute ({@code double[]}) takes one value for all parameter groups or one per
 * group. One config writes at most 4,096 per-group values in all its lists together: the generated
 * constructor holds each written value, and javac allows a method 64 KiB of code (it stops at about
 * 8,200 values). A config over the limit is a compile error on the list that goes over; lists bound
 * with {@link Bind} arrive at run time and have no such limit.
 *
 * <p>Several {@code @Schedule} on one config are combined by {@link Sequential} or {@link Chained}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Schedule.List.class)
public @interface Schedule {

  /** The schedule; PyTorch's class name is given on each constant. Required. */
  ScheduleType type();

  /** {@code step_size} of StepLR: the period of the decay, in steps. Required for STEP; not 0. */
  int stepSize() default 0;

  /**
   * {@code gamma}: the decay factor. STEP and MULTI_STEP (default 0.1), EXPONENTIAL (required),
   * CYCLIC in mode EXP_RANGE (default 1.0).
   */
  double gamma() default 0;

  /** {@code milestones} of MultiStepLR: the steps at which the rate decays. Required for MULTI_STEP. */
  int[] milestones() default {};

  /**
   * {@code factor}: CONSTANT's factor applied until {@code totalIters} (default 1/3, in (0, 1]);
   * REDUCE_ON_PLATEAU's reduction factor (default 0.1, below 1).
   */
  double factor() default 0;

  /** {@code total_iters} of CONSTANT, LINEAR and POLYNOMIAL (default 5). */
  int totalIters() default 0;

  /** {@code start_factor} of LINEAR (default 1/3, in (0, 1]). */
  double startFactor() default 0;

  /** {@code end_factor} of LINEAR (default 1.0, in [0, 1]). */
  double endFactor() default 0;

  /**
   * {@code power} of POLYNOMIAL (default 1.0, >= 0), HF_POLYNOMIAL (default 1.0; negative only
   * where {@code numTrainingSteps < numWarmupSteps}, as the reference then never raises to it) and
   * TIMM_POLY (default 0.5), KERAS_POLYNOMIAL_DECAY (default 1.0) and OPTAX_POLYNOMIAL (required).
   */
  double power() default 0;

  /** {@code T_max} of COSINE: half the period, in steps. Required for COSINE; not 0. */
  int tMax() default 0;

  /** {@code eta_min}: the lowest rate of COSINE and COSINE_WARM_RESTARTS (default 0). */
  double etaMin() default 0;

  /** {@code T_0} of COSINE_WARM_RESTARTS: the length of the first cycle. Required; > 0. */
  int t0() default 0;

  /** {@code T_mult} of COSINE_WARM_RESTARTS: the growth of each cycle (default 1, >= 1). */
  int tMult() default 0;

  /**
   * {@code lr_lambda} of LAMBDA and MULTIPLICATIVE: the name of a static method of the config that
   * takes the step ({@code long} or {@code int}) and returns the factor ({@code double}). One name
   * for all parameter groups, or one per group. Required for LAMBDA and MULTIPLICATIVE.
   */
  String[] lrLambda() default {};

  /** {@code base_lr} of CYCLIC: the lower rate of the cycle, one for all groups or one per group. Required. */
  double[] baseLr() default {};

  /**
   * {@code max_lr}: CYCLIC's upper rate and ONE_CYCLE's peak rate, one for all groups or one per
   * group. Required for both.
   */
  double[] maxLr() default {};

  /** {@code step_size_up} of CYCLIC: steps of the rising half (default 2000, > 0). */
  int stepSizeUp() default 0;

  /** {@code step_size_down} of CYCLIC: steps of the falling half (default: {@code stepSizeUp}). */
  int stepSizeDown() default 0;

  /**
   * {@code mode}: CYCLIC's policy (TRIANGULAR, TRIANGULAR2 or EXP_RANGE; default TRIANGULAR),
   * REDUCE_ON_PLATEAU's direction (MIN or MAX; default MIN) or TIMM_PLATEAU's (MIN or MAX; default
   * MAX, timm's).
   */
  Mode mode() default Mode.TRIANGULAR;

  /**
   * {@code scale_fn} of CYCLIC: the name of a static method of the config that takes a
   * {@code double} and returns the amplitude scale ({@code double}); replaces {@link #mode()}.
   */
  String scaleFn() default "";

  /** {@code scale_mode} of CYCLIC: what {@link #scaleFn()} is evaluated on (default CYCLE). */
  ScaleMode scaleMode() default ScaleMode.CYCLE;

  /** {@code cycle_momentum} of CYCLIC and ONE_CYCLE: whether momentum cycles too (default true). */
  boolean cycleMomentum() default true;

  /**
   * {@code base_momentum}: the lower momentum of CYCLIC (default 0.8) and ONE_CYCLE (default
   * 0.85), one for all groups or one per group.
   */
  double[] baseMomentum() default {};

  /** {@code max_momentum} of CYCLIC and ONE_CYCLE (default 0.9 and 0.95), one or one per group. */
  double[] maxMomentum() default {};

  /** {@code total_steps} of ONE_CYCLE; give it, or {@code epochs} and {@code stepsPerEpoch}. */
  int totalSteps() default 0;

  /** {@code epochs} of ONE_CYCLE, with {@link #stepsPerEpoch()}. */
  int epochs() default 0;

  /** {@code steps_per_epoch} of ONE_CYCLE, with {@link #epochs()}. */
  int stepsPerEpoch() default 0;

  /**
   * {@code pct_start} of ONE_CYCLE: the fraction of steps spent rising (default 0.3, in [0, 1]); of
   * OPTAX_LINEAR_ONECYCLE and OPTAX_COSINE_ONECYCLE (default 0.3), truncated to an update.
   */
  double pctStart() default 0;

  /** {@code anneal_strategy} of ONE_CYCLE (default COS). */
  AnnealStrategy annealStrategy() default AnnealStrategy.COS;

  /**
   * {@code div_factor} of ONE_CYCLE: initial rate = maxLr / divFactor (default 25); of
   * OPTAX_LINEAR_ONECYCLE and OPTAX_COSINE_ONECYCLE, initial value = peakValue / divFactor (default 25).
   */
  double divFactor() default 0;

  /**
   * {@code final_div_factor} of ONE_CYCLE: final rate = initial rate / finalDivFactor (default 1e4),
   * as of OPTAX_LINEAR_ONECYCLE and OPTAX_COSINE_ONECYCLE (default 1e4).
   */
  double finalDivFactor() default 0;

  /** {@code three_phase} of ONE_CYCLE (default false). */
  boolean threePhase() default false;

  /**
   * {@code threshold} of REDUCE_ON_PLATEAU and TIMM_PLATEAU: what counts as an improvement
   * (default 1e-4; relative for TIMM_PLATEAU, whose reference passes no threshold_mode).
   */
  double threshold() default 0;

  /** {@code threshold_mode} of REDUCE_ON_PLATEAU (default REL). */
  ThresholdMode thresholdMode() default ThresholdMode.REL;

  /** {@code patience} of REDUCE_ON_PLATEAU: steps without improvement tolerated (default 10). */
  int patience() default 0;

  /** {@code cooldown} of REDUCE_ON_PLATEAU: steps to wait after a reduction (default 0). */
  int cooldown() default 0;

  /**
   * {@code min_lr} of REDUCE_ON_PLATEAU: a floor, one for all groups or one per group (default 0).
   * Of HF_COSINE_WITH_MIN_LR and HF_COSINE_WARMUP_WITH_MIN_LR: the rate the cosine ends at, one
   * value, which the reference divides by {@link #lrInit()} for every group; exactly one of it and
   * {@link #minLrRate()} is given.
   */
  double[] minLr() default {};

  /** {@code eps} of REDUCE_ON_PLATEAU: smaller reductions are skipped (default 1e-8). */
  double eps() default 0;

  /**
   * {@code num_warmup_steps} of the HF_ types but HF_CONSTANT: the steps of the linear warm-up
   * from 0. Required; 0 or less warms up for no step. For HF_INVERSE_SQRT a negative value needs
   * {@link #timescale()}.
   */
  int numWarmupSteps() default 0;

  /**
   * {@code timescale} of HF_INVERSE_SQRT: the time scale of the decay (default: {@code numWarmupSteps},
   * or 10000 where that is 0; > 0).
   */
  int timescale() default 0;

  /**
   * {@code num_training_steps} of HF_LINEAR, HF_COSINE, HF_COSINE_WITH_RESTARTS, HF_POLYNOMIAL,
   * HF_COSINE_WITH_MIN_LR and HF_COSINE_WARMUP_WITH_MIN_LR: the step where the decay ends. Required;
   * for HF_POLYNOMIAL not equal to {@code numWarmupSteps}. Of HF_WARMUP_STABLE_DECAY, the steps of
   * all three phases, given where {@link #numStableSteps()} is not.
   */
  int numTrainingSteps() default 0;

  /**
   * {@code num_cycles}: the periods of the cosine of HF_COSINE, HF_COSINE_WITH_MIN_LR,
   * HF_COSINE_WARMUP_WITH_MIN_LR and of HF_WARMUP_STABLE_DECAY's cosine decay (default 0.5, half a
   * period down to its minimum) and
   * the falls of HF_COSINE_WITH_RESTARTS (default 1; an int in the reference, which computes with it
   * as a float all the same, so a fraction works too).
   */
  double numCycles() default 0;

  /**
   * {@code lr_end} of HF_POLYNOMIAL: the rate the decay ends at (default 1e-7); smaller than
   * {@link #lrInit()}.
   */
  double lrEnd() default 0;

  /**
   * {@code optimizer.defaults["lr"]} of HF_POLYNOMIAL, which the reference reads from the optimizer
   * as {@code lr_init}: the rate the decay starts from, by which the reference divides every
   * group's rate. Required; not 0, and larger than {@link #lrEnd()}. Of HF_COSINE_WITH_MIN_LR and
   * HF_COSINE_WARMUP_WITH_MIN_LR: what the reference divides {@link #minLr()} by; given with
   * {@code minLr} alone, and not 0.
   */
  double lrInit() default 0;

  /**
   * {@code min_lr_rate} of HF_COSINE_WITH_MIN_LR and HF_COSINE_WARMUP_WITH_MIN_LR: the factor the
   * cosine ends at (no default: {@code minLr / lrInit} where {@link #minLr()} is given instead;
   * exactly one of the two).
   */
  double minLrRate() default 0;

  /**
   * {@code warmup_lr_rate} of HF_COSINE_WARMUP_WITH_MIN_LR: the factor the warm-up starts from,
   * rising to 1 at step {@code numWarmupSteps - 1} (no default: where it is not given, the warm-up
   * is {@code (t + 1) / numWarmupSteps}).
   */
  double warmupLrRate() default 0;

  /**
   * {@code num_decay_steps} of HF_WARMUP_STABLE_DECAY: the steps of the decay, after the stable
   * phase. Required.
   */
  int numDecaySteps() default 0;

  /**
   * {@code num_stable_steps} of HF_WARMUP_STABLE_DECAY: the steps at the initial rate, after the
   * warm-up (default: {@code numTrainingSteps - numWarmupSteps - numDecaySteps}, where
   * {@link #numTrainingSteps()} is given instead; with both, the reference takes this one and warns).
   */
  int numStableSteps() default 0;

  /**
   * {@code warmup_type} of HF_WARMUP_STABLE_DECAY: the curve of the warm-up (default LINEAR).
   */
  WsdType warmupType() default WsdType.LINEAR;

  /**
   * {@code decay_type} of HF_WARMUP_STABLE_DECAY: the curve of the decay (default COSINE).
   */
  WsdType decayType() default WsdType.COSINE;

  /**
   * {@code min_lr_ratio} of HF_WARMUP_STABLE_DECAY: the factor the warm-up starts from and the decay
   * ends at (default 0).
   */
  double minLrRatio() default 0;

  /**
   * The steps of the rules of DIFFUSERS_PIECEWISE_CONSTANT, each the step from which the factor of
   * the next rule applies (default {}, no rule; in any order, as the reference sorts the rules by
   * step, and of a step repeated keeps the later factor). One for each of {@link #ruleFactors()}.
   */
  int[] ruleSteps() default {};

  /**
   * The factors of the rules of DIFFUSERS_PIECEWISE_CONSTANT (default {}, no rule): the factor of
   * each rule applies to the steps below its step and at or above the step before it. One for
   * each of {@link #ruleSteps()}.
   */
  double[] ruleFactors() default {};

  /**
   * The factor of DIFFUSERS_PIECEWISE_CONSTANT at and after the last step of the rules, the last
   * entry of the reference's {@code step_rules}. Required.
   */
  double lastFactor() default 0;

  /**
   * {@code t_initial} of the timm types: the length of a cycle (the first, where cycles grow) of
   * TIMM_COSINE, TIMM_TANH and TIMM_POLY, and of the stable phase and the decay together of
   * TIMM_WSD, in updates. Required; > 0.
   */
  int tInitial() default 0;

  /**
   * {@code lr_min} of TIMM_COSINE, TIMM_TANH, TIMM_POLY and TIMM_WSD: the rate the decay ends at,
   * and holds after the last cycle (default 0; >= 0); of TIMM_PLATEAU, the floor of its reductions,
   * ReduceLROnPlateau's {@code min_lr}, which {@code lrScale} does not scale (default 0). One number
   * for every group.
   */
  double lrMin() default 0;

  /**
   * {@code cycle_mul} of TIMM_COSINE, TIMM_TANH and TIMM_POLY: the factor each cycle's length grows
   * by (default 1.0; >= 1, as below 1 the reference's logarithm leaves its domain a finite number
   * of updates in and it raises ValueError).
   */
  double cycleMul() default 0;

  /**
   * {@code cycle_decay} of TIMM_COSINE, TIMM_TANH and TIMM_POLY: the factor each cycle's peak is
   * multiplied by (default 1.0).
   */
  double cycleDecay() default 0;

  /**
   * {@code cycle_limit} of TIMM_COSINE, TIMM_TANH and TIMM_POLY: the cycles run before the rate
   * stays at {@code lrMin} (default 1; TIMM_TANH >= 0).
   */
  int cycleLimit() default 0;

  /**
   * {@code warmup_t} of the timm types: the updates (TIMM_PLATEAU: the epochs, in which the metric
   * is ignored) of the linear warm-up from {@code warmupLrInit} (default 0, none; TIMM_TANH >= 0).
   */
  int warmupT() default 0;

  /**
   * {@code warmup_lr_init} of the timm types: the absolute rate the warm-up starts from, the rate
   * of step 0 where {@code warmupT} is not 0 (default 0; TIMM_TANH >= 0).
   */
  double warmupLrInit() default 0;

  /**
   * {@code warmup_prefix} of TIMM_COSINE, TIMM_TANH and TIMM_POLY (default false) and TIMM_STEP and
   * TIMM_MULTI_STEP (default true): whether the schedule after the warm-up counts its updates from
   * the warm-up's end, or from 0 as the warm-up does.
   */
  boolean warmupPrefix() default false;

  /**
   * {@code noise_range_t} of the timm types: the updates whose rate is noised (default {}, none;
   * one value {@code n} for {@code t >= n}, two for {@code lo <= t < hi}).
   */
  int[] noiseRangeT() default {};

  /**
   * {@code noise_pct} of the timm types: the bound on the noise's magnitude, drawn again until
   * below it (default 0.67; > 0 where the noise is on, or the reference never stops drawing), and
   * for TIMM_PLATEAU's UNIFORM {@link #noiseType()} the scale of the uniform noise, any number.
   */
  double noisePct() default 0;

  /**
   * {@code noise_std} of the timm types: the noise's standard deviation (default 1.0; unused by
   * TIMM_PLATEAU's UNIFORM {@link #noiseType()}).
   */
  double noiseStd() default 0;

  /**
   * {@code noise_seed} of the timm types: the noise of update {@code t} is drawn from a generator
   * seeded with {@code noiseSeed + t} (default 42).
   */
  int noiseSeed() default 0;

  /**
   * {@code k_decay} of TIMM_COSINE and TIMM_POLY: the exponent of the k-decay method, taken of the
   * time in the cycle and of its length (default 1.0).
   */
  double kDecay() default 0;

  /** {@code lb} of TIMM_TANH: the tanh's argument at the start of a cycle (default -7; below ub). */
  double lb() default 0;

  /** {@code ub} of TIMM_TANH: the tanh's argument at the end of a cycle (default 3; above lb). */
  double ub() default 0;

  /**
   * {@code decay_t} of TIMM_STEP (one value: the updates between decays; not 0), TIMM_MULTI_STEP
   * (the updates at which the rate decays, sorted) and TIMM_WSD (one value: the updates of the
   * decay, in (0, tInitial]). Required.
   */
  int[] decayT() default {};

  /**
   * {@code decay_rate} of TIMM_STEP and TIMM_MULTI_STEP: the factor of each decay (default 1.0); of
   * TIMM_PLATEAU, the factor of each reduction, ReduceLROnPlateau's {@code factor} (default 0.1;
   * below 1, or the reference raises "Factor should be &lt; 1.0."); of KERAS_EXPONENTIAL_DECAY, the
   * factor of each {@code decaySteps}, and of KERAS_INVERSE_TIME_DECAY, the slope of the
   * denominator per {@code decaySteps} (required for both); of OPTAX_EXPONENTIAL_DECAY and
   * OPTAX_WARMUP_EXPONENTIAL_DECAY, the factor of each {@code transitionSteps} (required; 0: no decay).
   */
  double decayRate() default 0;

  /** {@code stable_fn} of TIMM_WSD: the factor through the stable phase (default CONSTANT). */
  TimmStableFn stableFn() default TimmStableFn.CONSTANT;

  /**
   * {@code stable_timescale} of TIMM_WSD: the timescale of the stable functions RSQRT and POWER
   * (default: {@code warmupT}; > 0 where the function is not CONSTANT).
   */
  double stableTimescale() default 0;

  /** {@code stable_power} of TIMM_WSD: the exponent of the stable function POWER (default 0.5; > 0). */
  double stablePower() default 0;

  /** {@code decay_fn} of TIMM_WSD: the factor through the decay (default ONE_MINUS_SQRT). */
  TimmDecayFn decayFn() default TimmDecayFn.ONE_MINUS_SQRT;

  /** {@code decay_power} of TIMM_WSD: the exponent of the decay function POWER (default 0.5; > 0). */
  double decayPower() default 0;

  /**
   * {@code decay_ratio} of TIMM_WSD: the fraction the decay function EXP falls to before it is
   * normalized (default 0.1; in (0, 1)).
   */
  double decayRatio() default 0;

  /**
   * {@code patience_t} of TIMM_PLATEAU: epochs without improvement tolerated before a reduction,
   * ReduceLROnPlateau's {@code patience} (default 10).
   */
  int patienceT() default 0;

  /**
   * {@code cooldown_t} of TIMM_PLATEAU: epochs after a reduction in which no epoch counts as bad,
   * ReduceLROnPlateau's {@code cooldown} (default 0).
   */
  int cooldownT() default 0;

  /**
   * {@code noise_type} of TIMM_PLATEAU: how the noise is drawn (default NORMAL; any other string
   * the reference takes draws the UNIFORM noise).
   */
  TimmNoiseType noiseType() default TimmNoiseType.NORMAL;

  /**
   * {@code lr_scale} of the timm types, a key of the reference's parameter groups: the factor
   * timm multiplies into every rate it writes into a group (default 1, per group).
   */
  double[] lrScale() default {};

  /**
   * {@code decay_steps} of the Keras types: the updates of one decay (KERAS_EXPONENTIAL_DECAY,
   * KERAS_INVERSE_TIME_DECAY), of the whole decay (KERAS_POLYNOMIAL_DECAY, KERAS_COSINE_DECAY,
   * after its warm-up). Required; > 0. Of OPTAX_COSINE_DECAY, the updates of the cosine (required;
   * > 0), and of OPTAX_WARMUP_COSINE_DECAY, of the warm-up and the cosine together (required; above
   * warmupSteps).
   */
  int decaySteps() default 0;

  /**
   * {@code staircase} of KERAS_EXPONENTIAL_DECAY and KERAS_INVERSE_TIME_DECAY: whether the decay
   * counts whole {@code decaySteps} only (default false); of OPTAX_EXPONENTIAL_DECAY and
   * OPTAX_WARMUP_EXPONENTIAL_DECAY, whole {@code transitionSteps} (default false).
   */
  boolean staircase() default false;

  /**
   * {@code boundaries} of KERAS_PIECEWISE_CONSTANT_DECAY: the updates after which the next value
   * holds, one fewer than {@link #values()}. Required. Of OPTAX_PIECEWISE_CONSTANT and
   * OPTAX_PIECEWISE_INTERPOLATE, the boundaries of {@code boundaries_and_scales}, in any order,
   * each once (default {}, none).
   */
  int[] boundaries() default {};

  /** {@code values} of KERAS_PIECEWISE_CONSTANT_DECAY: the absolute rates of the intervals. Required. */
  double[] values() default {};

  /** {@code end_learning_rate} of KERAS_POLYNOMIAL_DECAY: the absolute rate it ends at (default 0.0001). */
  double endLearningRate() default 0;

  /**
   * {@code cycle} of KERAS_POLYNOMIAL_DECAY: whether the decay goes on past {@code decaySteps}
   * over the next multiple of it (default false).
   */
  boolean cycle() default false;

  /**
   * {@code alpha} of KERAS_COSINE_DECAY and KERAS_COSINE_DECAY_RESTARTS: the lowest rate as a
   * fraction of the rate the cosine starts from (default 0.0), as of OPTAX_COSINE_DECAY (default 0.0).
   */
  double alpha() default 0;

  /**
   * {@code warmup_target} of KERAS_COSINE_DECAY: the absolute rate a linear warm-up from the
   * initial rate reaches, and the cosine starts from (default none: no warm-up).
   */
  double warmupTarget() default 0;

  /**
   * {@code warmup_steps} of KERAS_COSINE_DECAY: the updates of the warm-up to {@code warmupTarget}
   * (default 0); of OPTAX_WARMUP_COSINE_DECAY, OPTAX_WARMUP_EXPONENTIAL_DECAY and
   * OPTAX_WARMUP_CONSTANT, of the warm-up to the peak (required).
   */
  int warmupSteps() default 0;

  /** {@code first_decay_steps} of KERAS_COSINE_DECAY_RESTARTS: the first cycle's updates. Required; > 0. */
  int firstDecaySteps() default 0;

  /**
   * {@code t_mul} of KERAS_COSINE_DECAY_RESTARTS: each cycle's length over the last's (default
   * 2.0; fractions too).
   */
  double tMul() default 0;

  /** {@code m_mul} of KERAS_COSINE_DECAY_RESTARTS: each cycle's peak over the last's (default 1.0). */
  double mMul() default 0;

  /**
   * {@code value} of OPTAX_CONSTANT: the rate (default: the group's initial rate). Given, it holds
   * for every group; in {@code @Sequential}, a phase's own value.
   */
  double value() default 0;

  /**
   * {@code init_value} of the optax types: for OPTAX_LINEAR, OPTAX_POLYNOMIAL,
   * OPTAX_EXPONENTIAL_DECAY, OPTAX_COSINE_DECAY, OPTAX_PIECEWISE_CONSTANT and
   * OPTAX_PIECEWISE_INTERPOLATE, the value they start from (default: the group's initial rate); for
   * OPTAX_WARMUP_COSINE_DECAY, OPTAX_WARMUP_EXPONENTIAL_DECAY and OPTAX_WARMUP_CONSTANT, the
   * absolute rate the warm-up starts from (required).
   */
  double initValue() default 0;

  /**
   * {@code peak_value} of OPTAX_WARMUP_COSINE_DECAY, OPTAX_WARMUP_EXPONENTIAL_DECAY,
   * OPTAX_WARMUP_CONSTANT, OPTAX_LINEAR_ONECYCLE and OPTAX_COSINE_ONECYCLE: the peak (default: the
   * group's initial rate).
   */
  double peakValue() default 0;

  /**
   * {@code end_value} of OPTAX_LINEAR and OPTAX_POLYNOMIAL (required), OPTAX_WARMUP_COSINE_DECAY
   * (default 0.0), OPTAX_EXPONENTIAL_DECAY and OPTAX_WARMUP_EXPONENTIAL_DECAY (default none: a bound
   * from below where decayRate &lt; 1, from above otherwise). Absolute.
   */
  double endValue() default 0;

  /**
   * {@code transition_steps} of OPTAX_LINEAR, OPTAX_POLYNOMIAL (required; 0 or below: initValue
   * throughout), OPTAX_EXPONENTIAL_DECAY and OPTAX_WARMUP_EXPONENTIAL_DECAY (required; 0 or below:
   * no decay), OPTAX_LINEAR_ONECYCLE and OPTAX_COSINE_ONECYCLE (required; > 0).
   */
  int transitionSteps() default 0;

  /** {@code transition_begin} of the optax types that take it: updates before the change (default 0; below 0: 0). */
  int transitionBegin() default 0;

  /** {@code exponent} of OPTAX_COSINE_DECAY and OPTAX_WARMUP_COSINE_DECAY: the cosine's power (default 1.0). */
  double exponent() default 0;

  /**
   * The scales of {@code boundaries_and_scales} of OPTAX_PIECEWISE_CONSTANT and
   * OPTAX_PIECEWISE_INTERPOLATE, one for each of {@link #boundaries()} (default {}, none; >= 0).
   */
  double[] scales() default {};

  /** {@code interpolate_type} of OPTAX_PIECEWISE_INTERPOLATE: LINEAR or COSINE. Required. */
  OptaxInterpolateType interpolateType() default OptaxInterpolateType.LINEAR;

  /**
   * {@code pct_final} of OPTAX_LINEAR_ONECYCLE: the fraction of {@code transitionSteps} at which the
   * rate is back at its start (default 0.85).
   */
  double pctFinal() default 0;

  /** Holds repeated {@code @Schedule}s; written by the compiler, not by hand. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Schedule[] value();
  }
}

package dev.anneal.processor.model;

import java.util.Arrays;
import java.util.Optional;

/** The attributes of {@code @Schedule}, each with PyTorch's name and the shape of its value. */
public enum Param {
  STEP_SIZE("stepSize", "step_size", Shape.INT),
  GAMMA("gamma", "gamma", Shape.DOUBLE),
  MILESTONES("milestones", "milestones", Shape.INTS),
  FACTOR("factor", "factor", Shape.DOUBLE),
  TOTAL_ITERS("totalIters", "total_iters", Shape.INT),
  START_FACTOR("startFactor", "start_factor", Shape.DOUBLE),
  END_FACTOR("endFactor", "end_factor", Shape.DOUBLE),
  POWER("power", "power", Shape.DOUBLE),
  T_MAX("tMax", "T_max", Shape.INT),
  ETA_MIN("etaMin", "eta_min", Shape.DOUBLE),
  T_0("t0", "T_0", Shape.INT),
  T_MULT("tMult", "T_mult", Shape.INT),
  LR_LAMBDA("lrLambda", "lr_lambda", Shape.METHODS),
  BASE_LR("baseLr", "base_lr", Shape.GROUP_DOUBLES),
  MAX_LR("maxLr", "max_lr", Shape.GROUP_DOUBLES),
  STEP_SIZE_UP("stepSizeUp", "step_size_up", Shape.INT),
  STEP_SIZE_DOWN("stepSizeDown", "step_size_down", Shape.INT),
  MODE("mode", "mode", Shape.ENUM),
  SCALE_FN("scaleFn", "scale_fn", Shape.METHOD),
  SCALE_MODE("scaleMode", "scale_mode", Shape.ENUM),
  CYCLE_MOMENTUM("cycleMomentum", "cycle_momentum", Shape.BOOLEAN),
  BASE_MOMENTUM("baseMomentum", "base_momentum", Shape.GROUP_DOUBLES),
  MAX_MOMENTUM("maxMomentum", "max_momentum", Shape.GROUP_DOUBLES),
  TOTAL_STEPS("totalSteps", "total_steps", Shape.INT),
  EPOCHS("epochs", "epochs", Shape.INT),
  STEPS_PER_EPOCH("stepsPerEpoch", "steps_per_epoch", Shape.INT),
  PCT_START("pctStart", "pct_start", Shape.DOUBLE),
  ANNEAL_STRATEGY("annealStrategy", "anneal_strategy", Shape.ENUM),
  DIV_FACTOR("divFactor", "div_factor", Shape.DOUBLE),
  FINAL_DIV_FACTOR("finalDivFactor", "final_div_factor", Shape.DOUBLE),
  THREE_PHASE("threePhase", "three_phase", Shape.BOOLEAN),
  THRESHOLD("threshold", "threshold", Shape.DOUBLE),
  THRESHOLD_MODE("thresholdMode", "threshold_mode", Shape.ENUM),
  PATIENCE("patience", "patience", Shape.INT),
  COOLDOWN("cooldown", "cooldown", Shape.INT),
  MIN_LR("minLr", "min_lr", Shape.GROUP_DOUBLES),
  EPS("eps", "eps", Shape.DOUBLE),
  NUM_WARMUP_STEPS("numWarmupSteps", "num_warmup_steps", Shape.INT),
  TIMESCALE("timescale", "timescale", Shape.INT),
  NUM_TRAINING_STEPS("numTrainingSteps", "num_training_steps", Shape.INT),
  NUM_CYCLES("numCycles", "num_cycles", Shape.DOUBLE),
  LR_END("lrEnd", "lr_end", Shape.DOUBLE),
  /** Not an argument of the reference but the optimizer's own rate, which it reads. */
  LR_INIT("lrInit", "optimizer.defaults[\"lr\"]", Shape.DOUBLE),
  MIN_LR_RATE("minLrRate", "min_lr_rate", Shape.DOUBLE),
  WARMUP_LR_RATE("warmupLrRate", "warmup_lr_rate", Shape.DOUBLE),
  NUM_DECAY_STEPS("numDecaySteps", "num_decay_steps", Shape.INT),
  NUM_STABLE_STEPS("numStableSteps", "num_stable_steps", Shape.INT),
  WARMUP_TYPE("warmupType", "warmup_type", Shape.ENUM),
  DECAY_TYPE("decayType", "decay_type", Shape.ENUM),
  MIN_LR_RATIO("minLrRatio", "min_lr_ratio", Shape.DOUBLE),
  /** The reference's {@code step_rules} is one string; Anneal takes its three parts apart. */
  RULE_STEPS("ruleSteps", "the steps of step_rules", Shape.INTS),
  RULE_FACTORS("ruleFactors", "the multiples of step_rules", Shape.DOUBLES),
  LAST_FACTOR("lastFactor", "the last multiple of step_rules", Shape.DOUBLE),
  T_INITIAL("tInitial", "t_initial", Shape.INT),
  LR_MIN("lrMin", "lr_min", Shape.DOUBLE),
  CYCLE_MUL("cycleMul", "cycle_mul", Shape.DOUBLE),
  CYCLE_DECAY("cycleDecay", "cycle_decay", Shape.DOUBLE),
  CYCLE_LIMIT("cycleLimit", "cycle_limit", Shape.INT),
  WARMUP_T("warmupT", "warmup_t", Shape.INT),
  WARMUP_LR_INIT("warmupLrInit", "warmup_lr_init", Shape.DOUBLE),
  WARMUP_PREFIX("warmupPrefix", "warmup_prefix", Shape.BOOLEAN),
  /** None where empty, {@code t >= n} for one value, {@code [lo, hi)} for two. */
  NOISE_RANGE_T("noiseRangeT", "noise_range_t", Shape.INTS),
  NOISE_PCT("noisePct", "noise_pct", Shape.DOUBLE),
  NOISE_STD("noiseStd", "noise_std", Shape.DOUBLE),
  NOISE_SEED("noiseSeed", "noise_seed", Shape.INT),
  K_DECAY("kDecay", "k_decay", Shape.DOUBLE),
  LB("lb", "lb", Shape.DOUBLE),
  UB("ub", "ub", Shape.DOUBLE),
  /** One value for timm's step and WSD schedulers, a list for its multi-step one. */
  DECAY_T("decayT", "decay_t", Shape.INTS),
  DECAY_RATE("decayRate", "decay_rate", Shape.DOUBLE),
  STABLE_FN("stableFn", "stable_fn", Shape.ENUM),
  STABLE_TIMESCALE("stableTimescale", "stable_timescale", Shape.DOUBLE),
  STABLE_POWER("stablePower", "stable_power", Shape.DOUBLE),
  DECAY_FN("decayFn", "decay_fn", Shape.ENUM),
  DECAY_POWER("decayPower", "decay_power", Shape.DOUBLE),
  DECAY_RATIO("decayRatio", "decay_ratio", Shape.DOUBLE),
  PATIENCE_T("patienceT", "patience_t", Shape.INT),
  COOLDOWN_T("cooldownT", "cooldown_t", Shape.INT),
  NOISE_TYPE("noiseType", "noise_type", Shape.ENUM),
  DECAY_STEPS("decaySteps", "decay_steps", Shape.INT),
  STAIRCASE("staircase", "staircase", Shape.BOOLEAN),
  BOUNDARIES("boundaries", "boundaries", Shape.INTS),
  VALUES("values", "values", Shape.DOUBLES),
  END_LEARNING_RATE("endLearningRate", "end_learning_rate", Shape.DOUBLE),
  CYCLE("cycle", "cycle", Shape.BOOLEAN),
  ALPHA("alpha", "alpha", Shape.DOUBLE),
  WARMUP_TARGET("warmupTarget", "warmup_target", Shape.DOUBLE),
  /** The {@code warmup_steps} of Keras's CosineDecay and optax's warm-ups, a count of updates. */
  OWN_WARMUP_STEPS("warmupSteps", "warmup_steps", Shape.INT),
  FIRST_DECAY_STEPS("firstDecaySteps", "first_decay_steps", Shape.INT),
  T_MUL("tMul", "t_mul", Shape.DOUBLE),
  M_MUL("mMul", "m_mul", Shape.DOUBLE),
  VALUE("value", "value", Shape.DOUBLE),
  INIT_VALUE("initValue", "init_value", Shape.DOUBLE),
  PEAK_VALUE("peakValue", "peak_value", Shape.DOUBLE),
  END_VALUE("endValue", "end_value", Shape.DOUBLE),
  TRANSITION_STEPS("transitionSteps", "transition_steps", Shape.INT),
  TRANSITION_BEGIN("transitionBegin", "transition_begin", Shape.INT),
  EXPONENT("exponent", "exponent", Shape.DOUBLE),
  /** The reference's {@code boundaries_and_scales} is one dict; Anneal takes its keys and values apart. */
  SCALES("scales", "the scales of boundaries_and_scales", Shape.DOUBLES),
  INTERPOLATE_TYPE("interpolateType", "interpolate_type", Shape.ENUM),
  PCT_FINAL("pctFinal", "pct_final", Shape.DOUBLE),
  /** Not an argument of the reference but a key of its parameter groups, which it reads. */
  LR_SCALE("lrScale", "lr_scale", Shape.GROUP_DOUBLES),
  /** {@code steps} of {@code @Warmup}, bound as {@code warmupSteps}. */
  WARMUP_STEPS("steps", "num_warmup_steps", Shape.INT),
  /** {@code shape} of {@code @Warmup}. */
  WARMUP_SHAPE("shape", "warmup_type", Shape.ENUM);

  /** How a value is written, and whether it can be bound at run time. */
  public enum Shape {
    INT(true, "int"),
    DOUBLE(true, "double"),
    /** One value for all parameter groups or one per group. */
    GROUP_DOUBLES(true, "double or double[]"),
    INTS(false, "int[]"),
    /** A list of numbers of the schedule itself, not one per group. */
    DOUBLES(false, "double[]"),
    BOOLEAN(false, "boolean"),
    ENUM(false, "an enum constant"),
    METHOD(false, "a method name"),
    METHODS(false, "method names");

    public final boolean bindable;
    public final String javaType;

    Shape(boolean bindable, String javaType) {
      this.bindable = bindable;
      this.javaType = javaType;
    }
  }

  public final String attribute;
  public final String torchName;
  public final Shape shape;

  Param(String attribute, String torchName, Shape shape) {
    this.attribute = attribute;
    this.torchName = torchName;
    this.shape = shape;
  }

  public static Optional<Param> forAttribute(String attribute) {
    return Arrays.stream(values()).filter(p -> p.attribute.equals(attribute)).findFirst();
  }

  @Override
  public String toString() {
    return attribute;
  }
}

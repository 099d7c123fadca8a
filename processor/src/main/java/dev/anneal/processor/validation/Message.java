package dev.anneal.processor.validation;

import java.util.Locale;

/**
 * Every diagnostic the processor reports, in one place. Each starts with a stable tag in brackets
 * that tools and tests can match while the wording evolves.
 */
public enum Message {
  // The config class itself.
  CONFIG_KIND("config-kind", "@%s goes on a class or a record, not on %s"),
  CONFIG_PRIVATE("config-private", "%s must not be private: the generated %s beside it calls it"),
  CONFIG_IN_PRIVATE(
      "config-private",
      "%s must not sit in the private %s: the generated %s beside it calls it and cannot reach it there"),
  CONFIG_LOCAL(
      "config-local",
      "@%s on %s is never processed: javac hands annotation processors no local or anonymous class, nor the classes inside them, so no scheduler is generated; declare the config as a top-level class or a static member class"),
  SEVERAL_WITHOUT_COMBINATOR(
      "combinator-missing",
      "%d @Schedule annotations need @Sequential (one after another) or @Chained (all at once) to say how they combine"),
  BOTH_COMBINATORS("combinator-conflict", "@Sequential and @Chained exclude each other"),
  COMBINATOR_WITHOUT_SCHEDULE("combinator-alone", "@%s needs @Schedule annotations to combine"),
  WARMUP_WITHOUT_SCHEDULE("warmup-alone", "@Warmup needs a @Schedule to warm up for"),
  WARMUP_CHAINED(
      "warmup-chained",
      "@Warmup cannot precede @Chained schedules, which act on the rate together from step 0; put the warm-up in front of one schedule or of a @Sequential"),
  WARMUP_NOT_BEFORE("warmup-not-before", "@Warmup cannot precede %s: %s"),

  // Attributes of one @Schedule.
  REQUIRED("required", "%s requires %s (PyTorch's %s)"),
  NOT_APPLICABLE(
      "not-applicable", "%s (PyTorch's %s) does not apply to %s; it takes %s"),
  INVALID_VALUE("invalid-value", "%s"),
  INVALID_MODE("invalid-mode", "%s: mode = %s, but %s takes %s"),
  LIST_LENGTHS(
      "list-lengths",
      "%s has %d values but %s has %d: per-group lists of one @Schedule must agree on the number of parameter groups"),
  LIST_EMPTY("list-empty", "%s (PyTorch's %s) is empty: give one value for all groups or one per group"),
  /** A per-group list of numbers with no value; the text is the runtime's, shared with a bound list. */
  LIST_EMPTY_VALUES("list-empty", "%s"),
  PER_GROUP_LIMIT(
      "per-group-limit",
      "%s (PyTorch's %s) has %d values, which brings the per-group values written in this config to %d, over the limit of %d: the generated constructor holds every written value, and javac allows a method 64 KiB of code"),
  ONE_CYCLE_LENGTH(
      "one-cycle-length",
      "OneCycleLR needs totalSteps, or epochs and stepsPerEpoch (PyTorch: \"You must define either total_steps OR (epochs AND steps_per_epoch)\")"),
  ONE_CYCLE_PHASE("one-cycle-phase", "OneCycleLR: %s"),
  NEGATIVE_MILESTONE(
      "milestone-negative", "MultiStepLR: milestone %d is negative and is never reached"),
  NEGATIVE_MILESTONE_AT_START(
      "milestone-negative",
      "MultiStepLR: milestone %d is negative; as a later schedule of @Sequential it decays once when the schedule starts, as milestone 0 does (PyTorch starts it through its closed form)"),
  NEGATIVE_RATE(
      "negative-rate",
      "%s: %s (%s) = %s is negative, which turns the rate negative; the numbers are PyTorch's all the same"),
  NEGATIVE_RATE_CHAINED(
      "negative-rate",
      "%s: etaMin (eta_min) = %s in @Chained: PyTorch's chained cosine recurrence, eta_min + r (lr - eta_min), overshoots below 0 on its rising half where the rate is below eta_min (%s), and the rate can turn negative; the numbers are PyTorch's all the same"),
  NEGATIVE_RATE_SCALE(
      "negative-rate",
      "CyclicLR: scaleFn %s may return more than 1, and %s: a level above 1 takes the rate below maxLr, and it can turn negative; the numbers are PyTorch's all the same"),
  NEGATIVE_STEP_SIZE(
      "step-size-negative",
      "StepLR: stepSize (step_size) = %d is negative; like PyTorch, it decays every %d steps all the same"),
  GROWING_RATE(
      "growing-rate",
      "%s: %s (%s) = %s is above 1 in magnitude, so the rate grows %s; where it would pass the largest double, PyTorch hands the optimizer an infinite rate and the scheduler throws ArithmeticException on that step"),
  NEVER_CHANGES(
      "never-changes", "%s: totalIters (total_iters) = %d <= 0, so the rate never changes"),
  NEVER_CHANGES_LATER(
      "never-changes",
      "%s: totalIters (total_iters) = %d <= 0: as a later schedule of @Sequential, or after @Warmup, it starts at %s (PyTorch's closed form at its step 0) and the rate stays there"),
  NO_MILESTONES(
      "never-changes", "MultiStepLR: milestones (milestones) is empty, so the rate never changes"),
  IGNORED("ignored", "%s is ignored: %s"),
  MIN_LR_BOTH(
      "min-lr-conflict",
      "%s: minLr (min_lr) and minLrRate (min_lr_rate) are both given, and the reference raises ValueError(\"Only one of min_lr or min_lr_rate should be set\"); keep one"),
  MIN_LR_NEITHER(
      "min-lr-missing",
      "%s needs minLrRate (min_lr_rate), or minLr (min_lr) with lrInit: the reference raises ValueError(\"One of min_lr or min_lr_rate should be set\") without either"),
  MIN_LR_WITHOUT_LR_INIT(
      "required",
      "%s: minLr (min_lr) needs lrInit, the optimizer's default rate (optimizer.defaults[\"lr\"]), which the reference divides it by and a generated scheduler does not see"),
  WSD_LENGTH(
      "wsd-length",
      "%s needs numStableSteps, or numTrainingSteps to derive it from (the reference: \"Either num_training_steps or num_stable_steps must be specified.\")"),
  TIMM_REFUSED("invalid-value", "%s: %s"),
  /** A refusal of Keras or optax, values together: the reference's reason, with the values. */
  FUNCTION_REFUSED("invalid-value", "%s: %s"),
  SLOW_NOISE(
      "slow-noise",
      "%s: noisePct (noise_pct) = %s is %s of |noiseStd| (noise_std): the reference draws normal samples until one falls within it, about %s draws for each noised update, and so does the generated scheduler"),
  TIMM_ONE_VALUE(
      "one-value",
      "%s: decayT (decay_t) is one number in the reference; give one value, not %d"),
  TIMM_NO_EFFECT(
      "never-changes",
      "%s: tInitial (t_initial) = 1 with cycleMul (cycle_mul) and cycleDecay (cycle_decay) 1, so the schedule has no effect on the rate, as the reference warns"),
  TIMM_GROWING(
      "growing-rate",
      "%s: %s, so the rate grows with every decay; where decay_rate ** n leaves the doubles the reference raises OverflowError, and the scheduler throws ArithmeticException on that update"),
  TIMM_UNSORTED(
      "rules-order",
      "%s: decayT (decay_t) %d does not come after %d: the reference finds the decays in force by a binary search (bisect_right) that assumes the list sorted, and Anneal counts them as that search does"),
  TIMM_NOT_DECAYING(
      "never-changes", "%s: %s"),
  RULE_LENGTHS(
      "rule-lengths",
      "%s: ruleSteps has %d values but ruleFactors has %d: each rule of the reference's step_rules has a step and a factor"),
  RULES_OUT_OF_ORDER(
      "rules-order",
      "%s: rule step %d does not come after %d: the reference sorts the rules by step and keeps the later factor of a step written twice, so the steps %s run with the factors %s"),
  ONE_VALUE(
      "one-value",
      "%s: %s (%s) is one number for every parameter group in the reference; give one value, not %s"),
  MILESTONE_AFTER_PHASE(
      "phase-too-short",
      "MultiStepLR: milestone %d is never reached: as schedule %d of @Sequential it runs %d steps, from step %d until the milestone %d, counting its own steps from 0"),
  STEP_SIZE_AFTER_PHASE(
      "phase-too-short",
      "StepLR: stepSize (step_size) = %d never decays the rate: as schedule %d of @Sequential it runs %d steps, from step %d until the milestone %d, counting its own steps from 0"),

  // Factor and scale methods.
  METHOD_MISSING("method-missing", "%s names %s, but %s neither declares nor inherits a method of that name"),
  METHOD_AMBIGUOUS(
      "method-ambiguous",
      "%s names %s, but %s has more than one method of that name that is a non-private static method %s: %s; keep one"),
  METHOD_UNREACHABLE(
      "method-unreachable",
      "%s names %s, which %s declares as %s: the generated class beside %s cannot call it there; make it and its type public, or declare it on the config"),
  METHOD_SIGNATURE(
      "method-signature", "%s names %s, which must be a non-private static method %s; it is %s"),
  METHOD_THROWS(
      "method-throws",
      "%s names %s, which declares the checked %s: the generated class calls it from step() and cannot handle it"),

  // Combination of several schedules.
  SEQUENTIAL_COUNT(
      "sequential-count",
      "@Sequential has %d milestones for %d schedules: it needs one fewer milestone than schedules (PyTorch's SequentialLR)"),
  SEQUENTIAL_ORDER(
      "sequential-order", "@Sequential milestones must increase: %d does not come after %d"),
  SEQUENTIAL_RANGE(
      "sequential-range", "@Sequential milestone %d must be > 0: the first schedule owns step 0"),
  NOT_COMBINABLE("not-combinable", "%s cannot be part of @%s: %s"),
  SEQUENTIAL_UNREACHED("sequential-unreached", "%s"),
  LIST_LENGTHS_ACROSS(
      "list-lengths",
      "%s of schedule %d (%s) has %d values but %s of schedule %d (%s) has %d: the schedules of one @%s share the parameter groups, so their per-group lists must agree on the number of groups"),

  // Run-time binding.
  BIND_UNKNOWN("bind-unknown", "@Bind names %s, which is not an attribute of @Schedule"),
  BIND_NO_WARMUP("bind-no-warmup", "@Bind names %s, the %s of @Warmup, but the config has no @Warmup"),
  BIND_NOT_APPLICABLE("bind-not-applicable", "@Bind names %s, which does not apply to %s"),
  BIND_NOT_BINDABLE(
      "bind-not-bindable",
      "@Bind cannot bind %s: it takes %s, which shapes the generated class, so it must be written in @Schedule"),
  BIND_ALSO_WRITTEN(
      "bind-also-written", "%s is bound by @Bind on %s and also written in @Schedule; keep one"),
  BIND_TWICE("bind-twice", "%s is bound twice, by %s and %s"),
  BIND_SCHEDULE(
      "bind-schedule",
      "@Bind(schedule = %d) does not name one of the %d @Schedule annotations; give an index from 0"),
  BIND_SCHEDULE_NEGATIVE(
      "bind-schedule",
      "@Bind(schedule = %d) must be >= 0: it numbers the config's @Schedule annotations (%d here) from 0; leave it out where there is one"),
  BIND_WHICH_SCHEDULE(
      "bind-which-schedule",
      "@Bind on %s must say which @Schedule it binds with schedule = (0 to %d)"),
  BIND_WITHOUT_SCHEDULE(
      "bind-without-schedule",
      "@Bind on %s binds nothing: %s has no @Schedule, so no scheduler reads it; put @Schedule on %2$s or remove @Bind"),
  BIND_TYPE("bind-type", "@Bind on %s binds %s, which takes %s, but %s returns %s"),
  BIND_THROWS(
      "bind-throws",
      "@Bind on %s, which declares the checked %s: the generated constructor calls it and cannot handle it; catch it in the accessor"),
  BIND_ACCESSOR(
      "bind-accessor", "@Bind goes on a record component or a non-private instance method without parameters; %s is not one"),

  // Writing the class.
  NAME_CLASH(
      "name-clash",
      "cannot generate %s for this config: %s; rename the config or the type that holds the name"),

  NAME_TOO_LONG(
      "name-too-long",
      "the generated class name %s is %d bytes long (UTF-8), over the limit of %d: with \".class\" it must fit the %d bytes that common file systems allow a file name; shorten the name of the config or of the classes around it"),
  STALE_GENERATED(
      "stale-generated",
      "%s is a source that Anneal generated from %s in an earlier build, given again as an input; remove it from the inputs (Anneal generates it anew on every build)"),

  // The processor itself.
  KINDS_MISSING(
      "internal",
      "The Anneal processor has no kind for the schedule types %s; it was built incomplete, please report it"),
  INTERNAL(
      "internal",
      "The Anneal processor failed on %s; please report it with this message. %s");

  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The stable tag, for example {@code "anneal.invalid-value"}. */
  String tag() {
    return "anneal." + tag;
  }

  /** The full text: the tag in brackets, then the message. */
  public String format(Object... args) {
    return "[" + tag() + "] " + String.format(Locale.ROOT, format, args);
  }
}

package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.WsdType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineScheduleWithWarmup;
import dev.anneal.math.WarmupStableDecaySchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hugging Face transformers' {@code get_wsd_schedule}: a warm-up from {@code min_lr_ratio}, a
 * stable phase at the initial rate, and a decay back to {@code min_lr_ratio}, each curve of the
 * warm-up and the decay one of {@link WsdType}.
 */
final class WarmupStableDecayScheduleKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(WarmupStableDecaySchedule.class);

  WarmupStableDecayScheduleKind() {
    // A factor of the step alone, shared by the groups; the reference is a LambdaLR, which sets
    // the rate from its function whatever it was. Its warmup_type and decay_type strings outside
    // its three it refuses; an enum cannot hold another.
    super(ScheduleType.HF_WARMUP_STABLE_DECAY, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.NUM_WARMUP_STEPS, null)
        .required(Param.NUM_DECAY_STEPS, null)
        .alternative(Param.NUM_TRAINING_STEPS, "where numStableSteps is not given", null)
        .derived(Param.NUM_STABLE_STEPS, new Formula(WarmupStableDecaySchedule.class, "numStableSteps",
            List.of(Param.NUM_TRAINING_STEPS, Param.NUM_WARMUP_STEPS, Param.NUM_DECAY_STEPS), "numStableSteps",
            "num_training_steps - num_warmup_steps - num_decay_steps"), null)
        .optional(Param.WARMUP_TYPE, WsdType.LINEAR, null)
        .optional(Param.DECAY_TYPE, WsdType.COSINE, null)
        .optional(Param.MIN_LR_RATIO, 0.0, Rule.FINITE)
        .optional(Param.NUM_CYCLES, CosineScheduleWithWarmup.DEFAULT_NUM_CYCLES, Rule.FINITE)
        .build());
  }

  /** After the decay the factor is min_lr_ratio itself, negative as written. */
  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.MIN_LR_RATIO);
  }

  /**
   * The reference's ValueError without either length of the stable phase, and its warning with
   * both, where it takes num_stable_steps.
   */
  @Override
  public void check(ScheduleCheck check) {
    boolean training = check.isGiven(Param.NUM_TRAINING_STEPS);
    boolean stable = check.isGiven(Param.NUM_STABLE_STEPS);
    if (!training && !stable) {
      check.error(null, Message.WSD_LENGTH, type().torchName());
    } else if (training && stable) {
      check.warning(check.written(Param.NUM_TRAINING_STEPS), Message.IGNORED,
          "numTrainingSteps (num_training_steps)", "numStableSteps is given, and the reference uses it, warning"
              + " \"Both num_training_steps and num_stable_steps are specified. num_stable_steps will be used.\"");
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String numWarmupSteps;
    private String numStableSteps;
    private String numDecaySteps;
    private CodeBlock warmupType;
    private CodeBlock decayType;
    private String minLrRatio;
    private String numCycles;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      numWarmupSteps = scalar(Param.NUM_WARMUP_STEPS);
      numStableSteps = scalar(Param.NUM_STABLE_STEPS);
      numDecaySteps = scalar(Param.NUM_DECAY_STEPS);
      warmupType = curve(Param.WARMUP_TYPE);
      decayType = curve(Param.DECAY_TYPE);
      minLrRatio = scalar(Param.MIN_LR_RATIO);
      numCycles = scalar(Param.NUM_CYCLES);
    }

    /** An enum attribute, always known now, as the constant the generated code names. */
    private CodeBlock curve(Param param) {
      WsdType curve = (WsdType) constant(param);
      emitter.parameterLines.add(param.torchName + " = \"" + curve.torchName() + "\"");
      return CodeBlock.of("$T.$L", WsdType.class, curve.name());
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * max(0, warmup(t / max(1, w)) * (1 - r) + r)   if t < w\n"
          + "      = base_lr   if t < w + s\n"
          + "      = base_lr * max(0, decay((t - w - s) / max(1, d)) * (1 - r) + r)   if t < w + s + d\n"
          + "      = base_lr * r   otherwise\n"
          + "(w, s, d = num_warmup_steps, num_stable_steps, num_decay_steps; r = min_lr_ratio)";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $N, $L, $L, $N, $N, $L)", MATH, numWarmupSteps, numStableSteps,
          numDecaySteps, warmupType, decayType, minLrRatio, numCycles, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
    }
  }
}

package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.WsdType;
import dev.anneal.internal.Rule;
import dev.anneal.math.ScheduleWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/**
 * The warm-up of {@code @Warmup}: the first phase of its config, in front of the schedule, whose
 * factor on {@code base_lr} rises from {@code startFactor} to 1 over {@code steps} steps. It is no
 * schedule type: {@code @Schedule} cannot name it.
 */
final class WarmupKind implements Kind {
  /** How messages and the generated code name it. */
  static final String NAME = "Warmup";

  private static final ClassName MATH = ClassName.get(ScheduleWarmup.class);

  // A warm-up of no step is no warm-up: the schedule alone says that.
  private static final Attributes ATTRIBUTES = Attributes.builder()
      .required(Param.WARMUP_STEPS, Rule.AT_LEAST_ONE)
      .optional(Param.START_FACTOR, 0.0, Rule.UNIT_INTERVAL)
      .optional(Param.WARMUP_SHAPE, WsdType.LINEAR, null)
      .build();

  @Override
  public ScheduleType type() {
    return null;
  }

  @Override
  public String torchName() {
    return NAME;
  }

  @Override
  public Attributes attributes() {
    return ATTRIBUTES;
  }

  @Override
  public Stepping stepping() {
    return Stepping.SHARED_STATE;
  }

  @Override
  public InChain inChain() {
    return InChain.REFUSED;
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    private String steps;
    private String startFactor;
    private CodeBlock shape;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {
      steps = scalar(Param.WARMUP_STEPS);
      startFactor = scalar(Param.START_FACTOR);
      WsdType curve = (WsdType) constant(Param.WARMUP_SHAPE);
      emitter.parameterLines.add("shape = " + curve.name() + " (warmup_type \"" + curve.torchName() + "\")");
      shape = CodeBlock.of("$T.$L", WsdType.class, curve.name());
    }

    @Override
    protected String formula() {
      return "lr(t) = base_lr * (shape(t / steps) * (1 - start_factor) + start_factor)\n"
          + "shape(p) = p | 0.5 * (1 - cos(pi p)) | 1 - sqrt(1 - p)   by shape";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor($N, $N, $L, $L)", MATH, steps, startFactor, shape, t);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
    }
  }
}

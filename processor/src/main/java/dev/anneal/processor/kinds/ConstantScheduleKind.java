package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.anneal.ScheduleType;
import dev.anneal.math.ConstantSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** Hugging Face transformers' {@code get_constant_schedule}: the initial rate at every step. */
final class ConstantScheduleKind extends BaseKind {
  private static final ClassName MATH = ClassName.get(ConstantSchedule.class);

  ConstantScheduleKind() {
    // The reference is a LambdaLR of a factor of 1, which sets the rate whatever it was.
    super(ScheduleType.HF_CONSTANT, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder().build());
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends FactorWriter {
    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declareParameters() {}

    @Override
    protected String formula() {
      return "lr(t) = base_lr";
    }

    @Override
    protected CodeBlock factor(String t) {
      return CodeBlock.of("$T.factor()", MATH);
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return CodeBlock.of("$N[$L] * $L", base, g, factor(t));
    }
  }
}

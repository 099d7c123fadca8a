package dev.anneal.processor.kinds;

import com.palantir.javapoet.CodeBlock;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Momentum;
import dev.anneal.processor.writing.Placement;
import java.util.Optional;

/** Shared by CyclicLR and OneCycleLR: both drive momentum too, unless told not to. */
abstract class MomentumWriter extends KindWriter implements Momentum {
  MomentumWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement) {
    super(kind, schedule, emitter, placement);
  }

  boolean cyclesMomentum() {
    return (Boolean) constant(Param.CYCLE_MOMENTUM);
  }

  @Override
  protected Optional<Momentum> drivenMomentum() {
    return cyclesMomentum() ? Optional.of(this) : Optional.empty();
  }

  /** Their rate is absolute, from the closed form's prologue. */
  @Override
  protected CodeBlock chainPrologue(String t) {
    return prologue(t);
  }

  @Override
  protected CodeBlock chain(String lr, String t, String g) {
    return lr(t, g);
  }
}

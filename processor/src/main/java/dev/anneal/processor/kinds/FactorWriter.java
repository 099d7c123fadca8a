package dev.anneal.processor.kinds;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/** Schedules of the form {@code base_lr * factor(t)}: the factor is computed once for all groups. */
abstract class FactorWriter extends KindWriter {
  FactorWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement) {
    super(kind, schedule, emitter, placement);
  }

  @Override
  protected CodeBlock prologue(String t) {
    return CodeBlock.of("double $N = $L;\n", local("stepFactor"), factor(t));
  }

  @Override
  protected CodeBlock lr(String t, String g) {
    return CodeBlock.of("$N[$L] * $N", base, g, local("stepFactor"));
  }

  @Override
  protected abstract CodeBlock factor(String t);

  /** Declares the schedule's parameters; {@link #declare} adds what group 0's rate needs. */
  abstract void declareParameters();

  private String firstBaseLr;

  @Override
  protected final void declare() {
    declareParameters();
    if (firstRateField.isPresent()) {
      firstBaseLr = emitter.derived(prefix, "firstBaseLr", TypeName.DOUBLE, null, CodeBlock.of("$N[0]", base),
          "{@code base_lr} of group 0, read by every step.");
    }
  }

  @Override
  protected CodeBlock resetState() {
    return CodeBlock.of("$N = $L;\n", shared(), factor(ZERO));
  }

  @Override
  protected CodeBlock advance(String t) {
    return CodeBlock.of("$N = $L;\n", shared(), factor(t));
  }

  @Override
  protected CodeBlock firstRate() {
    return CodeBlock.of("$N * $N", firstBaseLr, shared());
  }

  private String shared;

  /** The factor on {@code base_lr} that all groups share, for lazy stepping. */
  String shared() {
    if (shared == null) {
      shared = emitter.state(prefix, "factor", TypeName.DOUBLE, null,
          "The factor on each group's initial rate at the current step.");
    }
    return shared;
  }

  @Override
  protected CodeBlock read(String g) {
    return CodeBlock.of("$N[$L] * $N", base, g, shared());
  }

  /**
   * The saved factor must be the closed form's at {@code t}, to the roundings of stepping; the
   * counters a schedule keeps beside it are checked first ({@link #checkSavedCounters}).
   */
  @Override
  protected final CodeBlock checkSaved(String t) {
    if (shared == null) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .add(checkSavedCounters(t))
        .addStatement("in.near($S, $N, $L, 0.0, $L)", shared, saved(shared), factor(t), roundings(t))
        .build();
  }

  @Override
  protected CodeBlock savedRead(String g) {
    return shared == null ? null : CodeBlock.of("$N[$L] * $N", base, g, saved(shared));
  }

  /** Statements checking the saved counters kept beside the factor; none by default. */
  CodeBlock checkSavedCounters(String t) {
    return CodeBlock.of("");
  }

  /**
   * How many roundings the factor that stepping leaves at {@code t} may hold beyond those of
   * the closed form: none where stepping computes the closed form, one per multiplication where
   * it multiplies.
   */
  CodeBlock roundings(String t) {
    return CodeBlock.of("0");
  }
}

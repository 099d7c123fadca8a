package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.math.CosineAnnealingLR;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;

/**
 * The cosine schedules: {@code eta_min} plus each group's {@code (base_lr - eta_min) / 2} times a
 * wave that all groups share.
 */
abstract class CosineWriter extends KindWriter {
  private static final ClassName MATH_COSINE = ClassName.get(CosineAnnealingLR.class);

  String etaMin;
  String halfAmplitude;
  private String firstHalfAmplitude;

  CosineWriter(Kind kind, ScheduleModel schedule, Emitter emitter, Placement placement) {
    super(kind, schedule, emitter, placement);
  }

  /** The field holding {@code 1 + cos(...)} at the current step. */
  abstract String wave();

  /** Declares each group's {@code (base_lr - eta_min) / 2}; {@link #etaMin} must be set. */
  void declareHalfAmplitudes() {
    halfAmplitude = emitter.groupArray(prefix, "halfAmplitude",
        CodeBlock.of("$T.halfAmplitude($N[g], $N)", MATH_COSINE, base, etaMin),
        "{@code (base_lr - eta_min) / 2} of each group.");
  }

  /**
   * Where group 0's rate is kept: its {@code (base_lr - eta_min) / 2} in a field of its own, so
   * that a step reads no array.
   */
  void declareFirstHalfAmplitude() {
    if (firstRateField.isPresent()) {
      firstHalfAmplitude = emitter.derived(prefix, "firstHalfAmplitude", TypeName.DOUBLE, null,
          CodeBlock.of("$N[0]", halfAmplitude), "{@code (base_lr - eta_min) / 2} of group 0, read by every step.");
    }
  }

  @Override
  protected CodeBlock read(String g) {
    return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, wave());
  }

  @Override
  protected CodeBlock savedRead(String g) {
    return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, saved(wave()));
  }

  @Override
  protected CodeBlock firstRate() {
    return CodeBlock.of("$T.lr($N, $N, $N)", MATH_COSINE, etaMin, firstHalfAmplitude, wave());
  }
}

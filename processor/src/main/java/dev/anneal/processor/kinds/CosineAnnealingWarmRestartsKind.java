package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineAnnealingLR;
import dev.anneal.math.CosineAnnealingWarmRestarts;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Set;

/** PyTorch's {@code CosineAnnealingWarmRestarts}: cosine cycles from the initial rate down to {@code eta_min}, each {@code T_mult} times longer than the last. */
final class CosineAnnealingWarmRestartsKind extends BaseKind {
  private static final ClassName MATH_COSINE = ClassName.get(CosineAnnealingLR.class);
  private static final ClassName MATH_WARM = ClassName.get(CosineAnnealingWarmRestarts.class);

  CosineAnnealingWarmRestartsKind() {
    super(ScheduleType.COSINE_WARM_RESTARTS, Stepping.SHARED_STATE, InChain.ABSOLUTE, Attributes.builder()
        .required(Param.T_0, Rule.POSITIVE)
        .optional(Param.T_MULT, 1, Rule.AT_LEAST_ONE)
        .optional(Param.ETA_MIN, 0.0, Rule.FINITE)
        .build());
  }

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.ETA_MIN);
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  static final class Writer extends CosineWriter {
    private String t0;
    private String tMult;
    private String tCur;
    private String tI;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declare() {
      t0 = scalar(Param.T_0);
      tMult = scalar(Param.T_MULT);
      etaMin = scalar(Param.ETA_MIN);
      declareHalfAmplitudes();
      tCur = emitter.state(prefix, "tCur", TypeName.LONG, null,
          "PyTorch's {@code T_cur}: steps since the last restart.");
      tI = emitter.state(prefix, "tI", TypeName.LONG, null,
          "PyTorch's {@code T_i}: the length of the current cycle.");
      declareFirstHalfAmplitude();
    }

    @Override
    protected String formula() {
      return "lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2,\n"
          + "T_cur = steps since the last restart, T_i = T_0 * T_mult ^ (number of restarts)";
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.lrAt($N, $N[$L], $N, $N, $L)", MATH_WARM, etaMin, halfAmplitude, g, t0, tMult, t);
    }

    @Override
    protected CodeBlock resetState() {
      return CodeBlock.builder()
          .addStatement("$N = 0", tCur)
          .addStatement("$N = $N", tI, t0)
          .addStatement("$N = $T.omega($N)", omega(), MATH_COSINE, t0)
          .addStatement("$N = 2.0", wave())
          .build();
    }

    @Override
    protected CodeBlock advance(String t) {
      // PyTorch's bookkeeping of T_cur and T_i, with pi / T_i kept for the cycle.
      return CodeBlock.builder()
          .addStatement("$N++", tCur)
          .beginControlFlow("if ($N >= $N)", tCur, tI)
          .addStatement("$N -= $N", tCur, tI)
          .addStatement("$N *= $N", tI, tMult)
          .addStatement("$N = $T.omega($N)", omega(), MATH_COSINE, tI)
          .endControlFlow()
          .addStatement("$N = $T.wave($N, $N)", wave(), MATH_COSINE, omega(), tCur)
          .build();
    }

    private String omega;
    private String wave;

    private String omega() {
      if (omega == null) {
        omega = emitter.state(prefix, "omega", TypeName.DOUBLE, null, "{@code pi / T_i} of the current cycle.");
      }
      return omega;
    }

    @Override
    protected String wave() {
      if (wave == null) {
        wave = emitter.state(prefix, "wave", TypeName.DOUBLE, null,
            "{@code 1 + cos(pi * T_cur / T_i)}, the same for every group.");
      }
      return wave;
    }

    /**
     * {@code T_cur} and {@code T_i} follow from the step by PyTorch's bookkeeping, and the cycle's
     * {@code pi / T_i} and the wave from them.
     */
    @Override
    protected CodeBlock checkSaved(String t) {
      String tCurAt = local("tCurAt");
      String tIAt = local("tIAt");
      return CodeBlock.builder()
          .addStatement("long $N = $L", tCurAt, t)
          .addStatement("long $N = $N", tIAt, t0)
          .beginControlFlow("if ($N == 1)", tMult)
          .addStatement("$N = $L % $N", tCurAt, t, t0)
          .nextControlFlow("else")
          .beginControlFlow("while ($N >= $N && $N <= $T.MAX_VALUE / $N)", tCurAt, tIAt, tIAt, Long.class, tMult)
          .addStatement("$N -= $N", tCurAt, tIAt)
          .addStatement("$N *= $N", tIAt, tMult)
          .endControlFlow()
          .endControlFlow()
          .addStatement("in.expect($S, $N, $N)", tCur, saved(tCur), tCurAt)
          .addStatement("in.expect($S, $N, $N)", tI, saved(tI), tIAt)
          .addStatement("in.near($S, $N, $T.omega($N), 0.0, 0)", omega(), saved(omega()), MATH_COSINE, tIAt)
          .addStatement("in.near($S, $N, $T.wave($T.omega($N), $N), 2.0, 0)", wave(), saved(wave()), MATH_COSINE,
              MATH_COSINE, tIAt, tCurAt)
          .build();
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return lr(t, g);
    }

  }
}

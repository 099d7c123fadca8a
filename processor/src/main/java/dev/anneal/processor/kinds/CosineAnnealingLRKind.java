package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.CosineAnnealingLR;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** PyTorch's {@code CosineAnnealingLR}: half a cosine from the initial rate down to {@code eta_min} over {@code T_max} steps. */
final class CosineAnnealingLRKind extends BaseKind {
  private static final ClassName MATH_COSINE = ClassName.get(CosineAnnealingLR.class);

  CosineAnnealingLRKind() {
    // Stepping computes the closed form, not PyTorch's recurrence: the recurrence's rounding
    // compounds (see CosineAnnealingLR), and a step by the closed form costs one cosine for
    // all groups, the same as a step of the recurrence.
    // In a chain PyTorch's recurrence moves whatever rate it is given.
    super(ScheduleType.COSINE, Stepping.SHARED_STATE, InChain.RECURRENCE, Attributes.builder()
        .required(Param.T_MAX, Rule.NON_ZERO)
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
    private Supplier<String> tMax;
    private String omega;
    private String period;
    private String wave;

    Writer(Kind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
    }

    @Override
    protected void declare() {
      tMax = scalarOnUse(Param.T_MAX);
      etaMin = scalar(Param.ETA_MIN);
      omega = emitter.derived(prefix, "omega", TypeName.DOUBLE,
          isConstant(Param.T_MAX) ? CosineAnnealingLR.omega((Integer) constant(Param.T_MAX)) : null,
          () -> CodeBlock.of("$T.omega($N)", MATH_COSINE, tMax.get()), "{@code pi / T_max}.");
      period = emitter.derived(prefix, "period", TypeName.LONG,
          isConstant(Param.T_MAX) ? CosineAnnealingLR.period((Integer) constant(Param.T_MAX)) : null,
          () -> CodeBlock.of("$T.period($N)", MATH_COSINE, tMax.get()), "The cosine's period in steps, {@code 2 |T_max|}.");
      declareHalfAmplitudes();
      wave = emitter.state(prefix, "wave", TypeName.DOUBLE, null,
          "{@code 1 + cos(pi * t / T_max)} at the current step, shared by the groups.");
      declareFirstHalfAmplitude();
    }

    @Override
    protected String formula() {
      return "lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2\n"
          + "with t taken modulo 2 * T_max exactly, so the angle keeps its precision on long runs";
    }

    private CodeBlock waveAt(String t) {
      return CodeBlock.of("$T.wave($N, $T.positionInPeriod($L, $N))", MATH_COSINE, omega, MATH_COSINE, t, period);
    }

    @Override
    protected CodeBlock prologue(String t) {
      return CodeBlock.of("double $N = $L;\n", local("stepWave"), waveAt(t));
    }

    @Override
    protected CodeBlock lr(String t, String g) {
      return CodeBlock.of("$T.lr($N, $N[$L], $N)", MATH_COSINE, etaMin, halfAmplitude, g, local("stepWave"));
    }

    @Override
    protected CodeBlock resetState() {
      return CodeBlock.of("$N = $L;\n", wave, waveAt(ZERO));
    }

    @Override
    protected CodeBlock advance(String t) {
      return CodeBlock.of("$N = $L;\n", wave, waveAt(t));
    }

    @Override
    protected String wave() {
      return wave;
    }

    /** The wave is the closed form's at the step; values in [0, 2]. */
    @Override
    protected CodeBlock checkSaved(String t) {
      return CodeBlock.of("in.near($S, $N, $L, 2.0, 0);\n", wave, saved(wave), waveAt(t));
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      return atZero(t, CodeBlock.of("$L", lr),
          CodeBlock.of("$T.chain($L, $N[$L], $N, $N, $L)", MATH_COSINE, lr, base, g, etaMin, tMax.get(), t));
    }
  }
}

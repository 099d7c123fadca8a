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
import dev.anneal.processor.validation.Chain;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationValue;

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

  /**
   * In a @Chained config the cosine steps by PyTorch's recurrence {@code eta_min + r (lr -
   * eta_min)} on whatever rate the others left, with {@code r = (1 + cos(pi t / T)) / (1 + cos(pi
   * (t - 1) / T)) >= 0}. It is negative only if {@code lr < eta_min} while {@code r > 1}, on the
   * rising half. With {@code eta_min <= 0} that cannot happen. With {@code eta_min > 0} it can:
   * where another schedule of the chain lowers the rate after step 0, and where a group's initial
   * rate is below {@code eta_min} (the cosine then rises towards it, and the recurrence's rounding
   * dips below a rate of 0), which only the run knows. So a positive (or bound) {@code eta_min} is
   * pointed out unless a schedule that sets the rate whatever it was comes after the cosine and
   * has the last word; the message says which cause the config shows. (A config that shows
   * neither, whose rates start at or above {@code eta_min}, stays at or above 0: the descending
   * half keeps a rate below {@code eta_min} at or above 0, the trough sets it to {@code eta_min}
   * exactly, and a rate at or above {@code eta_min} stays there.)
   */
  @Override
  public void checkInChain(ScheduleCheck check, Chain chain) {
    if (chain.setAfter(check.index())) {
      return;
    }
    AnnotationValue written = check.written(Param.ETA_MIN);
    boolean isBound = check.isBound(Param.ETA_MIN);
    Object etaMin = check.value(Param.ETA_MIN);
    if (!isBound && !(etaMin instanceof Double value && value > 0 && Double.isFinite(value))) {
      return;
    }
    String cause = chain.lowering(check.index()).map(other -> other + " in the chain can take it there")
        .orElse("where a group's initial rate is below eta_min");
    check.warning(written, Message.NEGATIVE_RATE_CHAINED, type().torchName(),
        isBound ? "(bound)" : Emitter.literal(etaMin), cause);
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

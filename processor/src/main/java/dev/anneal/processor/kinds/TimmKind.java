package dev.anneal.processor.kinds;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.TimmCycle;
import dev.anneal.math.TimmNoise;
import dev.anneal.math.TimmScheduler;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationValue;

/**
 * What timm's schedulers share: driven by the update count, each group's rate a closed form of
 * its initial rate and the update (a warm-up from the absolute {@code warmup_lr_init}, cycles,
 * the noise of {@link TimmNoise}, the group's {@code lr_scale}), step 0 what the reference's
 * constructor leaves. They are no PyTorch {@code LRScheduler}: SequentialLR and ChainedScheduler
 * cannot hold them, and they warm up themselves.
 */
abstract class TimmKind extends BaseKind {
  private static final ClassName TIMM = ClassName.get(TimmScheduler.class);
  private static final ClassName NOISE = ClassName.get(TimmNoise.class);
  private static final ClassName CYCLE = ClassName.get(TimmCycle.class);

  TimmKind(ScheduleType type, Attributes attributes) {
    super(type, Stepping.CLOSED_FORM, InChain.REFUSED, attributes);
  }

  /** The warm-up's attributes, {@code warmup_prefix} with the reference's default where it has one. */
  static Attributes.Builder warmup(Attributes.Builder builder, Boolean warmupPrefix, Rule nonNegative) {
    builder.optional(Param.WARMUP_T, 0, nonNegative)
        .optional(Param.WARMUP_LR_INIT, 0.0, nonNegative == null ? Rule.FINITE : nonNegative);
    if (warmupPrefix != null) {
      builder.optional(Param.WARMUP_PREFIX, warmupPrefix, null);
    }
    return builder;
  }

  /** The noise's attributes and {@code lr_scale}, last. */
  static Attributes noiseAndScale(Attributes.Builder builder) {
    return builder.optional(Param.NOISE_RANGE_T, new int[0], null)
        .optional(Param.NOISE_PCT, 0.67, Rule.FINITE)
        .optional(Param.NOISE_STD, 1.0, Rule.FINITE)
        .optional(Param.NOISE_SEED, 42, null)
        .optional(Param.LR_SCALE, 1.0, Rule.FINITE)
        .build();
  }

  /** The runtime class of the formula, whose {@code lr} method the generated code calls. */
  abstract Class<?> math();

  /** The attributes {@code lr} takes before {@code base_lr} and the update, in its order. */
  abstract List<Param> inputs();

  /**
   * For a schedule of cycles: the attributes that its {@code lr} overload on a {@link TimmCycle}
   * takes after the cycle, in its order, which stepping calls; null for the others.
   */
  List<Param> cycleInputs() {
    return null;
  }

  /** The formula for the class Javadoc. */
  abstract String formula();

  /** The reference's refusals of values together, each a static method of the runtime. */
  List<Refusal> refusals() {
    return List.of();
  }

  /**
   * A refusal of the reference: the static {@code method} of {@code owner}, which takes the
   * values of {@code inputs} and returns the reference's reason or null, reported on {@code at}.
   */
  record Refusal(Class<?> owner, String method, List<Param> inputs, Param at) {}

  @Override
  public Set<Param> signOfTheRate() {
    return EnumSet.of(Param.WARMUP_LR_INIT, Param.LR_SCALE);
  }

  @Override
  public void checkInCombination(ScheduleCheck check, String combinator) {
    check.error(check.typeValue(), Message.NOT_COMBINABLE, type().torchName(), combinator,
        "timm's schedulers are no PyTorch LRScheduler, which SequentialLR and ChainedScheduler hold, and they"
            + " count updates, not the steps of the others");
  }


  /**
   * The ratio of noise_pct to |noise_std| below which the reference's rejection loop takes more
   * than about 10^4 draws per noised update (10 ms or more a step): pointed out, as it runs.
   */
  private static final double SLOW_NOISE = 1e-4;

  /**
   * The reference's refusals with every value known, on the value at fault, and its noise:
   * {@code noise_pct} above 0 where the noise is on, and no more than two values in its range.
   */
  @Override
  public void check(ScheduleCheck check) {
    checkNoise(check, type().torchName(), TimmScheduler::noiseRefusal);
    int[] range = (int[]) check.known(Param.NOISE_RANGE_T);
    double pct = check.number(Param.NOISE_PCT);
    double std = check.number(Param.NOISE_STD);
    if (range != null && range.length > 0 && Double.isFinite(pct) && TimmScheduler.noiseRefusal(pct) == null
        && pct > 0 && Double.isFinite(std) && std != 0 && pct / Math.abs(std) < SLOW_NOISE) {
      // P(|z| < x) of a standard normal is x sqrt(2 / pi) for x this small.
      double draws = Math.sqrt(Math.PI / 2) * Math.abs(std) / pct;
      check.warning(check.isWritten(Param.NOISE_PCT) ? check.written(Param.NOISE_PCT) : check.written(Param.NOISE_STD),
          Message.SLOW_NOISE, type().torchName(), pct, String.format(java.util.Locale.ROOT, "%.1e", pct / Math.abs(std)),
          String.format(java.util.Locale.ROOT, "%.1e", draws));
    }
    for (Refusal refusal : refusals()) {
      List<Object> values = new ArrayList<>();
      boolean known = true;
      for (Param input : refusal.inputs()) {
        Object value = check.known(input);
        if (value == null || (value instanceof Number n && !Double.isFinite(n.doubleValue()))
            || !holds(input, value)) {
          known = false;
        }
        values.add(value instanceof int[] list && listAsNumber(input) ? (list.length == 1 ? list[0] : null) : value);
      }
      if (!known || values.contains(null)) {
        continue;
      }
      String reason = call(refusal, values);
      if (reason != null) {
        Param at = at(reason);
        check.error(check.written(at == null ? refusal.at() : at), Message.TIMM_REFUSED, type().torchName(),
            reason);
      }
    }
  }

  /**
   * The reference's endless loop on {@code noise_pct} where the noise is on, {@code refusal} telling
   * why, and a warning for values of {@code noise_range_t} past the two it reads.
   */
  static void checkNoise(ScheduleCheck check, String torchName, java.util.function.DoubleFunction<String> refusal) {
    int[] range = (int[]) check.known(Param.NOISE_RANGE_T);
    if (range == null || range.length == 0) {
      return;
    }
    double pct = check.number(Param.NOISE_PCT);
    String reason = Double.isFinite(pct) ? refusal.apply(pct) : null;
    if (reason != null) {
      check.error(check.written(Param.NOISE_PCT), Message.TIMM_REFUSED, torchName, reason);
    }
    if (range.length > 2) {
      check.warning(check.element(Param.NOISE_RANGE_T, 2), Message.IGNORED,
          "noiseRangeT (noise_range_t) past its second value",
          "the reference reads a list as [lo, hi), its first two values");
    }
  }

  /** The attribute a refusal of several is reported on, where its reason tells; null for the refusal's own. */
  Param at(String reason) {
    return null;
  }

  private boolean holds(Param input, Object value) {
    Optional<Rule> rule = attributes().get(input).rule();
    return rule.isEmpty() || !(value instanceof Number n) || rule.get().holds(n.doubleValue());
  }

  private static String call(Refusal refusal, List<Object> values) {
    try {
      java.lang.reflect.Method method = Arrays.stream(refusal.owner().getMethods())
          .filter(m -> m.getName().equals(refusal.method()) && m.getParameterCount() == values.size())
          .findFirst().orElseThrow();
      return (String) method.invoke(null, values.toArray());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(refusal.owner().getSimpleName() + "." + refusal.method(), e);
    }
  }

  /** A warning on a written value, where {@code warn} says one. */
  static void warnOn(ScheduleCheck check, Param param, Function<Object, String> warn, Message message,
      Object... leading) {
    AnnotationValue written = check.written(param);
    Object value = check.known(param);
    if (value == null) {
      return;
    }
    String why = warn.apply(value);
    if (why != null) {
      Object[] args = Arrays.copyOf(leading, leading.length + 1);
      args[leading.length] = why;
      check.warning(written, message, args);
    }
  }

  @Override
  public KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement) {
    return new Writer(this, schedule, emitter, placement);
  }

  /** The writer of every timm type: its rate, per group, from the runtime's closed form. */
  static final class Writer extends KindWriter {
    private final TimmKind timm;
    private final List<CodeBlock> names = new ArrayList<>();
    private final List<CodeBlock> cycleNames = new ArrayList<>();
    private String cycle;
    private String warmupT;
    private String warmupLrInit;
    private String lrScale;
    private String noiseRange;
    private String noisePct;
    private String noiseStd;
    private String noiseSeed;

    Writer(TimmKind kind, ScheduleModel s, Emitter e, Placement p) {
      super(kind, s, e, p);
      this.timm = kind;
    }

    @Override
    protected void declare() {
      for (Param input : timm.inputs()) {
        names.add(input(input));
      }
      warmupT = scalar(Param.WARMUP_T);
      warmupLrInit = scalar(Param.WARMUP_LR_INIT);
      if (timm.cycleInputs() != null) {
        CodeBlock kDecay = timm.attributes().takes(Param.K_DECAY) ? input(Param.K_DECAY) : CodeBlock.of("1.0");
        cycle = emitter.derived(prefix, "cycle", CYCLE, null, CodeBlock.of("new $T($L, $L, $L, $L)", CYCLE,
            input(Param.T_INITIAL), input(Param.CYCLE_MUL), input(Param.CYCLE_DECAY), kDecay),
            "The cycle of the last step, with the powers its steps share: they are computed only where a"
                + " cycle starts.");
        for (Param input : timm.cycleInputs()) {
          cycleNames.add(input(input));
        }
      }
      int[] range = (int[]) constant(Param.NOISE_RANGE_T);
      if (range.length > 0) {
        int[] read = range.length > 2 ? Arrays.copyOf(range, 2) : range;
        CodeBlock.Builder array = CodeBlock.builder().add("{");
        for (int i = 0; i < read.length; i++) {
          array.add(i == 0 ? "$L" : ", $L", read[i]);
        }
        noiseRange = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, "noiseRangeT"),
            array.add("}").build(), "The steps whose rate is noised: {@code t >= n} for one value, [lo, hi) for two.");
        emitter.parameterLines.add("noise_range_t = " + Arrays.toString(range));
        noisePct = scalar(Param.NOISE_PCT);
        noiseStd = scalar(Param.NOISE_STD);
        noiseSeed = scalar(Param.NOISE_SEED);
        if (!isConstant(Param.NOISE_PCT)) {
          emitter.constructor.addStatement("$T.require($S, $T.noiseRefusal($N))", TIMM, schedule.torchName(), TIMM,
              noisePct);
        }
      }
      lrScale = perGroup(Param.LR_SCALE);
      for (Refusal refusal : timm.refusals()) {
        if (refusal.inputs().stream().allMatch(this::isConstant)) {
          continue;
        }
        CodeBlock.Builder call = CodeBlock.builder().add("$T.$N(", ClassName.get(refusal.owner()), refusal.method());
        for (int i = 0; i < refusal.inputs().size(); i++) {
          call.add(i == 0 ? "$L" : ", $L", input(refusal.inputs().get(i)));
        }
        emitter.constructor.addStatement("$T.require($S, $L)", TIMM, schedule.torchName(), call.add(")").build());
      }
    }

    private final java.util.Map<Param, CodeBlock> inputs = new java.util.EnumMap<>(Param.class);

    /** The code that reads {@code param} in the generated class, declared once. */
    private CodeBlock input(Param param) {
      CodeBlock code = inputs.get(param);
      if (code == null) {
        code = declareInput(param);
        inputs.put(param, code);
      }
      return code;
    }

    private CodeBlock declareInput(Param param) {
      switch (param.shape) {
        case BOOLEAN:
          Object flag = constant(param);
          emitter.parameterLines.add(param.torchName + " = " + (((Boolean) flag) ? "True" : "False"));
          return CodeBlock.of("$L", flag);
        case ENUM:
          Enum<?> value = (Enum<?>) constant(param);
          emitter.parameterLines.add(param.torchName + " = \"" + torchName(value) + "\"");
          return CodeBlock.of("$T.$L", value.getDeclaringClass(), value.name());
        case INTS:
          int[] list = (int[]) constant(param);
          if (timm.listAsNumber(param)) {
            String one = emitter.constant(TypeName.INT, Emitter.constantName(prefix, param.attribute),
                CodeBlock.of("$L", list[0]), null);
            emitter.parameterLines.add(param.torchName + " = " + list[0]);
            return CodeBlock.of("$N", one);
          }
          CodeBlock.Builder array = CodeBlock.builder().add("{");
          for (int i = 0; i < list.length; i++) {
            array.add(i == 0 ? "$L" : ", $L", list[i]);
          }
          String name = emitter.constant(TypeName.get(int[].class), Emitter.constantName(prefix, param.attribute),
              array.add("}").build(), null);
          emitter.parameterLines.add(param.torchName + " = " + Arrays.toString(list));
          return CodeBlock.of("$N", name);
        default:
          return CodeBlock.of("$N", scalar(param));
      }
    }

    private static String torchName(Enum<?> value) {
      try {
        return (String) value.getClass().getMethod("torchName").invoke(value);
      } catch (ReflectiveOperationException e) {
        return value.name();
      }
    }

    @Override
    protected String formula() {
      return timm.formula() + "\n"
          + "lr(0) = (warmup_t != 0 ? warmup_lr_init : base_lr) * lr_scale\n"
          + "lr(t) = noised(_get_lr(t), t) * lr_scale   for t >= 1 (t counts the optimizer's steps)";
    }

    @Override
    protected CodeBlock prologue(String t) {
      if (noiseRange == null || t.equals(ZERO)) {
        return CodeBlock.of("");
      }
      CodeBlock applies = CodeBlock.of("$T.applies($L, $N)", NOISE, t, noiseRange);
      if (!t.equals(NEXT)) {
        applies = CodeBlock.of("$L != 0 && $L", t, applies);
      }
      return CodeBlock.of("double $N = $L ? $T.normal($N + $L, $N, $N) : 0.0;\n", local("noise"), applies, NOISE,
          noiseSeed, t, noisePct, noiseStd);
    }

    /** Its rate is checked once, by the caller: {@code lrAt} checks what it returns. */
    @Override
    protected CodeBlock lr(String t, String g) {
      return rate(t, g, false);
    }

    /** Stepping moves the scheduler's {@link TimmCycle}; every other reader computes the cycle afresh. */
    @Override
    protected CodeBlock ratesAt(String t) {
      return CodeBlock.builder()
          .add(prologue(t))
          .beginControlFlow("for (int g = 0; g < lrs.length; g++)")
          .addStatement("lrs[g] = $L", checked(rate(t, "g", cycle != null), t))
          .endControlFlow()
          .build();
    }

    private CodeBlock checked(CodeBlock rate, String t) {
      return CodeBlock.of("$T.rate($L, $S, $L)", Emitter.CHECKS, rate, schedule.torchName(), scheduleStep(t));
    }

    private CodeBlock rate(String t, String g, boolean stepped) {
      CodeBlock initial = CodeBlock.of("$T.scaled($T.initial($N, $N, $N[$L]), $N[$L])", TIMM, TIMM, warmupT,
          warmupLrInit, base, g, lrScale, g);
      CodeBlock.Builder call = CodeBlock.builder().add("$T.lr(", ClassName.get(timm.math()));
      if (stepped) {
        call.add("$N, ", cycle);
      }
      for (CodeBlock name : stepped ? cycleNames : names) {
        call.add("$L, ", name);
      }
      CodeBlock value = call.add("$N[$L], $L)", base, g, t).build();
      if (noiseRange != null) {
        value = CodeBlock.of("$T.noised($L, $N)", NOISE, value, local("noise"));
      }
      return atZero(t, initial, CodeBlock.of("$T.scaled($L, $N[$L])", TIMM, value, lrScale, g));
    }

    @Override
    protected CodeBlock chain(String lr, String t, String g) {
      throw new IllegalStateException(schedule.torchName() + " is not combined");
    }

    @Override
    protected CodeBlock checkSavedRates(String rates, String t) {
      return CodeBlock.builder()
          .beginControlFlow("try")
          .add(prologue(t))
          .beginControlFlow("for (int g = 0; g < $N.length; g++)", rates)
          .addStatement("in.near($S + g, $N[g], $L, 0.0, 0)", "the rate of group ", rates, checked(lr(t, "g"), t))
          .endControlFlow()
          .nextControlFlow("catch ($T e)", ArithmeticException.class)
          .addStatement("throw in.refusedBy(e)")
          .endControlFlow()
          .build();
    }
  }
}

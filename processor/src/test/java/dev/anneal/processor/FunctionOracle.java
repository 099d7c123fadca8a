package dev.anneal.processor;

import static dev.anneal.processor.ConfigSource.lit;
import static dev.anneal.processor.Draws.between;
import static dev.anneal.processor.Draws.chance;
import static dev.anneal.processor.Draws.pick;
import static dev.anneal.processor.Draws.uniform;

import dev.anneal.ScheduleType;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.OutcomeOracle.Rule;
import dev.anneal.processor.OutcomeOracle.Verdict;
import dev.anneal.processor.TypeOracle.Taken;
import java.util.Random;

/**
 * What the random configs know of the schedules of Keras and optax, shared by their
 * {@link TypeOracle} constants: their attributes and rules, configs a user would write, the
 * reference's refusals, and plain ports of the references' functions, each written after the
 * reference's own code (the group's initial rate as its base value), apart from the runtime's.
 */
final class FunctionOracle {
  private FunctionOracle() {}

  // ---------------------------------------------------------------------------------------------
  // Keras: keras/src/optimizers/schedules/learning_rate_schedule.py, in float64.

  static Taken[] kerasDecay() {
    return new Taken[] {TypeOracle.required("decaySteps", Rule.POSITIVE, TypeOracle::notPositive),
        TypeOracle.required("decayRate"), TypeOracle.optional("staircase")};
  }

  static Taken[] kerasPiecewise() {
    return new Taken[] {TypeOracle.required("boundaries"), TypeOracle.required("values", Rule.FINITE, null)};
  }

  static Taken[] kerasPolynomial() {
    return new Taken[] {TypeOracle.required("decaySteps", Rule.POSITIVE, TypeOracle::notPositive),
        TypeOracle.optional("endLearningRate"), TypeOracle.optional("power"), TypeOracle.optional("cycle")};
  }

  static Taken[] kerasCosine() {
    return new Taken[] {TypeOracle.required("decaySteps", Rule.POSITIVE, TypeOracle::notPositive),
        TypeOracle.optional("alpha"), TypeOracle.optional("warmupTarget"), TypeOracle.optional("warmupSteps")};
  }

  static Taken[] kerasRestarts() {
    return new Taken[] {TypeOracle.required("firstDecaySteps", Rule.POSITIVE, TypeOracle::notPositive),
        TypeOracle.optional("tMul"), TypeOracle.optional("mMul"), TypeOracle.optional("alpha")};
  }

  private static int steps(Random r) {
    return pick(r, 1, between(r, 1, 20), between(r, 20, 500));
  }

  static void sensibleDecay(Random r, Member m) {
    int decaySteps = steps(r);
    m.put("decaySteps", lit(r, decaySteps), decaySteps);
    double rate = pick(r, 0.5, 0.9, 0.96, uniform(r, 0, 1), 0.0, 2.0);
    m.put("decayRate", lit(r, rate), rate);
    if (chance(r, 0.5)) {
      boolean staircase = r.nextBoolean();
      m.put("staircase", Boolean.toString(staircase), staircase);
    }
  }

  static void sensiblePiecewise(Random r, Member m) {
    int[] boundaries = new int[pick(r, 1, 2, between(r, 1, 6))];
    double[] values = new double[boundaries.length + 1];
    int at = pick(r, 0, between(r, 0, 20));
    values[0] = pick(r, 0.1, 1.0, uniform(r, 0, 1));
    for (int i = 0; i < boundaries.length; i++) {
      boundaries[i] = at;
      // A boundary written twice, or out of order: the reference adds up the intervals that hold the step.
      at += chance(r, 0.1) ? pick(r, 0, -between(r, 1, 5)) : between(r, 1, 100);
      values[i + 1] = pick(r, values[i] * 0.1, values[i] * 0.5, uniform(r, 0, 1));
    }
    m.put("boundaries", lit(r, boundaries), boundaries);
    m.put("values", lit(r, values), values);
  }

  static void sensiblePolynomial(Random r, Member m) {
    int decaySteps = steps(r);
    m.put("decaySteps", lit(r, decaySteps), decaySteps);
    if (chance(r, 0.6)) {
      double end = pick(r, 0.0, 1e-4, uniform(r, 0, 1e-2));
      m.put("endLearningRate", lit(r, end), end);
    }
    if (chance(r, 0.6)) {
      double power = pick(r, 1.0, 2.0, 0.5, uniform(r, 0.1, 4));
      m.put("power", lit(r, power), power);
    }
    if (chance(r, 0.5)) {
      boolean cycle = r.nextBoolean();
      m.put("cycle", Boolean.toString(cycle), cycle);
    }
  }

  static void sensibleCosine(Random r, Member m) {
    int decaySteps = steps(r);
    m.put("decaySteps", lit(r, decaySteps), decaySteps);
    if (chance(r, 0.5)) {
      double alpha = pick(r, 0.0, 0.1, uniform(r, 0, 1));
      m.put("alpha", lit(r, alpha), alpha);
    }
    if (chance(r, 0.5)) {
      double target = pick(r, 0.1, 1.0, uniform(r, 0, 1));
      m.put("warmupTarget", lit(r, target), target);
    }
    if (chance(r, 0.5)) {
      int warmupSteps = pick(r, 0, between(r, 1, 50));
      m.put("warmupSteps", lit(r, warmupSteps), warmupSteps);
    }
  }

  static void sensibleRestarts(Random r, Member m) {
    int first = steps(r);
    m.put("firstDecaySteps", lit(r, first), first);
    if (chance(r, 0.6)) {
      double tMul = pick(r, 1.0, 2.0, 1.5, uniform(r, 1, 3));
      m.put("tMul", lit(r, tMul), tMul);
    }
    if (chance(r, 0.6)) {
      double mMul = pick(r, 1.0, 0.5, 0.9, uniform(r, 0, 1));
      m.put("mMul", lit(r, mMul), mMul);
    }
    if (chance(r, 0.5)) {
      double alpha = pick(r, 0.0, 0.01, uniform(r, 0, 1));
      m.put("alpha", lit(r, alpha), alpha);
    }
  }

  /** The reference's ValueError on lists of lengths that do not fit, and an empty list, which it indexes. */
  static void judgePiecewise(Member m, Verdict verdict) {
    if (m.value("boundaries") instanceof int[] boundaries && m.value("values") instanceof double[] values
        && (boundaries.length == 0 || boundaries.length != values.length - 1)) {
      verdict.error("invalid-value");
    }
  }

  static PlainPyTorch.PureFunction exponential(Member m, PlainPyTorch.Optimizer o) {
    double decaySteps = m.i("decaySteps", 0);
    double decayRate = m.d("decayRate", 0);
    boolean staircase = m.b("staircase", false);
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double p = (double) t / decaySteps;
      if (staircase) {
        p = Math.floor(p);
      }
      return lr * Math.pow(decayRate, p);
    });
  }

  static PlainPyTorch.PureFunction inverseTime(Member m, PlainPyTorch.Optimizer o) {
    double decaySteps = m.i("decaySteps", 0);
    double decayRate = m.d("decayRate", 0);
    boolean staircase = m.b("staircase", false);
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double p = (double) t / decaySteps;
      if (staircase) {
        p = Math.floor(p);
      }
      return lr / (1.0 + decayRate * p);
    });
  }

  static PlainPyTorch.PureFunction piecewise(Member m, PlainPyTorch.Optimizer o) {
    int[] boundaries = (int[]) m.value("boundaries");
    double[] values = (double[]) m.value("values");
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double result = 0.0;
      result += (t <= boundaries[0] ? 1 : 0) * values[0];
      result += (t > boundaries[boundaries.length - 1] ? 1 : 0) * values[values.length - 1];
      for (int i = 0; i + 1 < boundaries.length; i++) {
        result += (boundaries[i] < t && t <= boundaries[i + 1] ? 1 : 0) * values[i + 1];
      }
      return result;
    });
  }

  static PlainPyTorch.PureFunction polynomial(Member m, PlainPyTorch.Optimizer o) {
    int decaySteps = m.i("decaySteps", 0);
    double end = m.d("endLearningRate", 0.0001);
    double power = m.d("power", 1.0);
    boolean cycle = m.b("cycle", false);
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double step = t;
      double steps = decaySteps;
      if (cycle) {
        steps = steps * (step == 0 ? 1.0 : Math.ceil(step / decaySteps));
      } else {
        step = Math.min(step, steps);
      }
      return (lr - end) * Math.pow(1 - step / steps, power) + end;
    });
  }

  static PlainPyTorch.PureFunction cosine(Member m, PlainPyTorch.Optimizer o) {
    double decaySteps = m.i("decaySteps", 0);
    double alpha = m.d("alpha", 0.0);
    Double target = m.value("warmupTarget") instanceof Double d ? d : null;
    double warmupSteps = m.i("warmupSteps", 0);
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double from = lr;
      double step = Math.min(t, target == null ? decaySteps : decaySteps + warmupSteps);
      if (target != null) {
        if (step < warmupSteps) {
          return (target - lr) * (step / warmupSteps) + lr;
        }
        step -= warmupSteps;
        from = target;
      }
      double cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * (step / decaySteps)));
      return from * ((1 - alpha) * cosineDecayed + alpha);
    });
  }

  static PlainPyTorch.PureFunction restarts(Member m, PlainPyTorch.Optimizer o) {
    double first = m.i("firstDecaySteps", 0);
    double tMul = m.d("tMul", 2.0);
    double mMul = m.d("mMul", 1.0);
    double alpha = m.d("alpha", 0.0);
    return new PlainPyTorch.PureFunction(o, (lr, t) -> {
      double fraction = t / first;
      double restart;
      if (tMul == 1.0) {
        restart = Math.floor(fraction);
        fraction -= restart;
      } else {
        restart = Math.floor(Math.log(1.0 - fraction * (1.0 - tMul)) / Math.log(tMul));
        double sum = (1.0 - Math.pow(tMul, restart)) / (1.0 - tMul);
        fraction = (fraction - sum) / Math.pow(tMul, restart);
      }
      double cosineDecayed = 0.5 * Math.pow(mMul, restart) * (1.0 + Math.cos(Math.PI * fraction));
      return lr * ((1 - alpha) * cosineDecayed + alpha);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // optax: optax/schedules/_schedule.py and _join.py, in float64.

  private static Taken base(String name) {
    return TypeOracle.optional(name);
  }

  static Taken[] optaxConstant() {
    return new Taken[] {base("value")};
  }

  static Taken[] optaxLinear() {
    return new Taken[] {base("initValue"), TypeOracle.required("endValue"), TypeOracle.required("transitionSteps"),
        TypeOracle.optional("transitionBegin")};
  }

  static Taken[] optaxPolynomial() {
    return new Taken[] {base("initValue"), TypeOracle.required("endValue"), TypeOracle.required("power"),
        TypeOracle.required("transitionSteps"), TypeOracle.optional("transitionBegin")};
  }

  static Taken[] optaxExponential() {
    return new Taken[] {base("initValue"), TypeOracle.required("transitionSteps"), TypeOracle.required("decayRate"),
        TypeOracle.optional("transitionBegin"), TypeOracle.optional("staircase"), TypeOracle.optional("endValue")};
  }

  static Taken[] optaxCosine() {
    return new Taken[] {base("initValue"), TypeOracle.required("decaySteps", Rule.POSITIVE, TypeOracle::notPositive),
        TypeOracle.optional("alpha"), TypeOracle.optional("exponent")};
  }

  static Taken[] optaxWarmupCosine() {
    return new Taken[] {TypeOracle.required("initValue"), base("peakValue"), TypeOracle.required("warmupSteps"),
        TypeOracle.required("decaySteps"), TypeOracle.optional("endValue"), TypeOracle.optional("exponent")};
  }

  static Taken[] optaxWarmupExponential() {
    return new Taken[] {TypeOracle.required("initValue"), base("peakValue"), TypeOracle.required("warmupSteps"),
        TypeOracle.required("transitionSteps"), TypeOracle.required("decayRate"),
        TypeOracle.optional("transitionBegin"), TypeOracle.optional("staircase"), TypeOracle.optional("endValue")};
  }

  static Taken[] optaxWarmupConstant() {
    return new Taken[] {TypeOracle.required("initValue"), base("peakValue"), TypeOracle.required("warmupSteps")};
  }

  static Taken[] optaxPiecewise(boolean interpolate) {
    Taken[] common = {base("initValue"), TypeOracle.optional("boundaries"),
        TypeOracle.optional("scales", Rule.FINITE, null)};
    if (!interpolate) {
      return common;
    }
    return new Taken[] {TypeOracle.required("interpolateType"), common[0], common[1], common[2]};
  }

  static Taken[] optaxOnecycle(boolean linear) {
    return linear
        ? new Taken[] {TypeOracle.required("transitionSteps"), base("peakValue"), TypeOracle.optional("pctStart"),
            TypeOracle.optional("pctFinal"), TypeOracle.optional("divFactor"), TypeOracle.optional("finalDivFactor")}
        : new Taken[] {TypeOracle.required("transitionSteps"), base("peakValue"), TypeOracle.optional("pctStart"),
            TypeOracle.optional("divFactor"), TypeOracle.optional("finalDivFactor")};
  }

  private static void maybe(Random r, Member m, String name, double... choices) {
    if (chance(r, 0.5)) {
      double v = choices[r.nextInt(choices.length)];
      m.put(name, lit(r, v), v);
    }
  }

  private static void put(Random r, Member m, String name, int v) {
    m.put(name, lit(r, v), v);
  }

  private static void put(Random r, Member m, String name, double v) {
    m.put(name, lit(r, v), v);
  }

  static void sensibleOptax(Random r, Member m) {
    switch (m.type) {
      case OPTAX_CONSTANT -> maybe(r, m, "value", 0.1, 0.01, uniform(r, 0, 1));
      case OPTAX_LINEAR, OPTAX_POLYNOMIAL -> {
        maybe(r, m, "initValue", 0.1, 0.0, uniform(r, 0, 1));
        put(r, m, "endValue", pick(r, 0.0, 1e-3, uniform(r, 0, 1)));
        if (m.type == ScheduleType.OPTAX_POLYNOMIAL) {
          put(r, m, "power", pick(r, 1.0, 2.0, 0.5, uniform(r, 0.1, 4)));
        }
        put(r, m, "transitionSteps", pick(r, steps(r), 0, -between(r, 1, 5)));
        if (chance(r, 0.4)) {
          put(r, m, "transitionBegin", pick(r, between(r, 0, 30), -between(r, 1, 5)));
        }
      }
      case OPTAX_EXPONENTIAL_DECAY, OPTAX_WARMUP_EXPONENTIAL_DECAY -> {
        if (m.type == ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY) {
          warmup(r, m);
        } else {
          maybe(r, m, "initValue", 0.1, uniform(r, 0, 1));
        }
        put(r, m, "transitionSteps", pick(r, steps(r), 0));
        put(r, m, "decayRate", pick(r, 0.5, 0.9, uniform(r, 0, 1), 0.0, 1.5));
        if (chance(r, 0.4)) {
          put(r, m, "transitionBegin", pick(r, between(r, 0, 30), -between(r, 1, 5)));
        }
        if (chance(r, 0.4)) {
          boolean staircase = r.nextBoolean();
          m.put("staircase", Boolean.toString(staircase), staircase);
        }
        maybe(r, m, "endValue", 1e-3, 0.0, uniform(r, 0, 0.5));
      }
      case OPTAX_COSINE_DECAY -> {
        maybe(r, m, "initValue", 0.1, uniform(r, 0, 1));
        put(r, m, "decaySteps", steps(r));
        maybe(r, m, "alpha", 0.0, 0.1, uniform(r, 0, 1));
        maybe(r, m, "exponent", 1.0, 2.0, uniform(r, 0.5, 3));
      }
      case OPTAX_WARMUP_COSINE_DECAY -> {
        warmup(r, m);
        put(r, m, "decaySteps", m.i("warmupSteps", 0) + steps(r));
        maybe(r, m, "endValue", 0.0, 1e-3, uniform(r, 0, 0.01));
        maybe(r, m, "exponent", 1.0, 2.0);
      }
      case OPTAX_WARMUP_CONSTANT -> warmup(r, m);
      case OPTAX_PIECEWISE_CONSTANT, OPTAX_PIECEWISE_INTERPOLATE -> {
        if (m.type == ScheduleType.OPTAX_PIECEWISE_INTERPOLATE) {
          String type = pick(r, "LINEAR", "COSINE");
          m.put("interpolateType", "OptaxInterpolateType." + type, type);
        }
        maybe(r, m, "initValue", 0.1, 1.0, uniform(r, 0, 1));
        int count = pick(r, 0, 1, 2, between(r, 1, 6));
        if (count > 0 || chance(r, 0.3)) {
          int[] boundaries = new int[count];
          double[] scales = new double[count];
          int at = pick(r, 0, between(r, 1, 50));
          for (int i = 0; i < count; i++) {
            boundaries[i] = at;
            at += between(r, 1, 100);
            scales[i] = pick(r, 0.1, 0.5, 2.0, 0.0, uniform(r, 0, 2));
          }
          // The dict's order does not matter: the reference sorts it.
          if (count > 1 && chance(r, 0.3)) {
            int last = boundaries[count - 1];
            boundaries[count - 1] = boundaries[0];
            boundaries[0] = last;
            double scale = scales[count - 1];
            scales[count - 1] = scales[0];
            scales[0] = scale;
          }
          m.put("boundaries", lit(r, boundaries), boundaries);
          m.put("scales", lit(r, scales), scales);
        }
      }
      case OPTAX_LINEAR_ONECYCLE, OPTAX_COSINE_ONECYCLE -> {
        put(r, m, "transitionSteps", pick(r, steps(r), 1, 2));
        maybe(r, m, "peakValue", 0.1, 1.0, uniform(r, 0, 1));
        maybe(r, m, "pctStart", 0.3, 0.29, uniform(r, 0, 1));
        if (m.type == ScheduleType.OPTAX_LINEAR_ONECYCLE) {
          maybe(r, m, "pctFinal", 0.85, uniform(r, 0, 1));
        }
        maybe(r, m, "divFactor", 25.0, 10.0, uniform(r, 1, 100));
        maybe(r, m, "finalDivFactor", 1e4, 100.0, uniform(r, 1, 1e4));
      }
      default -> throw new AssertionError(m.type);
    }
  }

  private static void warmup(Random r, Member m) {
    put(r, m, "initValue", pick(r, 0.0, 1e-4, uniform(r, 0, 1)));
    maybe(r, m, "peakValue", 0.1, 0.01, uniform(r, 0, 1));
    put(r, m, "warmupSteps", pick(r, 0, between(r, 1, 50)));
  }

  /** The reference's ValueErrors, and lists no dict can be. */
  static void judgeOptax(Member m, Verdict verdict) {
    switch (m.type) {
      case OPTAX_WARMUP_COSINE_DECAY -> {
        if (m.has("warmupSteps") && m.has("decaySteps") && m.i("decaySteps", 0) - m.i("warmupSteps", 0) <= 0) {
          verdict.error("invalid-value");
        }
      }
      case OPTAX_PIECEWISE_CONSTANT, OPTAX_PIECEWISE_INTERPOLATE -> {
        int[] boundaries = m.value("boundaries") instanceof int[] b ? b : new int[0];
        double[] scales = m.value("scales") instanceof double[] s ? s : new double[0];
        if (boundaries.length != scales.length
            || java.util.Arrays.stream(boundaries).distinct().count() != boundaries.length
            || java.util.Arrays.stream(scales).anyMatch(s -> !(s >= 0))) {
          verdict.error("invalid-value");
        }
      }
      case OPTAX_LINEAR_ONECYCLE, OPTAX_COSINE_ONECYCLE -> {
        if (m.has("transitionSteps") && m.i("transitionSteps", 0) <= 0) {
          verdict.error("invalid-value");
        } else {
          double div = m.d("divFactor", 25.0);
          double fdiv = m.d("finalDivFactor", 1e4);
          double last = m.type == ScheduleType.OPTAX_LINEAR_ONECYCLE ? 1.0 / fdiv : 1.0 / (div * fdiv);
          if (!(div >= 0) || !(1.0 / div >= 0) || !(last >= 0)) {
            verdict.error("invalid-value");
          }
        }
      }
      default -> { }
    }
  }

  /** The group's rate, or the base value the member writes. */
  private static double baseOf(Member m, String name, double lr) {
    return m.value(name) instanceof Double d ? d : lr;
  }

  static double polynomial(double init, double end, double power, int steps, int begin, long count) {
    if (steps <= 0) {
      return init;
    }
    if (begin < 0) {
      begin = 0;
    }
    long c = Math.min(Math.max(count - begin, 0), steps);
    double frac = 1 - (double) c / steps;
    return (init - end) * Math.pow(frac, power) + end;
  }

  static double exponential(double init, int steps, double rate, int begin, boolean staircase, Double end,
      long count) {
    if (steps <= 0 || rate == 0) {
      return init;
    }
    if (begin < 0) {
      begin = 0;
    }
    long decreased = count - begin;
    double p = (double) decreased / steps;
    if (staircase) {
      p = Math.floor(p);
    }
    double value = decreased <= 0 ? init : init * Math.pow(rate, p);
    if (end != null) {
      value = rate < 1.0 ? Math.max(value, end) : Math.min(value, end);
    }
    return value;
  }

  static double cosine(double init, int decaySteps, double alpha, double exponent, long count) {
    double c = Math.min((double) count, decaySteps);
    double cosineDecay = 0.5 * (1 + Math.cos(Math.PI * c / decaySteps));
    return init * ((1 - alpha) * Math.pow(cosineDecay, exponent) + alpha);
  }

  /** piecewise_interpolate_schedule over a dict of sorted distinct keys. */
  static double interpolate(boolean cosine, double init, int[] keys, double[] scales, long count) {
    long[] bounds = new long[keys.length + 1];
    double[] values = new double[keys.length + 1];
    values[0] = init;
    for (int i = 0; i < keys.length; i++) {
      bounds[i + 1] = keys[i];
      values[i + 1] = values[i] * scales[i];
    }
    double dot = 0;
    for (int i = 0; i < keys.length; i++) {
      boolean indicator = bounds[i] <= count && count < bounds[i + 1];
      double pct = (double) (count - bounds[i]) / Math.max(bounds[i + 1] - bounds[i], 1);
      double start = values[i];
      double end = values[i + 1];
      double interp = cosine ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
      dot += (indicator ? 1 : 0) * interp;
    }
    return dot + (bounds[keys.length] <= count ? 1 : 0) * values[keys.length];
  }

  /** A Python dict written key by key, then its items sorted: keys in row 0, values in row 1. */
  private static Object[] dict(int[] keys, double[] values) {
    java.util.LinkedHashMap<Integer, Double> dict = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      dict.put(keys[i], values[i]);
    }
    java.util.TreeMap<Integer, Double> sorted = new java.util.TreeMap<>(dict);
    return new Object[] {sorted.keySet().stream().mapToInt(Integer::intValue).toArray(),
        sorted.values().stream().mapToDouble(Double::doubleValue).toArray()};
  }

  static PlainPyTorch.PureFunction optax(Member m, PlainPyTorch.Optimizer o) {
    switch (m.type) {
      case OPTAX_CONSTANT:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> baseOf(m, "value", lr));
      case OPTAX_LINEAR:
      case OPTAX_POLYNOMIAL: {
        double power = m.type == ScheduleType.OPTAX_LINEAR ? 1.0 : m.d("power", 1.0);
        return new PlainPyTorch.PureFunction(o, (lr, t) -> polynomial(baseOf(m, "initValue", lr), m.d("endValue", 0),
            power, m.i("transitionSteps", 0), m.i("transitionBegin", 0), t));
      }
      case OPTAX_EXPONENTIAL_DECAY:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> exponential(baseOf(m, "initValue", lr),
            m.i("transitionSteps", 0), m.d("decayRate", 0), m.i("transitionBegin", 0), m.b("staircase", false),
            m.value("endValue") instanceof Double d ? d : null, t));
      case OPTAX_COSINE_DECAY:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> cosine(baseOf(m, "initValue", lr), m.i("decaySteps", 0),
            m.d("alpha", 0.0), m.d("exponent", 1.0), t));
      case OPTAX_WARMUP_COSINE_DECAY:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> {
          double peak = baseOf(m, "peakValue", lr);
          int warmup = m.i("warmupSteps", 0);
          if (t < warmup) {
            return polynomial(m.d("initValue", 0), peak, 1.0, warmup, 0, t);
          }
          double end = m.d("endValue", 0.0);
          double alpha = peak == 0.0 ? 0.0 : end / peak;
          return cosine(peak, m.i("decaySteps", 0) - warmup, alpha, m.d("exponent", 1.0), t - warmup);
        });
      case OPTAX_WARMUP_EXPONENTIAL_DECAY:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> {
          double peak = baseOf(m, "peakValue", lr);
          int warmup = m.i("warmupSteps", 0);
          if (t < warmup) {
            return polynomial(m.d("initValue", 0), peak, 1.0, warmup, 0, t);
          }
          return exponential(peak, m.i("transitionSteps", 0), m.d("decayRate", 0), m.i("transitionBegin", 0),
              m.b("staircase", false), m.value("endValue") instanceof Double d ? d : null, t - warmup);
        });
      case OPTAX_WARMUP_CONSTANT:
        return new PlainPyTorch.PureFunction(o, (lr, t) -> polynomial(m.d("initValue", 0),
            baseOf(m, "peakValue", lr), 1.0, m.i("warmupSteps", 0), 0, t));
      case OPTAX_PIECEWISE_CONSTANT:
      case OPTAX_PIECEWISE_INTERPOLATE: {
        int[] boundaries = m.value("boundaries") instanceof int[] b ? b : new int[0];
        double[] scales = m.value("scales") instanceof double[] s ? s : new double[0];
        Object[] sorted = dict(boundaries, scales);
        int[] keys = (int[]) sorted[0];
        double[] values = (double[]) sorted[1];
        if (m.type == ScheduleType.OPTAX_PIECEWISE_CONSTANT) {
          return new PlainPyTorch.PureFunction(o, (lr, t) -> {
            double v = baseOf(m, "initValue", lr);
            for (int i = 0; i < keys.length; i++) {
              double indicator = Math.max(0.0, Math.signum((double) (keys[i] - t)));
              v = v * indicator + (1 - indicator) * values[i] * v;
            }
            return v;
          });
        }
        boolean cosine = "COSINE".equals(m.e("interpolateType", "LINEAR"));
        return new PlainPyTorch.PureFunction(o, (lr, t) -> interpolate(cosine, baseOf(m, "initValue", lr), keys,
            values, t));
      }
      case OPTAX_LINEAR_ONECYCLE:
      case OPTAX_COSINE_ONECYCLE: {
        int steps = m.i("transitionSteps", 0);
        double pctStart = m.d("pctStart", 0.3);
        double div = m.d("divFactor", 25.0);
        double fdiv = m.d("finalDivFactor", 1e4);
        boolean linear = m.type == ScheduleType.OPTAX_LINEAR_ONECYCLE;
        Object[] sorted = linear
            ? dict(new int[] {(int) (pctStart * steps), (int) (m.d("pctFinal", 0.85) * steps), steps},
                new double[] {div, 1.0 / div, 1.0 / fdiv})
            : dict(new int[] {(int) (pctStart * steps), steps}, new double[] {div, 1.0 / (div * fdiv)});
        return new PlainPyTorch.PureFunction(o, (lr, t) -> interpolate(!linear, baseOf(m, "peakValue", lr) / div,
            (int[]) sorted[0], (double[]) sorted[1], t));
      }
      default:
        throw new AssertionError(m.type);
    }
  }
}

package dev.anneal.processor;

import static dev.anneal.processor.ConfigDescription.SHAPES;
import static dev.anneal.processor.ConfigSource.lit;
import static dev.anneal.processor.ConfigSource.modeSource;
import static dev.anneal.processor.ConfigSource.names;
import static dev.anneal.processor.Draws.between;
import static dev.anneal.processor.Draws.chance;
import static dev.anneal.processor.Draws.pick;
import static dev.anneal.processor.Draws.pickWeighted;
import static dev.anneal.processor.Draws.rate;
import static dev.anneal.processor.Draws.uniform;

import dev.anneal.ScheduleType;
import dev.anneal.processor.ConfigDescription.Attr;
import dev.anneal.processor.ConfigDescription.Bound;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Expect;
import dev.anneal.processor.ConfigDescription.Fn;
import dev.anneal.processor.ConfigDescription.Kind;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.Method;
import dev.anneal.processor.ConfigDescription.ScaleFn;
import dev.anneal.processor.ConfigDescription.Shape;
import dev.anneal.processor.ConfigDescription.Warmup;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random {@code @Schedule} configs as a user could write them, as PyTorch runs them to surprising
 * numbers, with values of the wrong type, or thrown together; each with what the processor must
 * make of it and, for those that run, the initial rates, steps and metrics to run them with; some
 * with a {@code @Warmup} in front, written or bound. Broken configs, with one mistake of a known
 * tag, are {@link ConfigMutator}'s.
 */
final class ConfigGenerator {
  private ConfigGenerator() {}

  // ---------------------------------------------------------------------------------------------
  // Sensible configs: what a user would write, every value within its documented range.

  /** Where a member stands: alone, or first or later in a combination. */
  enum Role { ALONE, SEQUENTIAL_FIRST, SEQUENTIAL_LATER, CHAINED_FIRST, CHAINED_LATER }

  private static final List<ScheduleType> COMBINABLE = Arrays.stream(TypeOracle.values())
      .filter(oracle -> oracle.combining == TypeOracle.Combining.ANYWHERE)
      .map(oracle -> oracle.type).toList();

  /** The types a {@code @Sequential} may hold anywhere: optax's too. */
  private static final List<ScheduleType> SEQUENTIABLE = Arrays.stream(TypeOracle.values())
      .filter(oracle -> oracle.combining == TypeOracle.Combining.ANYWHERE
          || oracle.combining == TypeOracle.Combining.SEQUENTIAL)
      .map(oracle -> oracle.type).toList();

  /**
   * A config a user could write: one schedule, or a combination of two or three. {@code warnings}
   * lets it use values the processor warns about.
   */
  static Config sensible(Random r, String name, boolean warnings) {
    Config config = new Config(name);
    config.groups = between(r, 1, 3);
    config.longRun = chance(r, 0.12);
    double kind = r.nextDouble();
    if (kind < 0.62) {
      ScheduleType type = pick(r, ScheduleType.values());
      config.members.add(member(r, config, type, Role.ALONE, warnings));
      config.recipe = "single " + type;
    } else {
      boolean sequential = kind < 0.82;
      int count = chance(r, 0.1) ? 1 : between(r, 2, 3);
      config.combinator = sequential ? Combinator.SEQUENTIAL : Combinator.CHAINED;
      for (int i = 0; i < count; i++) {
        ScheduleType type = i == 0 && chance(r, 0.15) ? ScheduleType.ONE_CYCLE
            : pick(r, sequential ? SEQUENTIABLE : COMBINABLE);
        Role role = sequential
            ? (i == 0 ? Role.SEQUENTIAL_FIRST : Role.SEQUENTIAL_LATER)
            : (i == 0 ? Role.CHAINED_FIRST : Role.CHAINED_LATER);
        config.members.add(member(r, config, type, role, warnings));
      }
      if (sequential) {
        config.milestones = new int[count - 1];
        int at = 0;
        for (int i = 0; i < count - 1; i++) {
          at += i == 0 && config.maxSteps < Long.MAX_VALUE
              ? between(r, 1, (int) Math.max(1, Math.min(config.maxSteps, 300))) : between(r, 1, 150);
          config.milestones[i] = at;
        }
        if (count > 1 && config.milestones[0] > 0 && config.maxSteps < Long.MAX_VALUE) {
          // OneCycleLR first must hand over before it runs out of steps.
          config.maxSteps = Long.MAX_VALUE;
        }
        if (count > 2 && chance(r, 0.05)) {
          config.milestones[count - 2] = Integer.MAX_VALUE;
        }
        config.milestonesSource = lit(r, config.milestones);
      }
      config.recipe = (sequential ? "@Sequential " : "@Chained ")
          + config.members.stream().map(m -> m.type.name()).collect(Collectors.joining(", "));
    }
    decorate(r, config);
    // A warm-up most of all in front of a schedule stepped with a metric, whose metric it must keep.
    if (mayWarmUp(config)
        && chance(r, TypeOracle.of(config.members.get(0).type).stepsWithMetric() ? 0.7 : 0.2)) {
      warmUp(r, config);
    }
    plan(r, config);
    Set<String> errors = new LinkedHashSet<>();
    config.expect = OutcomeOracle.classify(config, errors);
    if (config.expect != Expect.VALID && config.expect != Expect.WARNED) {
      throw new AssertionError("a sensible config judged " + config.expect + " " + errors + ": "
          + config.recipe + "\n" + String.join("\n", ConfigSource.lines(config)));
    }
    return config;
  }

  /**
   * A @Chained config of two or three schedules a user could write, with valid values and no value
   * the processor warns about on its own, run long: for the sign of chained rates.
   */
  static Config chained(Random r, String name) {
    Config config = new Config(name);
    config.groups = between(r, 1, 3);
    config.longRun = chance(r, 0.25);
    config.combinator = Combinator.CHAINED;
    int count = between(r, 2, 3);
    for (int i = 0; i < count; i++) {
      ScheduleType type = i == 0 && chance(r, 0.1) ? ScheduleType.ONE_CYCLE
          : chance(r, 0.35) ? ScheduleType.COSINE : pick(r, COMBINABLE);
      config.members.add(member(r, config, type, i == 0 ? Role.CHAINED_FIRST : Role.CHAINED_LATER, false));
    }
    config.recipe = "@Chained " + config.members.stream().map(m -> m.type.name()).collect(Collectors.joining(", "));
    plan(r, config);
    Set<String> errors = new LinkedHashSet<>();
    config.expect = OutcomeOracle.classify(config, errors);
    if (config.expect != Expect.VALID && config.expect != Expect.WARNED) {
      throw new AssertionError("a chained config judged " + config.expect + " " + errors + ": "
          + config.recipe + "\n" + String.join("\n", ConfigSource.lines(config)));
    }
    return config;
  }

  /** Varies how the config is declared, in ways that must not change anything. */
  private static void decorate(Random r, Config config) {
    double d = r.nextDouble();
    if (d < 0.1) {
      config.kind = Kind.RECORD;
    } else if (d < 0.14) {
      config.kind = Kind.GENERIC_CLASS;
    } else if (d < 0.2) {
      config.holder = "Holder" + config.name;
    }
    config.deprecated = chance(r, 0.03);
    config.qualified = chance(r, 0.08);
    config.explicitContainer = config.members.size() > 1 && chance(r, 0.15);
    for (Member member : config.members) {
      if (chance(r, 0.2)) {
        member.typeSource = "ScheduleType." + member.type.name();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Warm-ups: @Warmup in front of a config's schedules, written or bound.

  /**
   * Whether the documented rules let a sensible config take a {@code @Warmup}: in front of one
   * schedule or of {@code @Sequential}, not of OneCycleLR (which warms up itself) nor of a
   * LinearLR or PolynomialLR of {@code totalIters = 0} (which PyTorch cannot start at the warm-up's
   * end), with room for a step before the last milestone passes the largest int.
   */
  static boolean mayWarmUp(Config config) {
    if (config.members.isEmpty() || config.combinator == Combinator.CHAINED || config.combinator == Combinator.BOTH) {
      return false;
    }
    Member first = config.members.get(0);
    if (first.type == ScheduleType.ONE_CYCLE) {
      return false;
    }
    if ((first.type == ScheduleType.LINEAR || first.type == ScheduleType.POLYNOMIAL)
        && first.value("totalIters") instanceof Integer total && total == 0) {
      return false;
    }
    return mostWarmupSteps(config) >= 1;
  }

  /** The longest warm-up that keeps the last milestone of {@code @Sequential}, moved by it, an int. */
  static long mostWarmupSteps(Config config) {
    int[] milestones = config.milestones;
    boolean sequential = config.combinator == Combinator.SEQUENTIAL || config.combinator == Combinator.BOTH;
    if (!sequential || milestones.length == 0) {
      return Integer.MAX_VALUE;
    }
    return Math.min(Integer.MAX_VALUE, (long) Integer.MAX_VALUE - milestones[milestones.length - 1]);
  }

  /**
   * Puts a {@code @Warmup} in front of a config that {@link #mayWarmUp may take one}, as a user
   * would write it: a CyclicLR behind it then leaves the momentum alone, as the rules ask. Its
   * steps (in front of a single schedule) and start factor are sometimes bound, and now and then
   * to a value out of range, which the scheduler must refuse when it is built.
   */
  static void warmUp(Random r, Config config) {
    Member first = config.members.get(0);
    if (first.type == ScheduleType.CYCLIC && TypeOracle.of(first.type).cyclesMomentum(first)) {
      first.put("cycleMomentum", "false", false);
      first.attrs.remove("baseMomentum");
      first.attrs.remove("maxMomentum");
    }
    writeWarmup(r, config, true);
  }

  /**
   * Writes a {@code @Warmup} with values in range, whatever the config's schedules; binds its
   * steps or start factor now and then where {@code mayBind}.
   */
  static void writeWarmup(Random r, Config config, boolean mayBind) {
    Warmup warmup = new Warmup();
    config.warmup = warmup;
    int steps = (int) Math.max(1, Math.min(mostWarmupSteps(config), pickWeighted(r,
        () -> between(r, 1, 40), () -> between(r, 40, 1500), () -> pick(r, 1, 2, 100_000, Integer.MAX_VALUE))));
    if (mayBind && (config.combinator == Combinator.NONE || config.combinator == Combinator.SEQUENTIAL)
        && chance(r, 0.3)) {
      int bound = chance(r, 0.1) ? pick(r, 0, -1, Integer.MIN_VALUE) : steps;
      bind(r, config, "warmupSteps", "int", lit(r, bound), bound);
    } else {
      warmup.put("steps", lit(r, steps), steps);
    }
    double startFactor = pick(r, 0.0, -0.0, 0.1, 0.5, 1.0, uniform(r, 0, 1), Double.MIN_VALUE, Math.nextDown(1.0));
    if (mayBind && chance(r, 0.25)) {
      double bound = chance(r, 0.1)
          ? pick(r, Double.NaN, Double.POSITIVE_INFINITY, -0.5, -Double.MIN_VALUE, Math.nextUp(1.0), 2.0) : startFactor;
      bind(r, config, "warmupStartFactor", "double", lit(r, bound), bound);
    } else if (chance(r, 0.65)) {
      warmup.put("startFactor", lit(r, startFactor), startFactor);
    }
    if (chance(r, 0.6)) {
      String shape = pick(r, "LINEAR", "COSINE", "ONE_MINUS_SQRT");
      warmup.put("shape", (chance(r, 0.1) ? "dev.anneal." : "") + "WsdType." + shape, shape);
    }
    if (!config.bound.isEmpty() && config.kind == Kind.CLASS && chance(r, 0.6)) {
      config.kind = Kind.RECORD;
    }
  }

  /**
   * Binds {@code attribute} of {@code @Warmup} to a value of {@code javaType}, replacing what bound
   * it: a member of the attribute's name, or of another with the attribute named in {@code @Bind}.
   */
  static void bind(Random r, Config config, String attribute, String javaType, String source, Object value) {
    config.unbind(attribute);
    String member = attribute;
    String annotation = "Bind";
    if (chance(r, 0.25)) {
      member = attribute.equals("warmupSteps") ? "warmupLength" : "warmupFrom";
      annotation = pick(r, "Bind(\"" + attribute + "\")", "Bind(value = \"" + attribute + "\")");
    }
    config.bound.add(new Bound(attribute, member, annotation, javaType, source, value));
  }

  /** One schedule of a sensible config; adds the methods it names to the config. */
  private static Member member(Random r, Config config, ScheduleType type, Role role, boolean warnings) {
    Member m = new Member(type);
    TypeOracle.of(type).sensible(r, config, m, role, warnings);
    return m;
  }

  /** Initial rates, steps and metrics for running an accepted config. */
  static void plan(Random r, Config config) {
    int groups = config.groups;
    for (Member m : config.members) {
      for (Map.Entry<String, Attr> e : m.attrs.entrySet()) {
        if (SHAPES.get(e.getKey()) == Shape.FACTORS) {
          continue; // the schedule's own list, not one value per group
        }
        if (e.getValue().value() instanceof double[] list && list.length > 1) {
          groups = list.length;
        } else if (e.getValue().value() instanceof String[] list && list.length > 1) {
          groups = list.length;
        }
      }
    }
    config.groups = groups;
    config.initialLrs = new double[groups];
    for (int g = 0; g < groups; g++) {
      config.initialLrs[g] = chance(r, 0.05) ? 0.0 : rate(r);
    }
    long steps = config.longRun ? between(r, 1000, 5000)
        : chance(r, 0.7) ? between(r, 0, 300) : between(r, 300, 1000);
    config.steps = (int) Math.max(0, Math.min(steps, config.maxSteps));
    config.metrics = new double[config.steps];
    double metric = uniform(r, -1, 1);
    for (int t = 0; t < config.steps; t++) {
      double p = r.nextDouble();
      if (p < 0.4) {
        metric -= Math.abs(r.nextGaussian()) * 0.01;
      } else if (p < 0.7) {
        metric += Math.abs(r.nextGaussian()) * 0.01;
      } else if (p < 0.73) {
        config.metrics[t] = Double.NaN;
        continue;
      } else if (p < 0.735) {
        config.metrics[t] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        continue;
      }
      config.metrics[t] = metric;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Configs PyTorch runs to surprising numbers: accepted, and held to PyTorch's numbers only.

  static Config odd(Random r, String name) {
    while (true) {
      Config config = sensible(r, name, true);
      Member m = pick(r, config.members);
      String what = TypeOracle.of(m.type).odd(r, m);
      if (what != null) {
        config.recipe = "odd " + m.type + " (" + what + ")";
        Set<String> errors = new LinkedHashSet<>();
        Expect expect = OutcomeOracle.classify(config, errors);
        if (expect != Expect.VALID && expect != Expect.WARNED) {
          continue;
        }
        config.expect = Expect.ODD;
        return config;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mistyped configs: javac refuses them itself.

  /**
   * A value of the wrong type, no constant, a repeated attribute, a missing or unknown type:
   * javac reports it and runs no processor over the compilation unit at all, so such configs get
   * compilation units of their own.
   */
  static Config mistyped(Random r, String name) {
    Config config = sensible(r, name, r.nextBoolean());
    Member m = pick(r, config.members);
    String what;
    switch (r.nextInt(9)) {
      case 0: {
        String a = pick(r, "stepSize", "tMax", "t0", "totalIters", "stepSizeUp", "totalSteps", "patience");
        String text = pick(r, "2.5", "\"3\"", "3L", "Long.MAX_VALUE", "1 / 0", "true", "null",
            "Integer.valueOf(3)", "2147483648L", "{1, 2}", "Integer.MAX_VALUE * 2L", "1e10");
        m.put(a, text, null);
        what = a + " = " + text;
        break;
      }
      case 1: {
        String a = pick(r, "gamma", "etaMin", "factor", "pctStart", "eps", "power");
        String text = pick(r, "\"0.1\"", "true", "null", "Double.valueOf(0.5)", "{0.1, 0.2}",
            "Math.sqrt(2)", "ScheduleType.STEP", "Double.NaN + \"\"");
        m.put(a, text, null);
        what = a + " = " + text;
        break;
      }
      case 2: {
        String a = pick(r, "milestones", "baseLr", "maxLr", "minLr");
        String text = a.equals("milestones")
            ? pick(r, "{1.5}", "{\"a\"}", "1.5", "{1L}", "{Long.MAX_VALUE}", "{null}", "new int[] {1}")
            : pick(r, "{\"a\"}", "\"a\"", "{true}", "{1e-3, \"b\"}", "new double[] {0.1}", "{{0.1}}");
        m.put(a, text, null);
        what = a + " = " + text;
        break;
      }
      case 3: {
        String a = pick(r, "mode", "annealStrategy", "thresholdMode", "scaleMode", "cycleMomentum",
            "threePhase");
        String text = pick(r, "ThresholdMode.ABS", "1", "\"CYCLE\"", "null", "Boolean.TRUE",
            "Mode.SAWTOOTH", "ScheduleType.STEP");
        if (a.equals("thresholdMode") && text.startsWith("ThresholdMode.")) {
          text = "Mode.MIN";
        }
        m.put(a, text, null);
        what = a + " = " + text;
        break;
      }
      case 4: {
        String a = pick(r, "lrLambda", "scaleFn");
        String text = a.equals("lrLambda") ? pick(r, "5", "{1}", "null", "{\"a\", 2}")
            : pick(r, "1.0", "{\"a\", \"b\"}", "null", "'c'");
        m.put(a, text, null);
        what = a + " = " + text;
        break;
      }
      case 5: {
        String text = pick(r, "3", "\"STEP\"", "Mode.MIN", "null", "ScheduleType.valueOf(\"STEP\")",
            "SAWTOOTH", "ScheduleType.SAWTOOTH", null);
        m.typeSource = text;
        what = text == null ? "type left out" : "type = " + text;
        break;
      }
      case 7: {
        if (config.warmup == null) {
          writeWarmup(r, config, false);
        }
        String a = pick(r, "steps", "startFactor", "shape");
        String text = switch (a) {
          case "steps" -> pick(r, "2.5", "\"3\"", "3L", "true", "null", "{1, 2}", "WsdType.LINEAR", "1e3");
          case "startFactor" -> pick(r, "\"0.1\"", "true", "null", "Double.valueOf(0.5)", "{0.1}", "WsdType.COSINE");
          // LINEAR and COSINE alone are ScheduleType's, imported statically.
          default -> pick(r, "LINEAR", "COSINE", "\"COSINE\"", "1", "Mode.MIN", "null", "{WsdType.LINEAR}",
              "WsdType.SQRT");
        };
        config.warmup.put(a, text, null);
        what = "@Warmup " + a + " = " + text;
        break;
      }
      default: {
        // A type without attributes (HF_CONSTANT) has one written twice all the same, not its own.
        List<String> taken = TypeOracle.of(m.type).attributes();
        String a = pick(r, taken.isEmpty() ? ConfigDescription.ATTRIBUTES : taken);
        Attr any = m.has(a) ? m.attrs.get(a) : ConfigMutator.wellTyped(r, a);
        if (!m.has(a)) {
          m.attrs.put(a, any);
        }
        m.rawAttrs.add(a + " = " + any.source());
        what = a + " written twice";
        break;
      }
    }
    config.tags.clear();
    config.expect = Expect.INVALID;
    config.recipe = ConfigMutator.WRONG_TYPE + what;
    return config;
  }

  // ---------------------------------------------------------------------------------------------
  // Junk: attributes and values thrown together, each judged by the documented rules.

  static Config junk(Random r, String name) {
    Config config = new Config(name);
    int count = chance(r, 0.7) ? 1 : between(r, 0, 3);
    for (int i = 0; i < count; i++) {
      ScheduleType type = pick(r, ScheduleType.values());
      Member m = new Member(type);
      List<String> pool = chance(r, 0.7) ? TypeOracle.of(type).attributes() : ConfigDescription.ATTRIBUTES;
      for (String a : pool) {
        if (chance(r, 0.4)) {
          m.attrs.put(a, junkValue(r, config, a));
        }
      }
      config.members.add(m);
    }
    double c = r.nextDouble();
    if (c < 0.3) {
      config.combinator = Combinator.SEQUENTIAL;
      int[] milestones = new int[Math.max(0, count - 1 + (chance(r, 0.2) ? between(r, -1, 1) : 0))];
      for (int i = 0; i < milestones.length; i++) {
        milestones[i] = chance(r, 0.8) ? 5 * (i + 1) : pick(r, 0, -3, Integer.MAX_VALUE, Integer.MIN_VALUE);
      }
      config.milestones = milestones;
      config.milestonesSource = lit(r, milestones);
    } else if (c < 0.5) {
      config.combinator = Combinator.CHAINED;
    } else if (c < 0.53) {
      config.combinator = Combinator.BOTH;
      config.milestones = new int[Math.max(0, count - 1)];
      for (int i = 0; i < config.milestones.length; i++) {
        config.milestones[i] = 4 * (i + 1);
      }
      config.milestonesSource = lit(r, config.milestones);
    }
    if (chance(r, 0.2)) {
      Warmup warmup = new Warmup();
      if (chance(r, 0.8)) {
        int steps = pick(r, 0, 1, -1, 2, 7, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, between(r, 1, 50));
        warmup.put("steps", lit(r, steps), steps);
      }
      if (chance(r, 0.5)) {
        double startFactor = junkDouble(r);
        warmup.put("startFactor", lit(r, startFactor), startFactor);
      }
      if (chance(r, 0.4)) {
        String shape = pick(r, "LINEAR", "COSINE", "ONE_MINUS_SQRT");
        warmup.put("shape", "WsdType." + shape, shape);
      }
      config.warmup = warmup;
    }
    if (chance(r, 0.05)) {
      config.kind = pick(r, Kind.INTERFACE, Kind.ENUM, Kind.PRIVATE_CLASS, Kind.RECORD);
    }
    config.recipe = "junk";
    Expect expect = OutcomeOracle.classify(config, config.tags);
    config.expect = expect == Expect.VALID || expect == Expect.WARNED ? Expect.ACCEPTED : expect;
    return config;
  }

  private static Attr junkValue(Random r, Config config, String attribute) {
    switch (SHAPES.get(attribute)) {
      case INT: {
        int v = pick(r, 0, 1, -1, 2, 7, 100, 2000, Integer.MAX_VALUE, Integer.MIN_VALUE,
            between(r, -50, 50), between(r, 1, 1_000_000));
        return new Attr(lit(r, v), v);
      }
      case DOUBLE: {
        double v = junkDouble(r);
        return new Attr(lit(r, v), v);
      }
      case DOUBLES: {
        int length = pick(r, 0, 1, 1, 1, 2, 3, between(r, 1000, 3000));
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
          v[i] = length > 100 && chance(r, 0.999) ? 0.01 : junkDouble(r);
        }
        return new Attr(lit(r, v), v);
      }
      case FACTORS: {
        double[] v = new double[pick(r, 0, 1, 2, 3)];
        for (int i = 0; i < v.length; i++) {
          v[i] = junkDouble(r);
        }
        return new Attr(lit(r, v), v);
      }
      case INTS: {
        int length = pick(r, 0, 1, 3, between(r, 1000, 5000));
        int[] v = new int[length];
        for (int i = 0; i < length; i++) {
          v[i] = chance(r, 0.99) ? r.nextInt(5000) : pick(r, -1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE);
        }
        return new Attr(lit(r, v), v);
      }
      case BOOLEAN: {
        boolean v = r.nextBoolean();
        return new Attr(Boolean.toString(v), v);
      }
      case MODE: {
        String v = pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE", "MIN", "MAX");
        return new Attr(modeSource(r, v), v);
      }
      case SCALE_MODE: {
        String v = pick(r, "CYCLE", "ITERATIONS");
        return new Attr("ScaleMode." + v, v);
      }
      case ANNEAL: {
        String v = pick(r, "COS", "LINEAR");
        return new Attr("AnnealStrategy." + v, v);
      }
      case THRESHOLD_MODE: {
        String v = pick(r, "REL", "ABS");
        return new Attr("ThresholdMode." + v, v);
      }
      case WSD_TYPE: {
        String v = pick(r, "LINEAR", "COSINE", "ONE_MINUS_SQRT");
        return new Attr("WsdType." + v, v);
      }
      case TIMM_STABLE_FN: {
        String v = pick(r, "CONSTANT", "RSQRT", "POWER");
        return new Attr("TimmStableFn." + v, v);
      }
      case TIMM_NOISE_TYPE: {
        String v = pick(r, "NORMAL", "UNIFORM");
        return new Attr("TimmNoiseType." + v, v);
      }
      case TIMM_DECAY_FN: {
        String v = pick(r, "LINEAR", "ONE_MINUS_SQRT", "COSINE", "POWER", "EXP");
        return new Attr("TimmDecayFn." + v, v);
      }
      case OPTAX_INTERPOLATE_TYPE: {
        String v = pick(r, "LINEAR", "COSINE");
        return new Attr("OptaxInterpolateType." + v, v);
      }
      case NAME: {
        String v = junkMethod(r, config);
        return new Attr("\"" + v + "\"", v);
      }
      case NAMES: {
        String[] v = new String[pick(r, 0, 1, 1, 2, 3)];
        for (int i = 0; i < v.length; i++) {
          v[i] = junkMethod(r, config);
        }
        return new Attr(names(r, v), v);
      }
      default:
        throw new AssertionError(attribute);
    }
  }

  private static double junkDouble(Random r) {
    return pick(r, 0.0, -0.0, 1.0, -1.0, 0.5, 1e-4, 2.0, 25.0, 1e4, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        (double) Long.MAX_VALUE, (double) Integer.MIN_VALUE, Math.nextUp(1.0), Math.nextDown(1.0),
        uniform(r, -2, 2));
  }

  private static String junkMethod(Random r, Config config) {
    double p = r.nextDouble();
    if (p < 0.5) {
      Fn fn = pick(r, r.nextBoolean() ? ConfigMethods.LAMBDAS : ConfigMethods.MULTIPLIERS);
      config.methods.put(fn.name(), fn.method());
      return fn.name();
    } else if (p < 0.7) {
      ScaleFn fn = pick(r, ConfigMethods.SCALES);
      config.methods.put(fn.name(), fn.method());
      return fn.name();
    } else if (p < 0.9) {
      Method decoy = pick(r, ConfigMethods.DECOYS);
      config.methods.put(decoy.name(), decoy);
      return decoy.name();
    }
    return pick(r, "missing", "");
  }

}

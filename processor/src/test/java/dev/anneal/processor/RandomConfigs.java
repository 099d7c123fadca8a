package dev.anneal.processor;

import dev.anneal.ScheduleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Random {@code @Schedule} configs as source text, each with what the processor must make of it,
 * and the {@link PlainPyTorch} model of the accepted ones.
 *
 * <p>What is expected of a config is decided here from the rules the annotations document
 * ({@code Schedule}'s attributes, the README), written out again rather than read from the
 * processor's own tables, so that a rule the processor forgets or misapplies shows.
 */
final class RandomConfigs {
  private RandomConfigs() {}

  /** What the processor must make of a config. */
  enum Expect {
    /** Accepted without any diagnostic; its rates are finite and non-negative. */
    VALID,
    /** Accepted with warnings of the processor's on its own lines only; rates as for VALID. */
    WARNED,
    /** Accepted, like PyTorch, although its rates may be negative (a negative gamma, ...). */
    ODD,
    /** Accepted: no error on its lines. Not run, since it shares a compilation with errors. */
    ACCEPTED,
    /** Refusing and accepting are both right, for example where PyTorch fails only at its last step. */
    EITHER,
    /** At least one error on its lines. */
    INVALID
  }

  /** An attribute as written, and its value; the value is null where javac must refuse the text. */
  record Attr(String source, Object value) {}

  /** One {@code @Schedule}. */
  static final class Member {
    final ScheduleType type;
    /** The text after {@code type = }; null to leave {@code type} out. */
    String typeSource;
    final LinkedHashMap<String, Attr> attrs = new LinkedHashMap<>();
    /** Further {@code name = value} pairs written as they are: unknown or repeated attributes. */
    final List<String> rawAttrs = new ArrayList<>();

    Member(ScheduleType type) {
      this.type = type;
      this.typeSource = type.name();
    }

    Member put(String attribute, String source, Object value) {
      attrs.put(attribute, new Attr(source, value));
      return this;
    }

    boolean has(String attribute) {
      return attrs.containsKey(attribute);
    }

    Object value(String attribute) {
      Attr attr = attrs.get(attribute);
      return attr == null ? null : attr.value();
    }

    double d(String attribute, double otherwise) {
      Object value = value(attribute);
      return value == null ? otherwise : (Double) value;
    }

    int i(String attribute, int otherwise) {
      Object value = value(attribute);
      return value == null ? otherwise : (Integer) value;
    }

    Long l(String attribute) {
      Object value = value(attribute);
      return value == null ? null : (long) (Integer) value;
    }

    double[] ds(String attribute, double otherwise) {
      Object value = value(attribute);
      return value == null ? new double[] {otherwise} : (double[]) value;
    }

    boolean b(String attribute, boolean otherwise) {
      Object value = value(attribute);
      return value == null ? otherwise : (Boolean) value;
    }

    String e(String attribute, String otherwise) {
      Object value = value(attribute);
      return value == null ? otherwise : (String) value;
    }

    Member copy() {
      Member copy = new Member(type);
      copy.typeSource = typeSource;
      copy.attrs.putAll(attrs);
      copy.rawAttrs.addAll(rawAttrs);
      return copy;
    }
  }

  /** A static method of a config, as a factor or scale method or as a decoy. */
  record Method(String name, String text, boolean isStatic, boolean isPrivate, String returnType,
      List<String> parameterTypes, boolean throwsChecked) {
    Method(String name, String text, boolean isStatic, boolean isPrivate, String returnType,
        List<String> parameterTypes) {
      this(name, text, isStatic, isPrivate, returnType, parameterTypes, false);
    }

    boolean fitsFactor() {
      return fits() && (parameterTypes.get(0).equals("long") || parameterTypes.get(0).equals("int"));
    }

    boolean fitsScale() {
      return fits() && parameterTypes.get(0).equals("double");
    }

    private boolean fits() {
      return isStatic && !isPrivate && returnType.equals("double") && parameterTypes.size() == 1;
    }
  }

  enum Combinator { NONE, SEQUENTIAL, CHAINED, BOTH }

  enum Kind { CLASS, RECORD, GENERIC_CLASS, INTERFACE, ENUM, ANNOTATION, PRIVATE_CLASS }

  /** One config: a nested type of the compilation unit with its annotations. */
  static final class Config {
    final String name;
    Kind kind = Kind.CLASS;
    final List<Member> members = new ArrayList<>();
    Combinator combinator = Combinator.NONE;
    /** The text after {@code milestones = }; null for none. */
    String milestonesSource;
    int[] milestones = new int[0];
    final Map<String, Method> methods = new LinkedHashMap<>();
    /** Where the config sits: in the compilation unit's class directly, or in a nested holder. */
    String holder;
    /** Whether the holder is private, out of reach of the generated class. */
    boolean privateHolder;
    /** Whether the config type is {@code @Deprecated}. */
    boolean deprecated;
    /** Whether its annotations are written with their package. */
    boolean qualified;
    /** Whether several {@code @Schedule} are written in their container, {@code @Schedule.List}. */
    boolean explicitContainer;
    Expect expect;
    /** Tags of which at least one must be on an error of an INVALID config; empty for any error. */
    final Set<String> tags = new LinkedHashSet<>();
    /** Where the config came from, for the counts of a run and for failure messages. */
    String recipe;
    boolean longRun;

    // How to run an accepted config.
    int groups = 1;
    double[] initialLrs;
    int steps;
    double[] metrics;
    /** The most steps the config may take: OneCycleLR refuses to go past its total. */
    long maxSteps = Long.MAX_VALUE;

    // Set when the compilation unit is written.
    int firstLine;
    int lastLine;

    Config(String name) {
      this.name = name;
    }

    /** The generated scheduler's simple name, for a config in {@code outer}. */
    String schedulerName(String outer) {
      return outer + "_" + (holder == null ? "" : holder + "_") + name + "Scheduler";
    }

    @Override
    public String toString() {
      return name + " (" + recipe + ", " + expect + ", lines " + firstLine + "-" + lastLine + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Which attributes each type takes, from Schedule's documentation.

  static final Map<ScheduleType, List<String>> TAKES = new LinkedHashMap<>();

  static {
    TAKES.put(ScheduleType.STEP, List.of("stepSize", "gamma"));
    TAKES.put(ScheduleType.MULTI_STEP, List.of("milestones", "gamma"));
    TAKES.put(ScheduleType.CONSTANT, List.of("factor", "totalIters"));
    TAKES.put(ScheduleType.LINEAR, List.of("startFactor", "endFactor", "totalIters"));
    TAKES.put(ScheduleType.EXPONENTIAL, List.of("gamma"));
    TAKES.put(ScheduleType.POLYNOMIAL, List.of("totalIters", "power"));
    TAKES.put(ScheduleType.COSINE, List.of("tMax", "etaMin"));
    TAKES.put(ScheduleType.COSINE_WARM_RESTARTS, List.of("t0", "tMult", "etaMin"));
    TAKES.put(ScheduleType.CYCLIC, List.of("baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode",
        "gamma", "scaleFn", "scaleMode", "cycleMomentum", "baseMomentum", "maxMomentum"));
    TAKES.put(ScheduleType.ONE_CYCLE, List.of("maxLr", "totalSteps", "epochs", "stepsPerEpoch",
        "pctStart", "annealStrategy", "cycleMomentum", "baseMomentum", "maxMomentum", "divFactor",
        "finalDivFactor", "threePhase"));
    TAKES.put(ScheduleType.REDUCE_ON_PLATEAU, List.of("mode", "factor", "patience", "threshold",
        "thresholdMode", "cooldown", "minLr", "eps"));
    TAKES.put(ScheduleType.LAMBDA, List.of("lrLambda"));
    TAKES.put(ScheduleType.MULTIPLICATIVE, List.of("lrLambda"));
  }

  static final Map<ScheduleType, List<String>> REQUIRES = Map.ofEntries(
      Map.entry(ScheduleType.STEP, List.of("stepSize")),
      Map.entry(ScheduleType.MULTI_STEP, List.of("milestones")),
      Map.entry(ScheduleType.EXPONENTIAL, List.of("gamma")),
      Map.entry(ScheduleType.COSINE, List.of("tMax")),
      Map.entry(ScheduleType.COSINE_WARM_RESTARTS, List.of("t0")),
      Map.entry(ScheduleType.CYCLIC, List.of("baseLr", "maxLr")),
      Map.entry(ScheduleType.ONE_CYCLE, List.of("maxLr")),
      Map.entry(ScheduleType.LAMBDA, List.of("lrLambda")),
      Map.entry(ScheduleType.MULTIPLICATIVE, List.of("lrLambda")),
      Map.entry(ScheduleType.CONSTANT, List.of()),
      Map.entry(ScheduleType.LINEAR, List.of()),
      Map.entry(ScheduleType.POLYNOMIAL, List.of()),
      Map.entry(ScheduleType.REDUCE_ON_PLATEAU, List.of()));

  /** The shape of every attribute: what its value is in Java. */
  enum Shape { INT, DOUBLE, DOUBLES, INTS, BOOLEAN, MODE, SCALE_MODE, ANNEAL, THRESHOLD_MODE, NAME, NAMES }

  static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

  static {
    for (String a : List.of("stepSize", "totalIters", "tMax", "t0", "tMult", "stepSizeUp",
        "stepSizeDown", "totalSteps", "epochs", "stepsPerEpoch", "patience", "cooldown")) {
      SHAPES.put(a, Shape.INT);
    }
    for (String a : List.of("gamma", "factor", "startFactor", "endFactor", "power", "etaMin",
        "pctStart", "divFactor", "finalDivFactor", "threshold", "eps")) {
      SHAPES.put(a, Shape.DOUBLE);
    }
    for (String a : List.of("baseLr", "maxLr", "baseMomentum", "maxMomentum", "minLr")) {
      SHAPES.put(a, Shape.DOUBLES);
    }
    SHAPES.put("milestones", Shape.INTS);
    SHAPES.put("cycleMomentum", Shape.BOOLEAN);
    SHAPES.put("threePhase", Shape.BOOLEAN);
    SHAPES.put("mode", Shape.MODE);
    SHAPES.put("scaleMode", Shape.SCALE_MODE);
    SHAPES.put("annealStrategy", Shape.ANNEAL);
    SHAPES.put("thresholdMode", Shape.THRESHOLD_MODE);
    SHAPES.put("scaleFn", Shape.NAME);
    SHAPES.put("lrLambda", Shape.NAMES);
  }

  /** The documented value rules; a NaN or an infinity breaks every one. */
  enum Rule { FINITE, POSITIVE, NON_ZERO, NON_NEGATIVE, AT_LEAST_ONE, OPEN_UNIT, UNIT_INTERVAL, BELOW_ONE }

  static Rule rule(ScheduleType type, String attribute) {
    switch (attribute) {
      case "stepSize":
      case "tMax":
      case "divFactor":
      case "finalDivFactor":
        return Rule.NON_ZERO;
      case "t0":
      case "stepSizeUp":
      case "totalSteps":
      case "epochs":
      case "stepsPerEpoch":
        return Rule.POSITIVE;
      case "tMult":
        return Rule.AT_LEAST_ONE;
      case "power":
      case "stepSizeDown":
        return Rule.NON_NEGATIVE;
      case "startFactor":
        return Rule.OPEN_UNIT;
      case "endFactor":
      case "pctStart":
        return Rule.UNIT_INTERVAL;
      case "factor":
        return type == ScheduleType.REDUCE_ON_PLATEAU ? Rule.BELOW_ONE : Rule.OPEN_UNIT;
      default:
        return SHAPES.get(attribute) == Shape.INT || SHAPES.get(attribute) == Shape.DOUBLE
            || SHAPES.get(attribute) == Shape.DOUBLES ? Rule.FINITE : null;
    }
  }

  static boolean holds(Rule rule, double v) {
    if (!Double.isFinite(v)) {
      return false;
    }
    switch (rule) {
      case FINITE: return true;
      case POSITIVE: return v > 0;
      case NON_ZERO: return v != 0;
      case NON_NEGATIVE: return v >= 0;
      case AT_LEAST_ONE: return v >= 1;
      case OPEN_UNIT: return v > 0 && v <= 1;
      case UNIT_INTERVAL: return v >= 0 && v <= 1;
      case BELOW_ONE: return v < 1;
      default: throw new AssertionError(rule);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Factor and scale methods, each written once as source and once as the model's function.

  record Fn(String name, String parameterType, String body, LongToDoubleFunction f) {
    Method method() {
      return method("", false);
    }

    /** The method declaring {@code throwsClause}, such as {@code " throws IOException"}. */
    Method method(String throwsClause, boolean checked) {
      return new Method(name, "static double " + name + "(" + parameterType + " step)" + throwsClause
          + " {\n  return " + body + ";\n}", true, false, "double", List.of(parameterType), checked);
    }
  }

  record ScaleFn(String name, String body, DoubleUnaryOperator f) {
    Method method() {
      return new Method(name, "static double " + name + "(double x) {\n  return " + body
          + ";\n}", true, false, "double", List.of("double"));
    }
  }

  static final List<Fn> LAMBDAS = List.of(
      new Fn("warmupTen", "long", "Math.min(1.0, (step + 1) / 10.0)", step -> Math.min(1.0, (step + 1) / 10.0)),
      new Fn("decayNinetySeven", "long", "Math.pow(0.97, step)", step -> Math.pow(0.97, step)),
      new Fn("stairs", "int", "(double) (step / 7)", step -> (double) ((int) step / 7)),
      new Fn("inverseSqrt", "long", "1.0 / Math.sqrt(step + 1.0)", step -> 1.0 / Math.sqrt(step + 1.0)),
      new Fn("cosineCycle", "int", "0.5 * (1.0 + Math.cos(Math.PI * (step % 20) / 20))",
          step -> 0.5 * (1.0 + Math.cos(Math.PI * ((int) step % 20) / 20))),
      new Fn("zero", "long", "0.0", step -> 0.0),
      new Fn("half", "int", "0.5", step -> 0.5));

  static final List<Fn> MULTIPLIERS = List.of(
      new Fn("keep", "long", "1.0", step -> 1.0),
      new Fn("shrink", "long", "0.99", step -> 0.99),
      new Fn("firstHalf", "int", "step == 0 ? 0.5 : 0.9", step -> (int) step == 0 ? 0.5 : 0.9),
      new Fn("everyFifth", "long", "step % 5 == 0 ? 0.9 : 1.0", step -> step % 5 == 0 ? 0.9 : 1.0),
      new Fn("slowDecay", "int", "1.0 - 0.5 / (step + 10)", step -> 1.0 - 0.5 / ((int) step + 10)));

  static final List<ScaleFn> SCALES = List.of(
      new ScaleFn("halving", "1.0 / Math.pow(2.0, x - 1)", x -> 1.0 / Math.pow(2.0, x - 1)),
      new ScaleFn("damped", "1.0 / (1.0 + 0.05 * x)", x -> 1.0 / (1.0 + 0.05 * x)),
      new ScaleFn("geometric", "Math.pow(0.9, x)", x -> Math.pow(0.9, x)),
      new ScaleFn("flat", "1.0", x -> 1.0));

  static final Map<String, LongToDoubleFunction> FACTOR_FUNCTIONS = new LinkedHashMap<>();
  static final Map<String, DoubleUnaryOperator> SCALE_FUNCTIONS = new LinkedHashMap<>();

  static {
    for (Fn fn : LAMBDAS) {
      FACTOR_FUNCTIONS.put(fn.name(), fn.f());
    }
    for (Fn fn : MULTIPLIERS) {
      FACTOR_FUNCTIONS.put(fn.name(), fn.f());
    }
    for (ScaleFn fn : SCALES) {
      SCALE_FUNCTIONS.put(fn.name(), fn.f());
    }
    FACTOR_FUNCTIONS.put("genericDecay", step -> 0.95);
  }

  /** Methods that do not fit, and their names. */
  static final List<Method> DECOYS = List.of(
      new Method("instanceFactor", "double instanceFactor(long step) {\n  return 0.9;\n}",
          false, false, "double", List.of("long")),
      new Method("hiddenFactor", "private static double hiddenFactor(long step) {\n  return 0.9;\n}",
          true, true, "double", List.of("long")),
      new Method("floatFactor", "static float floatFactor(long step) {\n  return 0.5f;\n}",
          true, false, "float", List.of("long")),
      new Method("stringFactor", "static double stringFactor(String step) {\n  return 0.5;\n}",
          true, false, "double", List.of("String")),
      new Method("twoArguments", "static double twoArguments(long step, long other) {\n  return 0.5;\n}",
          true, false, "double", List.of("long", "long")),
      new Method("noArguments", "static double noArguments() {\n  return 0.5;\n}",
          true, false, "double", List.of()),
      new Method("boxedFactor", "static double boxedFactor(Long step) {\n  return 0.5;\n}",
          true, false, "double", List.of("Long")),
      new Method("varargsFactor", "static double varargsFactor(long... step) {\n  return 0.5;\n}",
          true, false, "double", List.of("long[]")),
      new Method("longScale", "static double longScale(long x) {\n  return 0.5;\n}",
          true, false, "double", List.of("long")));

  /** A method declared twice, which no name can pick. */
  static final String OVERLOADED = "overloaded";

  static final Method GENERIC_FACTOR = new Method("genericDecay",
      "static <T> double genericDecay(long step) {\n  return 0.95;\n}", true, false, "double",
      List.of("long"));

  // ---------------------------------------------------------------------------------------------
  // Writing values.

  static String lit(Random r, double v) {
    if (Double.isNaN(v)) {
      return pick(r, "Double.NaN", "0.0 / 0.0", "Double.POSITIVE_INFINITY - Double.POSITIVE_INFINITY");
    }
    if (v == Double.POSITIVE_INFINITY) {
      return pick(r, "Double.POSITIVE_INFINITY", "1.0 / 0.0", "1e308 * 10", "Double.MAX_VALUE * 2");
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return pick(r, "Double.NEGATIVE_INFINITY", "-1.0 / 0.0", "-1e308 * 10");
    }
    if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) {
      return pick(r, "-0.0", "-0.0d", "-0.0 * 1");
    }
    if (v == Double.MAX_VALUE) {
      return pick(r, "Double.MAX_VALUE", Double.toString(v));
    }
    if (v == Double.MIN_VALUE) {
      return pick(r, "Double.MIN_VALUE", Double.toString(v));
    }
    if (v == (double) Long.MAX_VALUE) {
      return pick(r, "Long.MAX_VALUE", Double.toString(v));
    }
    int variant = r.nextInt(10);
    if (variant == 0 && v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    if (variant == 1 && (double) (float) v == v && Float.isFinite((float) v)) {
      return Float.toString((float) v) + "f";
    }
    if (variant == 2 && v > 0) {
      return "+" + v;
    }
    return Double.toString(v);
  }

  static String lit(Random r, int v) {
    if (v == Integer.MAX_VALUE) {
      return pick(r, "Integer.MAX_VALUE", "2147483647", "0x7fffffff", "Integer.MIN_VALUE - 1");
    }
    if (v == Integer.MIN_VALUE) {
      return pick(r, "Integer.MIN_VALUE", "-2147483648", "Integer.MAX_VALUE + 1", "0x80000000");
    }
    int variant = r.nextInt(12);
    if (variant == 0 && v >= 0) {
      return "0x" + Integer.toHexString(v);
    }
    if (variant == 1 && v >= 1000) {
      String digits = Integer.toString(v);
      return digits.substring(0, digits.length() - 3) + "_" + digits.substring(digits.length() - 3);
    }
    if (variant == 2) {
      return "(int) " + v + ".75";
    }
    if (variant == 3 && v >= 'A' && v <= 'Z') {
      return "'" + (char) v + "'";
    }
    if (variant == 4 && v < 0) {
      return "-(" + (-(long) v) + ")";
    }
    return Integer.toString(v);
  }

  static String lit(Random r, double[] values) {
    if (values.length == 1 && r.nextBoolean()) {
      return lit(r, values[0]);
    }
    return "{" + Arrays.stream(values).mapToObj(v -> lit(r, v)).collect(Collectors.joining(", ")) + "}";
  }

  static String lit(Random r, int[] values) {
    if (values.length == 1 && r.nextBoolean()) {
      return lit(r, values[0]);
    }
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(i % 24 == 0 ? ",\n        " : ", ");
      }
      text.append(lit(r, values[i]));
    }
    return text.append("}").toString();
  }

  static String names(Random r, String[] names) {
    if (names.length == 1 && r.nextBoolean()) {
      return "\"" + names[0] + "\"";
    }
    return Arrays.stream(names).map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "{", "}"));
  }

  static String modeSource(Random r, String mode) {
    return r.nextBoolean() ? mode : "Mode." + mode;
  }

  // ---------------------------------------------------------------------------------------------
  // Random helpers.

  @SafeVarargs
  static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  static <T> T pick(Random r, List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }

  static int between(Random r, int low, int high) {
    return low + r.nextInt(high - low + 1);
  }

  static double uniform(Random r, double low, double high) {
    return low + (high - low) * r.nextDouble();
  }

  /** A rate-like positive number spread over several orders of magnitude. */
  static double rate(Random r) {
    return Math.pow(10, uniform(r, -5, 0));
  }

  static double[] perGroup(Random r, int groups, java.util.function.DoubleSupplier value) {
    int length = groups > 1 && r.nextBoolean() ? groups : 1;
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = value.getAsDouble();
    }
    return values;
  }

  // ---------------------------------------------------------------------------------------------
  // Sensible configs: what a user would write, every value within its documented range.

  /** Where a member stands: alone, or first or later in a combination. */
  enum Role { ALONE, SEQUENTIAL_FIRST, SEQUENTIAL_LATER, CHAINED_FIRST, CHAINED_LATER }

  private static final List<ScheduleType> COMBINABLE = List.of(ScheduleType.STEP,
      ScheduleType.MULTI_STEP, ScheduleType.CONSTANT, ScheduleType.LINEAR, ScheduleType.EXPONENTIAL,
      ScheduleType.POLYNOMIAL, ScheduleType.COSINE, ScheduleType.COSINE_WARM_RESTARTS,
      ScheduleType.LAMBDA, ScheduleType.MULTIPLICATIVE, ScheduleType.CYCLIC);

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
        ScheduleType type = i == 0 && chance(r, 0.15) ? ScheduleType.ONE_CYCLE : pick(r, COMBINABLE);
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
    plan(r, config);
    Set<String> errors = new LinkedHashSet<>();
    config.expect = classify(config, errors);
    if (config.expect != Expect.VALID && config.expect != Expect.WARNED) {
      throw new AssertionError("a sensible config judged " + config.expect + " " + errors + ": "
          + config.recipe + "\n" + String.join("\n", lines(config)));
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
    config.expect = classify(config, errors);
    if (config.expect != Expect.VALID && config.expect != Expect.WARNED) {
      throw new AssertionError("a chained config judged " + config.expect + " " + errors + ": "
          + config.recipe + "\n" + String.join("\n", lines(config)));
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

  /** One schedule of a sensible config; adds the methods it names to the config. */
  static Member member(Random r, Config config, ScheduleType type, Role role, boolean warnings) {
    Member m = new Member(type);
    int groups = config.groups;
    boolean combined = role != Role.ALONE;
    boolean laterInSequence = role == Role.SEQUENTIAL_LATER;
    switch (type) {
      case STEP: {
        int stepSize = pickWeighted(r,
            () -> between(r, 1, 20), () -> between(r, 20, 400),
            () -> pick(r, Integer.MAX_VALUE, 65_536, 1_000_000));
        if (warnings && chance(r, 0.2)) {
          stepSize = chance(r, 0.1) ? Integer.MIN_VALUE : -between(r, 1, 20);
        }
        m.put("stepSize", lit(r, stepSize), stepSize);
        gamma(r, m, Math.abs((long) stepSize) >= 20 ? 2.0 : 1.0);
        break;
      }
      case MULTI_STEP: {
        int[] milestones;
        double kind = r.nextDouble();
        if (kind < 0.1) {
          milestones = new int[between(r, 1000, 4000)];
          for (int i = 0; i < milestones.length; i++) {
            milestones[i] = r.nextInt(6000);
          }
        } else if (kind < 0.18) {
          milestones = new int[0];
        } else if (kind < 0.25) {
          milestones = new int[] {0, Integer.MAX_VALUE, between(r, 1, 50)};
        } else {
          milestones = new int[between(r, 1, 8)];
          for (int i = 0; i < milestones.length; i++) {
            milestones[i] = chance(r, 0.2) && i > 0 ? milestones[i - 1] : r.nextInt(300);
          }
        }
        if (warnings && chance(r, 0.25) && milestones.length > 0) {
          milestones[r.nextInt(milestones.length)] = chance(r, 0.2) ? Integer.MIN_VALUE : -between(r, 1, 50);
        }
        m.put("milestones", lit(r, milestones), milestones);
        gamma(r, m, milestones.length > 50 ? 1.0 : 2.0);
        break;
      }
      case CONSTANT:
        if (chance(r, 0.7)) {
          double factor = pick(r, 0.5, 1.0, 0.25, uniform(r, 0.01, 1), 1e-3, 1.0 / 3);
          m.put("factor", lit(r, factor), factor);
        }
        totalIters(r, m, warnings, true);
        break;
      case LINEAR:
        if (chance(r, 0.7)) {
          double start = pick(r, 1.0, 0.1, uniform(r, 1e-3, 1), 0.5);
          m.put("startFactor", lit(r, start), start);
        }
        if (chance(r, 0.6)) {
          double end = pick(r, 0.0, -0.0, 1.0, uniform(r, 0, 1), 0.5);
          m.put("endFactor", lit(r, end), end);
        }
        totalIters(r, m, warnings, !laterInSequence);
        break;
      case EXPONENTIAL: {
        double gamma = pick(r, uniform(r, 0.9, 1), 0.5, 1.0, 0.0, 0.999, 1.001, uniform(r, 0, 1));
        m.put("gamma", lit(r, gamma), gamma);
        break;
      }
      case POLYNOMIAL:
        totalIters(r, m, warnings, !laterInSequence);
        if (chance(r, 0.7)) {
          double power = pick(r, 0.0, 0.5, 1.0, 2.0, uniform(r, 0, 3), -0.0);
          m.put("power", lit(r, power), power);
        }
        break;
      case COSINE: {
        int tMax = pickWeighted(r, () -> between(r, 1, 500), () -> -between(r, 1, 500),
            () -> pick(r, Integer.MAX_VALUE, Integer.MIN_VALUE, 100_000, 1));
        m.put("tMax", lit(r, tMax), tMax);
        etaMin(r, m);
        break;
      }
      case COSINE_WARM_RESTARTS: {
        int t0 = pickWeighted(r, () -> between(r, 1, 100), () -> between(r, 1, 5),
            () -> pick(r, Integer.MAX_VALUE, 1_000_000));
        m.put("t0", lit(r, t0), t0);
        if (chance(r, 0.6)) {
          int tMult = pickWeighted(r, () -> between(r, 1, 3), () -> between(r, 1, 3),
              () -> pick(r, Integer.MAX_VALUE, 1 << 20, 46_341));
          m.put("tMult", lit(r, tMult), tMult);
        }
        etaMin(r, m);
        break;
      }
      case CYCLIC:
        cyclic(r, config, m, combined, warnings);
        break;
      case ONE_CYCLE:
        oneCycle(r, config, m, combined, warnings);
        break;
      case REDUCE_ON_PLATEAU:
        plateau(r, config, m);
        break;
      case LAMBDA:
      case MULTIPLICATIVE: {
        List<Fn> catalogue = type == ScheduleType.LAMBDA ? LAMBDAS : MULTIPLIERS;
        int count = groups > 1 && chance(r, 0.5) ? groups : 1;
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
          if (type == ScheduleType.LAMBDA && chance(r, 0.05)) {
            names[i] = GENERIC_FACTOR.name();
            config.methods.put(GENERIC_FACTOR.name(), GENERIC_FACTOR);
          } else {
            Fn fn = pick(r, catalogue);
            names[i] = fn.name();
            config.methods.put(fn.name(), fn.method(chance(r, 0.1)
                ? pick(r, " throws IllegalStateException", " throws ArithmeticException, AssertionError")
                : "", false));
          }
        }
        m.put("lrLambda", names(r, names), names);
        break;
      }
      default:
        throw new AssertionError(type);
    }
    return m;
  }

  private static void gamma(Random r, Member m, double most) {
    if (chance(r, 0.3)) {
      return;
    }
    double gamma = pick(r, 0.1, 0.5, 0.9, 1.0, 0.0, -0.0, uniform(r, 0, 1), 1e-3, Double.MIN_VALUE,
        uniform(r, 1, most));
    m.put("gamma", lit(r, gamma), gamma);
  }

  /**
   * {@code totalIters}: non-positive values (which warn) where {@code nonPositive}, 0 among them
   * only where {@code zero} (a later phase of @Sequential of LinearLR or PolynomialLR cannot start
   * with 0).
   */
  private static void totalIters(Random r, Member m, boolean nonPositive, boolean zero) {
    if (chance(r, 0.3)) {
      return;
    }
    int total = pickWeighted(r, () -> between(r, 1, 50), () -> between(r, 50, 400),
        () -> pick(r, Integer.MAX_VALUE, 1));
    if (nonPositive && chance(r, 0.3)) {
      total = zero ? pick(r, 0, -1, -between(r, 2, 100), Integer.MIN_VALUE)
          : pick(r, -1, -between(r, 2, 100), Integer.MIN_VALUE);
    }
    m.put("totalIters", lit(r, total), total);
  }

  private static void etaMin(Random r, Member m) {
    if (chance(r, 0.4)) {
      return;
    }
    double etaMin = pick(r, 0.0, -0.0, uniform(r, 0, 1e-3), 1e-6, 0.5, Double.MIN_VALUE);
    m.put("etaMin", lit(r, etaMin), etaMin);
  }

  private static void cyclic(Random r, Config config, Member m, boolean combined, boolean warnings) {
    int groups = config.groups;
    double[] base = perGroup(r, groups, () -> rate(r) / 10);
    double[] max = perGroup(r, groups, () -> chance(r, 0.1) ? rate(r) / 100 : rate(r));
    if (chance(r, 0.05)) {
      base = new double[] {0.0};
    }
    m.put("baseLr", lit(r, base), base);
    m.put("maxLr", lit(r, max), max);
    if (chance(r, 0.8)) {
      int up = pickWeighted(r, () -> between(r, 1, 10), () -> between(r, 10, 60),
          () -> pick(r, Integer.MAX_VALUE, 2000));
      m.put("stepSizeUp", lit(r, up), up);
    }
    if (chance(r, 0.5)) {
      int down = pickWeighted(r, () -> between(r, 0, 10), () -> between(r, 10, 60),
          () -> pick(r, Integer.MAX_VALUE, 0));
      m.put("stepSizeDown", lit(r, down), down);
    }
    boolean scaleFn = chance(r, 0.2);
    if (scaleFn) {
      ScaleFn fn = pick(r, SCALES);
      m.put("scaleFn", "\"" + fn.name() + "\"", fn.name());
      config.methods.put(fn.name(), fn.method());
      if (chance(r, 0.6)) {
        String scaleMode = pick(r, "CYCLE", "ITERATIONS");
        m.put("scaleMode", "ScaleMode." + scaleMode, scaleMode);
      }
      if (warnings && chance(r, 0.3)) {
        String mode = pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
        m.put("mode", modeSource(r, mode), mode);
      }
    } else {
      if (chance(r, 0.7)) {
        String mode = pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
        m.put("mode", modeSource(r, mode), mode);
        if (mode.equals("EXP_RANGE") && chance(r, 0.7)) {
          double gamma = pick(r, uniform(r, 0.9, 1), 1.0, 0.5, 0.0);
          m.put("gamma", lit(r, gamma), gamma);
        }
      }
      if (warnings && chance(r, 0.1)) {
        String scaleMode = pick(r, "CYCLE", "ITERATIONS");
        m.put("scaleMode", "ScaleMode." + scaleMode, scaleMode);
      }
    }
    momentum(r, config, m, combined, warnings);
  }

  private static void momentum(Random r, Config config, Member m, boolean combined, boolean warnings) {
    boolean cycle = combined ? false : chance(r, 0.7);
    if (combined || !cycle || chance(r, 0.4)) {
      m.put("cycleMomentum", Boolean.toString(cycle), cycle);
    }
    if (cycle || (warnings && chance(r, 0.15))) {
      if (chance(r, 0.4)) {
        double[] base = perGroup(r, config.groups, () -> uniform(r, 0.5, 0.9));
        m.put("baseMomentum", lit(r, base), base);
      }
      if (chance(r, 0.4)) {
        double[] max = perGroup(r, config.groups, () -> uniform(r, 0.85, 0.99));
        m.put("maxMomentum", lit(r, max), max);
      }
    }
  }

  private static void oneCycle(Random r, Config config, Member m, boolean combined, boolean warnings) {
    double[] max = perGroup(r, config.groups, () -> chance(r, 0.05) ? 0.0 : rate(r));
    m.put("maxLr", lit(r, max), max);
    long total;
    boolean both = warnings && chance(r, 0.1);
    if (chance(r, 0.6) || both) {
      int steps = pickWeighted(r, () -> between(r, 1, 50), () -> between(r, 50, 600),
          () -> pick(r, Integer.MAX_VALUE, 1_000_000));
      m.put("totalSteps", lit(r, steps), steps);
      total = steps;
    } else {
      int epochs = between(r, 1, 20);
      int perEpoch = between(r, 1, 30);
      m.put("epochs", lit(r, epochs), epochs);
      m.put("stepsPerEpoch", lit(r, perEpoch), perEpoch);
      total = (long) epochs * perEpoch;
    }
    if (both) {
      int epochs = between(r, 1, 20);
      m.put("epochs", lit(r, epochs), epochs);
      if (r.nextBoolean()) {
        m.put("stepsPerEpoch", lit(r, 7), 7);
      }
    }
    boolean threePhase = chance(r, 0.3);
    if (threePhase || chance(r, 0.2)) {
      m.put("threePhase", Boolean.toString(threePhase), threePhase);
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      double pct = chance(r, 0.4) ? 0.3 : pick(r, 0.0, uniform(r, 0, 1), 0.5, 0.25, 1.0, Double.MIN_VALUE);
      if (!oneCycleFailsEarly(total, pct) && !oneCycleLastPhaseEmpty(total, pct, threePhase)) {
        if (pct != 0.3 || chance(r, 0.3)) {
          m.put("pctStart", lit(r, pct), pct);
        }
        break;
      }
    }
    if (chance(r, 0.4)) {
      String strategy = pick(r, "COS", "LINEAR");
      m.put("annealStrategy", "AnnealStrategy." + strategy, strategy);
    }
    if (chance(r, 0.3)) {
      double div = pick(r, 1.0, 0.5, uniform(r, 1, 100), 10.0);
      m.put("divFactor", lit(r, div), div);
    }
    if (chance(r, 0.3)) {
      double div = pick(r, 1.0, uniform(r, 1, 1e5), 100.0);
      m.put("finalDivFactor", lit(r, div), div);
    }
    momentum(r, config, m, combined, warnings);
    config.maxSteps = Math.min(config.maxSteps, total - 1);
  }

  private static void plateau(Random r, Config config, Member m) {
    if (chance(r, 0.5)) {
      String mode = pick(r, "MIN", "MAX");
      m.put("mode", modeSource(r, mode), mode);
    }
    if (chance(r, 0.6)) {
      double factor = pick(r, uniform(r, 0, 0.99), 0.0, 0.5, -0.0, 0.1);
      m.put("factor", lit(r, factor), factor);
    }
    if (chance(r, 0.6)) {
      int patience = pickWeighted(r, () -> between(r, 0, 5), () -> between(r, 5, 20),
          () -> pick(r, Integer.MAX_VALUE, 0));
      m.put("patience", lit(r, patience), patience);
    }
    if (chance(r, 0.5)) {
      double threshold = pick(r, 0.0, 1e-4, uniform(r, 0, 0.1), 0.5);
      m.put("threshold", lit(r, threshold), threshold);
    }
    if (chance(r, 0.5)) {
      String mode = pick(r, "REL", "ABS");
      m.put("thresholdMode", "ThresholdMode." + mode, mode);
    }
    if (chance(r, 0.5)) {
      int cooldown = pick(r, 0, between(r, 0, 10), Integer.MAX_VALUE);
      m.put("cooldown", lit(r, cooldown), cooldown);
    }
    if (chance(r, 0.5)) {
      double[] minLr = perGroup(r, config.groups, () -> pick(r, 0.0, uniform(r, 0, 1e-3), 1e-6));
      m.put("minLr", lit(r, minLr), minLr);
    }
    if (chance(r, 0.4)) {
      double eps = pick(r, 1e-8, 0.0, 1e-3, Double.MIN_VALUE);
      m.put("eps", lit(r, eps), eps);
    }
  }

  private static int pickWeighted(Random r, java.util.function.IntSupplier... options) {
    // The first option is the common case; the last, the extreme one, comes one time in ten.
    double p = r.nextDouble();
    if (p < 0.1) {
      return options[options.length - 1].getAsInt();
    }
    return options[p < 0.65 || options.length < 3 ? 0 : 1].getAsInt();
  }

  /** PyTorch divides by zero at step 0: {@code pct_start * total_steps - 1 == 0}. */
  static boolean oneCycleFailsEarly(long total, double pct) {
    return pct * total - 1 == 0;
  }

  /** The last phase has no length: PyTorch divides by zero at step {@code total_steps}. */
  static boolean oneCycleLastPhaseEmpty(long total, double pct, boolean threePhase) {
    double previousEnd = threePhase ? 2 * pct * total - 2 : pct * total - 1;
    return previousEnd == total - 1;
  }

  /** Initial rates, steps and metrics for running an accepted config. */
  static void plan(Random r, Config config) {
    int groups = config.groups;
    for (Member m : config.members) {
      for (Map.Entry<String, Attr> e : m.attrs.entrySet()) {
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
      List<Member> candidates = new ArrayList<>(config.members);
      Member m = pick(r, candidates);
      String what = null;
      switch (m.type) {
        case STEP:
        case MULTI_STEP:
        case EXPONENTIAL: {
          double gamma = pick(r, -0.5, -uniform(r, 0, 1), -1.0);
          m.put("gamma", lit(r, gamma), gamma);
          what = "negative gamma";
          break;
        }
        case COSINE:
        case COSINE_WARM_RESTARTS: {
          double etaMin = pick(r, -1e-3, -uniform(r, 0, 1), (double) Long.MAX_VALUE, 1e6);
          m.put("etaMin", lit(r, etaMin), etaMin);
          what = "etaMin " + etaMin;
          break;
        }
        case CYCLIC: {
          double[] base = {-uniform(r, 0, 0.1)};
          m.put("baseLr", lit(r, base), base);
          what = "negative baseLr";
          break;
        }
        case ONE_CYCLE: {
          String attribute = pick(r, "divFactor", "finalDivFactor");
          double div = pick(r, -25.0, -uniform(r, 1, 100), 1e-300);
          m.put(attribute, lit(r, div), div);
          what = attribute + " " + div;
          break;
        }
        case REDUCE_ON_PLATEAU: {
          double factor = pick(r, -0.5, -2.0, -1e300);
          m.put("factor", lit(r, factor), factor);
          if (r.nextBoolean()) {
            int patience = pick(r, -1, Integer.MIN_VALUE);
            m.put("patience", lit(r, patience), patience);
          }
          if (r.nextBoolean()) {
            double threshold = pick(r, -0.1, 2.0, 1.0);
            m.put("threshold", lit(r, threshold), threshold);
          }
          if (r.nextBoolean()) {
            double eps = pick(r, -1.0, 1e300);
            m.put("eps", lit(r, eps), eps);
          }
          what = "odd plateau";
          break;
        }
        case POLYNOMIAL: {
          double power = pick(r, 50.0, 1e-300, 1000.0);
          m.put("power", lit(r, power), power);
          what = "power " + power;
          break;
        }
        default:
          break;
      }
      if (what != null) {
        config.recipe = "odd " + m.type + " (" + what + ")";
        Set<String> errors = new LinkedHashSet<>();
        Expect expect = classify(config, errors);
        if (expect != Expect.VALID && expect != Expect.WARNED) {
          continue;
        }
        config.expect = Expect.ODD;
        return config;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Invalid configs: a sensible config with one mistake, whose tag is known.

  static final List<String> ATTRIBUTES = List.copyOf(SHAPES.keySet());

  static Config broken(Random r, String name) {
    while (true) {
      Config config = sensible(r, name, r.nextBoolean());
      String recipe = mutate(r, config);
      if (recipe == null) {
        continue;
      }
      config.expect = Expect.INVALID;
      if (recipe.startsWith(WRONG_TYPE)) {
        config.recipe = recipe;
        return config;
      }
      config.recipe = "invalid: " + recipe;
      Set<String> errors = new LinkedHashSet<>();
      if (classify(config, errors) != Expect.INVALID || errors.stream().noneMatch(config.tags::contains)) {
        throw new AssertionError("a mistake that the rules do not refuse: " + recipe + " " + errors
            + "\n" + String.join("\n", lines(config)));
      }
      return config;
    }
  }

  /** How the recipe of a config that javac itself must refuse starts. */
  static final String WRONG_TYPE = "javac: ";

  /** Applies one mistake; returns what it was, or null if none applied to this config. */
  private static String mutate(Random r, Config config) {
    Member m = pick(r, config.members);
    int choice = r.nextInt(20);
    switch (choice) {
      case 0:
      case 1:
      case 2: {
        // A value out of its range.
        List<String> ranged = new ArrayList<>();
        for (String a : TAKES.get(m.type)) {
          if (badValue(r, m.type, a) != null) {
            ranged.add(a);
          }
        }
        if (ranged.isEmpty()) {
          return null;
        }
        String a = pick(r, ranged);
        Object bad = badValue(r, m.type, a);
        m.put(a, bad instanceof Integer i ? lit(r, i) : lit(r, (Double) bad), bad);
        config.tags.add("invalid-value");
        return m.type + " " + a + " = " + bad;
      }
      case 3:
      case 4: {
        // NaN or an infinity in any number.
        List<String> doubles = new ArrayList<>();
        for (String a : TAKES.get(m.type)) {
          if (SHAPES.get(a) == Shape.DOUBLE || SHAPES.get(a) == Shape.DOUBLES) {
            doubles.add(a);
          }
        }
        if (doubles.isEmpty()) {
          return null;
        }
        String a = pick(r, doubles);
        double bad = pick(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        if (SHAPES.get(a) == Shape.DOUBLE) {
          m.put(a, lit(r, bad), bad);
        } else {
          double[] list = m.has(a) ? ((double[]) m.value(a)).clone() : new double[] {0.1};
          if (chance(r, 0.2)) {
            list = new double[between(r, 1000, 3000)];
            Arrays.fill(list, 0.01);
          }
          list[r.nextInt(list.length)] = bad;
          m.put(a, lit(r, list), list);
        }
        config.tags.add("invalid-value");
        return m.type + " " + a + " = " + bad;
      }
      case 5: {
        List<String> required = REQUIRES.get(m.type);
        if (required.isEmpty()) {
          return null;
        }
        String a = pick(r, required);
        m.attrs.remove(a);
        config.tags.add("required");
        return m.type + " without " + a;
      }
      case 6: {
        List<String> others = new ArrayList<>(ATTRIBUTES);
        others.removeAll(TAKES.get(m.type));
        String a = pick(r, others);
        Attr value = wellTyped(r, a);
        m.attrs.put(a, value);
        config.tags.add("not-applicable");
        return a + " on " + m.type;
      }
      case 7: {
        if (m.type != ScheduleType.CYCLIC && m.type != ScheduleType.REDUCE_ON_PLATEAU) {
          return null;
        }
        String mode = m.type == ScheduleType.CYCLIC ? pick(r, "MIN", "MAX")
            : pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
        m.put("mode", modeSource(r, mode), mode);
        config.tags.add("invalid-mode");
        return m.type + " mode = " + mode;
      }
      case 8: {
        List<String> lists = new ArrayList<>();
        for (String a : TAKES.get(m.type)) {
          if (SHAPES.get(a) == Shape.DOUBLES || SHAPES.get(a) == Shape.NAMES) {
            lists.add(a);
          }
        }
        if (lists.isEmpty()) {
          return null;
        }
        String a = pick(r, lists);
        m.put(a, "{}", SHAPES.get(a) == Shape.NAMES ? new String[0] : new double[0]);
        config.tags.add("list-empty");
        return m.type + " " + a + " = {}";
      }
      case 9: {
        List<String> lists = new ArrayList<>();
        for (String a : TAKES.get(m.type)) {
          if (SHAPES.get(a) == Shape.DOUBLES) {
            lists.add(a);
          }
        }
        if (lists.size() < 2) {
          return null;
        }
        java.util.Collections.shuffle(lists, r);
        double[] two = {0.01, 0.02};
        double[] three = {0.01, 0.02, 0.03};
        m.put(lists.get(0), lit(r, two), two);
        m.put(lists.get(1), lit(r, three), three);
        config.tags.add("list-lengths");
        return m.type + " " + lists.get(0) + " 2 values, " + lists.get(1) + " 3";
      }
      case 10:
      case 11: {
        // A method name that names no fitting method.
        boolean scale = m.type == ScheduleType.CYCLIC;
        if (!scale && m.type != ScheduleType.LAMBDA && m.type != ScheduleType.MULTIPLICATIVE) {
          return null;
        }
        String name;
        String tag;
        int kind = r.nextInt(3);
        if (kind == 0) {
          name = pick(r, "missing", "decay", "", "warmup ten", "Stairs");
          tag = "method-missing";
        } else if (kind == 1) {
          // Two overloads that both fit a factor; a scale function has one shape, so it cannot.
          if (scale) {
            return null;
          }
          name = OVERLOADED;
          config.methods.put(OVERLOADED + "#1", new Method(OVERLOADED, "static double " + OVERLOADED
              + "(long step) {\n  return 0.5;\n}", true, false, "double", List.of("long")));
          config.methods.put(OVERLOADED + "#2", new Method(OVERLOADED, "static double " + OVERLOADED
              + "(int step) {\n  return 0.5;\n}", true, false, "double", List.of("int")));
          tag = "method-ambiguous";
        } else {
          Method decoy = pick(r, DECOYS);
          if (!scale && decoy.name().equals("longScale")) {
            return null;
          }
          name = decoy.name();
          config.methods.put(decoy.name(), decoy);
          tag = "method-signature";
        }
        if (scale) {
          m.put("scaleFn", "\"" + name.replace("\\", "\\\\") + "\"", name);
        } else {
          String[] names = ((String[]) m.value("lrLambda")).clone();
          names[r.nextInt(names.length)] = name;
          m.put("lrLambda", names(r, names), names);
        }
        config.tags.add(tag);
        return m.type + " names \"" + name + "\"";
      }
      case 12: {
        if (m.type != ScheduleType.ONE_CYCLE) {
          return null;
        }
        m.attrs.remove("totalSteps");
        m.attrs.remove(r.nextBoolean() ? "epochs" : "stepsPerEpoch");
        if (r.nextBoolean()) {
          m.attrs.remove("epochs");
          m.attrs.remove("stepsPerEpoch");
        }
        config.tags.add("one-cycle-length");
        return "OneCycleLR without a length";
      }
      case 13: {
        if (m.type != ScheduleType.ONE_CYCLE) {
          return null;
        }
        int[][] exact = {{10, 10}, {4, 4}, {8, 8}, {1, 1}, {20, 20}, {100, 100}, {5, 5}, {2, 2}};
        int[] pair = pick(r, exact);
        int total = pair[0];
        double pct = 1.0 / pair[1];
        if (pct * total != 1.0) {
          return null;
        }
        m.attrs.remove("epochs");
        m.attrs.remove("stepsPerEpoch");
        m.put("totalSteps", lit(r, total), total);
        m.put("pctStart", lit(r, pct), pct);
        config.tags.add("one-cycle-phase");
        return "OneCycleLR totalSteps = " + total + ", pctStart = " + pct;
      }
      case 14:
        return mutateCombination(r, config);
      case 15: {
        if (chance(r, 0.3)) {
          config.kind = Kind.CLASS;
          config.holder = "Holder" + config.name;
          config.privateHolder = true;
          config.tags.add("config-private");
          return "config in a private class";
        }
        if (chance(r, 0.3) && (m.type == ScheduleType.LAMBDA || m.type == ScheduleType.MULTIPLICATIVE)) {
          String[] names = ((String[]) m.value("lrLambda")).clone();
          Fn fn = pick(r, m.type == ScheduleType.LAMBDA ? LAMBDAS : MULTIPLIERS);
          for (int i = 0; i < names.length; i++) {
            if (i == 0 || chance(r, 0.5)) {
              names[i] = fn.name();
            }
          }
          m.put("lrLambda", names(r, names), names);
          config.methods.put(fn.name(), fn.method(pick(r, " throws Exception",
              " throws java.io.IOException", " throws IllegalStateException, InterruptedException"), true));
          config.tags.add("method-throws");
          return m.type + " names " + fn.name() + ", which throws a checked exception";
        }
        Kind kind = pick(r, Kind.INTERFACE, Kind.ENUM, Kind.ANNOTATION, Kind.PRIVATE_CLASS);
        if (kind == Kind.ANNOTATION && !config.methods.isEmpty()) {
          return null;
        }
        config.kind = kind;
        config.holder = null;
        config.tags.add(kind == Kind.PRIVATE_CLASS ? "config-private" : "config-kind");
        return "@Schedule on " + kind;
      }
      default:
        // In repeated @Schedule an unresolved name also breaks the container javac writes, and
        // then javac runs no processor at all: such configs belong with the mistyped ones.
        return config.members.size() > 1 ? null : WRONG_TYPE + unresolved(r, config, m);
    }
  }

  /** A value that breaks the documented rule of {@code attribute}, or null if it has none to break. */
  private static Object badValue(Random r, ScheduleType type, String attribute) {
    switch (attribute) {
      case "stepSize":
      case "tMax":
        return 0;
      case "t0":
      case "stepSizeUp":
      case "totalSteps":
      case "epochs":
      case "stepsPerEpoch":
        return pick(r, 0, -1, Integer.MIN_VALUE, -between(r, 2, 1000));
      case "tMult":
        return pick(r, 0, -1, Integer.MIN_VALUE);
      case "stepSizeDown":
        return pick(r, -1, Integer.MIN_VALUE);
      case "power":
        return pick(r, -0.5, -Double.MIN_VALUE, -1e300);
      case "startFactor":
        return pick(r, 0.0, -0.0, -0.5, 1.5, Math.nextUp(1.0), Double.MAX_VALUE);
      case "endFactor":
      case "pctStart":
        return pick(r, -Double.MIN_VALUE, -0.5, Math.nextUp(1.0), 2.0, (double) Long.MAX_VALUE);
      case "factor":
        return type == ScheduleType.REDUCE_ON_PLATEAU ? pick(r, 1.0, 1.5, Double.MAX_VALUE)
            : pick(r, 0.0, -0.0, -0.25, 1.5, Math.nextUp(1.0));
      case "divFactor":
      case "finalDivFactor":
        return pick(r, 0.0, -0.0);
      default:
        return null;
    }
  }

  /** Any well-typed value for {@code attribute}, in range. */
  private static Attr wellTyped(Random r, String attribute) {
    switch (SHAPES.get(attribute)) {
      case INT: {
        int v = between(r, 1, 10);
        return new Attr(lit(r, v), v);
      }
      case DOUBLE: {
        double v = 0.5;
        return new Attr(lit(r, v), v);
      }
      case DOUBLES: {
        double[] v = {0.5};
        return new Attr(lit(r, v), v);
      }
      case INTS: {
        int[] v = {3, 6};
        return new Attr(lit(r, v), v);
      }
      case BOOLEAN:
        return new Attr("false", false);
      case MODE:
        return new Attr("TRIANGULAR", "TRIANGULAR");
      case SCALE_MODE:
        return new Attr("ScaleMode.CYCLE", "CYCLE");
      case ANNEAL:
        return new Attr("AnnealStrategy.COS", "COS");
      case THRESHOLD_MODE:
        return new Attr("ThresholdMode.REL", "REL");
      case NAME:
        return new Attr("\"flat\"", "flat");
      case NAMES:
        return new Attr("\"keep\"", new String[] {"keep"});
      default:
        throw new AssertionError(attribute);
    }
  }

  private static String mutateCombination(Random r, Config config) {
    int count = config.members.size();
    switch (r.nextInt(9)) {
      case 0:
        if (count < 2) {
          return null;
        }
        config.combinator = Combinator.NONE;
        config.milestonesSource = null;
        config.tags.add("combinator-missing");
        return count + " @Schedule without a combinator";
      case 1:
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        if (config.combinator == Combinator.CHAINED) {
          config.milestones = new int[count - 1];
          for (int i = 0; i < count - 1; i++) {
            config.milestones[i] = 10 * (i + 1);
          }
          config.milestonesSource = lit(r, config.milestones);
        }
        config.combinator = Combinator.BOTH;
        config.tags.add("combinator-conflict");
        return "@Sequential and @Chained";
      case 2: {
        config.members.clear();
        config.methods.clear();
        boolean sequential = r.nextBoolean();
        config.combinator = sequential ? Combinator.SEQUENTIAL : Combinator.CHAINED;
        config.milestonesSource = sequential ? pick(r, "{}", "{5}", "3") : null;
        config.tags.add("combinator-alone");
        return (sequential ? "@Sequential" : "@Chained") + " without @Schedule";
      }
      case 3: {
        if (config.combinator != Combinator.SEQUENTIAL) {
          return null;
        }
        int[] wrong = new int[r.nextBoolean() ? count : count + 1];
        for (int i = 0; i < wrong.length; i++) {
          wrong[i] = 10 * (i + 1);
        }
        config.milestones = wrong;
        config.milestonesSource = lit(r, wrong);
        config.tags.add("sequential-count");
        return wrong.length + " milestones for " + count + " schedules";
      }
      case 4: {
        if (config.combinator != Combinator.SEQUENTIAL || count < 2) {
          return null;
        }
        int[] wrong = config.milestones.clone();
        int i = r.nextInt(wrong.length);
        if (i > 0 && r.nextBoolean()) {
          wrong[i] = wrong[i - 1] - r.nextInt(3);
          config.tags.add("sequential-order");
        } else {
          wrong[i] = pick(r, 0, -1, Integer.MIN_VALUE);
          config.tags.add("sequential-range");
          config.tags.add("sequential-order");
        }
        config.milestones = wrong;
        config.milestonesSource = lit(r, wrong);
        return "@Sequential milestones " + Arrays.toString(wrong);
      }
      case 5: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member plateau = new Member(ScheduleType.REDUCE_ON_PLATEAU);
        config.members.add(r.nextInt(count + 1), plateau);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return "ReduceLROnPlateau in " + config.combinator;
      }
      case 6: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member cycling = new Member(pick(r, ScheduleType.CYCLIC, ScheduleType.ONE_CYCLE));
        if (cycling.type == ScheduleType.CYCLIC) {
          cycling.put("baseLr", "0.001", new double[] {0.001}).put("maxLr", "0.01", new double[] {0.01});
        } else {
          cycling.put("maxLr", "0.01", new double[] {0.01}).put("totalSteps", "100", 100);
        }
        if (r.nextBoolean()) {
          cycling.put("cycleMomentum", "true", true);
        }
        config.members.add(0, cycling);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return cycling.type + " cycling momentum in " + config.combinator;
      }
      case 7: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member oneCycle = new Member(ScheduleType.ONE_CYCLE)
            .put("maxLr", "0.01", new double[] {0.01}).put("totalSteps", "1000", 1000)
            .put("cycleMomentum", "false", false);
        config.members.add(1 + r.nextInt(count), oneCycle);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return "OneCycleLR after another schedule";
      }
      default: {
        if (config.combinator != Combinator.SEQUENTIAL) {
          return null;
        }
        ScheduleType type = pick(r, ScheduleType.LINEAR, ScheduleType.POLYNOMIAL);
        Member later = new Member(type).put("totalIters", lit(r, 0), 0);
        config.members.add(1 + r.nextInt(count), later);
        fixMilestones(r, config);
        config.tags.add("invalid-value");
        return type + " totalIters = 0 as a later phase";
      }
    }
  }

  private static void fixMilestones(Random r, Config config) {
    if (config.combinator != Combinator.SEQUENTIAL && config.combinator != Combinator.BOTH) {
      return;
    }
    int[] milestones = new int[config.members.size() - 1];
    for (int i = 0; i < milestones.length; i++) {
      milestones[i] = 7 * (i + 1);
    }
    config.milestones = milestones;
    config.milestonesSource = lit(r, milestones);
  }

  /**
   * A name javac cannot resolve, in a value or as an attribute. javac reports it and still runs
   * the processor over the compilation unit, with an erroneous value in the annotation.
   */
  private static String unresolved(Random r, Config config, Member m) {
    config.tags.clear();
    switch (r.nextInt(6)) {
      case 0: {
        String a = pick(r, "stepSize", "tMax", "t0", "totalIters", "stepSizeUp", "totalSteps", "patience");
        String text = pick(r, "NOPE", "NOPE + 1", "Missing.VALUE", "-NOPE");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 1: {
        String a = pick(r, "gamma", "etaMin", "factor", "pctStart", "eps", "power");
        String text = pick(r, "NOPE", "Missing.VALUE * 2", "1.0 / NOPE");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 2: {
        String a = pick(r, "milestones", "baseLr", "maxLr", "minLr");
        String text = pick(r, "{1, NOPE}", "{NOPE}", "NOPE", "{NOPE, 2, 3}");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 3: {
        String a = pick(r, "lrLambda", "scaleFn");
        String text = a.equals("lrLambda") ? pick(r, "NOPE", "{\"keep\", NOPE}", "\"keep\" + NOPE")
            : pick(r, "NOPE", "\"flat\" + NOPE", "Missing.NAME");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 4: {
        String a = pick(r, "cycleMomentum", "threePhase");
        m.put(a, "NOPE", null);
        return a + " = NOPE";
      }
      default: {
        String raw = pick(r, "foo = 1", "stepsize = 3", "T_max = 10", "lr = 0.1", "value = 2");
        m.rawAttrs.add(raw);
        return "unknown attribute " + raw;
      }
    }
  }

  /**
   * A value of the wrong type, no constant, a repeated attribute, a missing or unknown type:
   * javac reports it and runs no processor over the compilation unit at all, so such configs get
   * compilation units of their own.
   */
  static Config mistyped(Random r, String name) {
    Config config = sensible(r, name, r.nextBoolean());
    Member m = pick(r, config.members);
    String what;
    switch (r.nextInt(8)) {
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
      default: {
        String a = pick(r, TAKES.get(m.type));
        Attr any = m.has(a) ? m.attrs.get(a) : wellTyped(r, a);
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
    config.recipe = WRONG_TYPE + what;
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
      List<String> pool = chance(r, 0.7) ? TAKES.get(type) : ATTRIBUTES;
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
    if (chance(r, 0.05)) {
      config.kind = pick(r, Kind.INTERFACE, Kind.ENUM, Kind.PRIVATE_CLASS, Kind.RECORD);
    }
    config.recipe = "junk";
    Expect expect = classify(config, config.tags);
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
      Fn fn = pick(r, r.nextBoolean() ? LAMBDAS : MULTIPLIERS);
      config.methods.put(fn.name(), fn.method());
      return fn.name();
    } else if (p < 0.7) {
      ScaleFn fn = pick(r, SCALES);
      config.methods.put(fn.name(), fn.method());
      return fn.name();
    } else if (p < 0.9) {
      Method decoy = pick(r, DECOYS);
      config.methods.put(decoy.name(), decoy);
      return decoy.name();
    }
    return pick(r, "missing", "");
  }

  // ---------------------------------------------------------------------------------------------
  // The documented rules.

  /**
   * What the processor must make of {@code config}, judged by the documented rules alone; adds the
   * tag of every error it must report to {@code errors}.
   */
  /** Some group's maxLr below its baseLr: a scaleFn above 1 takes the rate below maxLr, with [anneal.negative-rate]. */
  private static boolean maxBelowBase(Member m) {
    if (!(m.value("baseLr") instanceof double[] base) || !(m.value("maxLr") instanceof double[] max)
        || base.length == 0 || max.length == 0) {
      return false;
    }
    for (int g = 0; g < Math.max(base.length, max.length); g++) {
      if (max[max.length == 1 ? 0 : Math.min(g, max.length - 1)] < base[base.length == 1 ? 0 : Math.min(g, base.length - 1)]) {
        return true;
      }
    }
    return false;
  }

  /** A written gamma above 1 in magnitude: the rate grows, with [anneal.growing-rate]. */
  private static boolean grows(Member m) {
    return m.value("gamma") instanceof Double gamma && Double.isFinite(gamma) && Math.abs(gamma) > 1;
  }

  static Expect classify(Config config, Set<String> errors) {
    boolean warnings = false;
    boolean either = false;
    if (config.members.isEmpty() && config.combinator == Combinator.NONE) {
      return Expect.VALID; // No annotation: not a config at all.
    }
    if (config.kind == Kind.INTERFACE || config.kind == Kind.ENUM || config.kind == Kind.ANNOTATION) {
      errors.add("config-kind");
      return Expect.INVALID;
    }
    if (config.kind == Kind.PRIVATE_CLASS || config.privateHolder) {
      errors.add("config-private");
    }
    int count = config.members.size();
    Combinator combinator = config.combinator;
    if (combinator == Combinator.BOTH) {
      errors.add("combinator-conflict");
    }
    if (combinator == Combinator.NONE && count > 1) {
      errors.add("combinator-missing");
    }
    if (combinator != Combinator.NONE && count == 0) {
      errors.add("combinator-alone");
    }
    boolean sequential = combinator == Combinator.SEQUENTIAL || combinator == Combinator.BOTH;
    if (sequential && count > 0) {
      int[] milestones = config.milestones;
      if (milestones.length != count - 1) {
        errors.add("sequential-count");
      }
      for (int i = 0; i < milestones.length; i++) {
        if (milestones[i] <= 0) {
          errors.add("sequential-range");
        } else if (i > 0 && milestones[i] <= milestones[i - 1]) {
          errors.add("sequential-order");
        }
      }
    }
    if (combinator != Combinator.NONE && count > 1) {
      // The schedules of one combination share the parameter groups.
      int firstLength = -1;
      int firstIndex = -1;
      for (int index = 0; index < count; index++) {
        Member m = config.members.get(index);
        for (String a : TAKES.get(m.type)) {
          Object value = m.has(a) ? m.value(a) : null;
          int length = value instanceof double[] list ? list.length
              : value instanceof String[] list ? list.length : 0;
          if (length <= 1) {
            continue;
          }
          if (firstLength == -1) {
            firstLength = length;
            firstIndex = index;
          } else if (index != firstIndex && length != firstLength) {
            errors.add("list-lengths");
          }
        }
      }
    }
    for (int index = 0; index < count; index++) {
      Member m = config.members.get(index);
      ScheduleType type = m.type;
      if (combinator != Combinator.NONE && count > 0) {
        if (type == ScheduleType.REDUCE_ON_PLATEAU) {
          errors.add("not-combinable");
        }
        if ((type == ScheduleType.CYCLIC || type == ScheduleType.ONE_CYCLE) && m.b("cycleMomentum", true)) {
          errors.add("not-combinable");
        }
        if (index > 0 && type == ScheduleType.ONE_CYCLE) {
          errors.add("not-combinable");
        }
        if (sequential && index > 0 && (type == ScheduleType.LINEAR || type == ScheduleType.POLYNOMIAL)
            && m.has("totalIters") && m.i("totalIters", 5) == 0) {
          // PyTorch starts a later schedule through its closed form, which divides by total_iters.
          errors.add("invalid-value");
        }
        if (sequential && type == ScheduleType.ONE_CYCLE && config.milestones.length == count - 1
            && index < config.milestones.length) {
          long total = m.has("totalSteps") ? m.i("totalSteps", 0)
              : m.has("epochs") && m.has("stepsPerEpoch") && m.i("epochs", 0) > 0 && m.i("stepsPerEpoch", 0) > 0
                  ? (long) m.i("epochs", 0) * m.i("stepsPerEpoch", 0) : 0;
          long start = index == 0 ? 0 : config.milestones[index - 1];
          if (total > 0 && total <= Integer.MAX_VALUE && config.milestones[index] > start + total + 1) {
            errors.add("sequential-unreached");
          }
        }
      }
      List<String> takes = TAKES.get(type);
      for (String a : m.attrs.keySet()) {
        if (!takes.contains(a)) {
          errors.add("not-applicable");
        }
      }
      for (String a : REQUIRES.get(type)) {
        if (!m.has(a)) {
          errors.add("required");
        }
      }
      int listLength = -1;
      for (String a : takes) {
        if (!m.has(a)) {
          continue;
        }
        Object value = m.value(a);
        Rule rule = rule(type, a);
        if (value instanceof Integer i && !holds(rule, i)) {
          errors.add("invalid-value");
        } else if (value instanceof Double d && !holds(rule, d)) {
          errors.add("invalid-value");
        } else if (value instanceof double[] list) {
          if (list.length == 0) {
            errors.add("list-empty");
          }
          for (double d : list) {
            if (!holds(rule, d)) {
              errors.add("invalid-value");
            }
          }
        }
        int length = value instanceof double[] list ? list.length
            : value instanceof String[] list ? list.length : 0;
        if (length > 1) {
          if (listLength == -1) {
            listLength = length;
          } else if (length != listLength) {
            errors.add("list-lengths");
          }
        }
      }
      if (m.has("mode")) {
        String mode = m.e("mode", "");
        boolean fits = type == ScheduleType.CYCLIC
            ? Set.of("TRIANGULAR", "TRIANGULAR2", "EXP_RANGE").contains(mode)
            : Set.of("MIN", "MAX").contains(mode);
        if (!fits && takes.contains("mode")) {
          errors.add("invalid-mode");
        }
      }
      if (takes.contains("lrLambda") && m.has("lrLambda")) {
        String[] names = (String[]) m.value("lrLambda");
        if (names.length == 0) {
          errors.add("list-empty");
        }
        for (String name : names) {
          String problem = methodProblem(config, name, false);
          if (problem != null) {
            errors.add(problem);
          }
        }
      }
      if (takes.contains("scaleFn") && m.has("scaleFn")) {
        String problem = methodProblem(config, (String) m.value("scaleFn"), true);
        if (problem != null) {
          errors.add(problem);
        }
      }
      // A schedule of @Sequential before the last runs from its milestone to the next, counting
      // its own steps from 0: a decay at or past that length never comes.
      long phaseLength = Long.MAX_VALUE;
      if (sequential && config.milestones.length == count - 1 && index < count - 1) {
        long start = index == 0 ? 0 : config.milestones[index - 1];
        if (config.milestones[index] > start) {
          phaseLength = config.milestones[index] - start;
        }
      }
      long length = phaseLength;
      switch (type) {
        case STEP:
          warnings |= m.has("stepSize") && m.i("stepSize", 1) < 0;
          warnings |= m.has("stepSize") && Math.abs((long) m.i("stepSize", 1)) >= length;
          warnings |= grows(m);
          break;
        case MULTI_STEP:
          warnings |= m.has("milestones") && Arrays.stream((int[]) m.value("milestones")).anyMatch(v -> v < 0);
          warnings |= m.has("milestones") && Arrays.stream((int[]) m.value("milestones")).anyMatch(v -> v >= length);
          // No milestone: the rate never changes.
          warnings |= m.has("milestones") && ((int[]) m.value("milestones")).length == 0;
          warnings |= grows(m);
          break;
        case EXPONENTIAL:
          warnings |= grows(m);
          break;
        case CONSTANT:
        case LINEAR:
        case POLYNOMIAL:
          warnings |= m.has("totalIters") && m.i("totalIters", 5) <= 0;
          break;
        case CYCLIC:
          warnings |= !m.has("scaleFn") && m.e("mode", "").equals("EXP_RANGE") && grows(m);
          warnings |= m.has("scaleFn") && maxBelowBase(m);
          warnings |= m.has("scaleFn") && m.has("mode");
          warnings |= !m.has("scaleFn") && m.has("scaleMode");
          warnings |= !m.b("cycleMomentum", true) && (m.has("baseMomentum") || m.has("maxMomentum"));
          break;
        case ONE_CYCLE: {
          warnings |= m.has("cycleMomentum") && !m.b("cycleMomentum", true)
              && (m.has("baseMomentum") || m.has("maxMomentum"));
          boolean total = m.has("totalSteps");
          boolean epochs = m.has("epochs") && m.has("stepsPerEpoch");
          if (!total && !epochs) {
            errors.add("one-cycle-length");
            break;
          }
          warnings |= total && (m.has("epochs") || m.has("stepsPerEpoch"));
          long steps = total ? m.i("totalSteps", 0) : (long) m.i("epochs", 0) * m.i("stepsPerEpoch", 0);
          if (!total && m.i("epochs", 0) > 0 && m.i("stepsPerEpoch", 0) > 0 && steps > Integer.MAX_VALUE) {
            either = true;
            break;
          }
          double pct = m.d("pctStart", 0.3);
          if (steps > 0 && holds(Rule.UNIT_INTERVAL, pct)) {
            boolean three = m.b("threePhase", false);
            if (oneCycleFailsEarly(steps, pct)) {
              errors.add("one-cycle-phase");
            } else if (oneCycleLastPhaseEmpty(steps, pct, three)) {
              either = true;
            }
          }
          break;
        }
        default:
          break;
      }
    }
    if (!errors.isEmpty()) {
      return Expect.INVALID;
    }
    if (either) {
      return Expect.EITHER;
    }
    warnings |= chainedCosineMayTurnNegative(config);
    return warnings ? Expect.WARNED : Expect.VALID;
  }

  /**
   * The documented rule of [anneal.negative-rate] in @Chained: CosineAnnealingLR with etaMin > 0,
   * not followed by a schedule that sets the rate (LambdaLR, CosineAnnealingWarmRestarts, CyclicLR,
   * OneCycleLR): PyTorch's chained recurrence can overshoot below 0 where another schedule lowers
   * the rate or a group starts below etaMin.
   */
  static boolean chainedCosineMayTurnNegative(Config config) {
    if (config.combinator != Combinator.CHAINED) {
      return false;
    }
    int lastSetter = -1;
    for (int i = 0; i < config.members.size(); i++) {
      ScheduleType type = config.members.get(i).type;
      if (type == ScheduleType.LAMBDA || type == ScheduleType.COSINE_WARM_RESTARTS || type == ScheduleType.CYCLIC
          || type == ScheduleType.ONE_CYCLE) {
        lastSetter = i;
      }
    }
    for (int i = lastSetter + 1; i < config.members.size(); i++) {
      Member cosine = config.members.get(i);
      if (cosine.type == ScheduleType.COSINE && cosine.d("etaMin", 0) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The tag of what is wrong with the method {@code name} names, or null if it fits. */
  private static String methodProblem(Config config, String name, boolean scale) {
    List<Method> candidates = new ArrayList<>();
    for (Method method : config.methods.values()) {
      if (method.name().equals(name)) {
        candidates.add(method);
      }
    }
    if (candidates.isEmpty()) {
      return "method-missing";
    }
    // Only the overloads that fit count: two that fit are ambiguous, none is a wrong signature.
    candidates.removeIf(method -> !(scale ? method.fitsScale() : method.fitsFactor()));
    if (candidates.size() > 1) {
      return "method-ambiguous";
    }
    if (candidates.isEmpty()) {
      return "method-signature";
    }
    Method method = candidates.get(0);
    return method.throwsChecked() ? "method-throws" : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing a compilation unit.

  /** Writes {@code configs} as nested types of {@code outer}, setting each one's line range. */
  static List<String> compilationUnit(String outer, List<Config> configs) {
    List<String> lines = new ArrayList<>(Sources.HEADER);
    lines.add("final class " + outer + " {");
    for (Config config : configs) {
      if (config.holder != null) {
        lines.add("  " + (config.privateHolder ? "private " : "") + "static final class " + config.holder + " {");
      }
      config.firstLine = lines.size() + 1;
      lines.addAll(lines(config));
      config.lastLine = lines.size();
      if (config.holder != null) {
        lines.add("  }");
      }
    }
    lines.add("}");
    return lines;
  }

  /** The lines of one config: its annotations and its type, indented for where it stands. */
  static List<String> lines(Config config) {
    String indent = config.holder != null ? "    " : "  ";
    String prefix = config.qualified ? "@dev.anneal." : "@";
    List<String> text = new ArrayList<>();
    if (config.explicitContainer) {
      text.add(prefix + "Schedule.List({");
      for (int i = 0; i < config.members.size(); i++) {
        String annotation = annotation(config.members.get(i), prefix);
        text.add("    " + annotation.replace("\n", "\n    ") + (i < config.members.size() - 1 ? "," : ""));
      }
      text.add("})");
    } else {
      for (Member m : config.members) {
        text.add(annotation(m, prefix));
      }
    }
    if (config.combinator == Combinator.SEQUENTIAL || config.combinator == Combinator.BOTH) {
      text.add(prefix + "Sequential(milestones = "
          + (config.milestonesSource == null ? "{}" : config.milestonesSource) + ")");
    }
    if (config.combinator == Combinator.CHAINED || config.combinator == Combinator.BOTH) {
      text.add(prefix + "Chained");
    }
    if (config.deprecated) {
      text.add("@Deprecated");
    }
    text.add(declaration(config));
    if (config.kind == Kind.ENUM) {
      text.add("  ONLY;");
      for (Method method : config.methods.values()) {
        text.add("  " + method.text().replace("\n", " "));
      }
    } else {
      for (Method method : config.methods.values()) {
        text.add("  " + method.text().replace("\n", "\n  "));
      }
    }
    text.add("}");
    return text.stream().flatMap(block -> Arrays.stream(block.split("\n", -1)))
        .map(line -> indent + line).toList();
  }

  private static String declaration(Config config) {
    switch (config.kind) {
      case RECORD:
        return "record " + config.name + "() {";
      case GENERIC_CLASS:
        return "static final class " + config.name + "<T extends Comparable<T>> {";
      case INTERFACE:
        return "interface " + config.name + " {";
      case ENUM:
        return "enum " + config.name + " {";
      case ANNOTATION:
        return "@interface " + config.name + " {";
      case PRIVATE_CLASS:
        return "private static final class " + config.name + " {";
      default:
        return "static final class " + config.name + " {";
    }
  }

  private static String annotation(Member m, String prefix) {
    List<String> parts = new ArrayList<>();
    if (m.typeSource != null) {
      parts.add("type = " + m.typeSource);
    }
    for (Map.Entry<String, Attr> e : m.attrs.entrySet()) {
      parts.add(e.getKey() + " = " + e.getValue().source());
    }
    parts.addAll(m.rawAttrs);
    if (parts.isEmpty()) {
      return prefix + "Schedule";
    }
    return prefix + "Schedule(" + String.join(",\n    ", parts) + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // The model of an accepted config.

  /** Builds PyTorch's scheduler for {@code config} over {@code optimizer}, with PyTorch's defaults. */
  static Object model(Config config, PlainPyTorch.Optimizer optimizer) {
    List<PlainPyTorch.LRScheduler> schedulers = new ArrayList<>();
    for (Member m : config.members) {
      Object scheduler = model(m, optimizer);
      if (scheduler instanceof PlainPyTorch.ReduceLROnPlateau plateau) {
        return plateau;
      }
      schedulers.add((PlainPyTorch.LRScheduler) scheduler);
    }
    switch (config.combinator) {
      case SEQUENTIAL:
        return new PlainPyTorch.SequentialLR(optimizer, schedulers,
            Arrays.stream(config.milestones).asLongStream().toArray());
      case CHAINED:
        return new PlainPyTorch.ChainedScheduler(schedulers);
      default:
        return schedulers.get(0);
    }
  }

  private static Object model(Member m, PlainPyTorch.Optimizer o) {
    switch (m.type) {
      case STEP:
        return new PlainPyTorch.StepLR(o, m.i("stepSize", 0), m.d("gamma", 0.1));
      case MULTI_STEP:
        return new PlainPyTorch.MultiStepLR(o,
            Arrays.stream((int[]) m.value("milestones")).asLongStream().toArray(), m.d("gamma", 0.1));
      case CONSTANT:
        return new PlainPyTorch.ConstantLR(o, m.d("factor", 1.0 / 3), m.i("totalIters", 5));
      case LINEAR:
        return new PlainPyTorch.LinearLR(o, m.d("startFactor", 1.0 / 3), m.d("endFactor", 1.0),
            m.i("totalIters", 5));
      case EXPONENTIAL:
        return new PlainPyTorch.ExponentialLR(o, m.d("gamma", Double.NaN));
      case POLYNOMIAL:
        return new PlainPyTorch.PolynomialLR(o, m.i("totalIters", 5), m.d("power", 1.0));
      case COSINE:
        return new PlainPyTorch.CosineAnnealingLR(o, m.i("tMax", 0), m.d("etaMin", 0.0));
      case COSINE_WARM_RESTARTS:
        return new PlainPyTorch.CosineAnnealingWarmRestarts(o, m.i("t0", 0), m.i("tMult", 1),
            m.d("etaMin", 0.0));
      case CYCLIC: {
        String scaleFn = m.e("scaleFn", null);
        return new PlainPyTorch.CyclicLR(o, m.ds("baseLr", Double.NaN), m.ds("maxLr", Double.NaN),
            m.i("stepSizeUp", 2000), m.l("stepSizeDown"),
            PlainPyTorch.CyclicMode.valueOf(m.e("mode", "TRIANGULAR")), m.d("gamma", 1.0),
            scaleFn == null ? null : SCALE_FUNCTIONS.get(scaleFn),
            m.e("scaleMode", "CYCLE").equals("CYCLE"), m.b("cycleMomentum", true),
            m.ds("baseMomentum", 0.8), m.ds("maxMomentum", 0.9));
      }
      case ONE_CYCLE:
        return new PlainPyTorch.OneCycleLR(o, m.ds("maxLr", Double.NaN), m.l("totalSteps"),
            m.l("epochs"), m.l("stepsPerEpoch"), m.d("pctStart", 0.3),
            m.e("annealStrategy", "COS").equals("LINEAR"), m.b("cycleMomentum", true),
            m.ds("baseMomentum", 0.85), m.ds("maxMomentum", 0.95), m.d("divFactor", 25.0),
            m.d("finalDivFactor", 1e4), m.b("threePhase", false));
      case REDUCE_ON_PLATEAU:
        return new PlainPyTorch.ReduceLROnPlateau(o, m.e("mode", "MIN").equals("MAX"),
            m.d("factor", 0.1), m.i("patience", 10), m.d("threshold", 1e-4),
            m.e("thresholdMode", "REL").equals("ABS"), m.i("cooldown", 0), m.ds("minLr", 0.0),
            m.d("eps", 1e-8));
      case LAMBDA:
        return new PlainPyTorch.LambdaLR(o, factors(m));
      case MULTIPLICATIVE:
        return new PlainPyTorch.MultiplicativeLR(o, factors(m));
      default:
        throw new AssertionError(m.type);
    }
  }

  private static LongToDoubleFunction[] factors(Member m) {
    String[] names = (String[]) m.value("lrLambda");
    LongToDoubleFunction[] functions = new LongToDoubleFunction[names.length];
    for (int i = 0; i < names.length; i++) {
      functions[i] = FACTOR_FUNCTIONS.get(names[i]);
    }
    return functions;
  }

  /** Whether the generated class must cycle momentum: one CyclicLR or OneCycleLR that does. */
  static boolean cyclesMomentum(Config config) {
    return config.members.size() == 1 && config.combinator == Combinator.NONE
        && EnumSet.of(ScheduleType.CYCLIC, ScheduleType.ONE_CYCLE).contains(config.members.get(0).type)
        && config.members.get(0).b("cycleMomentum", true);
  }
}

package dev.anneal.processor;

import dev.anneal.ScheduleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;

/**
 * A random {@code @Schedule} config as the property test's oracle sees it: its members, their
 * attributes and the methods it declares, and what the processor must make of it.
 */
final class ConfigDescription {
  private ConfigDescription() {}

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

  /** The shape of an attribute: what its value is in Java. */
  /** DOUBLES is a per-group list, FACTORS a list of the schedule's own numbers. */
  enum Shape { INT, DOUBLE, DOUBLES, FACTORS, INTS, BOOLEAN, MODE, SCALE_MODE, ANNEAL, THRESHOLD_MODE, WSD_TYPE,
    TIMM_STABLE_FN, TIMM_DECAY_FN, TIMM_NOISE_TYPE, OPTAX_INTERPOLATE_TYPE, NAME, NAMES }

  /** Every attribute of {@code @Schedule} with its shape; the types' oracles say which they take. */
  static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

  static {
    for (String a : List.of("stepSize", "totalIters", "tMax", "t0", "tMult", "stepSizeUp",
        "stepSizeDown", "totalSteps", "epochs", "stepsPerEpoch", "patience", "cooldown", "numWarmupSteps",
        "timescale", "numTrainingSteps", "numDecaySteps", "numStableSteps", "tInitial", "cycleLimit", "warmupT",
        "noiseSeed", "decaySteps", "warmupSteps", "firstDecaySteps", "transitionSteps", "transitionBegin")) {
      SHAPES.put(a, Shape.INT);
    }
    for (String a : List.of("gamma", "factor", "startFactor", "endFactor", "power", "etaMin",
        "pctStart", "divFactor", "finalDivFactor", "threshold", "eps", "numCycles", "lrEnd",
        "lrInit", "minLrRate", "warmupLrRate", "lastFactor", "minLrRatio", "lrMin", "cycleMul", "cycleDecay",
        "warmupLrInit", "noisePct", "noiseStd", "kDecay", "lb", "ub", "decayRate", "stableTimescale", "stablePower",
        "decayPower", "decayRatio", "endLearningRate", "alpha", "warmupTarget", "tMul", "mMul", "value", "initValue",
        "peakValue", "endValue", "exponent", "pctFinal")) {
      SHAPES.put(a, Shape.DOUBLE);
    }
    for (String a : List.of("baseLr", "maxLr", "baseMomentum", "maxMomentum", "minLr", "lrScale")) {
      SHAPES.put(a, Shape.DOUBLES);
    }
    SHAPES.put("milestones", Shape.INTS);
    SHAPES.put("ruleSteps", Shape.INTS);
    SHAPES.put("noiseRangeT", Shape.INTS);
    SHAPES.put("decayT", Shape.INTS);
    SHAPES.put("boundaries", Shape.INTS);
    SHAPES.put("values", Shape.FACTORS);
    SHAPES.put("scales", Shape.FACTORS);
    SHAPES.put("interpolateType", Shape.OPTAX_INTERPOLATE_TYPE);
    SHAPES.put("staircase", Shape.BOOLEAN);
    SHAPES.put("cycle", Shape.BOOLEAN);
    SHAPES.put("warmupPrefix", Shape.BOOLEAN);
    SHAPES.put("stableFn", Shape.TIMM_STABLE_FN);
    SHAPES.put("decayFn", Shape.TIMM_DECAY_FN);
    SHAPES.put("ruleFactors", Shape.FACTORS);
    SHAPES.put("cycleMomentum", Shape.BOOLEAN);
    SHAPES.put("threePhase", Shape.BOOLEAN);
    SHAPES.put("mode", Shape.MODE);
    SHAPES.put("scaleMode", Shape.SCALE_MODE);
    SHAPES.put("annealStrategy", Shape.ANNEAL);
    SHAPES.put("thresholdMode", Shape.THRESHOLD_MODE);
    SHAPES.put("warmupType", Shape.WSD_TYPE);
    SHAPES.put("decayType", Shape.WSD_TYPE);
    SHAPES.put("scaleFn", Shape.NAME);
    SHAPES.put("lrLambda", Shape.NAMES);
    SHAPES.put("patienceT", Shape.INT);
    SHAPES.put("cooldownT", Shape.INT);
    SHAPES.put("noiseType", Shape.TIMM_NOISE_TYPE);
  }

  static final List<String> ATTRIBUTES = List.copyOf(SHAPES.keySet());

  /**
   * The attributes of {@code @Warmup} by the names {@code @Bind} binds them under, in a fixed order
   * (a seed must keep giving the same configs).
   */
  static final Map<String, String> WARMUP_BINDS = new LinkedHashMap<>();

  static {
    WARMUP_BINDS.put("warmupSteps", "steps");
    WARMUP_BINDS.put("warmupStartFactor", "startFactor");
  }

  /** Every constant of {@code Mode}, which CyclicLR, ReduceLROnPlateau and timm's plateau each take some of. */
  static final List<String> MODES = List.of("TRIANGULAR", "TRIANGULAR2", "EXP_RANGE", "MIN", "MAX");

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

  /** A factor method, written once as source and once as the model's function. */
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

  /** A scale method, written once as source and once as the model's function. */
  record ScaleFn(String name, String body, DoubleUnaryOperator f) {
    Method method() {
      return new Method(name, "static double " + name + "(double x) {\n  return " + body
          + ";\n}", true, false, "double", List.of("double"));
    }
  }

  /** A config's {@code @Warmup}: {@code steps}, {@code startFactor} and {@code shape}, as written. */
  static final class Warmup {
    /** The attributes written; one left out is absent, whether bound or not. */
    final LinkedHashMap<String, Attr> attrs = new LinkedHashMap<>();

    Warmup put(String attribute, String source, Object value) {
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
  }

  /**
   * A value bound with {@code @Bind}: a record component of a record, an accessor of any other
   * kind of config. {@code member} is the component's or accessor's name, {@code annotation} the
   * {@code @Bind} written on it without its {@code @} (it names {@code attribute} where the member
   * is named otherwise), {@code javaType} its declared type, and {@code value} what the config
   * holds: the record's constructor is given it, an accessor returns {@code source}.
   */
  record Bound(String attribute, String member, String annotation, String javaType, String source, Object value) {}

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
    /** The {@code @Warmup} in front of its schedules; null for none. */
    Warmup warmup;
    /** The values it binds, in the order its record components or accessors are written. */
    final List<Bound> bound = new ArrayList<>();
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

    /** The config's binary name without its package, for a config in {@code outer}. */
    String binaryName(String outer) {
      return outer + "$" + (holder == null ? "" : holder + "$") + name;
    }

    /** What binds {@code attribute}, or null where nothing does. */
    Bound binding(String attribute) {
      return bound.stream().filter(b -> b.attribute().equals(attribute)).findFirst().orElse(null);
    }

    /** Drops what binds {@code attribute}. */
    void unbind(String attribute) {
      bound.removeIf(b -> b.attribute().equals(attribute));
    }

    @Override
    public String toString() {
      return name + " (" + recipe + ", " + expect + ", lines " + firstLine + "-" + lastLine + ")";
    }
  }
}

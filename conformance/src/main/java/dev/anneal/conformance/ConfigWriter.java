package dev.anneal.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.anneal.Chained;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute;
import dev.anneal.processor.model.Attribute.Fallback;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Param;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Writes the config class a user would write for a case: the scheduler as {@link Schedule}
 * annotations, its function arguments as static methods.
 *
 * <p>The mapping is generic, driven by the annotation types themselves rather than by a table of
 * schedules: an argument {@code snake_case} becomes the attribute {@code snakeCase}, and the
 * attribute's declared type decides how its value is written (an {@code int}, a {@code double},
 * an enum constant found by its {@code torchName()}, an array, or the name of a generated method).
 * A value the annotation cannot hold (a string that names no constant, a fraction for an
 * {@code int}) is still written as it reads, so that the compiler refuses it as it would refuse
 * the user.
 */
final class ConfigWriter {

  /** The simple name of every config class; each case has its own package. */
  static final String CONFIG_CLASS = "Config";

  /** The reference's composite schedulers and the annotation that declares each. */
  private static final Map<String, Class<? extends Annotation>> COMPOSITES =
      Map.of("SequentialLR", Sequential.class, "ChainedScheduler", Chained.class);

  /**
   * Arguments of the reference that change nothing the loop records, at the value given here
   * ({@code null}: at any value); written nowhere. timm's {@code t_in_epochs=False} is how an
   * Anneal scheduler steps, once per update.
   */
  private static final Map<String, JsonElement> NO_EFFECT = Map.of("last_epoch", new JsonPrimitive(-1), "verbose",
      JsonNull.INSTANCE, "t_in_epochs", new JsonPrimitive(false));

  /**
   * Arguments that the reference takes as any string, reading every string but its own names as
   * the one given here (timm draws the 'normal' noise for "normal" alone, the uniform noise for
   * any other string): the constant whose {@code torchName()} that is.
   */
  private static final Map<String, String> ANY_OTHER_STRING = Map.of("noise_type", "uniform");

  /** The format's rule: a function argument takes the step ({@code long}), except these. */
  private static final Map<String, String> FUNCTION_PARAMETER_TYPES = Map.of("scale_fn", "double");

  /** Prefixes of the generated method names, by attribute; others use the attribute's name. */
  private static final Map<String, String> FUNCTION_PREFIXES = Map.of("lrLambda", "lambda", "scaleFn", "scale");

  /** The snake-case name lrInit would have as an argument, which a case gives it by instead. */
  private static final String LR_INIT_ARGUMENT = Names.snake(Param.LR_INIT.attribute);

  /** The parameter groups' key that timm reads as the attribute lrScale. */
  private static final String LR_SCALE_ARGUMENT = Names.snake(Param.LR_SCALE.attribute);

  /** diffusers' rules of a piecewise constant schedule, one string the annotation takes apart. */
  private static final String STEP_RULES = "step_rules";

  /** optax's dict of boundaries and scales, which the annotation takes as two lists. */
  private static final String BOUNDARIES_AND_SCALES = "boundaries_and_scales";

  private static final String SGDR = "optax.sgdr_schedule";
  private static final String WARMUP_COSINE = "optax.warmup_cosine_decay_schedule";

  /** optax's schedules that join others, written as {@code @Sequential}. */
  private static final Set<String> JOINS = Set.of("optax.join_schedules", SGDR);

  private ConfigWriter() {}

  /**
   * optax's {@code boundaries_and_scales}, {@code {"100": 0.1, "200": 0.01}} (a JSON object's keys
   * are strings), as the attributes that hold it: {@code boundaries = {100, 200}, scales = {0.1,
   * 0.01}}, in the dict's order, which the processor sorts as the reference does.
   */
  private static List<String> boundariesAndScalesAsAttributes(JsonObject dict) throws NotExpressibleException {
    List<String> boundaries = new ArrayList<>();
    List<String> scales = new ArrayList<>();
    for (Map.Entry<String, JsonElement> entry : dict.entrySet()) {
      try {
        boundaries.add(Integer.toString(Integer.parseInt(entry.getKey().strip())));
      } catch (NumberFormatException e) {
        throw new NotExpressibleException("boundaries_and_scales key \"" + entry.getKey() + "\" is no int");
      }
      JsonElement scale = entry.getValue();
      if (!scale.isJsonPrimitive()) {
        throw new NotExpressibleException("boundaries_and_scales value " + scale + " is no number");
      }
      scales.add(doubleLiteral(CaseReader.number(scale.getAsJsonPrimitive(), BOUNDARIES_AND_SCALES)));
    }
    return List.of("boundaries = {" + String.join(", ", boundaries) + "}",
        "scales = {" + String.join(", ", scales) + "}");
  }

  /**
   * The phases of optax's {@code join_schedules(schedules, boundaries)}, each {@code {child,
   * start}} in the order they run. The reference evaluates {@code schedules[0](t)} and then, for
   * each boundary {@code b_i} in its list's order (as many as there are later schedules),
   * {@code where(t < b_i, value, schedules[i](t - b_i))}: child {@code i} runs from {@code b_i}
   * until a later boundary, and a child whose span is empty (a boundary of 0 leaves the first
   * none, a repeated or earlier boundary the one before it none) never runs. The children that run
   * start where their spans start, in order, which is {@code @Sequential}'s own semantics with
   * those starts as milestones: each phase is evaluated from 0 at its milestone.
   */
  static List<long[]> joined(List<Long> boundaries, int children) throws NotExpressibleException {
    int joined = Math.min(boundaries.size(), children - 1);
    List<long[]> phases = new ArrayList<>();
    for (int i = 0; i <= joined; i++) {
      long start = i == 0 ? 0 : boundaries.get(i - 1);
      long end = Long.MAX_VALUE;
      for (int j = i + 1; j <= joined; j++) {
        end = Math.min(end, boundaries.get(j - 1));
      }
      if (i == 0) {
        end = Math.min(end, joined == 0 ? Long.MAX_VALUE : boundaries.subList(0, joined).stream()
            .mapToLong(Long::longValue).min().getAsLong());
      }
      if (Math.max(start, 0) >= end) {
        continue;
      }
      if (start < 0) {
        throw new NotExpressibleException("join_schedules boundary " + start + " below 0: the schedule after it"
            + " runs from its own update " + (-start));
      }
      if (start > Integer.MAX_VALUE) {
        throw new NotExpressibleException("join_schedules boundary " + start + " past the largest int milestone");
      }
      phases.add(new long[] {i, start});
    }
    return phases;
  }

  /**
   * diffusers' {@code step_rules}, {@code "1:10,0.1:20,0.005"}, as the attributes that hold it:
   * {@code ruleSteps = {10, 20}, ruleFactors = {1.0, 0.1}, lastFactor = 0.005}. Read as the
   * reference reads it: split at commas, every part but the last a {@code factor:step}, the last
   * the last factor.
   */
  private static List<String> stepRulesAsAttributes(String stepRules) throws NotExpressibleException {
    String[] rules = stepRules.split(",", -1);
    List<String> steps = new ArrayList<>();
    List<String> factors = new ArrayList<>();
    try {
      for (int i = 0; i < rules.length - 1; i++) {
        String[] rule = rules[i].split(":", -1);
        if (rule.length != 2) {
          throw new NotExpressibleException("step_rules rule \"" + rules[i] + "\" is not factor:step");
        }
        steps.add(Integer.toString(Integer.parseInt(rule[1].strip())));
        factors.add(doubleLiteral(Double.parseDouble(rule[0].strip())));
      }
      String last = doubleLiteral(Double.parseDouble(rules[rules.length - 1].strip()));
      return List.of("ruleSteps = {" + String.join(", ", steps) + "}",
          "ruleFactors = {" + String.join(", ", factors) + "}", "lastFactor = " + last);
    } catch (NumberFormatException e) {
      throw new NotExpressibleException("step_rules \"" + stepRules + "\" holds no number where the reference"
          + " reads one: " + e.getMessage());
    }
  }

  /** A case written as Java, or the reason it cannot be. */
  sealed interface Written permits ConfigSource, NotExpressible {}

  /**
   * The source of a case's config class.
   *
   * @param packageName the case's own package
   * @param source the compilation unit
   * @param parameterNames the names (both spellings) a refusal must mention to count as naming
   *     the parameter at fault
   */
  record ConfigSource(String packageName, String source, Set<String> parameterNames) implements Written {

    /** The config's binary name. */
    String configName() {
      return packageName + "." + CONFIG_CLASS;
    }

    /** The binary name of the scheduler the processor generates for the config. */
    String schedulerName() {
      return configName() + "Scheduler";
    }
  }

  /**
   * A case that the annotations cannot express (yet).
   *
   * @param reason why, for the report
   */
  record NotExpressible(String reason) implements Written {}

  /** Writes {@code c} as a config class in package {@code packageName}. */
  static Written write(ConformanceCase c, String packageName) {
    try {
      return new Writer(c).write(packageName);
    } catch (NotExpressibleException e) {
      return new NotExpressible(e.getMessage());
    }
  }

  private static final class NotExpressibleException extends Exception {
    private static final long serialVersionUID = 1L;

    NotExpressibleException(String message) {
      super(message);
    }
  }

  /** The state of writing one case: its annotations, methods and the names it uses. */
  private static final class Writer {
    private final ConformanceCase c;
    private final boolean refusalExpected;
    private final List<String> annotations = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private int functionCount;

    Writer(ConformanceCase c) {
      this.c = c;
      this.refusalExpected = c.expected().error() != null;
    }

    ConfigSource write(String packageName) throws NotExpressibleException {
      ConformanceCase.SchedulerSpec spec = c.scheduler();
      Class<? extends Annotation> composite = COMPOSITES.get(spec.type());
      if (JOINS.contains(spec.type())) {
        writeJoin(spec);
      } else if (composite != null) {
        for (ConformanceCase.SchedulerSpec child : spec.children()) {
          if (COMPOSITES.containsKey(child.type())) {
            throw new NotExpressibleException(child.type() + " nested in " + spec.type());
          }
          annotations.add(schedule(child));
        }
        annotations.add(annotation(composite, spec, List.of(), null));
        // The composite's own parameter is its list of schedules.
        names.add("schedulers");
        names.add(composite.getSimpleName());
        names.add(spec.type());
      } else {
        if (!spec.children().isEmpty()) {
          throw new NotExpressibleException(spec.type() + " with child schedulers");
        }
        annotations.add(schedule(spec));
      }
      addNamesFromMessage();

      StringBuilder out = new StringBuilder();
      out.append("// Conformance case \"").append(commentSafe(c.id())).append("\" of ")
          .append(commentSafe(c.source())).append(".\n");
      out.append("package ").append(packageName).append(";\n\n");
      out.append("import dev.anneal.*;\n\n");
      for (String a : annotations) {
        out.append(a).append('\n');
      }
      out.append("public final class ").append(CONFIG_CLASS).append(" {\n");
      for (String m : methods) {
        out.append(m);
      }
      out.append("}\n");
      return new ConfigSource(packageName, out.toString(), Set.copyOf(names));
    }

    /**
     * optax's {@code join_schedules}, and {@code sgdr_schedule}, which joins warm-up cosines: a
     * {@code @Sequential} of the children that run, each from its boundary (see {@link #joined}).
     */
    private void writeJoin(ConformanceCase.SchedulerSpec spec) throws NotExpressibleException {
      List<ConformanceCase.SchedulerSpec> children = new ArrayList<>();
      List<Long> boundaries = new ArrayList<>();
      if (spec.type().equals(SGDR)) {
        JsonElement cycles = spec.args().get("cosine_kwargs");
        if (cycles == null || !cycles.isJsonArray()) {
          throw new NotExpressibleException(SGDR + " without a list cosine_kwargs");
        }
        long step = 0;
        for (JsonElement cycle : cycles.getAsJsonArray()) {
          if (!cycle.isJsonObject() || !cycle.getAsJsonObject().has("decay_steps")) {
            throw new NotExpressibleException(SGDR + " with a cycle that is no dict of decay_steps");
          }
          children.add(new ConformanceCase.SchedulerSpec(WARMUP_COSINE, cycle.getAsJsonObject().asMap(), List.of()));
          step += cycle.getAsJsonObject().get("decay_steps").getAsLong();
          boundaries.add(step);
        }
        names.add("cosine_kwargs");
        names.add("cosineKwargs");
      } else {
        children.addAll(spec.children());
        JsonElement given = spec.args().get("boundaries");
        if (given == null || !given.isJsonArray()) {
          throw new NotExpressibleException(spec.type() + " without a list of boundaries");
        }
        for (JsonElement boundary : given.getAsJsonArray()) {
          boundaries.add(boundary.getAsLong());
        }
        names.add("boundaries");
      }
      if (children.isEmpty()) {
        throw new NotExpressibleException(spec.type() + " without schedules");
      }
      List<long[]> phases = joined(boundaries, children.size());
      List<String> milestones = new ArrayList<>();
      for (long[] phase : phases) {
        ConformanceCase.SchedulerSpec child = children.get((int) phase[0]);
        if (JOINS.contains(child.type()) || COMPOSITES.containsKey(child.type())) {
          throw new NotExpressibleException(child.type() + " nested in " + spec.type());
        }
        annotations.add(schedule(child));
        if (phase[1] > 0) {
          milestones.add(Long.toString(phase[1]));
        }
      }
      if (phases.size() > 1) {
        annotations.add("@Sequential(milestones = {" + String.join(", ", milestones) + "})");
      }
      names.add("schedules");
      names.add(spec.type());
    }

    private String schedule(ConformanceCase.SchedulerSpec spec) throws NotExpressibleException {
      ScheduleType type = null;
      for (ScheduleType t : ScheduleType.values()) {
        if (t.torchName().equals(spec.type())) {
          type = t;
        }
      }
      if (type == null) {
        throw new NotExpressibleException("no ScheduleType is " + spec.type());
      }
      List<String> leading = new ArrayList<>(List.of("type = ScheduleType." + type.name()));
      // A reference that reads the optimizer's own rate, as get_polynomial_decay_schedule_with_warmup
      // reads optimizer.defaults["lr"], has it as the attribute lrInit, which the user writes.
      if (readsOptimizerRate(type, spec.args()) && !spec.args().containsKey(LR_INIT_ARGUMENT)
          && c.defaultLr().isPresent()) {
        leading.add(Param.LR_INIT.attribute + " = " + doubleLiteral(c.defaultLr().getAsDouble()));
      }
      // timm reads each group's lr_scale, a key of the parameter groups: the attribute lrScale.
      if (Kinds.of(type).attributes().takes(Param.LR_SCALE) && !spec.args().containsKey(LR_SCALE_ARGUMENT)
          && c.groups().stream().anyMatch(g -> g.lrScale().isPresent())) {
        List<String> scales = new ArrayList<>();
        for (ConformanceCase.ParamGroup group : c.groups()) {
          scales.add(doubleLiteral(group.lrScale().orElse(1.0)));
        }
        leading.add(Param.LR_SCALE.attribute + " = {" + String.join(", ", scales) + "}");
        names.add(Param.LR_SCALE.attribute);
        names.add(LR_SCALE_ARGUMENT);
      }
      // Keras's initial_learning_rate (and the like) is the group's initial rate, which the
      // scheduler is built with (ConformanceCase.initialLrs), not an attribute.
      Kinds.of(type).initialRateArgument().ifPresent(names::add);
      return annotation(Schedule.class, spec, leading, Kinds.of(type).initialRateArgument().orElse(null));
    }

    /** {@code @A(leading..., attr = value, ...)} for the arguments of {@code spec}. */
    private String annotation(Class<? extends Annotation> type, ConformanceCase.SchedulerSpec spec,
        List<String> leading, String initialRate) throws NotExpressibleException {
      List<String> attributes = new ArrayList<>(leading);
      for (Map.Entry<String, JsonElement> arg : spec.args().entrySet()) {
        String key = arg.getKey();
        if (key.equals(initialRate)) {
          continue;
        }
        JsonElement value = arg.getValue();
        names.add(key);
        names.add(Names.camel(key));
        // null is Python's None: the argument's default, which is what an omitted attribute gives.
        if (value.isJsonNull() || hasNoEffect(key, value)) {
          continue;
        }
        if (key.equals(STEP_RULES) && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
          attributes.addAll(stepRulesAsAttributes(value.getAsString()));
          continue;
        }
        if (key.equals(BOUNDARIES_AND_SCALES) && value.isJsonObject()) {
          attributes.addAll(boundariesAndScalesAsAttributes(value.getAsJsonObject()));
          continue;
        }
        String attribute = Names.camel(key);
        Method method = attribute(type, attribute);
        String literal;
        if (method != null) {
          literal = literal(method.getReturnType(), key, attribute, value);
        } else if (refusalExpected) {
          // The user cannot write it either: the compiler's refusal is the project's.
          literal = untypedLiteral(value);
        } else {
          throw new NotExpressibleException(spec.type() + " argument " + key + " has no attribute in @"
              + type.getSimpleName());
        }
        attributes.add(attribute + " = " + literal);
      }
      String head = "@" + type.getSimpleName();
      if (attributes.isEmpty()) {
        return head;
      }
      String oneLine = head + "(" + String.join(", ", attributes) + ")";
      if (oneLine.length() <= 100) {
        return oneLine;
      }
      return head + "(\n    " + String.join(",\n    ", attributes) + ")";
    }

    private String literal(Class<?> type, String key, String attribute, JsonElement value)
        throws NotExpressibleException {
      if (type.isArray()) {
        Class<?> component = type.getComponentType();
        List<String> items = new ArrayList<>();
        if (value.isJsonArray()) {
          for (JsonElement item : value.getAsJsonArray()) {
            items.add(scalar(component, key, attribute, item));
          }
        } else {
          // One value for all parameter groups.
          items.add(scalar(component, key, attribute, value));
        }
        return "{" + String.join(", ", items) + "}";
      }
      if (type == String.class && value.isJsonArray() && value.getAsJsonArray().size() == 1) {
        // A function argument given as a one-entry list.
        return scalar(type, key, attribute, value.getAsJsonArray().get(0));
      }
      return scalar(type, key, attribute, value);
    }

    private String scalar(Class<?> type, String key, String attribute, JsonElement value)
        throws NotExpressibleException {
      if (type == String.class && value.isJsonObject()) {
        return '"' + function(key, attribute, value.getAsJsonObject()) + '"';
      }
      if (value.isJsonPrimitive()) {
        JsonPrimitive p = value.getAsJsonPrimitive();
        if ((type == int.class || type == long.class) && p.isNumber()) {
          return integerLiteral(p.getAsBigDecimal());
        }
        if ((type == double.class || type == float.class) && (p.isNumber() || isNonFinite(p))) {
          return doubleLiteral(CaseReader.number(p, key));
        }
        if (type.isEnum() && p.isString()) {
          String given = p.getAsString();
          if (ANY_OTHER_STRING.containsKey(key) && !namesConstant(type, given)) {
            given = ANY_OTHER_STRING.get(key);
          }
          return type.getSimpleName() + "." + enumConstant(type, given);
        }
      }
      return untypedLiteral(value);
    }

    /**
     * Adds {@code static double name(type var) { return java; }} for a function argument and
     * returns its name.
     */
    private String function(String key, String attribute, JsonObject f) throws NotExpressibleException {
      if (!f.has("java") || f.get("java").isJsonNull()) {
        throw new NotExpressibleException(key + " has no Java form");
      }
      String var = f.has("var") && !f.get("var").isJsonNull() ? f.get("var").getAsString() : "epoch";
      String parameterType = FUNCTION_PARAMETER_TYPES.getOrDefault(key, "long");
      String name = FUNCTION_PREFIXES.getOrDefault(attribute, attribute) + functionCount++;
      String python = f.has("python") && !f.get("python").isJsonNull() ? f.get("python").getAsString() : null;
      StringBuilder m = new StringBuilder();
      if (python != null) {
        m.append("  // ").append(commentSafe(python)).append('\n');
      }
      m.append("  static double ").append(name).append('(').append(parameterType).append(' ').append(var)
          .append(") {\n    return ").append(f.get("java").getAsString()).append(";\n  }\n");
      methods.add(m.toString());
      return name;
    }

    /** Adds the attributes that the reference's error message names, in either spelling. */
    private void addNamesFromMessage() {
      ConformanceCase.ExpectedError error = c.expected().error();
      if (error == null) {
        return;
      }
      for (Class<? extends Annotation> type : List.of(Schedule.class, Sequential.class)) {
        for (Method m : type.getDeclaredMethods()) {
          String attribute = m.getName();
          String snake = Names.snake(attribute);
          if (Names.mentions(error.message(), attribute) || Names.mentions(error.message(), snake)) {
            names.add(attribute);
            names.add(snake);
          }
        }
      }
    }
  }

  /**
   * Whether the reference reads {@code optimizer.defaults["lr"]} with these arguments: always where
   * lrInit is required, and where it is an input of a derived attribute (min_lr_rate from min_lr),
   * only where the arguments give that formula's other inputs and not the attribute itself.
   */
  private static boolean readsOptimizerRate(ScheduleType type, Map<String, JsonElement> args) {
    Attributes attributes = Kinds.of(type).attributes();
    if (!attributes.takes(Param.LR_INIT)) {
      return false;
    }
    if (attributes.get(Param.LR_INIT).required()) {
      return true;
    }
    for (Attribute attribute : attributes.all()) {
      if (attribute.fallback() instanceof Fallback.Derived derived && derived.formula().from().contains(Param.LR_INIT)
          && !given(args, attribute.param())) {
        return derived.formula().from().stream().allMatch(p -> p == Param.LR_INIT || given(args, p));
      }
    }
    return false;
  }

  /**
   * The group's initial rate where the reference takes its base value as an argument (Keras's
   * {@code initial_learning_rate}) and the case gives it as a number: every group's rate is then that
   * value, the case's groups' rates being documentation only.
   */
  static OptionalDouble initialRate(ConformanceCase.SchedulerSpec spec) {
    ScheduleType type = null;
    for (ScheduleType t : ScheduleType.values()) {
      if (t.torchName().equals(spec.type())) {
        type = t;
      }
    }
    if (type == null) {
      return OptionalDouble.empty();
    }
    Optional<String> argument = Kinds.of(type).initialRateArgument();
    if (argument.isEmpty()) {
      return OptionalDouble.empty();
    }
    JsonElement value = spec.args().get(argument.get());
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value.getAsDouble());
  }

  private static boolean given(Map<String, JsonElement> args, Param param) {
    JsonElement value = args.get(Names.snake(param.attribute));
    return value != null && !value.isJsonNull();
  }

  private static boolean hasNoEffect(String key, JsonElement value) {
    if (!NO_EFFECT.containsKey(key)) {
      return false;
    }
    JsonElement harmless = NO_EFFECT.get(key);
    return harmless.isJsonNull() || harmless.equals(value);
  }

  private static Method attribute(Class<? extends Annotation> type, String name) {
    try {
      return type.getDeclaredMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static boolean isNonFinite(JsonPrimitive p) {
    return p.isString() && CaseReader.nonFinite(p.getAsString()) != null;
  }

  /**
   * The constant whose {@code torchName()} is {@code torchName}; failing that, the text as a
   * constant name, which the compiler then refuses as the user's typo would be.
   */
  static String enumConstant(Class<?> enumType, String torchName) {
    for (Object constant : enumType.getEnumConstants()) {
      Enum<?> e = (Enum<?>) constant;
      String name;
      try {
        name = (String) enumType.getMethod("torchName").invoke(constant);
      } catch (ReflectiveOperationException | ClassCastException ex) {
        name = e.name();
      }
      if (torchName.equals(name)) {
        return e.name();
      }
    }
    String guess = torchName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    return guess.isEmpty() || Character.isDigit(guess.charAt(0)) ? "_" + guess : guess;
  }

  /** Whether some constant's {@code torchName()} is {@code torchName}. */
  private static boolean namesConstant(Class<?> enumType, String torchName) {
    for (Object constant : enumType.getEnumConstants()) {
      try {
        if (torchName.equals(enumType.getMethod("torchName").invoke(constant))) {
          return true;
        }
      } catch (ReflectiveOperationException e) {
        return false;
      }
    }
    return false;
  }

  /** An {@code int} literal, or for a value that is not one, a literal the compiler refuses for it. */
  static String integerLiteral(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 0) {
      return doubleLiteral(value.doubleValue());
    }
    try {
      return Integer.toString(stripped.intValueExact());
    } catch (ArithmeticException e) {
      return stripped.toBigInteger() + "L";
    }
  }

  /** A Java expression for {@code v}: the shortest literal that reads back as the same double. */
  static String doubleLiteral(double v) {
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(v);
  }

  /** A value written as its JSON type suggests, for attributes whose type does not fit it. */
  private static String untypedLiteral(JsonElement value) {
    if (value.isJsonArray()) {
      List<String> items = new ArrayList<>();
      for (JsonElement item : value.getAsJsonArray()) {
        items.add(untypedLiteral(item));
      }
      return "{" + String.join(", ", items) + "}";
    }
    if (value.isJsonPrimitive()) {
      JsonPrimitive p = value.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return Boolean.toString(p.getAsBoolean());
      }
      if (p.isNumber()) {
        BigDecimal d = p.getAsBigDecimal();
        return d.stripTrailingZeros().scale() <= 0 ? integerLiteral(d) : doubleLiteral(d.doubleValue());
      }
      if (isNonFinite(p)) {
        return doubleLiteral(CaseReader.nonFinite(p.getAsString()));
      }
      return stringLiteral(p.getAsString());
    }
    return stringLiteral(value.toString());
  }

  static String stringLiteral(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text safe inside a line comment: no line breaks, and no backslash, which could start a
   * Unicode escape that the compiler reads even in comments.
   */
  private static String commentSafe(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      out.append(ch < 0x20 || ch == '\\' || ch > 0x7e ? '?' : ch);
    }
    return out.toString();
  }
}

package dev.anneal.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.anneal.internal.Checks;
import dev.anneal.internal.Rule;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.ConfigModel;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * The members of the class being generated, shared by the writers of its schedules: named
 * constants for values known now, checked final fields for values bound at run time, per-group
 * arrays and the constructor statements that fill them.
 */
public final class Emitter {
  public static final ClassName CHECKS = ClassName.get(Checks.class);
  static final ClassName RULE = ClassName.get(Rule.class);

  final TypeSpec.Builder type;
  final ConfigModel model;
  /** Constructor statements, run after {@code baseLrs} and {@code groups} are set. */
  public final CodeBlock.Builder constructor = CodeBlock.builder();
  /** The parameters of each schedule as the class Javadoc lists them. */
  public final List<String> parameterLines = new ArrayList<>();

  /** A field of the generated class, with its type. */
  record Field(String name, TypeName type) {}

  /** The mutable fields of the schedules, in declaration order: the state that a checkpoint saves. */
  final List<Field> stateFields = new ArrayList<>();
  /** The mutable fields of each schedule, by its prefix: a subset of {@link #stateFields}. */
  final java.util.Map<String, List<Field>> stateFieldsOf = new java.util.HashMap<>();
  /**
   * The per-group state arrays of the schedules ({@link #groupState}), in declaration order: saved
   * whole, after {@code lrs} and {@code momentums}.
   */
  final List<String> groupStateFields = new ArrayList<>();
  /** The per-group state arrays of each schedule, by its prefix: a subset of {@link #groupStateFields}. */
  final java.util.Map<String, List<String>> groupStateFieldsOf = new java.util.HashMap<>();
  /** The fields holding values bound at run time, folded into the configuration's fingerprint. */
  final List<Field> boundFields = new ArrayList<>();

  Emitter(TypeSpec.Builder type, ConfigModel model) {
    this.type = type;
    this.model = model;
    fields.addAll(FIXED_FIELDS);
    fields.addAll(LOCALS);
    methods.addAll(FIXED_METHODS);
  }

  /**
   * The fields that every generated class may declare under fixed names, which the writers refer
   * to by those names: {@code baseLrs}, {@code lrs}, group 0's ready rate, the step count,
   * {@code momentums}, the fingerprint and a {@code @Chained} config's rates of the step being made.
   */
  static final List<String> FIXED_FIELDS = List.of(
      "baseLrs", "lrs", SchedulerWriter.FIRST, "step", "momentums", StateWriter.FINGERPRINT,
      SchedulerWriter.NEXT_LRS);

  /**
   * The names of the parameters and local variables that the writers use under fixed names (a
   * schedule's own locals, {@link KindWriter#LOCALS}, are added with its prefix): no field takes
   * one, so that no local hides a field from the code around it.
   */
  static final List<String> LOCALS = List.of(
      "config", "initialLrs", "groups", "g", "group", "step", KindWriter.NEXT, "local", "lr", "k", "t", "e",
      "metric", "state", "in", "fingerprint", "hits", "zeroLength");

  /** The methods every generated class declares, and those of {@code Object}: no private method takes one. */
  static final List<String> FIXED_METHODS = List.of(
      "groupCount", "lr", "stepCount", "step", "lrAt", "momentum", "momentumAt", "saveState", "restoreState",
      "moveTo", "fingerprint", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
      "clone", "finalize");

  /**
   * The field names taken so far, with {@link #FIXED_FIELDS} and the local names: every field the
   * schedules declare is named by {@link #newField}, so two never share a name, whatever the
   * config binds, and none is hidden by a local.
   */
  private final java.util.Set<String> fields = new java.util.HashSet<>();
  private final java.util.Set<String> methods = new java.util.HashSet<>();

  /**
   * A name for a new field (or a new private method): {@code wanted} where it is free, else
   * {@code wanted} with as many {@code _} appended as make it free. Names are handed out in
   * declaration order, so a config's names are the same on every build.
   */
  String newField(String wanted) {
    return allocate(fields, wanted);
  }

  private static String allocate(java.util.Set<String> taken, String wanted) {
    String name = wanted;
    while (!taken.add(name)) {
      name += "_";
    }
    return name;
  }

  /** Reserves the local names of a schedule written with {@code prefix}; see {@link #LOCALS}. */
  void reserveLocals(String prefix) {
    for (String local : KindWriter.LOCALS) {
      fields.add(fieldName(prefix, local));
    }
  }

  /** Adds a {@code private static final} constant named after {@code wanted}; returns its name. */
  public String constant(TypeName javaType, String wanted, CodeBlock initializer, String why) {
    String name = newField(wanted);
    declareConstant(javaType, name, initializer, why);
    return name;
  }

  private void declareConstant(TypeName javaType, String name, CodeBlock initializer, String why) {
    FieldSpec.Builder field = FieldSpec.builder(javaType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer);
    if (why != null) {
      field.addJavadoc("$L\n", why);
    }
    type.addField(field.build());
  }

  private boolean groupsRead;

  /**
   * The constructor's local holding the group count, which it declares only where some code reads
   * it: the name, for code that does.
   */
  public String groups() {
    groupsRead = true;
    return "groups";
  }

  /** Whether some code read {@link #groups()}. */
  boolean groupsRead() {
    return groupsRead;
  }

  /** Whether {@code code} refers to {@code identifier}, to leave out a local that nothing reads. */
  static boolean uses(CodeBlock code, String identifier) {
    return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(identifier) + "\\b")
        .matcher(code.toString()).find();
  }

  /** A literal as Java source: doubles in full round-trip precision. */
  public static String literal(Object value) {
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    if (value instanceof Long l) {
      return l + "L";
    }
    return String.valueOf(value);
  }

  /**
   * An int or double parameter: a {@code static final} constant when known now, else a final field
   * read from the config and checked by its rule. Returns the name to refer to it by.
   */
  String scalar(String prefix, ScheduleModel schedule, Param param, Rule rule) {
    String key = schedule.index() + ":" + param;
    String declared = scalars.get(key);
    if (declared == null) {
      declared = declareScalar(prefix, schedule, param, rule);
      scalars.put(key, declared);
    }
    return declared;
  }

  /** The name of each {@link #scalar} declared so far, by {@code "<schedule index>:<param>"}. */
  private final java.util.Map<String, String> scalars = new java.util.HashMap<>();

  private String declareScalar(String prefix, ScheduleModel schedule, Param param, Rule rule) {
    Value value = schedule.value(param);
    if (value instanceof Value.Derived derived) {
      Formula formula = derived.formula();
      for (Param input : formula.from()) {
        // An input the code never reads: named in the documentation all the same.
        if (!scalars.containsKey(schedule.index() + ":" + input)) {
          parameterLines.add(input.torchName + " = " + literal(schedule.constant(input)));
        }
      }
      parameterLines.add(param.torchName + " = " + literal(derived.value()));
      return derived(prefix, formula.name(), formula.type(), derived.value(), (CodeBlock) null,
          documentation(param, formula));
    }
    if (value instanceof Value.Computed computed) {
      Formula formula = computed.formula();
      List<String> inputs = new ArrayList<>();
      for (Param input : formula.from()) {
        inputs.add(scalar(prefix, schedule, input,
            schedule.kind().attributes().get(input).rule().orElse(null)));
      }
      parameterLines.add(param.torchName + " = " + formula.how());
      return derived(prefix, formula.name(), formula.type(), null, formula.call(inputs),
          documentation(param, formula));
    }
    TypeName javaType = param.shape == Param.Shape.INT ? TypeName.INT : TypeName.DOUBLE;
    if (value instanceof Value.Constant constant) {
      String name = constant(javaType, constantName(prefix, param.attribute),
          CodeBlock.of("$L", literal(constant.value())), null);
      parameterLines.add(param.torchName + " = " + literal(constant.value()));
      return name;
    }
    String name = newField(fieldName(prefix, param.attribute));
    type.addField(javaType, name, Modifier.PRIVATE, Modifier.FINAL);
    boundFields.add(new Field(name, javaType));
    boundNames.put(schedule.index() + ":" + param, name);
    checked.add(schedule.index() + ":" + param);
    constructor.addStatement("this.$N = $T.require($L, $T.$L, $S, $S, $S)", name, CHECKS,
        read(value), RULE, rule == null ? Rule.FINITE : rule, schedule.torchName(),
        param.attribute, param.torchName);
    parameterLines.add(param.torchName + " = the config's " + describe(value));
    return name;
  }

  private static String documentation(Param param, Formula formula) {
    return "{@code " + param.torchName + " = " + formula.how() + "}.";
  }

  /**
   * {@link #scalar}, where the schedule's code may not read the parameter at all (it reads values
   * folded from it): a written value's constant is declared only once the code asks for its name,
   * and is named and documented now, so that names and documentation do not depend on it. A
   * bound value is read and checked now, as every bound value is.
   */
  Supplier<String> scalarOnUse(String prefix, ScheduleModel schedule, Param param, Rule rule) {
    if (!(schedule.value(param) instanceof Value.Constant constant)) {
      String name = scalar(prefix, schedule, param, rule);
      return () -> name;
    }
    TypeName javaType = param.shape == Param.Shape.INT ? TypeName.INT : TypeName.DOUBLE;
    String name = newField(constantName(prefix, param.attribute));
    parameterLines.add(param.torchName + " = " + literal(constant.value()));
    return new Supplier<>() {
      private boolean declared;

      @Override
      public String get() {
        if (!declared) {
          declared = true;
          declareConstant(javaType, name, CodeBlock.of("$L", literal(constant.value())), null);
        }
        return name;
      }
    };
  }

  /**
   * A constant derived from parameters: folded to a literal when {@code folded} is known now,
   * else computed in the constructor by {@code runtime}, which is only built then.
   */
  public String derived(String prefix, String name, TypeName javaType, Object folded, Supplier<CodeBlock> runtime,
      String why) {
    return folded != null
        ? derived(prefix, name, javaType, folded, (CodeBlock) null, why)
        : derived(prefix, name, javaType, null, runtime.get(), why);
  }

  /**
   * A constant derived from parameters: folded to a literal when {@code folded} is known now,
   * else computed in the constructor by {@code runtime}.
   */
  public String derived(String prefix, String name, TypeName javaType, Object folded, CodeBlock runtime, String why) {
    if (folded != null) {
      String constant = constant(javaType, constantName(prefix, name), CodeBlock.of("$L", literal(folded)), why);
      if (folded instanceof Double value) {
        foldedValues.put(constant, value);
      }
      return constant;
    }
    String field = newField(fieldName(prefix, name));
    type.addField(FieldSpec.builder(javaType, field, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", why)
        .build());
    constructor.addStatement("this.$N = $L", field, runtime);
    return field;
  }

  /** The value a {@link #derived} constant was folded to, or null for a field computed at run time. */
  public Double folded(String name) {
    return foldedValues.get(name);
  }

  private final java.util.Map<String, Double> foldedValues = new java.util.HashMap<>();

  /**
   * A per-group parameter, expanded to one value per parameter group when the scheduler is built
   * (the group count is known only then). Returns the array field's name.
   */
  String perGroup(String prefix, ScheduleModel schedule, Param param, Rule rule) {
    Value value = schedule.value(param);
    String name = newField(fieldName(prefix, param.attribute));
    type.addField(double[].class, name, Modifier.PRIVATE, Modifier.FINAL);
    CodeBlock source;
    if (value instanceof Value.Constant constant) {
      double[] values = (double[]) constant.value();
      CodeBlock.Builder array = CodeBlock.builder().add("new double[] {");
      for (int i = 0; i < values.length; i++) {
        array.add(i == 0 ? "$L" : ", $L", literal(values[i]));
      }
      source = array.add("}").build();
      parameterLines.add(param.torchName + " = " + (values.length == 1
          ? literal(values[0]) : java.util.Arrays.toString(values)));
    } else {
      source = read(value);
      parameterLines.add(param.torchName + " = the config's " + describe(value));
      boundFields.add(new Field(name, doubles()));
      boundNames.putIfAbsent(schedule.index() + ":" + param, name);
      checked.add(schedule.index() + ":" + param);
    }
    constructor.addStatement("this.$N = $T.perGroup($L, $N, $T.$L, $S, $S, $S)", name, CHECKS,
        source, groups(), RULE, rule == null ? Rule.FINITE : rule, schedule.torchName(),
        param.attribute, param.torchName);
    return name;
  }

  /** The field holding each bound value read into one, by {@code "<schedule index>:<param>"}. */
  private final java.util.Map<String, String> boundNames = new java.util.HashMap<>();

  /**
   * How the generated class reads the bound value of {@code param} once built: the field it was
   * read into (for a per-group value, expanded to every group), else the config's accessor.
   */
  CodeBlock readBound(ScheduleModel schedule, Param param) {
    String field = boundNames.get(schedule.index() + ":" + param);
    return field != null ? CodeBlock.of("$N", field) : read(schedule.value(param));
  }

  /** The field a computed value was computed into, or null where the code declared none. */
  String computed(ScheduleModel schedule, Param param) {
    return scalars.get(schedule.index() + ":" + param);
  }

  /** The bound values checked so far, as {@code "<schedule index>:<param>"}. */
  private final java.util.Set<String> checked = new java.util.HashSet<>();

  /**
   * Checks, in the constructor, every bound value that no schedule read: one that its schedule
   * ignores in this configuration (CyclicLR's {@code gamma} outside {@code EXP_RANGE}, momentum
   * where it does not cycle, {@code epochs} beside {@code totalSteps}) keeps its rule all the
   * same, as a written one does at compile time, with the same message.
   */
  void checkUnread() {
    for (ScheduleModel schedule : model.schedules()) {
      for (java.util.Map.Entry<Param, Value> entry : schedule.values().entrySet()) {
        Param param = entry.getKey();
        if (!(entry.getValue() instanceof Value.Bound bound)
            || !checked.add(schedule.index() + ":" + param) || derivedFromChecked(schedule, param)) {
          continue;
        }
        Rule rule = schedule.kind().attributes().get(param).rule().orElse(null);
        constructor.addStatement("$T.$L($L, $T.$L, $S, $S, $S)", CHECKS,
            bound.array() ? "requireEach" : "require", read(bound), RULE,
            rule == null ? Rule.FINITE : rule, schedule.torchName(), param.attribute,
            param.torchName);
      }
    }
  }

  /** Whether {@code param} takes another parameter's value, checked as that one (CyclicLR's step_size_down). */
  private boolean derivedFromChecked(ScheduleModel schedule, Param param) {
    Value value = schedule.values().get(param);
    return schedule.values().entrySet().stream().anyMatch(other -> other.getKey() != param
        && other.getValue() == value && checked.contains(schedule.index() + ":" + other.getKey()));
  }

  /** A per-group array computed from others, one value per group. */
  public String groupArray(String prefix, String name, CodeBlock perGroupValue, String why) {
    String field = groupArray(prefix, name, why);
    constructor.beginControlFlow("for (int g = 0; g < $N; g++)", groups())
        .addStatement("$N[g] = $L", field, perGroupValue)
        .endControlFlow();
    return field;
  }

  /**
   * A private method of the generated class holding code that more than one place runs (the
   * constructor, a step, a restore), returning nothing; {@code parameter}, if given, is a
   * {@code long} named so.
   */
  public String privateMethod(String prefix, String name, String parameter, String why, CodeBlock body) {
    String method = allocate(methods, fieldName(prefix, name));
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE).addJavadoc("$L\n", why);
    if (parameter != null) {
      builder.addParameter(long.class, parameter);
    }
    type.addMethod(builder.addCode(body).build());
    return method;
  }

  /**
   * A per-group array allocated in the constructor, its values set by the schedule's own code; a
   * checkpoint does not save it.
   */
  public String groupArray(String prefix, String name, String why) {
    String field = newField(fieldName(prefix, name));
    type.addField(FieldSpec.builder(double[].class, field, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", why)
        .build());
    constructor.addStatement("this.$N = new double[$N]", field, groups());
    return field;
  }

  /**
   * Mutable state of a schedule, such as a cycle position: set in the constructor to
   * {@code initial}, or left to the schedule's restart where {@code initial} is null.
   */
  public String state(String prefix, String name, TypeName javaType, CodeBlock initial, String why) {
    String field = newField(fieldName(prefix, name));
    type.addField(FieldSpec.builder(javaType, field, Modifier.PRIVATE).addJavadoc("$L\n", why).build());
    stateFields.add(new Field(field, javaType));
    stateFieldsOf.computeIfAbsent(prefix, key -> new ArrayList<>()).add(new Field(field, javaType));
    if (initial != null) {
      constructor.addStatement("this.$N = $L", field, initial);
    }
    return field;
  }

  /**
   * Mutable state of a schedule with one value per group, such as rates it keeps beside those it
   * hands out: allocated in the constructor (every value 0), set by the schedule's own code, and
   * saved by a checkpoint, whole, after the rates.
   */
  public String groupState(String prefix, String name, String why) {
    String field = newField(fieldName(prefix, name));
    type.addField(FieldSpec.builder(double[].class, field, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", why)
        .build());
    constructor.addStatement("this.$N = new double[$N]", field, groups());
    groupStateFields.add(field);
    groupStateFieldsOf.computeIfAbsent(prefix, key -> new ArrayList<>()).add(field);
    return field;
  }

  /**
   * State that follows from the step alone and is rebuilt from it on restore, such as OneCycleLR's
   * current phase: a field like {@link #state}'s, which a checkpoint does not save.
   */
  public String phaseState(String prefix, String name, TypeName javaType, String why) {
    String field = newField(fieldName(prefix, name));
    type.addField(FieldSpec.builder(javaType, field, Modifier.PRIVATE).addJavadoc("$L\n", why).build());
    return field;
  }

  /** How a bound value is read from the config. */
  CodeBlock read(Value value) {
    if (value instanceof Value.Bound bound) {
      return CodeBlock.of("config.$N()", bound.accessor());
    }
    return CodeBlock.of("$L", literal(((Value.Constant) value).value()));
  }

  private static String describe(Value value) {
    if (value instanceof Value.Bound bound) {
      return bound.accessor() + "()";
    }
    return literal(((Value.Constant) value).value());
  }

  public static String constantName(String prefix, String camel) {
    return (prefix.isEmpty() ? "" : prefix.toUpperCase(java.util.Locale.ROOT) + "_") + Names.constantName(camel);
  }

  public static String fieldName(String prefix, String camel) {
    if (prefix.isEmpty()) {
      return camel;
    }
    return prefix + Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }

  public static TypeName doubles() {
    return ArrayTypeName.of(TypeName.DOUBLE);
  }
}

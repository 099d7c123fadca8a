package dev.anneal.processor;

import dev.anneal.processor.writing.Emitter;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The names in the generated code never collide with the names that come from the config: the
 * attributes it binds (with each schedule's prefix in a combination), its accessors, and its own
 * type's name, which a variable of the same name would hide.
 */
@DisplayName("Names inside generated classes")
class GeneratedIdentifiersTest {

  private static final List<String> LINT = List.of("-Xlint:all");

  /**
   * The schedule types that can be a later phase of @Sequential or a link of @Chained: not
   * OneCycleLR nor ReduceLROnPlateau, nor timm's, which combine with nothing.
   */
  private static final Set<ScheduleType> LATER = EnumSet.complementOf(
      EnumSet.of(ScheduleType.ONE_CYCLE, ScheduleType.REDUCE_ON_PLATEAU, ScheduleType.TIMM_COSINE,
          ScheduleType.TIMM_TANH, ScheduleType.TIMM_POLY, ScheduleType.TIMM_STEP, ScheduleType.TIMM_MULTI_STEP,
          ScheduleType.TIMM_WSD, ScheduleType.TIMM_PLATEAU, ScheduleType.KERAS_EXPONENTIAL_DECAY,
          ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, ScheduleType.KERAS_POLYNOMIAL_DECAY,
          ScheduleType.KERAS_INVERSE_TIME_DECAY, ScheduleType.KERAS_COSINE_DECAY,
          ScheduleType.KERAS_COSINE_DECAY_RESTARTS, ScheduleType.OPTAX_CONSTANT, ScheduleType.OPTAX_LINEAR, ScheduleType.OPTAX_POLYNOMIAL,
          ScheduleType.OPTAX_EXPONENTIAL_DECAY, ScheduleType.OPTAX_COSINE_DECAY, ScheduleType.OPTAX_WARMUP_COSINE_DECAY,
          ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, ScheduleType.OPTAX_WARMUP_CONSTANT, ScheduleType.OPTAX_PIECEWISE_CONSTANT,
          ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, ScheduleType.OPTAX_LINEAR_ONECYCLE, ScheduleType.OPTAX_COSINE_ONECYCLE));

  /** The attributes a schedule's attributes written in the annotation need, besides the bound ones. */
  private static String written(ScheduleType type, boolean combined) {
    switch (type) {
      case MULTI_STEP:
        return ", milestones = {1, 2}";
      case LAMBDA:
      case MULTIPLICATIVE:
        return ", lrLambda = \"f\"";
      case CYCLIC:
        return ", mode = EXP_RANGE" + (combined ? ", cycleMomentum = false" : "");
      case ONE_CYCLE:
        return combined ? ", cycleMomentum = false" : "";
      case TIMM_STEP:
      case TIMM_WSD:
        return ", decayT = 1";
      case TIMM_MULTI_STEP:
        return ", decayT = {1, 2}";
      case KERAS_PIECEWISE_CONSTANT_DECAY:
        return ", boundaries = {1}, values = {0.1, 0.01}";
      case OPTAX_PIECEWISE_INTERPOLATE:
        return ", interpolateType = OptaxInterpolateType.COSINE";
      default:
        return "";
    }
  }

  /** Every attribute of {@code type} that {@code @Bind} can bind, given {@link #written}. */
  private static List<Param> bindable(ScheduleType type, boolean combined, boolean epochs) {
    List<Param> params = new ArrayList<>();
    for (Param param : Kinds.of(type).attributes().all().stream().map(Attribute::param).toList()) {
      if (!param.shape.bindable) {
        continue;
      }
      if (param == Param.MIN_LR_RATE || type == ScheduleType.HF_WARMUP_STABLE_DECAY && param == Param.NUM_STABLE_STEPS) {
        continue; // minLr and lrInit, or numTrainingSteps, instead: the reference takes one of the two ways
      }
      if (combined && (param == Param.BASE_MOMENTUM || param == Param.MAX_MOMENTUM)) {
        continue; // cycleMomentum = false: momentum does not apply
      }
      if (type == ScheduleType.ONE_CYCLE && (param == Param.TOTAL_STEPS) == epochs
          && (param == Param.TOTAL_STEPS || param == Param.EPOCHS || param == Param.STEPS_PER_EPOCH)) {
        continue; // totalSteps, or epochs and stepsPerEpoch
      }
      params.add(param);
    }
    return params;
  }

  private static String javaType(ScheduleType type, Param param) {
    if (Kinds.of(type).oneValue().contains(param)) {
      return "double";
    }
    switch (param.shape) {
      case INT:
        return "int";
      case DOUBLE:
        return "double";
      default:
        return "double[]";
    }
  }

  /**
   * A record config named {@code name} that binds every bindable attribute of each of
   * {@code types}, combined by {@code combinator} ("" for one schedule), with components named
   * after the fields the generated class would have declared for them before: the attribute
   * itself, or {@code s1Gamma} for schedule 1.
   */
  private static JavaFileObject boundConfig(String name, String combinator, boolean epochs, ScheduleType... types) {
    List<String> lines = new ArrayList<>();
    List<String> components = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      boolean combined = types.length > 1;
      lines.add("@Schedule(type = " + types[i] + written(types[i], combined) + ")");
      for (Param param : bindable(types[i], combined, epochs)) {
        String component = combined ? Emitter.fieldName("s" + i, param.attribute) : param.attribute;
        components.add("@Bind(value = \"" + param.attribute + "\"" + (combined ? ", schedule = " + i : "") + ") "
            + javaType(types[i], param) + " " + component);
      }
    }
    if (!combinator.isEmpty()) {
      lines.add(combinator);
    }
    lines.add("record " + name + "(" + String.join(", ", components) + ") {");
    lines.add("  static double f(long step) { return 1.0; }");
    lines.add("}");
    return Sources.config(name, lines.toArray(String[]::new));
  }

  @Test
  @DisplayName("every bindable attribute of every schedule type bound at once compiles, alone and as later phases")
  void everyAttributeBoundCompiles() {
    Set<ScheduleType> covered = EnumSet.noneOf(ScheduleType.class);
    List<JavaFileObject> sources = new ArrayList<>();
    for (ScheduleType type : ScheduleType.values()) {
      String name = "Bound" + type.name().replace("_", "");
      sources.add(boundConfig(name, "", false, type));
      if (type == ScheduleType.ONE_CYCLE) {
        sources.add(boundConfig(name + "Epochs", "", true, type));
        // OneCycleLR can only come first: then a phase of the same kind as nothing else can.
        sources.add(boundConfig(name + "Sequential", "@Sequential(milestones = 3)", false, type,
            ScheduleType.COSINE));
      }
      if (LATER.contains(type)) {
        sources.add(boundConfig(name + "Sequential", "@Sequential(milestones = {3, 6})", false,
            ScheduleType.CONSTANT, type, type));
        sources.add(boundConfig(name + "Chained", "@Chained", false, ScheduleType.CONSTANT, type, type));
      }
      covered.add(type);
    }
    assertEquals(EnumSet.allOf(ScheduleType.class), covered);
    Compilation compilation = Sources.compile(LINT, sources.toArray(JavaFileObject[]::new));
    assertCompiledWithoutJavacWarnings(compilation);
  }

  /** The later schedules of every kind that have a closed form, written in full. */
  private static final String LATER_KINDS = String.join("\n",
      "@Schedule(type = STEP, stepSize = 1)", "@Schedule(type = MULTI_STEP, milestones = {0, 1})",
      "@Schedule(type = CONSTANT)", "@Schedule(type = LINEAR)", "@Schedule(type = EXPONENTIAL)",
      "@Schedule(type = POLYNOMIAL)", "@Schedule(type = COSINE, tMax = 5)",
      "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 3)");

  private static final String COMBINED = String.join("\n", "@Schedule(type = LAMBDA, lrLambda = \"f\")",
      LATER_KINDS,
      "@Schedule(type = CYCLIC, baseLr = 0.1, maxLr = 1, scaleFn = \"g\", cycleMomentum = false)",
      "@Schedule(type = CYCLIC, baseLr = 0.1, maxLr = 1, scaleFn = \"g\", cycleMomentum = false,"
          + " scaleMode = ScaleMode.ITERATIONS)",
      "@Schedule(type = MULTIPLICATIVE, lrLambda = \"f\")");

  /**
   * Configs that call their own static methods from every place the generated code does: a factor
   * function, a scale function per cycle and per step, alone and in combinations with schedules of
   * every kind; each but the first two takes a bound value, so that the constructor takes the config.
   * Each is the annotations and the record's components.
   */
  private static final List<String[]> CALLING = List.of(
      new String[] {"@Schedule(type = LAMBDA, lrLambda = \"f\")", ""},
      new String[] {"@Schedule(type = MULTIPLICATIVE, lrLambda = \"f\")", ""},
      new String[] {"@Schedule(type = CYCLIC, baseLr = 0.1, scaleFn = \"g\")", "@Bind double[] maxLr"},
      new String[] {"@Schedule(type = CYCLIC, baseLr = 0.1, scaleFn = \"g\", scaleMode = ScaleMode.ITERATIONS)",
          "@Bind double[] maxLr"},
      new String[] {"@Schedule(type = ONE_CYCLE, cycleMomentum = false)\n@Schedule(type = LAMBDA, lrLambda = \"f\")\n"
          + "@Sequential(milestones = 5)", "@Bind(schedule = 0) double maxLr, @Bind(schedule = 0) int totalSteps"},
      new String[] {COMBINED + "\n@Sequential(milestones = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22})",
          "@Bind(schedule = 5) double gamma"},
      new String[] {COMBINED + "\n@Chained", "@Bind(schedule = 5) double gamma"});

  /**
   * Config {@code CALLING[template]} named {@code name}, in package {@code pkg} ("" for the default
   * package), or where {@code nested} as {@code Config} inside a class named {@code name}.
   */
  private static JavaFileObject callingConfig(int template, String pkg, String name, boolean nested) {
    List<String> lines = new ArrayList<>();
    if (!pkg.isEmpty()) {
      lines.add("package " + pkg + ";");
    }
    lines.add("import dev.anneal.*;");
    lines.add("import static dev.anneal.ScheduleType.*;");
    if (nested) {
      lines.add("final class " + name + " {");
    }
    lines.addAll(List.of(CALLING.get(template)[0].split("\n")));
    lines.add((nested ? "static " : "") + "record " + (nested ? "Config" : name) + "("
        + CALLING.get(template)[1] + ") {");
    lines.add("  static double f(long step) { return 1.0; }");
    lines.add("  static double g(double x) { return 1.0; }");
    lines.add("}");
    if (nested) {
      lines.add("}");
    }
    return JavaFileObjects.forSourceLines((pkg.isEmpty() ? "" : pkg + ".") + name, lines);
  }

  /**
   * The name of every variable (field, parameter, local) that {@code sources} declare, and the
   * simple name of every type they import or take from java.lang, which the config's own name must
   * not hide either.
   */
  private static Set<String> variables(List<JavaFileObject> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null, sources);
    Set<String> names = new TreeSet<>();
    try {
      for (CompilationUnitTree unit : task.parse()) {
        for (ImportTree declaration : unit.getImports()) {
          String imported = declaration.getQualifiedIdentifier().toString();
          names.add(imported.substring(imported.lastIndexOf('.') + 1));
        }
        unit.accept(new TreeScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree variable, Void unused) {
            names.add(variable.getName().toString());
            return super.visitVariable(variable, unused);
          }

          /** java.lang's types, used without an import, are hidden by a config's name just the same. */
          @Override
          public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            String name = identifier.getName().toString();
            if (isJavaLangType(name)) {
              names.add(name);
            }
            return super.visitIdentifier(identifier, unused);
          }
        }, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static boolean isJavaLangType(String name) {
    try {
      Class.forName("java.lang." + name, false, GeneratedIdentifiersTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Every variable name of the class generated for {@code CALLING[template]}: the names its config
   * could be given that a variable of its generated class would otherwise hide.
   */
  private static Set<String> generatedVariableNames(int template) {
    Compilation compilation = Sources.compile(callingConfig(template, "plain", "Plain", false));
    assertThat(compilation).succeeded();
    Set<String> names = variables(compilation.generatedSourceFiles());
    assertTrue(names.containsAll(List.of("step", "g", "CONFIGURATION_FINGERPRINT", "Checks", "Override")),
        () -> "the scan of the generated source missed names: " + names);
    return names;
  }

  /** Compiles {@code CALLING[template]} once for every name, in {@code pkg}, nested or not. */
  private static void assertCompilesUnderEveryName(Set<String> names, String pkg, boolean nested, int template) {
    List<JavaFileObject> sources = names.stream()
        .map(name -> callingConfig(template, pkg, name, nested))
        .collect(Collectors.toList());
    Compilation compilation = Sources.compile(LINT, sources.toArray(JavaFileObject[]::new));
    assertCompiledWithoutJavacWarnings(compilation);
  }

  @Test
  @DisplayName("a config named like any variable or imported type of the generated code compiles, in a package, nested and in the default package")
  void configNamedLikeAGeneratedVariableCompiles() {
    for (int t = 0; t < CALLING.size(); t++) {
      assertCompilesUnderEveryName(generatedVariableNames(t), "named" + t, false, t);
    }
    int sequential = CALLING.size() - 2;
    int chained = CALLING.size() - 1;
    assertCompilesUnderEveryName(generatedVariableNames(sequential), "nested", true, sequential);
    assertCompilesUnderEveryName(generatedVariableNames(chained), "", false, chained);
  }

  /**
   * The compilation succeeded and javac warned of nothing: the processor's own warnings on the
   * configs' values (a bound eta_min in a chain, a scale function beside bound rates) are about the
   * schedules, which these tests choose for their names, not about the generated code.
   */
  private static void assertCompiledWithoutJavacWarnings(Compilation compilation) {
    assertThat(compilation).succeeded();
    List<String> javacWarnings = compilation.warnings().stream()
        .map(d -> d.getMessage(java.util.Locale.ROOT))
        .filter(message -> !message.startsWith("[anneal."))
        .collect(java.util.stream.Collectors.toList());
    org.junit.jupiter.api.Assertions.assertTrue(javacWarnings.isEmpty(), () -> "javac warned: " + javacWarnings);
  }
}

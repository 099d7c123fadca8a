package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import dev.anneal.Schedule;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code @Bind}: each misuse is an error on the {@code @Bind} (on its attribute name where one is
 * written). Most cases use accessor methods, whose annotations javac can locate; the record
 * component case at the end shows where it cannot yet.
 */
@DisplayName("@Bind errors")
class BindValidationTest {

  @Test
  @DisplayName("binding a name that is not an attribute of @Schedule")
  void unknown() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind(\"learningRate\")",
        "  double lr() { return 0; }",
        "}");
    assertSingleError(source, "@Bind(\"learningRate\")",
        "[anneal.bind-unknown]", "learningRate");
  }

  @Test
  @DisplayName("binding an attribute the schedule does not take")
  void notApplicable() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind(\"gamma\")",
        "  double decay() { return 0; }",
        "}");
    assertSingleError(source, "@Bind(\"gamma\")",
        "[anneal.bind-not-applicable]", "gamma", "CosineAnnealingLR");
  }

  @Test
  @DisplayName("binding mode, which shapes the generated class")
  void notBindable() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01)",
        "final class Cfg {",
        "  @Bind",
        "  Mode mode() { return Mode.TRIANGULAR; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-not-bindable]", "mode");
  }

  @Test
  @DisplayName("binding type, an element of @Schedule that chooses the schedule: not bindable, not unknown")
  void typeIsNotBindable() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "record Cfg(",
        "    @Bind ScheduleType type) {}");
    Compilation compilation = assertSingleError(source, "@Bind ScheduleType type",
        "[anneal.bind-not-bindable] @Bind cannot bind type: it takes a ScheduleType constant, which shapes the"
            + " generated class, so it must be written in @Schedule");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  @DisplayName("every element of @Schedule that cannot be bound is called not bindable, with what it takes")
  void everyUnbindableElementIsNotBindable() {
    for (java.lang.reflect.Method element : Schedule.class.getDeclaredMethods()) {
      Class<?> type = element.getReturnType();
      if (type == int.class || type == double.class || type == double[].class) {
        continue; // Bindable.
      }
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {",
          "  @Bind(\"" + element.getName() + "\")",
          "  double value() { return 0; }",
          "}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorContaining("[anneal.bind-not-bindable] @Bind cannot bind " + element.getName()
          + ": it takes ").inFile(source).onLine(Sources.lineOf(source, "@Bind(\""));
      assertThat(compilation).hadErrorContaining("so it must be written in @Schedule");
    }
  }

  @Test
  @DisplayName("@Bind on a record component of a record without @Schedule binds nothing: an error on it")
  void bindOnARecordWithoutSchedule() {
    JavaFileObject source = config("Cfg",
        "record Cfg(int epochs,",
        "    @Bind double gamma) {}");
    Compilation compilation = assertSingleError(source, "@Bind double gamma",
        "[anneal.bind-without-schedule] @Bind on gamma binds nothing: Cfg has no @Schedule");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  @DisplayName("@Bind on a method of a class without @Schedule, nested in a config: an error on it")
  void bindOnAMethodOfANestedClassWithoutSchedule() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, stepSize = 3)",
        "final class Cfg {",
        "  static final class Settings {",
        "    @Bind(\"gamma\")",
        "    double decay() { return 0.5; }",
        "  }",
        "}");
    assertSingleError(source, "@Bind(\"gamma\")",
        "[anneal.bind-without-schedule] @Bind on decay() binds nothing: Settings has no @Schedule");
  }

  @Test
  @DisplayName("binding an attribute also written in @Schedule")
  void alsoWritten() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10, etaMin = 0.001)",
        "final class Cfg {",
        "  @Bind",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-also-written]", "etaMin");
  }

  @Test
  @DisplayName("binding a double attribute to an int accessor")
  void wrongType() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  int etaMin() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-type]", "etaMin()", "double", "int");
  }

  @Test
  @DisplayName("binding an int attribute to a long accessor")
  void wrongIntType() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, stepSize = 10)",
        "final class Cfg {",
        "  @Bind(\"gamma\")",
        "  float decay() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-type]", "decay()", "gamma", "double", "float");
  }

  @Test
  @DisplayName("binding a per-group attribute to an int[] accessor")
  void wrongArrayType() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = ONE_CYCLE, totalSteps = 100)",
        "record Cfg(",
        "    @Bind int[] maxLr) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(
        "[anneal.bind-type]");
  }

  @Test
  @DisplayName("an ill-typed @Bind of a required attribute is reported once")
  void wrongTypeOfRequired() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE)",
        "final class Cfg {",
        "  @Bind",
        "  long tMax() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-type]", "tMax()", "int", "long");
  }

  @Test
  @DisplayName("binding the same attribute twice")
  void twice() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind(\"etaMin\") double first() { return 0; }",
        "  @Bind(value = \"etaMin\")",
        "  double second() { return 0; }",
        "}");
    assertSingleError(source, "@Bind(value = \"etaMin\")",
        "[anneal.bind-twice]", "etaMin", "first()", "second()");
  }

  @Test
  @DisplayName("binding without a schedule index on a config with several schedules")
  void whichSchedule() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-which-schedule]", "etaMin()", "0 to 1");
  }

  @Test
  @DisplayName("binding to a schedule index that does not exist")
  void badIndex() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind(value = \"etaMin\",",
        "      schedule = 2)",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "schedule = 2",
        "[anneal.bind-schedule]", "schedule = 2", "2 @Schedule");
  }

  @Test
  @DisplayName("a negative schedule index with one schedule: an error on the index")
  void negativeIndexOneSchedule() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind(value = \"etaMin\",",
        "      schedule = -5)",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "schedule = -5",
        "[anneal.bind-schedule]", "schedule = -5", "must be >= 0", "(1 here)");
  }

  @Test
  @DisplayName("a negative schedule index with two schedules: an error on the index, not a missing one")
  void negativeIndexTwoSchedules() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind(value = \"etaMin\",",
        "      schedule = -5)",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "schedule = -5",
        "[anneal.bind-schedule]", "schedule = -5", "must be >= 0", "(2 here)");
  }

  @Test
  @DisplayName("a written schedule = -1 is an error too: only leaving it out means the only schedule")
  void writtenMinusOne() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind(value = \"etaMin\",",
        "      schedule = -1)",
        "  double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "schedule = -1", "[anneal.bind-schedule]", "must be >= 0");
  }

  @Test
  @DisplayName("schedule = 0 of two binds the first schedule's attribute")
  void indexZeroOfTwo() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind(value = \"startFactor\", schedule = 0)",
        "  double start() { return 0.5; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Sources.generatedSource(compilation, "CfgScheduler");
    org.junit.jupiter.api.Assertions.assertTrue(generated.contains("config.start()"), generated);
  }

  @Test
  @DisplayName("a bound optional attribute does not stand for a missing required one")
  void boundOptionalKeepsRequired() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP)",
        "record Cfg(@Bind double gamma) {}");
    assertSingleError(source, "@Schedule(type = STEP)",
        "[anneal.required]", "StepLR requires stepSize");
  }

  @Test
  @DisplayName("a bad bind aimed at schedule 1 does not hide a missing attribute of schedule 0")
  void badBindOfOtherScheduleKeepsRequired() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind(value = \"stepSize\", schedule = 1)",
        "  int stepSize() { return 3; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[anneal.bind-not-applicable]").inFile(source)
        .onLine(Sources.lineOf(source, "@Bind(value = \"stepSize\""));
    assertThat(compilation).hadErrorContaining("[anneal.required] StepLR requires stepSize").inFile(source)
        .onLine(Sources.lineOf(source, "@Schedule(type = STEP)"));
  }

  @Test
  @DisplayName("a valid index binds that schedule's attribute")
  void goodIndex() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = 5)",
        "final class Cfg {",
        "  @Bind(value = \"etaMin\", schedule = 1)",
        "  double etaMin() { return 0; }",
        "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("@Bind on a private method")
  void privateAccessor() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  private double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-accessor]", "etaMin()");
  }

  @Test
  @DisplayName("@Bind on a static method")
  void staticAccessor() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  static double etaMin() { return 0; }",
        "}");
    assertSingleError(source, "@Bind", "[anneal.bind-accessor]");
  }

  @Test
  @DisplayName("@Bind on a method with a parameter")
  void accessorWithParameter() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  double etaMin(int group) { return 0; }",
        "}");
    assertSingleError(source, "@Bind", "[anneal.bind-accessor]");
  }

  @Test
  @DisplayName("@Bind on a method that declares a checked exception is refused on the method")
  void accessorThrowingCheckedException() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  double etaMin() throws java.io.IOException { return 0; }",
        "}");
    assertSingleError(source, "@Bind",
        "[anneal.bind-throws]", "etaMin()", "java.io.IOException");
  }

  @Test
  @DisplayName("@Bind on a method that declares only unchecked exceptions compiles")
  void accessorThrowingUncheckedException() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "final class Cfg {",
        "  @Bind",
        "  double etaMin() throws IllegalStateException, AssertionError { return 0; }",
        "}");
    assertThat(compile(List.of("-Xlint:all", "-Werror"), source)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("a bound required attribute counts as given")
  void boundRequired() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE)",
        "record Cfg(@Bind int tMax) {}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("a wrongly typed record component is reported")
  void recordComponentMessage() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "record Cfg(",
        "    @Bind int etaMin) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[anneal.bind-type]");
  }

  @Test
  @DisplayName("a wrongly typed record component is reported on the component")
  void recordComponentPosition() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 10)",
        "record Cfg(",
        "    @Bind int etaMin) {}");
    assertSingleError(source, "@Bind int etaMin", "[anneal.bind-type]");
  }
}

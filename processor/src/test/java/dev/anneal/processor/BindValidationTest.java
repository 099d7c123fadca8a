package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
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

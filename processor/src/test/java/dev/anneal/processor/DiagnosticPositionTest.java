package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic on a {@code @Schedule} stands on the line and column of the value it is about,
 * however the annotations are written: alone, repeated (javac gathers them into a container that
 * is not in the source), in a {@code @Schedule.List} written by hand, beside one written alone,
 * fully qualified, or among foreign annotations that are also called {@code Schedule}. The
 * expected column is where the value starts in the source line (for a qualified name, its last
 * dot, where javac puts the caret of its own errors).
 */
@DisplayName("Diagnostics stand on the line and column of their value")
class DiagnosticPositionTest {
  private static final String TMAX_ZERO = "[anneal.invalid-value] CosineAnnealingLR: tMax (T_max) = 0 must not be 0";

  /** A foreign annotation named Schedule, in another package. */
  private static final JavaFileObject FOREIGN = JavaFileObjects.forSourceLines("other.Schedule",
      "package other;",
      "",
      "import java.lang.annotation.Repeatable;",
      "",
      "@Repeatable(Schedule.List.class)",
      "public @interface Schedule {",
      "  int tMax() default 1;",
      "  @interface List {",
      "    Schedule[] value();",
      "  }",
      "}");

  /** The 1-based column where {@code value} starts on the line that holds {@code marker}. */
  private static int columnOf(JavaFileObject source, String marker, String value) {
    String line = Sources.text(source).split("\n", -1)[Sources.lineOf(source, marker) - 1];
    int at = line.indexOf(marker);
    int column = line.indexOf(value, at);
    if (column < 0) {
      throw new AssertionError(value + " is not after " + marker);
    }
    return column + 1;
  }

  /** Asserts exactly one error, containing {@code text}, at {@code value} on the line of {@code marker}. */
  private static void assertErrorAt(Compilation compilation, JavaFileObject source, String marker, String value,
      String text) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(text)
        .inFile(source)
        .onLine(Sources.lineOf(source, marker))
        .atColumn(columnOf(source, marker, value));
  }

  @Test
  void aValueOfASingleScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE,",
        "    tMax = 0)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueOfTheSecondRepeatedScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE,",
        "    tMax = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueOfAFullyQualifiedRepeatedScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@dev.anneal.Schedule(type = LINEAR)",
        "@dev.anneal.Schedule(type = COSINE, tMax = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueInAHandWrittenListBesideASingleScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule.List(@Schedule(type = COSINE, tMax = 0))",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueInAHandWrittenListBeforeASingleScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule.List(@Schedule(type = COSINE, tMax = 0))",
        "@Schedule(type = LINEAR)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aMissingAttributeInAHandWrittenListBeforeASingleScheduleIsOnItsAnnotation() {
    JavaFileObject source = config("Cfg",
        "@Schedule.List({@Schedule(type = LINEAR), @Schedule(type = STEP)})",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Sequential(milestones = {5, 10})",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "@Schedule(type = STEP)", "@Schedule(type = STEP)",
        "[anneal.required] StepLR requires stepSize");
  }

  @Test
  void aValueOfASingleScheduleBesideAHandWrittenListIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule.List(@Schedule(type = LINEAR))",
        "@Schedule(type = COSINE, tMax = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueOfASingleScheduleAfterAHandWrittenListIsPointedAtInTheListsOrder() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 0)",
        "@dev.anneal.Schedule.List(value = {@Schedule(type = LINEAR), @dev.anneal.Schedule(type = COSINE, tMax = 5)})",
        "@Sequential(milestones = {5, 10})",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueOfASingleScheduleAfterAHandWrittenListOfTwoIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule.List({@Schedule(type = LINEAR), @Schedule(type = COSINE, tMax = 5)})",
        "@Schedule(type = COSINE, tMax = 0)",
        "@Sequential(milestones = {5, 10})",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueInAHandWrittenListOfTwoAfterASingleScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = COSINE, tMax = 5)",
        "@Schedule.List({@Schedule(type = LINEAR),",
        "    @Schedule(type = COSINE, tMax = 0)})",
        "@Sequential(milestones = {5, 10})",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aValueInAFullyQualifiedHandWrittenListIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@dev.anneal.Schedule.List(value = {",
        "    @dev.anneal.Schedule(type = LINEAR),",
        "    @dev.anneal.Schedule(type = COSINE, tMax = 0)})",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertErrorAt(compile(source), source, "tMax = 0", "0", TMAX_ZERO);
  }

  @Test
  void aForeignScheduleBeforeRepeatedSchedulesIsPassedOver() {
    JavaFileObject source = config("Cfg",
        "@other.Schedule(tMax = 0)",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = COSINE, tMax = 10)",
        "@Schedule(type = COSINE,",
        "    tMax = 0)",
        "@Sequential(milestones = {5, 10})",
        "final class Cfg {}");
    Compilation compilation = compile(FOREIGN, source);
    assertErrorAt(compilation, source, "    tMax = 0)", "0", TMAX_ZERO);
  }

  @Test
  void repeatedForeignSchedulesBetweenRepeatedSchedulesArePassedOver() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@other.Schedule(tMax = 0)",
        "@other.Schedule(tMax = 0)",
        "@Schedule(type = COSINE,",
        "    tMax = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    Compilation compilation = compile(FOREIGN, source);
    assertErrorAt(compilation, source, "    tMax = 0)", "0", TMAX_ZERO);
  }

  @Test
  void aForeignScheduleImportedByItsSimpleNameIsPassedOver() {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Cfg",
        "package test;",
        "",
        "import static dev.anneal.ScheduleType.*;",
        "import dev.anneal.Sequential;",
        "import other.Schedule;",
        "",
        "@Schedule(tMax = 0)",
        "@dev.anneal.Schedule(type = LINEAR)",
        "@dev.anneal.Schedule(type = COSINE,",
        "    tMax = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    Compilation compilation = compile(FOREIGN, source);
    assertErrorAt(compilation, source, "    tMax = 0)", "0", TMAX_ZERO);
  }

  @Test
  void aProblemOfARepeatedScheduleWithoutAValueIsPointedAtItsAnnotation() {
    JavaFileObject source = config("Cfg",
        "@other.Schedule",
        "@Schedule(type = LINEAR)",
        "  @Schedule(type = STEP)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    Compilation compilation = compile(FOREIGN, source);
    assertErrorAt(compilation, source, "@Schedule(type = STEP)", "@Schedule(type = STEP)",
        "[anneal.required] StepLR requires stepSize");
  }

  @Test
  void anElementOfAPerGroupListInARepeatedScheduleIsPointedAt() {
    JavaFileObject source = config("Cfg",
        "@other.Schedule",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = CYCLIC, cycleMomentum = false, baseLr = {0.01, 0.02}, maxLr = {0.1, Double.NaN})",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    Compilation compilation = compile(FOREIGN, source);
    // javac's caret for a qualified name is on its last dot, as in its own errors.
    assertErrorAt(compilation, source, "maxLr = {0.1, Double.NaN}", ".NaN",
        "[anneal.invalid-value] CyclicLR: maxLr[1] (max_lr) = NaN must be a finite number");
  }
}

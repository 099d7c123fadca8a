package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * javac hands annotation processors no local or anonymous class, nor the classes inside them, so
 * Anneal's annotations there can never generate a scheduler. Each is an error on the annotation
 * that says so, rather than silence followed by javac's {@code cannot find symbol}.
 */
@DisplayName("Configs inside local and anonymous classes are errors on their annotations")
class LocalConfigTest {
  private static final String TAG = "[anneal.config-local]";

  private static void assertLocalError(JavaFileObject source, String marker, String... fragments) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    for (String fragment : fragments) {
      assertThat(compilation).hadErrorContaining(fragment).inFile(source).onLine(Sources.lineOf(source, marker));
    }
  }

  @Test
  void aScheduleOnALocalClassIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  Object run() {",
        "    @Schedule(type = STEP, stepSize = 3)",
        "    final class Local {}",
        "    return new Local();",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertLocalError(source, "@Schedule(type = STEP", TAG,
        "@Schedule on the local class Local is never processed", "no scheduler is generated");
  }

  @Test
  void aScheduleOnALocalClassThatIsUsedIsExplained() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  Object run() {",
        "    @Schedule(type = STEP, stepSize = 3)",
        "    final class Local {}",
        "    return new LocalScheduler(new double[] {0.1});",
        "  }",
        "}");
    assertLocalError(source, "@Schedule(type = STEP", TAG, "the local class Local");
  }

  @Test
  void aScheduleOnALocalRecordIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  static Object run() {",
        "    @Schedule(type = COSINE)",
        "    record Sweep(@Bind int tMax) {}",
        "    return new Sweep(10);",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertLocalError(source, "@Schedule(type = COSINE)", TAG, "the local record Sweep");
  }

  @Test
  void aScheduleOnAClassInsideAnAnonymousClassIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  Runnable task = new Runnable() {",
        "    @Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "    final class Inner {}",
        "    @Override public void run() {}",
        "  };",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertLocalError(source, "@Schedule(type = EXPONENTIAL", TAG, "Inner, which sits inside a local or anonymous class");
  }

  @Test
  void aConfigNestedInALocalClassIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  void run() {",
        "    class Holder {",
        "      @Schedule(type = COSINE, tMax = 10)",
        "      @Schedule(type = LINEAR)",
        "      @Chained",
        "      final class Nested {}",
        "    }",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertLocalError(source, "@Schedule(type = COSINE, tMax = 10)", TAG, "@Schedule on class Nested");
    assertLocalError(source, "@Chained", TAG, "@Chained on class Nested");
  }

  @Test
  void aFullyQualifiedScheduleListOnALocalClassIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  void run() {",
        "    @dev.anneal.Schedule.List({@Schedule(type = LINEAR), @Schedule(type = COSINE, tMax = 9)})",
        "    @Sequential(milestones = 5)",
        "    class Local {}",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertLocalError(source, "@dev.anneal.Schedule.List", TAG, "@Schedule.List on the local class Local");
    assertLocalError(source, "@Sequential", TAG, "@Sequential on the local class Local");
  }

  @Test
  void aBindInALocalRecordWithoutScheduleIsAnError() {
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  void run() {",
        "    record Settings(",
        "        @Bind double gamma) {}",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertLocalError(source, "@Bind double gamma", TAG, "@Bind on the local record Settings");
  }

  @Test
  void aLocalClassBesideAValidConfigIsStillReported() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, stepSize = 3)",
        "final class Cfg {",
        "  void run() {",
        "    @Schedule(type = STEP, stepSize = 4)",
        "    class Local {}",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertLocalError(source, "stepSize = 4", TAG, "the local class Local");
  }

  @Test
  void aLocalClassBesideAnInvalidConfigIsStillReported() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, stepSize = 0)",
        "final class Cfg {",
        "  void run() {",
        "    @Schedule(type = STEP, stepSize = 4)",
        "    class Local {}",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertLocalError(source, "stepSize = 4", TAG, "the local class Local");
  }

  @Test
  void aForeignScheduleOnALocalClassIsNotAnneals() {
    JavaFileObject foreign = com.google.testing.compile.JavaFileObjects.forSourceLines("other.Schedule",
        "package other;",
        "public @interface Schedule {}");
    JavaFileObject source = config("Cfg",
        "final class Cfg {",
        "  void run() {",
        "    @other.Schedule",
        "    class Local {}",
        "  }",
        "}");
    assertThat(compile(foreign, source)).succeededWithoutWarnings();
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The names of generated classes and the messages that name them: a name too long for a file, the
 * default package, and a generated source of an earlier build given back as an input.
 */
@DisplayName("Names of generated classes")
class GeneratedNamesTest {

  /** A nested config {@code Outer.Inner} whose generated class name is {@code bytes} long in UTF-8. */
  private static JavaFileObject nestedConfigNamed(int bytes) {
    // Outer_InnerScheduler: "_" and "Scheduler" take 10 bytes; "é" takes two, to count bytes.
    int rest = bytes - 10;
    String outer = "Outer" + "é".repeat(60);
    String inner = "I" + "x".repeat(rest - outer.getBytes(StandardCharsets.UTF_8).length - 1);
    String name = outer + "_" + inner + "Scheduler";
    assertEquals(bytes, name.getBytes(StandardCharsets.UTF_8).length);
    return Sources.config(outer,
        "final class " + outer + " {",
        "  @Schedule(type = COSINE, tMax = 10)",
        "  static final class " + inner + " {}",
        "}");
  }

  @Test
  @DisplayName("a generated class name of 249 bytes, the longest whose class file fits 255, is generated")
  void longestClassNameIsGenerated() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"), nestedConfigNamed(249));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("a generated class name of 250 bytes is refused on the config, with no other error")
  void classNameTooLongForAFileIsRefused() {
    JavaFileObject source = nestedConfigNamed(250);
    Compilation compilation = Sources.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[anneal.name-too-long]").inFile(source)
        .onLine(Sources.lineOf(source, "static final class I"));
    assertThat(compilation).hadErrorContaining("is 250 bytes long (UTF-8), over the limit of 249");
    assertThat(compilation).hadErrorContaining("255 bytes");
  }

  @Test
  @DisplayName("a config in the default package is named without a leading dot")
  void defaultPackageNamesHaveNoLeadingDot() {
    JavaFileObject config = JavaFileObjects.forSourceLines("A",
        "import dev.anneal.*;",
        "import static dev.anneal.ScheduleType.*;",
        "class A {",
        "  @Schedule(type = STEP, stepSize = 4)",
        "  static final class B {}",
        "}");
    JavaFileObject holder = JavaFileObjects.forSourceLines("A_BScheduler", "final class A_BScheduler {}");
    Compilation compilation = Sources.compile(config, holder);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[anneal.name-clash] cannot generate A_BScheduler for this config")
        .inFile(config).onLine(5);
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      assertFalse(d.getMessage(Locale.ROOT).contains(".A_BScheduler"), d.getMessage(Locale.ROOT));
    }
  }

  private static final String[] CONFIG = {
      "@Schedule(type = STEP, stepSize = 4)",
      "final class Foo {}"};

  /** The source that an earlier build generated for {@link #CONFIG}, with {@code edit} applied. */
  private static JavaFileObject earlierBuild(java.util.function.UnaryOperator<String> edit) {
    Compilation earlier = Sources.compile(Sources.config("Foo", CONFIG));
    assertThat(earlier).succeeded();
    return JavaFileObjects.forSourceString(Sources.PACKAGE + ".FooScheduler",
        edit.apply(Sources.generatedSource(earlier, "FooScheduler")));
  }

  private static void assertStaleInputReported(JavaFileObject stale) {
    Compilation compilation = Sources.compile(Sources.config("Foo", CONFIG), stale);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[anneal.stale-generated] test.FooScheduler")
        .inFile(stale).onLine(Sources.lineOf(stale, "public final class FooScheduler"));
    assertThat(compilation).hadErrorContaining("earlier build");
    assertThat(compilation).hadErrorContaining("test.Foo");
  }

  @Test
  @DisplayName("a generated source of an earlier build among the inputs is reported on it, not on the config")
  void staleGeneratedSourceIsReportedOnIt() {
    assertStaleInputReported(earlierBuild(text -> text));
  }

  @Test
  @DisplayName("a generated source of an earlier build is known by its Javadoc where @Generated is gone")
  void staleGeneratedSourceKnownByItsJavadoc() {
    assertStaleInputReported(earlierBuild(
        text -> text.replace("@Generated(\"dev.anneal.processor.ScheduleProcessor\")\n", "")));
  }

  @Test
  @DisplayName("a hand-written class that holds the generated name still gets name-clash on the config")
  void handWrittenClassHoldingTheNameIsAClash() {
    JavaFileObject config = Sources.config("Foo", CONFIG);
    JavaFileObject mine = Sources.config("FooScheduler", "final class FooScheduler {}");
    Compilation compilation = Sources.compile(config, mine);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[anneal.name-clash]").inFile(config)
        .onLine(Sources.lineOf(config, "final class Foo {}"));
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles without a warning under the full {@code -Xlint:all}, so that users who
 * build with {@code -Werror} can use Anneal.
 *
 * <p>That includes {@code -Xlint:processing}, under which javac warns of every annotation that no
 * processor claimed by returning true from {@code process}, and in the next round of the
 * {@code @Generated} that the generated classes carry. Anneal therefore claims its own annotations,
 * and {@code @Generated} where only its own classes carry it (see
 * {@code ScheduleProcessor#claims}); another generator's {@code @Generated} it leaves unclaimed for
 * the processors that may want it, and javac notes it as before.
 */
@DisplayName("Generated code is free of warnings")
class LintTest {

  private static JavaFileObject[] everyConfig() {
    return Configs.sources(Configs.ALL).toArray(JavaFileObject[]::new);
  }

  @Test
  @DisplayName("every config compiles under -Xlint:all -Werror, processing lint included")
  void noWarningsWithWerror() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"), everyConfig());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("a clean config alone compiles under -Xlint:all -Werror: @Schedule and @Generated are claimed")
  void cleanConfigClaimsItsAnnotations() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"), Sources.config("Clean",
        "@Schedule(type = COSINE, tMax = 32, etaMin = 1e-4)",
        "final class Clean {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("a generic config with @Bind compiles without a rawtypes warning")
  void genericConfigTakenWithoutRawType() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"),
        Sources.config("Generic",
            "@Schedule(type = STEP, stepSize = 4)",
            "record Generic<T, N extends Number & Comparable<N>>(@Bind double gamma, T extra, N count) {}"),
        Sources.config("Use",
            "final class Use {",
            "  static double rate() {",
            "    return new GenericScheduler(new Generic<>(0.5, \"x\", 3), 0.1).lrAt(4, 0);",
            "  }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("another generator's @Generated stays unclaimed: javac still notes it")
  void foreignGeneratedStaysUnclaimed() {
    Compilation compilation = Sources.compile(List.of("-Xlint:processing"),
        Sources.config("Other",
            "@javax.annotation.processing.Generated(\"some.other.Tool\")",
            "final class Other {}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
    assertThat(compilation).hadWarningContaining("javax.annotation.processing.Generated");
  }

  /**
   * javac does not warn of a private field that nothing reads; a generated one would be noise in
   * a class its users read. Each private field of every generated scheduler is named again
   * after its declaration.
   */
  @Test
  @DisplayName("no generated private field or constant is declared and never read")
  void noUnreadPrivateFields() throws IOException {
    Compilation compilation = Sources.compile(everyConfig());
    assertThat(compilation).succeeded();
    Pattern declaration = Pattern.compile("private (?:static )?(?:final )?[\\w\\[\\]]+ (\\w+)( =|;)");
    List<String> unread = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String source = file.getCharContent(true).toString().replaceAll("(?s)/\\*.*?\\*/", "");
      Matcher field = declaration.matcher(source);
      while (field.find()) {
        Matcher use = Pattern.compile("\\b" + field.group(1) + "\\b").matcher(source);
        int uses = 0;
        while (use.find()) {
          uses++;
        }
        if (uses < 2) {
          unread.add(file.getName() + ": " + field.group(1));
        }
      }
    }
    assertEquals(List.of(), unread);
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles without a warning under {@code -Xlint:all}, so that users who build
 * with {@code -Werror} can use Anneal.
 *
 * <p>One lint category is left out: the processor returns {@code false} from {@code process} on
 * purpose, so that other processors may also see {@code @Schedule}; javac then notes under
 * {@code -Xlint:processing} that no processor claimed the annotations. That is javac commenting
 * on the processor setup, not on the generated code, and the second test checks that it is the
 * only warning.
 */
@DisplayName("Generated code is free of warnings")
class LintTest {

  private static JavaFileObject[] everyConfig() {
    return Configs.sources(Configs.ALL).toArray(JavaFileObject[]::new);
  }

  @Test
  @DisplayName("every config compiles under -Xlint:all,-processing -Werror")
  void noWarningsWithWerror() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing", "-Werror"), everyConfig());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("under full -Xlint:all, the only warnings are javac's unclaimed-annotation notes")
  void onlyProcessingWarnings() {
    Compilation compilation = Sources.compile(List.of("-Xlint:all"), everyConfig());
    assertThat(compilation).succeeded();
    List<String> others = compilation.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(message -> !message.startsWith("No processor claimed any of these annotations"))
        .collect(Collectors.toList());
    assertTrue(others.isEmpty(), () -> "unexpected diagnostics: " + others);
  }
}

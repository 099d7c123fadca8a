package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Generated code depends on the configs alone: not on the run, the order in which javac sees
 * the sources, or the date. Builds that regenerate it stay reproducible.
 */
@DisplayName("Generated code is deterministic")
class DeterminismTest {

  private static Map<String, byte[]> first;

  @BeforeAll
  static void compileOnce() {
    first = generatedSources(Configs.sources(Configs.ALL));
  }

  @Test
  @DisplayName("byte-identical across two compilations of the same sources")
  void sameAcrossRuns() {
    assertSameFiles(first, generatedSources(Configs.sources(Configs.ALL)));
  }

  @Test
  @DisplayName("byte-identical when the sources are given in reverse order")
  void sameInReverseOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(Configs.sources(Configs.ALL));
    Collections.reverse(reversed);
    assertSameFiles(first, generatedSources(reversed));
  }

  @Test
  @DisplayName("byte-identical whether a config is compiled alone or with the others")
  void sameAloneAndTogether() {
    JavaFileObject alone = Sources.config("WarmupCosine", Configs.ALL.get("WarmupCosine"));
    Map<String, byte[]> single = generatedSources(List.of(alone));
    assertEquals(1, single.size());
    assertArrayEquals("WarmupCosineScheduler.java", first.get("WarmupCosineScheduler.java"),
        single.get("WarmupCosineScheduler.java"));
  }

  @Test
  @DisplayName("@Generated names the processor and carries no date")
  void generatedWithoutDate() {
    for (Map.Entry<String, byte[]> file : first.entrySet()) {
      String text = new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(text.contains("@Generated(\"dev.anneal.processor.ScheduleProcessor\")\n"),
          () -> file.getKey() + " lacks @Generated");
      assertFalse(text.contains("date"), () -> file.getKey() + " mentions a date");
    }
  }

  /** Every generated source of a compilation, by file name (all are in one package), as bytes. */
  private static Map<String, byte[]> generatedSources(List<JavaFileObject> sources) {
    Compilation compilation = Sources.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try (InputStream in = file.openInputStream()) {
        String name = file.getName();
        files.put(name.substring(name.lastIndexOf('/') + 1), in.readAllBytes());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(name, expected.get(name), actual.get(name));
    }
  }

  private static void assertArrayEquals(String name, byte[] expected, byte[] actual) {
    assertTrue(Arrays.equals(expected, actual), () -> name + " differs between compilations");
  }
}

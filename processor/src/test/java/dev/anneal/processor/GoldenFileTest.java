package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated classes of a few configs ({@link Configs#GOLDEN}) compared byte for byte with the
 * files under {@code src/test/resources/golden/}, so that every change to the generated code is
 * seen, and reviewed, as a change to those files.
 *
 * <p>To regenerate the golden files after an intended change, run
 * <pre>
 * mvn -pl runtime,processor test -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Danneal.updateGolden=true
 * </pre>
 * which rewrites them in {@code src/test/resources/golden/} (the test then passes); review the
 * difference before committing it. The property is off by default.
 */
@DisplayName("Generated classes match their golden files byte for byte")
class GoldenFileTest {
  private static final String UPDATE_PROPERTY = "anneal.updateGolden";
  private static final String GOLDEN_DIRECTORY = "golden";

  private static Compilation compilation;

  @BeforeAll
  static void compileGoldenConfigs() {
    List<JavaFileObject> sources = Configs.sources(Configs.GOLDEN);
    compilation = Sources.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
  }

  @TestFactory
  Stream<DynamicTest> generatedSourceMatchesGolden() {
    return Configs.GOLDEN.keySet().stream().map(name -> DynamicTest.dynamicTest(name + "Scheduler", () -> {
      String fileName = name + "Scheduler.java";
      String actual = Sources.generatedSource(compilation, name + "Scheduler");
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Path file = goldenSourceDirectory().resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      String golden = golden(fileName);
      if (!golden.equals(actual)) {
        fail(fileName + " differs from its golden file " + firstDifference(golden, actual)
            + "\nIf the change is intended, regenerate with -D" + UPDATE_PROPERTY + "=true and review it.");
      }
    }));
  }

  /** Where two texts first differ, by line, for a readable failure. */
  private static String firstDifference(String expected, String actual) {
    String[] golden = expected.split("\n", -1);
    String[] generated = actual.split("\n", -1);
    for (int i = 0; i < Math.max(golden.length, generated.length); i++) {
      String a = i < golden.length ? golden[i] : "<end of file>";
      String b = i < generated.length ? generated[i] : "<end of file>";
      if (!a.equals(b)) {
        return "at line " + (i + 1) + ":\n  golden:    " + a + "\n  generated: " + b;
      }
    }
    return "in its line endings";
  }

  /** The golden file as the test's class path holds it. */
  private static String golden(String fileName) throws IOException {
    String resource = GOLDEN_DIRECTORY + "/" + fileName;
    try (InputStream in = GoldenFileTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, () -> "missing golden file " + resource + "; create it with -D" + UPDATE_PROPERTY + "=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The source directory of the golden files; Maven runs the tests from the module directory. */
  private static Path goldenSourceDirectory() {
    return Path.of(System.getProperty("basedir", "."), "src", "test", "resources", GOLDEN_DIRECTORY);
  }
}

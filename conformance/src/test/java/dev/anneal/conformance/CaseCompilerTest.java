package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.conformance.ConfigWriter.ConfigSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

class CaseCompilerTest {

  private static final String SOURCE =
      "@Schedule(type = ScheduleType.CYCLIC, maxLr = {0.01, 0.002}, tMult = 1.5)\n"
          + "public final class Config {\n"
          + "  static double f(long epoch) {\n"
          + "    return epoch == 0 ? 1 : 2;\n"
          + "  }\n"
          + "}\n";

  @Test
  void findsTheAttributeWhoseValueADiagnosticPointsAt() {
    assertEquals("tMult", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("1.5")));
    assertEquals("maxLr", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("0.002")));
    assertEquals("type", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("ScheduleType")));
  }

  @Test
  void aComparisonIsNoAssignment() {
    // Past the annotation the last assignment is still tMult: "epoch == 0" is skipped.
    assertEquals("tMult", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf(" 0 ?")));
  }

  @Test
  void aPositionOutsideTheSourceNamesNothing() {
    assertEquals("", CaseCompiler.attributeAt(SOURCE, -1));
    assertEquals("", CaseCompiler.attributeAt(SOURCE, SOURCE.length() + 1));
    assertEquals("", CaseCompiler.attributeAt(SOURCE, 0));
  }

  /** A processor that does nothing, so that only the compilations' sizes matter. */
  private static final class Idle extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  @Test
  void aLongSuiteIsCompiledInBoundedBatchesAndEachEndIsReported() {
    List<ConfigSource> units = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String packageName = String.format(Locale.ROOT, "c%04d", i);
      units.add(new ConfigSource(packageName, "package " + packageName + ";\npublic final class Config {}\n",
          Set.of()));
    }
    List<Integer> reported = new ArrayList<>();
    CaseCompiler.Compilation compilation;
    try (CaseCompiler compiler = new CaseCompiler(ConformanceRunner.systemCompiler(), Idle::new,
        ConformanceRunner.runtimeClassPath(), 2)) {
      compilation = compiler.compile(units, Set.of(), reported::add);
    }
    assertEquals(600, compilation.outcomes().size());
    assertTrue(compilation.outcomes().values().stream().allMatch(CaseCompiler.Outcome::compiled));
    List<Integer> sizes = compilation.batches().stream().map(CaseCompiler.Batch::cases).toList();
    assertEquals(List.of(200, 200, 200), sizes);
    assertEquals(List.of(200, 400, 600), reported);
  }
}

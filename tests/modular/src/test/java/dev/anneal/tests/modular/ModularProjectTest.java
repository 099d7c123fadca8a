package dev.anneal.tests.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.StepScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A user's project that is a named module: the processor ran on its sources, the scheduler it
 * generated steps inside the module, against the runtime as the named module {@code dev.anneal}.
 */
@DisplayName("A modular project")
class ModularProjectTest {

  @Test
  @DisplayName("steps a generated CosineAnnealingLR inside its module")
  void stepsTheGeneratedScheduler() {
    StepScheduler scheduler = new RunScheduler(1.0);
    // CosineAnnealingLR over T_max = 4 from 1 to 0: (1 + cos(pi t / 4)) / 2.
    double[] expected = {1.0, (1 + Math.sqrt(0.5)) / 2, 0.5, (1 - Math.sqrt(0.5)) / 2, 0.0};
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], scheduler.lr(0), 1e-15, "step " + t);
      scheduler.step();
    }
  }

  @Test
  @DisplayName("the generated class and the runtime are in named modules, not automatic ones")
  void namedModules() {
    assertEquals("dev.anneal.tests.modular", RunScheduler.class.getModule().getName());
    Module runtime = StepScheduler.class.getModule();
    assertEquals("dev.anneal", runtime.getName());
    assertFalse(runtime.getDescriptor().isAutomatic());
  }

  @Test
  @DisplayName("the generated class carries @Generated: dev.anneal makes the module read java.compiler")
  void generatedAnnotationKept() throws IOException {
    Path source = Path.of(System.getProperty("anneal.generated.sources"),
        "dev/anneal/tests/modular/RunScheduler.java");
    String code = Files.readString(source);
    assertTrue(code.contains("@Generated("), code);
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.anneal.LrFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CyclicLR's rate is {@code base_lr + (max_lr - base_lr) * scale * scale_fn(...)}: with a config's
 * {@code scaleFn}, which may return more than 1, and {@code maxLr} below {@code baseLr}, the rate
 * can fall below {@code maxLr} and below 0. Such a config compiles with {@code [anneal.negative-rate]}.
 */
@DisplayName("Warnings: the sign of CyclicLR with a scaleFn")
class ScaleSignWarningTest {
  private static final String[] FALLING = {
      "@Schedule(type = CYCLIC, baseLr = 0.1, maxLr = 0.01, stepSizeUp = 2, cycleMomentum = false,",
      "    scaleFn = \"five\")",
      "final class Cfg {",
      "  static double five(double cycle) { return 5.0; }",
      "}"};

  @Test
  @DisplayName("maxLr below baseLr with a scaleFn: warned on scaleFn, and PyTorch's rate is negative at the peak")
  void maxBelowBaseIsWarned() {
    assertSingleWarning(config("Cfg", FALLING), "scaleFn = \"five\"", "[anneal.negative-rate]", "scaleFn \"five\"",
        "maxLr (max_lr) = 0.01 is below baseLr (base_lr) = 0.1");
    LrFunction function = new GeneratedClasses(Map.of("Cfg", FALLING), List.of()).scheduler("Cfg", LrFunction.class,
        0.1);
    // PyTorch: base_lr + (max_lr - base_lr) * scale * scale_fn(cycle), scale = 1 at step 2.
    assertEquals(0.1 + (0.01 - 0.1) * 1.0 * 5.0, function.lrAt(2, 0), 1e-15);
  }

  @Test
  @DisplayName("maxLr at or above baseLr, or no scaleFn: no warning")
  void risingIsNotWarned() {
    for (String annotation : List.of(
        "@Schedule(type = CYCLIC, baseLr = {0.01, 0.02}, maxLr = {0.1, 0.02}, scaleFn = \"five\")",
        "@Schedule(type = CYCLIC, baseLr = 0.1, maxLr = 0.01, mode = TRIANGULAR2)")) {
      Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing"), config("Cfg", annotation,
          "final class Cfg {", "  static double five(double cycle) { return 5.0; }", "}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }
}

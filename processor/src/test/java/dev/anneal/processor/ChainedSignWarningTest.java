package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.config;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.anneal.StepScheduler;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * In {@code @Chained}, CosineAnnealingLR steps by PyTorch's recurrence on whatever rate the others
 * left, which overshoots below 0 where that rate is below {@code eta_min}: such configs compile
 * with {@code [anneal.negative-rate]} on {@code etaMin}; the others never give a negative rate.
 */
@DisplayName("Warnings: the sign of a @Chained cosine")
class ChainedSignWarningTest {

  @Test
  @DisplayName("COSINE with etaMin > 0 then POLYNOMIAL: warned, and PyTorch's rates do turn negative")
  void cosineThenPolynomialIsWarnedAndGoesNegative() {
    String[] lines = {
        "@Schedule(type = COSINE, tMax = 4,",
        "    etaMin = 0.05)",
        "@Schedule(type = POLYNOMIAL, totalIters = 20, power = 1.0)",
        "@Chained",
        "final class Cfg {}"};
    assertSingleWarning(config("Cfg", lines), "etaMin = 0.05", "[anneal.negative-rate]", "CosineAnnealingLR",
        "etaMin (eta_min) = 0.05", "@Chained", "PolynomialLR in the chain");
    // PyTorch's numbers, in plain Java: the polynomial keeps lowering the rate below eta_min
    // while the cosine rises again past its trough at 4, where its ratio exceeds 1.
    double lr = 0.1;
    double lowest = Double.POSITIVE_INFINITY;
    for (int t = 1; t <= 40; t++) {
      if ((t - 1 - 4) % 8 == 0) {
        lr += (0.1 - 0.05) * (1 - Math.cos(Math.PI / 4)) / 2;
      } else {
        lr = 0.05 + (lr - 0.05) * (1 + Math.cos(Math.PI * t / 4)) / (1 + Math.cos(Math.PI * (t - 1) / 4));
      }
      lr *= t > 20 ? 1.0 : (1.0 - t / 20.0) / (1.0 - (t - 1) / 20.0);
      lowest = Math.min(lowest, lr);
    }
    assertTrue(lowest < 0, "PyTorch's chained rate goes negative: " + lowest);
    GeneratedClasses classes = new GeneratedClasses(Map.of("Cfg", new String[] {lines[0], lines[1], lines[2],
        lines[3], lines[4]}), List.of());
    StepScheduler scheduler = classes.scheduler("Cfg", StepScheduler.class, 0.1);
    double generatedLowest = Double.POSITIVE_INFINITY;
    for (int t = 1; t <= 40; t++) {
      scheduler.step();
      generatedLowest = Math.min(generatedLowest, scheduler.lr(0));
    }
    assertTrue(generatedLowest < 0, "and so does the generated scheduler: " + generatedLowest);
  }

  @Test
  @DisplayName("COSINE with etaMin > 0 beside a schedule that never lowers the rate: warned for a group starting below etaMin")
  void cosineWithConstantIsWarnedForLowStarts() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 3)",
        "@Schedule(type = COSINE, tMax = 10,",
        "    etaMin = 1e-6)",
        "@Chained",
        "final class Cfg {}");
    assertSingleWarning(source, "etaMin = 1e-6", "[anneal.negative-rate]", "a group's initial rate is below eta_min");
  }

  @Test
  @DisplayName("no warning where the cosine cannot overshoot: etaMin = 0, or a LambdaLR after it has the last word")
  void noWarningWhereTheSignIsSafe() {
    for (String[] lines : List.of(
        new String[] {"@Schedule(type = COSINE, tMax = 10)", "@Schedule(type = POLYNOMIAL, totalIters = 8)",
            "@Chained", "final class Cfg {}"},
        new String[] {"@Schedule(type = COSINE, tMax = 10, etaMin = 0.05)", "@Schedule(type = POLYNOMIAL, totalIters = 8)",
            "@Schedule(type = LAMBDA, lrLambda = \"half\")", "@Chained", "final class Cfg {",
            "  static double half(long step) { return 0.5; }", "}"},
        new String[] {"@Schedule(type = COSINE, tMax = 10, etaMin = 0.05)", "@Schedule(type = POLYNOMIAL, totalIters = 8)",
            "@Sequential(milestones = 5)", "final class Cfg {}"})) {
      Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing"), config("Cfg", lines));
      assertThat(compilation).succeededWithoutWarnings();
      StepScheduler scheduler = new GeneratedClasses(Map.of("Cfg", lines), List.of())
          .scheduler("Cfg", StepScheduler.class, 0.1, 0.0);
      for (int t = 0; t < 200; t++) {
        assertTrue(scheduler.lr(0) >= 0 && scheduler.lr(1) >= 0, String.join(" ", lines) + " at step " + t);
        scheduler.step();
      }
    }
  }
}

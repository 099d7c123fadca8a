package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A {@code gamma} above 1 in magnitude: PyTorch accepts it and its rate grows until it is
 * infinite. The config compiles with {@code [anneal.growing-rate]} on the value, saying how soon.
 */
@DisplayName("Warnings: a rate that grows without bound")
class GrowingRateWarningTest {

  @Test
  @DisplayName("ExponentialLR gamma = 1.5 passes the largest double after about 1,751 steps")
  void exponential() {
    // ln(Double.MAX_VALUE) / ln(1.5) = 709.78 / 0.405 = 1750.5
    JavaFileObject source = config("Cfg",
        "@Schedule(type = EXPONENTIAL,",
        "    gamma = 1.5)",
        "final class Cfg {}");
    assertSingleWarning(source, "gamma = 1.5", "[anneal.growing-rate]", "ExponentialLR", "gamma (gamma) = 1.5",
        "above 1", "about 1,751 steps", "ArithmeticException");
  }

  @Test
  @DisplayName("ExponentialLR gamma = -1.01 grows in magnitude too (and changes sign)")
  void exponentialNegative() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = EXPONENTIAL,",
        "    gamma = -1.01)",
        "final class Cfg {}");
    Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing"), source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    int line = Sources.lineOf(source, "gamma = -1.01");
    assertThat(compilation).hadWarningContaining("[anneal.growing-rate]").inFile(source).onLine(line);
    assertThat(compilation).hadWarningContaining("[anneal.negative-rate]").inFile(source).onLine(line);
  }

  @Test
  @DisplayName("StepLR gamma = 10, stepSize = 2: 309 decays, 618 steps")
  void step() {
    // 10^309 is past Double.MAX_VALUE = 1.8e308: the 309th decay, at step 618.
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, stepSize = 2,",
        "    gamma = 10.0)",
        "final class Cfg {}");
    assertSingleWarning(source, "gamma = 10.0", "[anneal.growing-rate]", "StepLR", "about 618 steps");
  }

  @Test
  @DisplayName("MultiStepLR gamma = 2 with three milestones: up to 8 times the initial rate")
  void multiStep() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = MULTI_STEP, milestones = {3, 5, 9},",
        "    gamma = 2.0)",
        "final class Cfg {}");
    assertSingleWarning(source, "gamma = 2.0", "[anneal.growing-rate]", "MultiStepLR", "3 reachable milestones",
        "8.0 times");
  }

  @Test
  @DisplayName("CyclicLR exp_range with gamma = 1.5: its amplitude grows without bound")
  void cyclicExpRange() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, mode = Mode.EXP_RANGE,",
        "    gamma = 1.5)",
        "final class Cfg {}");
    assertSingleWarning(source, "gamma = 1.5", "[anneal.growing-rate]", "CyclicLR", "exp_range", "about 1,751 steps");
  }

  @Test
  @DisplayName("gamma = 1, or below 1 in magnitude, gives no warning")
  void noGrowth() {
    for (String annotation : List.of("@Schedule(type = EXPONENTIAL, gamma = 1.0)",
        "@Schedule(type = STEP, stepSize = 3, gamma = 0.99)", "@Schedule(type = MULTI_STEP, milestones = 4, gamma = 1.0)",
        "@Schedule(type = CYCLIC, baseLr = 0.01, maxLr = 0.1, mode = Mode.TRIANGULAR, gamma = 2.0)")) {
      Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing"), config("Cfg", annotation,
          "final class Cfg {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }
}

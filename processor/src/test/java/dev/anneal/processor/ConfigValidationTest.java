package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The config type itself, and the combination of several schedules on it. */
class ConfigValidationTest {

  @Nested
  @DisplayName("The config type")
  class ConfigType {
    @Test
    @DisplayName("@Schedule on an interface is an error on the interface")
    void onInterface() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "interface Cfg {}");
      assertSingleError(source, "interface Cfg",
          "[anneal.config-kind]", "interface");
    }

    @Test
    @DisplayName("@Schedule on an enum is an error on the enum")
    void onEnum() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "enum Cfg { A }");
      assertSingleError(source, "enum Cfg",
          "[anneal.config-kind]", "enum");
    }

    @Test
    @DisplayName("@Schedule on an annotation type is an error on it")
    void onAnnotationType() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "@interface Cfg {}");
      assertSingleError(source, "@interface Cfg",
          "[anneal.config-kind]", "annotation type");
    }

    @Test
    @DisplayName("A private nested config is an error: the generated class beside it calls it")
    void privateConfig() {
      JavaFileObject source = config("Outer",
          "final class Outer {",
          "  @Schedule(type = COSINE, tMax = 10)",
          "  private static final class Inner {}",
          "}");
      assertSingleError(source, "class Inner",
          "[anneal.config-private]", "Inner", "private",
          "Outer_InnerScheduler");
    }

    @Test
    @DisplayName("A config inside a private class is an error: the generated class beside it"
        + " cannot reach it")
    void configInPrivateClass() {
      JavaFileObject source = config("Outer",
          "final class Outer {",
          "  private static final class Holder {",
          "    @Schedule(type = LAMBDA, lrLambda = \"decay\")",
          "    static final class Inner {",
          "      static double decay(long step) { return 0.9; }",
          "    }",
          "  }",
          "}");
      assertSingleError(source, "class Inner",
          "[anneal.config-private]", "Inner", "private Holder", "Outer_Holder_InnerScheduler");
    }

    @Test
    @DisplayName("A nested config generates Outer_InnerScheduler")
    void nestedName() {
      JavaFileObject source = config("Outer",
          "final class Outer {",
          "  @Schedule(type = COSINE, tMax = 10)",
          "  static final class Inner {}",
          "}");
      Compilation compilation = compile(source);
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("test.Outer_InnerScheduler");
    }

    @Test
    @DisplayName("A record config is accepted")
    void recordConfig() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "record Cfg(int unused) {}");
      assertThat(compile(source)).succeededWithoutWarnings();
    }
  }

  @Nested
  @DisplayName("Combining several schedules")
  class Combination {
    @Test
    @DisplayName("Two @Schedule without @Sequential or @Chained")
    void severalWithoutCombinator() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(
          "[anneal.combinator-missing]").inFile(source);
    }

    @Test
    @DisplayName("Both @Sequential and @Chained")
    void bothCombinators() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Chained",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "@Sequential(",
          "[anneal.combinator-conflict]", "@Sequential", "@Chained");
    }

    @Test
    @DisplayName("@Sequential without any @Schedule")
    void sequentialAlone() {
      JavaFileObject source = config("Cfg",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "@Sequential(",
          "[anneal.combinator-alone]", "@Sequential");
    }

    @Test
    @DisplayName("@Chained without any @Schedule")
    void chainedAlone() {
      JavaFileObject source = config("Cfg",
          "@Chained",
          "final class Cfg {}");
      assertSingleError(source, "@Chained",
          "[anneal.combinator-alone]", "@Chained");
    }

    @Test
    @DisplayName("@Sequential with as many milestones as schedules (PyTorch: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points)")
    void sequentialCount() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Sequential(",
          "    milestones = {5, 10})",
          "final class Cfg {}");
      assertSingleError(source, "milestones = {5, 10}",
          "[anneal.sequential-count]", "2 milestones", "2 schedules");
    }

    @Test
    @DisplayName("@Sequential milestones out of order: an error on the milestone")
    void sequentialOrder() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Sequential(milestones = {10,",
          "    5})",
          "final class Cfg {}");
      assertSingleError(source, "    5})",
          "[anneal.sequential-order]", "5", "10", "increase");
    }

    @Test
    @DisplayName("@Sequential milestone 0: the first schedule owns step 0")
    void sequentialRange() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Sequential(",
          "    milestones = 0)",
          "final class Cfg {}");
      assertSingleError(source, "milestones = 0",
          "[anneal.sequential-range]", "milestone 0", "> 0");
    }

    @Test
    @DisplayName("ReduceLROnPlateau in @Sequential")
    void plateauInSequential() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(",
          "    type = REDUCE_ON_PLATEAU)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(
          "[anneal.not-combinable] ReduceLROnPlateau").inFile(source);
    }

    @Test
    @DisplayName("CyclicLR cycling momentum in @Chained")
    void cyclicMomentumInChained() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(",
          "    type = CYCLIC, baseLr = 0.001, maxLr = 0.01)",
          "@Chained",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(
          "[anneal.not-combinable] CyclicLR").inFile(source);
    }

    @Test
    @DisplayName("CyclicLR with cycleMomentum = false can be chained")
    void cyclicWithoutMomentumInChained() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false)",
          "@Chained",
          "final class Cfg {}");
      assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("LinearLR as a later phase of @Sequential with totalIters 0 (PyTorch's closed form at its milestone divides by it)")
    void laterPhaseWithZeroTotalIters() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = LINEAR,",
          "    totalIters = 0)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "totalIters = 0", "[anneal.invalid-value]",
          "LinearLR: totalIters (total_iters) = 0 must not be 0", "later schedule of @Sequential",
          "ZeroDivisionError");
    }

    @Test
    @DisplayName("PolynomialLR as a later phase of @Sequential with totalIters 0 (PyTorch raises ZeroDivisionError)")
    void laterPolynomialWithZeroTotalIters() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = POLYNOMIAL,",
          "    totalIters = 0)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "totalIters = 0", "[anneal.invalid-value]",
          "PolynomialLR: totalIters (total_iters) = 0 must not be 0", "ZeroDivisionError");
    }

    @Test
    @DisplayName("ConstantLR as a later phase with totalIters <= 0 compiles (its closed form does not divide; PyTorch runs it)")
    void laterConstantWithZeroTotalIters() {
      for (String totalIters : new String[] {"0", "-3"}) {
        JavaFileObject source = config("Cfg",
            "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
            "@Schedule(type = CONSTANT, factor = 0.5, totalIters = " + totalIters + ")",
            "@Sequential(milestones = 5)",
            "final class Cfg {}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadErrorCount(0);
      }
    }

    @Test
    @DisplayName("LinearLR and PolynomialLR as later phases with a negative totalIters compile (PyTorch runs them)")
    void laterPhaseWithNegativeTotalIters() {
      for (String schedule : new String[] {"LINEAR", "POLYNOMIAL"}) {
        JavaFileObject source = config("Cfg",
            "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
            "@Schedule(type = " + schedule + ", totalIters = -1)",
            "@Sequential(milestones = 5)",
            "final class Cfg {}");
        assertThat(compile(source)).succeeded();
      }
    }

    @Test
    @DisplayName("@Sequential milestones that repeat: an error on the second")
    void sequentialEqualMilestones() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = COSINE, tMax = 10)",
          "@Sequential(milestones = {5,",
          "    5})",
          "final class Cfg {}");
      assertSingleError(source, "    5})",
          "[anneal.sequential-order]", "5 does not come after 5", "increase");
    }

    @Test
    @DisplayName("A milestone after OneCycleLR's total_steps + 1: never reached, an error on the milestone")
    void milestoneAfterOneCycle() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10, cycleMomentum = false)",
          "@Schedule(type = CONSTANT)",
          "@Sequential(",
          "    milestones = 12)",
          "final class Cfg {}");
      assertSingleError(source, "milestones = 12", "[anneal.sequential-unreached]",
          "milestone 12", "total_steps = 10", "raises on step 11", "<= 11");
    }

    @Test
    @DisplayName("A milestone at OneCycleLR's total_steps + 1 is reached (its steps 0 to total_steps run)")
    void milestoneRightAfterOneCycle() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10, cycleMomentum = false)",
          "@Schedule(type = CONSTANT)",
          "@Sequential(milestones = 11)",
          "final class Cfg {}");
      assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("Per-group lists of two phases of @Sequential that disagree: an error naming both")
    void listLengthsAcrossSequential() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LAMBDA, lrLambda = {\"a\", \"b\"})",
          "@Schedule(type = CYCLIC, maxLr = 0.01, cycleMomentum = false,",
          "    baseLr = {0.001, 0.002, 0.003})",
          "@Sequential(milestones = 5)",
          "final class Cfg {",
          "  static double a(long step) { return 1; }",
          "  static double b(long step) { return 0.5; }",
          "}");
      assertSingleError(source, "baseLr = {0.001, 0.002, 0.003}", "[anneal.list-lengths]",
          "baseLr of schedule 1 (CyclicLR) has 3 values", "lrLambda of schedule 0 (LambdaLR) has 2",
          "@Sequential");
    }

    @Test
    @DisplayName("Per-group lists of two schedules of @Chained that disagree: an error naming both")
    void listLengthsAcrossChained() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC, baseLr = {0.001, 0.002}, maxLr = 0.01, cycleMomentum = false)",
          "@Schedule(type = LAMBDA,",
          "    lrLambda = {\"a\", \"a\", \"a\"})",
          "@Chained",
          "final class Cfg {",
          "  static double a(long step) { return 1; }",
          "}");
      assertSingleError(source, "lrLambda = {", "[anneal.list-lengths]",
          "lrLambda of schedule 1 (LambdaLR) has 3 values", "baseLr of schedule 0 (CyclicLR) has 2",
          "@Chained");
    }

    @Test
    @DisplayName("A per-group list a schedule does not take is not applicable, and not compared across schedules")
    void listLengthsAcrossIgnoreNotApplicable() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9,",
          "    maxLr = {0.1, 0.2})",
          "@Schedule(type = CYCLIC, baseLr = {0.001, 0.002, 0.003}, maxLr = 0.01, cycleMomentum = false)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "maxLr = {0.1, 0.2}", "[anneal.not-applicable]", "maxLr");
    }

    @Test
    @DisplayName("Per-group lists of phases that agree, or of one value for all groups, compile")
    void listLengthsAcrossAgree() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LAMBDA, lrLambda = {\"a\", \"a\"})",
          "@Schedule(type = CYCLIC, baseLr = {0.001, 0.002}, maxLr = 0.01, cycleMomentum = false)",
          "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = {0.01, 0.02}, cycleMomentum = false)",
          "@Sequential(milestones = {5, 10})",
          "final class Cfg {",
          "  static double a(long step) { return 1; }",
          "}");
      assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("An invalid value in the second of several @Schedule is still reported")
    void valueInSecondSchedule() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE,",
          "    tMax = 0)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(
          "[anneal.invalid-value] CosineAnnealingLR: tMax (T_max) = 0 must not be 0").inFile(source);
    }

    @Test
    @DisplayName("The explicit container @Schedule.List points at the value")
    void explicitContainerPointsAtValue() {
      JavaFileObject source = config("Cfg",
          "@Schedule.List({",
          "    @Schedule(type = LINEAR),",
          "    @Schedule(type = COSINE,",
          "        tMax = 0)})",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "tMax = 0",
          "[anneal.invalid-value] CosineAnnealingLR: tMax (T_max) = 0 must not be 0");
    }
  }

  /**
   * With several {@code @Schedule} written one after another, javac wraps them in a
   * {@code @Schedule.List} that is not in the source; a diagnostic given that mirror's values
   * lands on the class name instead of the annotation value.
   */
  @Nested
  @DisplayName("Diagnostics in repeated @Schedule point at the annotation value")
  class RepeatedAnnotationPositions {
    @Test
    @DisplayName("an invalid value of the second @Schedule")
    void invalidValue() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE,",
          "    tMax = 0)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "tMax = 0", "[anneal.invalid-value]");
    }

    @Test
    @DisplayName("ReduceLROnPlateau in @Sequential, on its type")
    void notCombinable() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(",
          "    type = REDUCE_ON_PLATEAU)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "type = REDUCE_ON_PLATEAU", "[anneal.not-combinable]");
    }

    @Test
    @DisplayName("several @Schedule without a combinator, on the second")
    void combinatorMissing() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LINEAR)",
          "@Schedule(type = COSINE, tMax = 10)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(type = COSINE", "[anneal.combinator-missing]");
    }
  }
}

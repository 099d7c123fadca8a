package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Disabled;
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
          "[anneal.config-kind] @Schedule goes on a class or a record, not on interface");
    }

    @Test
    @DisplayName("@Schedule on an enum is an error on the enum")
    void onEnum() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "enum Cfg { A }");
      assertSingleError(source, "enum Cfg",
          "[anneal.config-kind] @Schedule goes on a class or a record, not on enum");
    }

    @Test
    @DisplayName("@Schedule on an annotation type is an error on it")
    void onAnnotationType() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10)",
          "@interface Cfg {}");
      assertSingleError(source, "@interface Cfg",
          "[anneal.config-kind] @Schedule goes on a class or a record, not on annotation type");
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
          "[anneal.config-private] Inner must not be private: the generated Outer_InnerScheduler beside it calls it");
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
          "[anneal.combinator-missing] 2 @Schedule annotations need @Sequential (one after another)"
              + " or @Chained (all at once) to say how they combine").inFile(source);
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
          "[anneal.combinator-conflict] @Sequential and @Chained exclude each other");
    }

    @Test
    @DisplayName("@Sequential without any @Schedule")
    void sequentialAlone() {
      JavaFileObject source = config("Cfg",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      assertSingleError(source, "@Sequential(",
          "[anneal.combinator-alone] @Sequential needs @Schedule annotations to combine");
    }

    @Test
    @DisplayName("@Chained without any @Schedule")
    void chainedAlone() {
      JavaFileObject source = config("Cfg",
          "@Chained",
          "final class Cfg {}");
      assertSingleError(source, "@Chained",
          "[anneal.combinator-alone] @Chained needs @Schedule annotations to combine");
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
          "[anneal.sequential-count] @Sequential has 2 milestones for 2 schedules: it needs one fewer"
              + " milestone than schedules (PyTorch's SequentialLR)");
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
          "[anneal.sequential-order] @Sequential milestones must increase: 5 does not come after 10");
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
          "[anneal.sequential-range] @Sequential milestone 0 must be > 0: the first schedule owns step 0");
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
          "[anneal.not-combinable] ReduceLROnPlateau cannot be part of @Sequential: it is stepped with a"
              + " metric, the others with the step alone").inFile(source);
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
          "[anneal.not-combinable] CyclicLR cannot be part of @Chained: a combined schedule drives the rate"
              + " only; set cycleMomentum = false").inFile(source);
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
    @DisplayName("A later phase of @Sequential with totalIters <= 0 (its closed form divides by it)")
    void laterPhaseWithZeroTotalIters() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = LINEAR,",
          "    totalIters = 0)",
          "@Sequential(milestones = 5)",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining(
          "[anneal.not-combinable] LinearLR with totalIters <= 0 cannot be part of @Sequential").inFile(source);
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
    @Disabled("bug: a diagnostic on a value of a repeated @Schedule is reported on the class name line")
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
    @Disabled("bug: a diagnostic on a repeated @Schedule is reported on the class name line")
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
    @Disabled("bug: a diagnostic on a repeated @Schedule is reported on the class name line")
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

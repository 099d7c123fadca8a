package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;
import static dev.anneal.processor.Sources.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.anneal.LrScheduler;
import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One rule set for written and bound values: every rule the processor applies to a value written
 * in the annotation is applied to the same value bound with {@code @Bind} when the scheduler is
 * built, with the same text. Each test compiles the written config, takes its one error, and
 * builds the bound config with the same value: the exception's message is the error's text.
 */
@DisplayName("Written and bound values under one rule set")
class BoundRuleTest {
  private static final double[] TWO_GROUPS = {0.1, 0.05};

  private static final Map<String, String[]> BOUND = new LinkedHashMap<>();

  static {
    BOUND.put("CyclicGamma", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false)",
        "record CyclicGamma(@Bind double gamma) {}"});
    BOUND.put("CyclicMomentum", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false)",
        "record CyclicMomentum(@Bind double[] baseMomentum) {}"});
    BOUND.put("CyclicBaseLr", new String[] {
        "@Schedule(type = CYCLIC, maxLr = 0.01)",
        "record CyclicBaseLr(@Bind double[] baseLr) {}"});
    BOUND.put("OneCycleMaxLrs", new String[] {
        "@Schedule(type = ONE_CYCLE, totalSteps = 100)",
        "record OneCycleMaxLrs(@Bind double[] maxLr) {}"});
    BOUND.put("OneCycleMaxLr", new String[] {
        "@Schedule(type = ONE_CYCLE, totalSteps = 100)",
        "record OneCycleMaxLr(@Bind double maxLr) {}"});
    BOUND.put("OneCycleEpochs", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100)",
        "record OneCycleEpochs(@Bind int epochs) {}"});
    BOUND.put("OneCyclePhase", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, pctStart = 0.1)",
        "record OneCyclePhase(@Bind int totalSteps) {}"});
    BOUND.put("OneCycleOverflow", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1)",
        "record OneCycleOverflow(@Bind int epochs, @Bind int stepsPerEpoch) {}"});
    BOUND.put("LaterLinear", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = LINEAR)",
        "@Sequential(milestones = 5)",
        "record LaterLinear(@Bind(schedule = 1) int totalIters) {}"});
    BOUND.put("LaterPolynomial", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = POLYNOMIAL)",
        "@Sequential(milestones = 5)",
        "record LaterPolynomial(@Bind(schedule = 1) int totalIters) {}"});
    BOUND.put("OneCycleMilestone", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, cycleMomentum = false)",
        "@Schedule(type = CONSTANT)",
        "@Sequential(milestones = 20)",
        "record OneCycleMilestone(@Bind(schedule = 0) int totalSteps) {}"});
    BOUND.put("OneCycleMilestoneEpochs", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, cycleMomentum = false, epochs = 2)",
        "@Schedule(type = CONSTANT)",
        "@Sequential(milestones = 20)",
        "record OneCycleMilestoneEpochs(@Bind(schedule = 0) int stepsPerEpoch) {}"});
    BOUND.put("LambdaThenCyclic", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = {\"a\", \"b\"})",
        "@Schedule(type = CYCLIC, maxLr = 0.01, cycleMomentum = false)",
        "@Sequential(milestones = 5)",
        "record LambdaThenCyclic(@Bind(schedule = 1) double[] baseLr) {",
        "  static double a(long step) { return 1; }",
        "  static double b(long step) { return 0.5; }",
        "}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compileBound() {
    classes = new GeneratedClasses(BOUND, List.of());
  }

  /**
   * Compiles {@code source}, asserts one error on the line of {@code marker} with {@code tag},
   * and returns its text after the tag.
   */
  private static String writtenError(String tag, JavaFileObject source, String marker) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertEquals(lineOf(source, marker), error.getLineNumber(), () -> error.getMessage(Locale.ROOT));
    String message = error.getMessage(Locale.ROOT);
    String prefix = "[anneal." + tag + "] ";
    assertTrue(message.startsWith(prefix), () -> message + " should start with " + prefix);
    return message.substring(prefix.length());
  }

  /** Builds the bound config's scheduler with {@code values}; returns the refusal's message. */
  private static String boundError(String config, Object... values) {
    Object instance = classes.config(config, values);
    return assertThrows(IllegalArgumentException.class,
        () -> classes.boundScheduler(config, instance, LrScheduler.class, TWO_GROUPS)).getMessage();
  }

  /** The written error and the bound refusal say the same, and name what {@code fragments} give. */
  private static void assertSameRule(String written, String bound, String... fragments) {
    assertEquals(written, bound);
    for (String fragment : fragments) {
      assertTrue(written.contains(fragment), () -> "\"" + written + "\" should contain \"" + fragment + "\"");
    }
  }

  @Test
  @DisplayName("CyclicLR's gamma outside EXP_RANGE: NaN refused written and bound, with one text")
  void cyclicGammaOutsideExpRange() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false,",
        "    gamma = Double.NaN)",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "gamma = Double.NaN"),
        boundError("CyclicGamma", Double.NaN), "CyclicLR", "gamma", "NaN");
  }

  @Test
  @DisplayName("CyclicLR's momentum that does not cycle: an infinite element refused written and bound")
  void momentumThatDoesNotCycle() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false,",
        "    baseMomentum = {0.8, Double.POSITIVE_INFINITY})",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "Double.POSITIVE_INFINITY"),
        boundError("CyclicMomentum", (Object) new double[] {0.8, Double.POSITIVE_INFINITY}),
        "CyclicLR", "baseMomentum[1]", "Infinity");
  }

  @Test
  @DisplayName("An empty per-group list: refused written and bound, with one text")
  void emptyList() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = CYCLIC, maxLr = 0.01,",
        "    baseLr = {})",
        "final class Cfg {}");
    assertSameRule(writtenError("list-empty", written, "baseLr = {}"),
        boundError("CyclicBaseLr", (Object) new double[0]), "CyclicLR", "baseLr", "empty");
  }

  @Test
  @DisplayName("A bad element of a per-group list: refused written and bound, naming its index")
  void listElement() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, totalSteps = 100,",
        "    maxLr = {0.1, Double.NaN})",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "maxLr = {0.1, Double.NaN}"),
        boundError("OneCycleMaxLrs", (Object) new double[] {0.1, Double.NaN}), "maxLr[1]", "NaN");
  }

  @Test
  @DisplayName("One bad value for all groups: refused written and bound, with one text")
  void oneValueForAllGroups() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, totalSteps = 100,",
        "    maxLr = Double.POSITIVE_INFINITY)",
        "final class Cfg {}");
    String text = writtenError("invalid-value", written, "maxLr = Double.POSITIVE_INFINITY");
    assertSameRule(text, boundError("OneCycleMaxLr", Double.POSITIVE_INFINITY), "maxLr (max_lr) = Infinity");
    assertSameRule(text, boundError("OneCycleMaxLrs", (Object) new double[] {Double.POSITIVE_INFINITY}));
  }

  @Test
  @DisplayName("OneCycleLR's epochs beside totalSteps: 0 refused written and bound")
  void epochsBesideTotalSteps() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,",
        "    epochs = 0)",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "epochs = 0"),
        boundError("OneCycleEpochs", 0), "OneCycleLR", "epochs", "= 0");
  }

  @Test
  @DisplayName("OneCycleLR's phases: a first phase of zero length refused written and bound")
  void oneCyclePhases() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10,",
        "    pctStart = 0.1)",
        "final class Cfg {}");
    String text = writtenError("one-cycle-phase", written, "pctStart = 0.1");
    assertSameRule(text, boundError("OneCyclePhase", 10), "total_steps) = 10", "zero length");
  }

  @Test
  @DisplayName("OneCycleLR's epochs * stepsPerEpoch past an int: refused written and bound")
  void oneCycleTotalOverflow() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, epochs = 100000,",
        "    stepsPerEpoch = 100000)",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "stepsPerEpoch = 100000"),
        boundError("OneCycleOverflow", 100000, 100000), "10000000000");
  }

  @Test
  @DisplayName("LinearLR as a later schedule of @Sequential: totalIters 0 refused written and bound")
  void laterLinearTotalIters() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = LINEAR,",
        "    totalIters = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "totalIters = 0"),
        boundError("LaterLinear", 0), "LinearLR", "totalIters (total_iters) = 0", "divides");
  }

  @Test
  @DisplayName("PolynomialLR as a later schedule of @Sequential: totalIters 0 refused written and bound")
  void laterPolynomialTotalIters() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = POLYNOMIAL,",
        "    totalIters = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertSameRule(writtenError("invalid-value", written, "totalIters = 0"),
        boundError("LaterPolynomial", 0), "PolynomialLR", "totalIters (total_iters) = 0", "divides");
  }

  @Test
  @DisplayName("A later schedule's negative totalIters builds, written or bound (PyTorch runs it)")
  void laterNegativeTotalItersBuilds() {
    for (String config : List.of("LaterLinear", "LaterPolynomial")) {
      StepScheduler scheduler = classes.boundScheduler(
          config, classes.config(config, -3), StepScheduler.class, TWO_GROUPS);
      for (int t = 0; t < 8; t++) {
        scheduler.step();
      }
      assertTrue(Double.isFinite(scheduler.lr(0)), config);
    }
  }

  @Test
  @DisplayName("A milestone after OneCycleLR's end: refused written and bound, with one text")
  void milestoneAfterOneCycle() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10, cycleMomentum = false)",
        "@Schedule(type = CONSTANT)",
        "@Sequential(",
        "    milestones = 20)",
        "final class Cfg {}");
    assertSameRule(writtenError("sequential-unreached", written, "milestones = 20"),
        boundError("OneCycleMilestone", 10), "milestone 20", "total_steps = 10", "<= 11");
  }

  @Test
  @DisplayName("A milestone after OneCycleLR's end, its length epochs * stepsPerEpoch: refused written and bound")
  void milestoneAfterOneCycleEpochs() {
    JavaFileObject written = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, cycleMomentum = false, epochs = 2, stepsPerEpoch = 5)",
        "@Schedule(type = CONSTANT)",
        "@Sequential(",
        "    milestones = 20)",
        "final class Cfg {}");
    assertSameRule(writtenError("sequential-unreached", written, "milestones = 20"),
        boundError("OneCycleMilestoneEpochs", 5), "milestone 20", "total_steps = 10", "<= 11");
  }

  @Test
  @DisplayName("A bound OneCycleLR length that reaches the milestone builds and reaches the next schedule")
  void milestoneReachedWhenBound() {
    StepScheduler scheduler = classes.boundScheduler("OneCycleMilestone",
        classes.config("OneCycleMilestone", 19), StepScheduler.class, TWO_GROUPS);
    for (int t = 0; t < 25; t++) {
      scheduler.step();
    }
    // ConstantLR from step 20, at its own step 5: the default total_iters = 5 has passed, so
    // base_lr, which is the initial_lr OneCycleLR installed: max_lr / div_factor = 0.1 / 25.
    assertEquals(0.1 / 25, scheduler.lr(0), 1e-15);
  }

  @Test
  @DisplayName("Bound per-group lists of the phases are checked against the group count when built")
  void boundListsAcrossPhases() {
    Object threeValues = classes.config("LambdaThenCyclic", (Object) new double[] {1e-4, 2e-4, 3e-4});
    // Two groups: CyclicLR's three base rates do not fit.
    String twoGroups = assertThrows(IllegalArgumentException.class, () -> classes.boundScheduler(
        "LambdaThenCyclic", threeValues, LrScheduler.class, TWO_GROUPS)).getMessage();
    assertTrue(twoGroups.contains("baseLr") && twoGroups.contains("got 3"), twoGroups);
    // Three groups: LambdaLR's two functions do not.
    String threeGroups = assertThrows(IllegalArgumentException.class, () -> classes.boundScheduler(
        "LambdaThenCyclic", threeValues, LrScheduler.class, 0.1, 0.1, 0.1)).getMessage();
    assertTrue(threeGroups.contains("lr_lambdas") && threeGroups.contains("got 2"), threeGroups);
  }
}

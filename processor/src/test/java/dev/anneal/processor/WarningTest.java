package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.anneal.LrFunction;
import dev.anneal.StepScheduler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Configurations that PyTorch accepts but that cannot do what was meant: the compilation
 * succeeds and the scheduler is generated, with a warning on the value.
 */
@DisplayName("Warnings: the config compiles, with a warning on the value")
class WarningTest {

  @Test
  @DisplayName("ExponentialLR gamma = -0.5: PyTorch's rates change sign, and Anneal says so")
  void negativeGamma() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = EXPONENTIAL,",
        "    gamma = -0.5)",
        "final class Cfg {}");
    assertSingleWarning(source, "gamma = -0.5",
        "[anneal.negative-rate]", "ExponentialLR", "gamma (gamma) = -0.5", "turns the rate negative");
  }

  @Test
  @DisplayName("CyclicLR with a negative baseLr of one group: the warning points at the list")
  void negativeBaseLr() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, maxLr = 0.1,",
        "    baseLr = {0.01, -0.01})",
        "final class Cfg {}");
    assertSingleWarning(source, "baseLr = {0.01, -0.01}",
        "[anneal.negative-rate]", "CyclicLR", "baseLr (base_lr) = [0.01, -0.01]");
  }

  @Test
  @DisplayName("ConstantLR totalIters = 0: the rate never changes")
  void constantNeverChanges() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CONSTANT,",
        "    totalIters = 0)",
        "final class Cfg {}");
    assertSingleWarning(source, "totalIters = 0",
        "[anneal.never-changes]", "ConstantLR", "totalIters", "total_iters", "= 0");
  }

  @Test
  @DisplayName("A later schedule of @Sequential with totalIters <= 0: the rate it starts at and keeps")
  void laterScheduleNeverChanges() {
    JavaFileObject constant = config("Cfg",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = CONSTANT, factor = 0.5,",
        "    totalIters = 0)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertSingleWarning(constant, "totalIters = 0", "[anneal.never-changes]", "ConstantLR",
        "later schedule of @Sequential", "starts at base_lr");
    JavaFileObject polynomial = config("Cfg",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = POLYNOMIAL,",
        "    totalIters = -2)",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertSingleWarning(polynomial, "totalIters = -2", "[anneal.never-changes]", "PolynomialLR",
        "starts at base_lr * 0^power");
  }

  @Test
  @DisplayName("LinearLR totalIters = -2: the rate never changes")
  void linearNeverChanges() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR,",
        "    totalIters = -2)",
        "final class Cfg {}");
    assertSingleWarning(source, "totalIters = -2",
        "[anneal.never-changes]", "LinearLR", "totalIters", "= -2");
  }

  @Test
  @DisplayName("PolynomialLR totalIters = 0: the rate never changes")
  void polynomialNeverChanges() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = POLYNOMIAL,",
        "    totalIters = 0)",
        "final class Cfg {}");
    assertSingleWarning(source, "totalIters = 0", "[anneal.never-changes]", "PolynomialLR");
  }

  @Test
  @DisplayName("a MultiStepLR milestone at or past the end of its @Sequential phase is never reached")
  void milestoneBeyondItsPhase() throws Exception {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 5)",
        "@Schedule(type = MULTI_STEP, gamma = 0.5,",
        "    milestones = {3, 15})",
        "@Schedule(type = COSINE, tMax = 20)",
        "@Sequential(milestones = {5, 20})",
        "final class Cfg {}");
    Compilation compilation = assertSingleWarning(source, "milestones = {3, 15}",
        "[anneal.phase-too-short]", "MultiStepLR", "milestone 15 is never reached", "schedule 1",
        "runs 15 steps", "from step 5 until the milestone 20");
    // The rate of the phase: decayed once at its own step 3 (global step 8), never at 15.
    StepScheduler scheduler = (StepScheduler) Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {1.0});
    for (int t = 1; t < 20; t++) {
      scheduler.step();
      if (t >= 5) {
        assertEquals(t >= 8 ? 0.5 : 1.0, scheduler.lr(), "step " + t);
      }
    }
  }

  @Test
  @DisplayName("a MultiStepLR milestone equal to its phase's length is never reached; one step less is")
  void milestoneAtTheEndOfItsPhase() {
    JavaFileObject reached = config("Cfg",
        "@Schedule(type = MULTI_STEP,",
        "    milestones = 9)",
        "@Schedule(type = COSINE, tMax = 20)",
        "@Sequential(milestones = 10)",
        "final class Cfg {}");
    assertThat(Sources.compile(reached)).succeededWithoutWarnings();
    JavaFileObject missed = config("Cfg",
        "@Schedule(type = MULTI_STEP,",
        "    milestones = {10})",
        "@Schedule(type = COSINE, tMax = 20)",
        "@Sequential(milestones = 10)",
        "final class Cfg {}");
    assertSingleWarning(missed, "milestones = {10}", "[anneal.phase-too-short]", "milestone 10", "schedule 0",
        "runs 10 steps", "from step 0 until the milestone 10");
  }

  @Test
  @DisplayName("a StepLR whose |stepSize| is at least its @Sequential phase's length never decays there")
  void stepSizeBeyondItsPhase() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Schedule(type = STEP,",
        "    stepSize = 40)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Sequential(milestones = {10, 50})",
        "final class Cfg {}");
    assertSingleWarning(source, "stepSize = 40", "[anneal.phase-too-short]", "StepLR",
        "stepSize (step_size) = 40 never decays", "schedule 1", "runs 40 steps");
    JavaFileObject last = config("Cfg",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Schedule(type = STEP, stepSize = 400)",
        "@Sequential(milestones = 10)",
        "final class Cfg {}");
    assertThat(Sources.compile(last)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("StepLR stepSize = -2: PyTorch decays every 2 steps, and so does Anneal")
  void negativeStepSize() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, gamma = 0.5,",
        "    stepSize = -2)",
        "final class Cfg {}");
    assertSingleWarning(source, "stepSize = -2",
        "[anneal.step-size-negative]", "stepSize", "step_size", "= -2", "every 2 steps");
  }

  @Test
  @DisplayName("StepLR stepSize = 0: the one error of its rule, and no negative-step-size warning")
  void zeroStepSizeIsOneErrorAndNoWarning() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = STEP, gamma = 0.5,",
        "    stepSize = 0)",
        "final class Cfg {}");
    Compilation compilation = Sources.compile(List.of("-Xlint:all,-processing"), source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[anneal.invalid-value] StepLR: stepSize (step_size) = 0 must not be 0")
        .inFile(source).onLine(Sources.lineOf(source, "stepSize = 0"));
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  @DisplayName("MultiStepLR first in @Sequential with a negative milestone: never reached, not the later"
      + " schedule's wording")
  void negativeMilestoneInTheFirstScheduleOfSequential() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = MULTI_STEP, gamma = 0.5, milestones = {",
        "    -3,",
        "    2})",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Sequential(milestones = 3)",
        "final class Cfg {}");
    Compilation compilation = assertSingleWarning(source, "-3,",
        "[anneal.milestone-negative] MultiStepLR: milestone -3 is negative and is never reached");
    assertThat(compilation).hadWarningCount(1);
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      assertFalse(warning.getMessage(Locale.ROOT).contains("later schedule"), warning.getMessage(Locale.ROOT));
    }
  }

  @Test
  @DisplayName("MultiStepLR with milestones = {}: the rate never changes")
  void emptyMilestones() throws ReflectiveOperationException {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = MULTI_STEP, gamma = 0.5,",
        "    milestones = {})",
        "final class Cfg {}");
    Compilation compilation = assertSingleWarning(source, "milestones = {}",
        "[anneal.never-changes]", "MultiStepLR", "milestones", "is empty", "never changes");
    // PyTorch's MultiStepLR(milestones=[]) keeps the initial rate at every step.
    Object scheduler = Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {0.1});
    for (int t = 0; t < 5; t++) {
      assertEquals(0.1, ((StepScheduler) scheduler).lr(), "step " + t);
      ((StepScheduler) scheduler).step();
    }
  }

  @Test
  @DisplayName("MultiStepLR with milestones = {} as a later schedule of @Sequential: the same warning")
  void emptyMilestonesInALaterSchedule() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LINEAR)",
        "@Schedule(type = MULTI_STEP,",
        "    milestones = {})",
        "@Sequential(milestones = 5)",
        "final class Cfg {}");
    assertSingleWarning(source, "milestones = {})", "[anneal.never-changes]", "MultiStepLR", "is empty");
  }

  @Test
  @DisplayName("MultiStepLR with a negative milestone: it is never reached")
  void negativeMilestone() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = MULTI_STEP, milestones = {",
        "    -1,",
        "    5})",
        "final class Cfg {}");
    assertSingleWarning(source, "-1,",
        "[anneal.milestone-negative]", "MultiStepLR", "-1");
  }

  @Test
  @DisplayName("MultiStepLR after a milestone of @Sequential: a negative milestone decays once as it"
      + " starts, as in PyTorch, which starts it through its closed form")
  void negativeMilestoneInALaterSchedule() throws ReflectiveOperationException {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 2)",
        "@Schedule(type = MULTI_STEP, gamma = 0.5, milestones = {",
        "    -3,",
        "    0, 2})",
        "@Sequential(milestones = 3)",
        "final class Cfg {}");
    Compilation compilation = assertSingleWarning(source, "-3,",
        "[anneal.milestone-negative]", "MultiStepLR", "-3", "later schedule of @Sequential",
        "decays once when the schedule starts");
    // SequentialLR(SGD(lr=1.0), [ConstantLR(factor=0.5, total_iters=2),
    // MultiStepLR(milestones=[-3, 0, 2], gamma=0.5)], milestones=[3]): at step 3 MultiStepLR
    // starts at base_lr * gamma ** bisect_right([-3, 0, 2], 0), two decays; its milestone 2
    // decays once more at step 5.
    double[] pytorch = {0.5, 0.5, 1.0, 0.25, 0.25, 0.125, 0.125, 0.125};
    Object scheduler = Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {1.0});
    for (int t = 0; t < pytorch.length; t++) {
      assertEquals(pytorch[t], ((StepScheduler) scheduler).lr(), 1e-15, "step " + t);
      assertEquals(pytorch[t], ((LrFunction) scheduler).lrAt(t), 1e-15, "lrAt " + t);
      ((StepScheduler) scheduler).step();
    }
  }

  @Test
  @DisplayName("CyclicLR with scaleFn and mode: mode is ignored")
  void modeIgnoredWithScaleFn() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, scaleFn = \"half\",",
        "    mode = TRIANGULAR2)",
        "final class Cfg {",
        "  static double half(double x) { return 0.5; }",
        "}");
    assertSingleWarning(source, "mode = TRIANGULAR2",
        "[anneal.ignored]", "mode", "scaleFn");
  }

  @Test
  @DisplayName("CyclicLR with scaleMode but no scaleFn: scaleMode is ignored")
  void scaleModeIgnored() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    scaleMode = ScaleMode.ITERATIONS)",
        "final class Cfg {}");
    assertSingleWarning(source, "scaleMode = ScaleMode.ITERATIONS",
        "[anneal.ignored]", "scaleMode", "scaleFn");
  }

  @Test
  @DisplayName("CyclicLR with baseMomentum but cycleMomentum = false: baseMomentum is ignored")
  void momentumIgnored() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, cycleMomentum = false,",
        "    baseMomentum = 0.7)",
        "final class Cfg {}");
    assertSingleWarning(source, "baseMomentum = 0.7",
        "[anneal.ignored]", "baseMomentum", "cycleMomentum");
  }

  @Test
  @DisplayName("OneCycleLR with maxMomentum but cycleMomentum = false: maxMomentum is ignored")
  void oneCycleMomentumIgnored() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100, cycleMomentum = false,",
        "    maxMomentum = 0.99)",
        "final class Cfg {}");
    assertSingleWarning(source, "maxMomentum = 0.99",
        "[anneal.ignored]", "maxMomentum", "cycleMomentum");
  }

  @Test
  @DisplayName("OneCycleLR with totalSteps and epochs: epochs are ignored, as in PyTorch")
  void epochsIgnored() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,",
        "    epochs = 4, stepsPerEpoch = 10)",
        "final class Cfg {}");
    assertSingleWarning(source, "epochs = 4",
        "[anneal.ignored]", "epochs", "totalSteps");
  }
}

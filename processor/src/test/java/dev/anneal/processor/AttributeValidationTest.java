package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;
import static dev.anneal.processor.Sources.lineOf;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The attributes of one {@code @Schedule} beyond single value rules: required and inapplicable
 * attributes, modes, per-group lists, OneCycleLR's length and phases, and the reporting of every
 * problem of an annotation at once.
 */
class AttributeValidationTest {

  @Nested
  @DisplayName("A required attribute left out is an error on the annotation")
  class Required {
    @Test
    @DisplayName("StepLR without stepSize")
    void stepWithoutStepSize() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = STEP,",
          "    gamma = 0.5)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "StepLR", "stepSize", "step_size");
    }

    @Test
    @DisplayName("CosineAnnealingLR without tMax")
    void cosineWithoutTMax() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "CosineAnnealingLR", "tMax", "T_max");
    }

    @Test
    @DisplayName("MultiStepLR without milestones")
    void multiStepWithoutMilestones() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = MULTI_STEP)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "MultiStepLR", "milestones");
    }

    @Test
    @DisplayName("ExponentialLR without gamma")
    void exponentialWithoutGamma() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "ExponentialLR", "gamma");
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts without t0")
    void warmRestartsWithoutT0() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE_WARM_RESTARTS)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "CosineAnnealingWarmRestarts", "t0", "T_0");
    }

    @Test
    @DisplayName("LambdaLR without lrLambda")
    void lambdaWithoutLrLambda() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LAMBDA)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "LambdaLR", "lrLambda", "lr_lambda");
    }

    @Test
    @DisplayName("CyclicLR without baseLr")
    void cyclicWithoutBaseLr() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC,",
          "    maxLr = 0.01)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "CyclicLR", "baseLr", "base_lr");
    }

    @Test
    @DisplayName("OneCycleLR without maxLr")
    void oneCycleWithoutMaxLr() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE,",
          "    totalSteps = 100)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.required]", "OneCycleLR", "maxLr", "max_lr");
    }
  }

  @Nested
  @DisplayName("An attribute that the type does not take is an error on its value")
  class NotApplicable {
    @Test
    @DisplayName("gamma on CosineAnnealingLR names what the type takes")
    void gammaOnCosine() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = COSINE, tMax = 10,",
          "    gamma = 0.5)",
          "final class Cfg {}");
      assertSingleError(source, "gamma = 0.5",
          "[anneal.not-applicable]", "gamma", "CosineAnnealingLR",
          "tMax, etaMin");
    }

    @Test
    @DisplayName("mode on StepLR")
    void modeOnStep() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = STEP, stepSize = 3,",
          "    mode = MAX)",
          "final class Cfg {}");
      assertSingleError(source, "mode = MAX",
          "[anneal.not-applicable]", "mode", "StepLR", "stepSize, gamma");
    }

    @Test
    @DisplayName("cycleMomentum on ExponentialLR")
    void cycleMomentumOnExponential() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9,",
          "    cycleMomentum = false)",
          "final class Cfg {}");
      assertSingleError(source, "cycleMomentum = false",
          "[anneal.not-applicable]", "cycleMomentum", "cycle_momentum",
          "ExponentialLR");
    }
  }

  @Nested
  @DisplayName("A mode of another schedule is an error on the mode")
  class Modes {
    @Test
    @DisplayName("mode = MIN on CyclicLR (PyTorch: mode is invalid and scale_fn is None)")
    void minOnCyclic() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
          "    mode = MIN)",
          "final class Cfg {}");
      assertSingleError(source, "mode = MIN",
          "[anneal.invalid-mode]", "CyclicLR", "mode = MIN",
          "TRIANGULAR, TRIANGULAR2 or EXP_RANGE");
    }

    @Test
    @DisplayName("mode = TRIANGULAR on ReduceLROnPlateau (PyTorch: mode unknown!)")
    void triangularOnPlateau() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = REDUCE_ON_PLATEAU,",
          "    mode = TRIANGULAR)",
          "final class Cfg {}");
      assertSingleError(source, "mode = TRIANGULAR",
          "[anneal.invalid-mode]", "ReduceLROnPlateau", "mode = TRIANGULAR",
          "MIN or MAX");
    }
  }

  @Nested
  @DisplayName("Per-group lists")
  class Lists {
    @Test
    @DisplayName("baseLr with 2 values and maxLr with 3 disagree on the group count")
    void lengthsDisagree() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC,",
          "    baseLr = {0.001, 0.002},",
          "    maxLr = {0.01, 0.02, 0.03})",
          "final class Cfg {}");
      assertSingleError(source, "maxLr = {",
          "[anneal.list-lengths]", "maxLr has 3 values", "baseLr has 2");
    }

    @Test
    @DisplayName("a single value agrees with any length: it serves every group")
    void singleValueAgreesWithAnyLength() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC,",
          "    baseLr = 0.001,",
          "    maxLr = {0.01, 0.02, 0.03})",
          "final class Cfg {}");
      assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("an empty baseLr")
    void emptyBaseLr() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = CYCLIC, maxLr = 0.01,",
          "    baseLr = {})",
          "final class Cfg {}");
      assertSingleError(source, "baseLr = {}",
          "[anneal.list-empty]", "baseLr", "base_lr", "empty");
    }

    @Test
    @DisplayName("an empty lrLambda")
    void emptyLrLambda() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = LAMBDA,",
          "    lrLambda = {})",
          "final class Cfg {}");
      assertSingleError(source, "lrLambda = {}",
          "[anneal.list-empty]", "lrLambda", "lr_lambda", "empty");
    }
  }

  @Nested
  @DisplayName("OneCycleLR's length and phases")
  class OneCycle {
    @Test
    @DisplayName("neither totalSteps nor epochs and stepsPerEpoch: an error on the annotation")
    void noLength() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE,",
          "    maxLr = 0.1)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(",
          "[anneal.one-cycle-length]", "OneCycleLR", "totalSteps",
          "epochs and stepsPerEpoch");
    }

    @Test
    @DisplayName("epochs without stepsPerEpoch is no length either")
    void epochsAlone() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1,",
          "    epochs = 4)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(", "[anneal.one-cycle-length]");
    }

    @Test
    @DisplayName("totalSteps = 10, pctStart = 0.1: the first phase has zero length, step 0 divides by 0")
    void zeroLengthFirstPhase() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10,",
          "    pctStart = 0.1)",
          "final class Cfg {}");
      assertSingleError(source, "pctStart = 0.1",
          "[anneal.one-cycle-phase]", "OneCycleLR", "pct_start", "0.1",
          "total_steps", "10", "first phase", "zero");
    }

    @Test
    @DisplayName("totalSteps = 10, pctStart = 1.0: the last phase has zero length")
    void zeroLengthLastPhase() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 10,",
          "    pctStart = 1.0)",
          "final class Cfg {}");
      assertSingleError(source, "pctStart = 1.0",
          "[anneal.one-cycle-phase]", "OneCycleLR", "pct_start", "1",
          "total_steps", "10", "last phase", "zero");
    }

    @Test
    @DisplayName("epochs * stepsPerEpoch counts as totalSteps for the phase check")
    void zeroLengthFromEpochs() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = ONE_CYCLE, maxLr = 0.1, epochs = 2, stepsPerEpoch = 5,",
          "    pctStart = 0.1)",
          "final class Cfg {}");
      assertSingleError(source, "pctStart = 0.1", "[anneal.one-cycle-phase]");
    }
  }

  @Test
  @DisplayName("All problems of a type at once: three errors in one annotation give three diagnostics")
  void allProblemsAtOnce() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    stepSizeUp = 0,",
        "    mode = MAX,",
        "    tMax = 10)",
        "final class Cfg {}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[anneal.invalid-value] CyclicLR: stepSizeUp (step_size_up) = 0")
        .inFile(source).onLine(lineOf(source, "stepSizeUp = 0"));
    assertThat(compilation).hadErrorContaining("[anneal.invalid-mode]")
        .inFile(source).onLine(lineOf(source, "mode = MAX"));
    assertThat(compilation).hadErrorContaining("[anneal.not-applicable]")
        .inFile(source).onLine(lineOf(source, "tMax = 10"));
  }

  @Nested
  @DisplayName("transformers' polynomial decay: what the reference raises on is an error on the value")
  class HfPolynomial {
    @Test
    @DisplayName("lrEnd not below lrInit: the reference's ValueError, on lrEnd")
    void lrEndNotBelowLrInit() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001,",
          "    lrEnd = 0.001)",
          "final class Cfg {}");
      assertSingleError(source, "lrEnd = 0.001)",
          "[anneal.invalid-value]", "lrEnd (lr_end) = 0.001", "must be smaller than",
          "lrInit (optimizer.defaults[\"lr\"]) = 0.001");
    }

    @Test
    @DisplayName("lrInit not above the default lrEnd of 1e-7: on lrInit")
    void lrInitNotAboveTheDefaultLrEnd() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100,",
          "    lrInit = 1e-8)",
          "final class Cfg {}");
      assertSingleError(source, "lrInit = 1e-8)",
          "[anneal.invalid-value]", "lrEnd (lr_end) = 1.0E-7", "must be smaller than");
    }

    @Test
    @DisplayName("lrEnd and lrInit whose decay factor overflows the doubles: on lrEnd, not an infinite rate")
    void decayFactorPastTheDoubles() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 0, numTrainingSteps = 3, lrInit = 1e308,",
          "    lrEnd = -1e308)",
          "final class Cfg {}");
      assertThat(Sources.compile(source)).hadErrorContaining("past the largest double")
          .inFile(source).onLine(lineOf(source, "lrEnd = -1e308)"));
    }

    @Test
    @DisplayName("lrInit 0: every step after the warm-up divides by it")
    void lrInitZero() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100, lrEnd = -1.0,",
          "    lrInit = 0.0)",
          "final class Cfg {}");
      assertSingleError(source, "lrInit = 0.0)", "[anneal.invalid-value]", "lrInit", "must not be 0");
    }

    @Test
    @DisplayName("numTrainingSteps equal to numWarmupSteps: a decay of no steps divides by zero")
    void noDecaySteps() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, lrInit = 0.001,",
          "    numTrainingSteps = 10)",
          "final class Cfg {}");
      assertSingleError(source, "numTrainingSteps = 10)",
          "[anneal.invalid-value]", "numTrainingSteps (num_training_steps) = 10", "divides by");
    }

    @Test
    @DisplayName("a negative power: 0.0 raised to it at the end of the decay")
    void negativePower() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001,",
          "    power = -0.5)",
          "final class Cfg {}");
      assertSingleError(source, "power = -0.5)", "[anneal.invalid-value]", "power (power) = -0.5", "divides by zero");
    }

    @Test
    @DisplayName("a negative lrEnd below a positive lrInit: a warning on lrEnd, as the rate ends below 0")
    void negativeLrEnd() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001,",
          "    lrEnd = -1e-4)",
          "final class Cfg {}");
      assertSingleWarning(source, "lrEnd = -1e-4)", "[anneal.negative-rate]", "lrEnd (lr_end) = -1.0E-4");
      // Below a negative lrInit the factor, decay / lr_init, stays positive.
      assertThat(compile(config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = -0.001,",
          "    lrEnd = -0.002)",
          "final class Cfg {}"))).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("a negative power where the decay ends before the warm-up: the reference never reaches it")
    void negativePowerNeverReached() {
      Compilation compilation = compile(config("Cfg",
          "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10, numTrainingSteps = 5, lrInit = 0.001,",
          "    power = -0.5)",
          "final class Cfg {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  @DisplayName("transformers' cosine with a minimum rate: minLr or minLrRate, as the reference takes them")
  class HfCosineWithMinLr {
    @Test
    @DisplayName("minLr and minLrRate both: the reference's ValueError, on each of them")
    void both() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001,",
          "    minLr = 1e-5,",
          "    minLrRate = 0.1)",
          "final class Cfg {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(2);
      for (String line : new String[] {"minLr = 1e-5", "minLrRate = 0.1"}) {
        assertThat(compilation).hadErrorContaining("[anneal.min-lr-conflict] "
            + "transformers.get_cosine_with_min_lr_schedule_with_warmup: minLr (min_lr) and minLrRate (min_lr_rate)"
            + " are both given").inFile(source).onLine(lineOf(source, line));
      }
    }

    @Test
    @DisplayName("neither: the reference's other ValueError, on the annotation")
    void neither() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 10,",
          "    numTrainingSteps = 100, warmupLrRate = 0.1)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(", "[anneal.min-lr-missing]",
          "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate needs minLrRate (min_lr_rate), or minLr",
          "One of min_lr or min_lr_rate should be set");
    }

    @Test
    @DisplayName("minLr without lrInit: the rate the reference divides it by is missing, on minLr")
    void minLrWithoutLrInit() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100,",
          "    minLr = 1e-5)",
          "final class Cfg {}");
      assertSingleError(source, "minLr = 1e-5", "[anneal.required]", "minLr (min_lr) needs lrInit",
          "optimizer.defaults[\"lr\"]");
    }

    @Test
    @DisplayName("lrInit 0: min_lr / 0 is the reference's ZeroDivisionError, on lrInit")
    void lrInitZero() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, minLr = 1e-5,",
          "    lrInit = 0.0)",
          "final class Cfg {}");
      assertSingleError(source, "lrInit = 0.0)", "[anneal.invalid-value]", "lrInit", "must not be 0");
    }

    @Test
    @DisplayName("minLr / lrInit past the largest double: an error on the last of them")
    void minLrRateOverflows() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, minLr = 1e300,",
          "    lrInit = 1e-300)",
          "final class Cfg {}");
      assertSingleError(source, "lrInit = 1e-300)", "[anneal.invalid-value]", "overflows to Infinity");
    }

    @Test
    @DisplayName("minLr per group: the reference's min_lr is one number for every group, on the list")
    void minLrPerGroup() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001,",
          "    minLr = {1e-5, 1e-6})",
          "final class Cfg {}");
      assertSingleError(source, "minLr = {1e-5, 1e-6})", "[anneal.one-value]", "minLr (min_lr) is one number",
          "not 2 values");
    }

    @Test
    @DisplayName("minLr bound to an array: refused on the bind, which takes a double")
    void minLrBoundToAnArray() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, lrInit = 0.001)",
          "record Cfg(@Bind double[] minLr) {}");
      assertSingleError(source, "record Cfg", "[anneal.bind-type]", "binds minLr, which takes double");
    }

    @Test
    @DisplayName("lrInit beside minLrRate: the reference never reads it, a warning on lrInit")
    void lrInitIgnored() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10, numTrainingSteps = 100, minLrRate = 0.1,",
          "    lrInit = 0.001)",
          "final class Cfg {}");
      assertSingleWarning(source, "lrInit = 0.001)", "[anneal.ignored]", "minLrRate is given");
    }
  }

  @Nested
  @DisplayName("diffusers' piecewise constant schedule: the rules of its string as two lists")
  class Piecewise {
    @Test
    @DisplayName("lists of different lengths: no string of rules says that, an error on ruleFactors")
    void differentLengths() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {10, 20}, lastFactor = 0.005,",
          "    ruleFactors = {1.0})",
          "final class Cfg {}");
      assertSingleError(source, "ruleFactors = {1.0})", "[anneal.rule-lengths]",
          "diffusers.get_piecewise_constant_schedule: ruleSteps has 2 values but ruleFactors has 1");
    }

    @Test
    @DisplayName("steps without factors: the error on ruleSteps, the list written")
    void stepsAlone() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, lastFactor = 0.005,",
          "    ruleSteps = {10, 20})",
          "final class Cfg {}");
      assertSingleError(source, "ruleSteps = {10, 20})", "[anneal.rule-lengths]", "ruleFactors has 0");
    }

    @Test
    @DisplayName("rules out of order: the reference sorts them, a warning on the step")
    void outOfOrder() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleFactors = {0.1, 1.0, 0.5}, lastFactor = 0.05,",
          "    ruleSteps = {20, 10, 20})",
          "final class Cfg {}");
      assertSingleWarning(source, "ruleSteps = {20, 10, 20})", "[anneal.rules-order]", "rule step 10 does not come after 20",
          "the steps [10, 20] run with the factors [1.0, 0.5]");
    }

    @Test
    @DisplayName("no rules: the last factor at every step, as the reference runs \"0.5\"")
    void noRules() {
      Compilation compilation = compile(config("Cfg",
          "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, lastFactor = 0.5)",
          "final class Cfg {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("without lastFactor: required, as the reference's string always ends with it")
    void withoutLastFactor() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT,",
          "    ruleSteps = {10}, ruleFactors = {1.0})",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(", "[anneal.required]", "lastFactor");
    }
  }

  @Nested
  @DisplayName("transformers' warmup-stable-decay: the length of its stable phase")
  class WarmupStableDecay {
    @Test
    @DisplayName("neither numTrainingSteps nor numStableSteps: the reference's ValueError, on the annotation")
    void neither() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_WARMUP_STABLE_DECAY,",
          "    numWarmupSteps = 10, numDecaySteps = 20)",
          "final class Cfg {}");
      assertSingleError(source, "@Schedule(", "[anneal.wsd-length]",
          "transformers.get_wsd_schedule needs numStableSteps, or numTrainingSteps",
          "Either num_training_steps or num_stable_steps must be specified.");
    }

    @Test
    @DisplayName("both: the reference takes numStableSteps and warns, a warning on numTrainingSteps")
    void both() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 10, numDecaySteps = 20, numStableSteps = 50,",
          "    numTrainingSteps = 100)",
          "final class Cfg {}");
      assertSingleWarning(source, "numTrainingSteps = 100)", "[anneal.ignored]",
          "numTrainingSteps (num_training_steps) is ignored", "num_stable_steps will be used");
    }

    @Test
    @DisplayName("a negative minLrRatio: the rate ends below 0, a warning on it")
    void negativeMinLrRatio() {
      JavaFileObject source = config("Cfg",
          "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 10, numDecaySteps = 20, numStableSteps = 50,",
          "    minLrRatio = -0.1)",
          "final class Cfg {}");
      assertSingleWarning(source, "minLrRatio = -0.1)", "[anneal.negative-rate]", "minLrRatio (min_lr_ratio) = -0.1");
    }
  }
}

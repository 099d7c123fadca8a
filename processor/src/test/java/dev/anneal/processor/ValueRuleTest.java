package dev.anneal.processor;

import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.config;

import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value rule of the parameter table, as applied to a written value: each case is one
 * attribute that breaks its rule, and the compilation must fail with exactly one
 * {@code [anneal.invalid-value]} error that names the schedule, the attribute (with PyTorch's
 * name), the value and the rule, on the line of the value.
 *
 * <p>The cases cover the conditions under which PyTorch raises, plus the degenerate values that
 * PyTorch accepts but then fails on at its first steps (a step size, a factor or a {@code T_max}
 * of 0, which it later divides by), and non-finite numbers, which every rule refuses.
 */
@DisplayName("A written value that breaks its rule is a compile error on that value")
class ValueRuleTest {

  private static final String TAG = "[anneal.invalid-value] ";

  /** Description; the type and any other required attribute; the offending line; the message. */
  static Stream<Arguments> cases() {
    return Stream.of(
        // Rule.POSITIVE
        Arguments.of("StepLR stepSize = 0 (PyTorch divides by it)",
            "type = STEP,", "stepSize = 0)", "StepLR: stepSize (step_size) = 0 must not be 0"),
        Arguments.of("CosineAnnealingWarmRestarts t0 = 0 (PyTorch: Expected positive integer T_0)",
            "type = COSINE_WARM_RESTARTS,", "t0 = 0)",
            "CosineAnnealingWarmRestarts: t0 (T_0) = 0 must be > 0"),
        Arguments.of("CyclicLR stepSizeUp = 0",
            "type = CYCLIC, baseLr = 0.001, maxLr = 0.01,", "stepSizeUp = 0)",
            "CyclicLR: stepSizeUp (step_size_up) = 0 must be > 0"),
        Arguments.of("OneCycleLR totalSteps = 0 (PyTorch: Expected positive integer total_steps)",
            "type = ONE_CYCLE, maxLr = 0.1,", "totalSteps = 0)",
            "OneCycleLR: totalSteps (total_steps) = 0 must be > 0"),
        Arguments.of("OneCycleLR epochs = 0 (PyTorch: Expected positive integer epochs)",
            "type = ONE_CYCLE, maxLr = 0.1, stepsPerEpoch = 5,", "epochs = 0)",
            "OneCycleLR: epochs (epochs) = 0 must be > 0"),
        Arguments.of("OneCycleLR stepsPerEpoch = -1",
            "type = ONE_CYCLE, maxLr = 0.1, epochs = 5,", "stepsPerEpoch = -1)",
            "OneCycleLR: stepsPerEpoch (steps_per_epoch) = -1 must be > 0"),
        // Rule.NON_NEGATIVE
        Arguments.of("PolynomialLR power = -1",
            "type = POLYNOMIAL,", "power = -1)", "PolynomialLR: power (power) = -1 must be >= 0"),
        Arguments.of("CyclicLR stepSizeDown = -1",
            "type = CYCLIC, baseLr = 0.001, maxLr = 0.01,", "stepSizeDown = -1)",
            "CyclicLR: stepSizeDown (step_size_down) = -1 must be >= 0"),
        // Rule.NON_ZERO
        Arguments.of("CosineAnnealingLR tMax = 0 (PyTorch divides by T_max)",
            "type = COSINE,", "tMax = 0)", "CosineAnnealingLR: tMax (T_max) = 0 must not be 0"),
        Arguments.of("OneCycleLR divFactor = 0",
            "type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,", "divFactor = 0)",
            "OneCycleLR: divFactor (div_factor) = 0 must not be 0"),
        Arguments.of("OneCycleLR finalDivFactor = 0",
            "type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,", "finalDivFactor = 0)",
            "OneCycleLR: finalDivFactor (final_div_factor) = 0 must not be 0"),
        // Rule.AT_LEAST_ONE
        Arguments.of("CosineAnnealingWarmRestarts tMult = 0 (PyTorch: Expected integer T_mult >= 1)",
            "type = COSINE_WARM_RESTARTS, t0 = 5,", "tMult = 0)",
            "CosineAnnealingWarmRestarts: tMult (T_mult) = 0 must be >= 1"),
        // Rule.OPEN_UNIT
        Arguments.of("ConstantLR factor = 0 (PyTorch later divides by it)",
            "type = CONSTANT,", "factor = 0)", "ConstantLR: factor (factor) = 0 must be in (0, 1]"),
        Arguments.of("ConstantLR factor = 1.5 (PyTorch: Constant multiplicative factor expected to be between 0 and 1)",
            "type = CONSTANT,", "factor = 1.5)", "ConstantLR: factor (factor) = 1.5 must be in (0, 1]"),
        Arguments.of("LinearLR startFactor = 0 (PyTorch: Starting multiplicative factor expected to be greater than 0)",
            "type = LINEAR,", "startFactor = 0)",
            "LinearLR: startFactor (start_factor) = 0 must be in (0, 1]"),
        // Rule.UNIT_INTERVAL
        Arguments.of("LinearLR endFactor = 1.5 (PyTorch: Ending multiplicative factor expected to be between 0 and 1)",
            "type = LINEAR,", "endFactor = 1.5)",
            "LinearLR: endFactor (end_factor) = 1.5 must be in [0, 1]"),
        Arguments.of("OneCycleLR pctStart = 1.5 (PyTorch: Expected float between 0 and 1 pct_start)",
            "type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,", "pctStart = 1.5)",
            "OneCycleLR: pctStart (pct_start) = 1.5 must be in [0, 1]"),
        // Rule.BELOW_ONE
        Arguments.of("ReduceLROnPlateau factor = 1.0 (PyTorch: Factor should be < 1.0)",
            "type = REDUCE_ON_PLATEAU,", "factor = 1.0)",
            "ReduceLROnPlateau: factor (factor) = 1 must be < 1"),
        // Rule.FINITE, and non-finite values under the other rules
        Arguments.of("StepLR gamma = NaN",
            "type = STEP, stepSize = 3,", "gamma = Double.NaN)",
            "StepLR: gamma (gamma) = NaN must be a finite number"),
        Arguments.of("ExponentialLR gamma = -infinity",
            "type = EXPONENTIAL,", "gamma = Double.NEGATIVE_INFINITY)",
            "ExponentialLR: gamma (gamma) = -Infinity must be a finite number"),
        Arguments.of("CosineAnnealingLR etaMin = +infinity",
            "type = COSINE, tMax = 10,", "etaMin = Double.POSITIVE_INFINITY)",
            "CosineAnnealingLR: etaMin (eta_min) = Infinity must be a finite number"),
        Arguments.of("ConstantLR factor = NaN (NaN fails every range too)",
            "type = CONSTANT,", "factor = Double.NaN)", "ConstantLR: factor (factor) = NaN must be a finite number"),
        Arguments.of("ReduceLROnPlateau eps = NaN",
            "type = REDUCE_ON_PLATEAU,", "eps = Double.NaN)",
            "ReduceLROnPlateau: eps (eps) = NaN must be a finite number"),
        Arguments.of("ReduceLROnPlateau threshold = infinity",
            "type = REDUCE_ON_PLATEAU,", "threshold = 1.0 / 0.0)",
            "ReduceLROnPlateau: threshold (threshold) = Infinity must be a finite number"),
        Arguments.of("OneCycleLR maxLr = NaN, a per-group list written as one value (named without an index, as a bound double is)",
            "type = ONE_CYCLE, totalSteps = 100,", "maxLr = Double.NaN)",
            "OneCycleLR: maxLr (max_lr) = NaN must be a finite number"),
        Arguments.of("OneCycleLR baseMomentum = infinity",
            "type = ONE_CYCLE, maxLr = 0.1, totalSteps = 100,", "baseMomentum = Double.POSITIVE_INFINITY)",
            "OneCycleLR: baseMomentum (base_momentum) = Infinity must be a finite number"),
        Arguments.of("ReduceLROnPlateau minLr = NaN",
            "type = REDUCE_ON_PLATEAU,", "minLr = Double.NaN)",
            "ReduceLROnPlateau: minLr (min_lr) = NaN must be a finite number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesValue(String description, String typeLine, String offending, String message) {
    JavaFileObject source = config("Cfg",
        "@Schedule(",
        "    " + typeLine,
        "    " + offending,
        "final class Cfg {}");
    assertSingleError(source, offending, TAG + message);
  }

  @Test
  @DisplayName("A bad element of a per-group list is reported on that element, with its index")
  void listElementOnItsOwnLine() {
    JavaFileObject source = config("Cfg",
        "@Schedule(",
        "    type = CYCLIC,",
        "    maxLr = 0.01,",
        "    baseLr = {0.001,",
        "        Double.NaN})",
        "final class Cfg {}");
    assertSingleError(source, "Double.NaN",
        TAG + "CyclicLR: baseLr[1] (base_lr) = NaN must be a finite number");
  }
}

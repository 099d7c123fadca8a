package dev.anneal.processor;

import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The refusals of Keras's and optax's schedules, each a compile error on the value at fault that
 * names it, its value and the rule: one config of each.
 */
@DisplayName("Keras's and optax's schedules: refusals of their values")
class FunctionValidationTest {

  @Test
  @DisplayName("Keras: decay_steps must be > 0")
  void kerasDecaySteps() {
    assertSingleError(config("Cfg",
        "@Schedule(type = KERAS_EXPONENTIAL_DECAY, decayRate = 0.5,",
        "    decaySteps = 0)",
        "final class Cfg {}"), "decaySteps = 0", "[anneal.invalid-value]", "decaySteps", "= 0", "> 0");
  }

  @Test
  @DisplayName("Keras: one value more than boundaries")
  void kerasPiecewiseLengths() {
    assertSingleError(config("Cfg",
        "@Schedule(type = KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {10, 20},",
        "    values = {0.1, 0.01})",
        "final class Cfg {}"), "values = {0.1, 0.01}", "[anneal.invalid-value]", "boundaries of length 2",
        "values of length 2");
  }

  @Test
  @DisplayName("optax: warmup_cosine_decay_schedule's decay_steps counts the warm-up and must exceed it")
  void optaxWarmupCosineDecaySteps() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY, initValue = 0.0, warmupSteps = 20,",
        "    decaySteps = 15)",
        "final class Cfg {}"), "decaySteps = 15", "[anneal.invalid-value]", "decay_steps = 15",
        "warmup_steps = 20", "got decay_steps=-5");
  }

  @Test
  @DisplayName("optax: a negative scale")
  void optaxNegativeScale() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_PIECEWISE_CONSTANT, boundaries = {10, 20},",
        "    scales = {0.5, -0.1})",
        "final class Cfg {}"), "scales = {0.5, -0.1}", "[anneal.invalid-value]", "non-negative", "-0.1");
  }

  @Test
  @DisplayName("optax: a boundary twice, which no dict holds")
  void optaxRepeatedBoundary() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_PIECEWISE_INTERPOLATE, interpolateType = OptaxInterpolateType.LINEAR,",
        "    boundaries = {10, 10}, scales = {0.5, 0.1})",
        "final class Cfg {}"), "boundaries = {10, 10}", "[anneal.invalid-value]", "holds 10 twice");
  }

  @Test
  @DisplayName("optax: one scale for each boundary")
  void optaxLengths() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_PIECEWISE_CONSTANT, boundaries = {10, 20},",
        "    scales = {0.5})",
        "final class Cfg {}"), "scales = {0.5}", "[anneal.invalid-value]", "one scale for each boundary");
  }

  @Test
  @DisplayName("optax: a one-cycle over no update")
  void optaxOnecycleTransitionSteps() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_COSINE_ONECYCLE,",
        "    transitionSteps = 0)",
        "final class Cfg {}"), "transitionSteps = 0", "[anneal.invalid-value]", "non-positive `transition_steps`",
        "transition_steps = 0");
  }

  @Test
  @DisplayName("optax: a schedule in @Chained, which nothing in optax does")
  void optaxChained() {
    assertSingleError(config("Cfg",
        "@Schedule(type = OPTAX_COSINE_DECAY, decaySteps = 10)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Chained",
        "final class Cfg {}"), "OPTAX_COSINE_DECAY", "[anneal.not-combinable]", "@Chained");
  }
}

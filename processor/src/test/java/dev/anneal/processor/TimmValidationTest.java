package dev.anneal.processor;

import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.assertSingleWarning;
import static dev.anneal.processor.Sources.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * timm's refusals, each a compile error on the value at fault, and the noise that would take the
 * reference's loop very long, a warning: one config of each, the message's tag, value and rule.
 */
@DisplayName("timm's schedulers: refusals and warnings on their values")
class TimmValidationTest {

  @Test
  @DisplayName("assert t_initial > 0")
  void tInitial() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_COSINE, tInitial = 0)",
        "final class Cfg {}"), "tInitial = 0", "[anneal.invalid-value]", "tInitial", "= 0", "> 0");
  }

  @Test
  @DisplayName("assert lr_min >= 0")
  void lrMin() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_COSINE, tInitial = 10,",
        "    lrMin = -1e-3)",
        "final class Cfg {}"), "lrMin = -1e-3", "[anneal.invalid-value]", "lrMin", "-0.001", ">= 0");
  }

  @Test
  @DisplayName("noise_pct 0 with the noise on: the reference's loop never ends")
  void noisePctZero() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_COSINE, tInitial = 10, noiseRangeT = 5,",
        "    noisePct = 0)",
        "final class Cfg {}"), "noisePct = 0", "[anneal.invalid-value]", "noise_pct = 0.0", "never");
  }

  @Test
  @DisplayName("noise_pct far below noise_std: a warning that every noised update draws long")
  void slowNoise() {
    assertSingleWarning(config("Cfg",
        "@Schedule(type = TIMM_MULTI_STEP, decayT = {3, 9}, noiseRangeT = {2, 9},",
        "    noisePct = 1e-9)",
        "final class Cfg {}"), "noisePct = 1e-9", "[anneal.slow-noise]", "1.0E-9", "1.3e+09 draws");
  }

  @Test
  @DisplayName("StepLRScheduler's decay_t is one number")
  void decayTOneValue() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_STEP, decayT = {10, 20})",
        "final class Cfg {}"), "decayT = {10, 20}", "[anneal.one-value]", "decayT", "not 2");
  }

  @Test
  @DisplayName("cycle_mul below 1: math.log leaves its domain at a finite update")
  void cycleMulBelowOne() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_COSINE, tInitial = 10,",
        "    cycleMul = 0.5)",
        "final class Cfg {}"), "cycleMul = 0.5", "[anneal.invalid-value]", "cycle_mul = 0.5", "ValueError");
  }

  @Test
  @DisplayName("assert lb < ub")
  void tanhBounds() {
    assertSingleError(config("Cfg",
        "@Schedule(type = TIMM_TANH, tInitial = 10, lb = 3,",
        "    ub = 3)",
        "final class Cfg {}"), "lb = 3,", "[anneal.invalid-value]", "lb = 3.0", "ub = 3.0");
  }
}

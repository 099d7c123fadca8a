package dev.anneal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleTest {

  @ParameterizedTest
  @EnumSource(Rule.class)
  void everyRuleRefusesNonFiniteValues(Rule rule) {
    assertFalse(rule.holds(Double.NaN));
    assertFalse(rule.holds(Double.POSITIVE_INFINITY));
    assertFalse(rule.holds(Double.NEGATIVE_INFINITY));
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void aNonFiniteValueIsNotAFiniteNumberWhateverTheRule(Rule rule) {
    assertEquals("OneCycleLR: divFactor (div_factor) = NaN must be a finite number",
        rule.message("OneCycleLR", "divFactor", "div_factor", Double.NaN));
    assertEquals("OneCycleLR: divFactor (div_factor) = Infinity must be a finite number",
        rule.message("OneCycleLR", "divFactor", "div_factor", Double.POSITIVE_INFINITY));
    assertEquals("OneCycleLR: divFactor (div_factor) = -Infinity must be a finite number",
        rule.message("OneCycleLR", "divFactor", "div_factor", Double.NEGATIVE_INFINITY));
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void checksRefuseANonFiniteValueAsNotAFiniteNumberWhateverTheRule(Rule rule) {
    for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
          () -> Checks.require(value, rule, "PolynomialLR", "power", "power"));
      assertEquals("PolynomialLR: power (power) = " + value + " must be a finite number", thrown.getMessage());
      IllegalArgumentException perGroup = assertThrows(IllegalArgumentException.class,
          () -> Checks.perGroup(new double[] {value, 0.5}, 2, rule, "CyclicLR", "maxLr", "max_lr"));
      assertEquals("CyclicLR: maxLr[0] (max_lr) = " + value + " must be a finite number", perGroup.getMessage());
    }
  }

  @Test
  void aFiniteValueStillGetsItsRule() {
    assertEquals("PolynomialLR: power (power) = -1 must be >= 0",
        Rule.NON_NEGATIVE.message("PolynomialLR", "power", "power", -1));
    assertEquals("OneCycleLR: divFactor (div_factor) = 0 must not be 0",
        Rule.NON_ZERO.message("OneCycleLR", "divFactor", "div_factor", 0));
  }

  @Test
  void boundariesAreWhereTheRulesSayTheyAre() {
    assertFalse(Rule.POSITIVE.holds(0));
    assertTrue(Rule.POSITIVE.holds(1e-300));
    assertFalse(Rule.NON_ZERO.holds(0));
    assertTrue(Rule.NON_ZERO.holds(-3));
    assertTrue(Rule.NON_NEGATIVE.holds(0));
    assertFalse(Rule.NON_NEGATIVE.holds(-1e-300));
    assertTrue(Rule.AT_LEAST_ONE.holds(1));
    assertFalse(Rule.AT_LEAST_ONE.holds(0.999));
    assertFalse(Rule.OPEN_UNIT.holds(0));
    assertTrue(Rule.OPEN_UNIT.holds(1));
    assertFalse(Rule.OPEN_UNIT.holds(1.5));
    assertTrue(Rule.UNIT_INTERVAL.holds(0));
    assertTrue(Rule.UNIT_INTERVAL.holds(1));
    assertFalse(Rule.UNIT_INTERVAL.holds(1.0000001));
    assertTrue(Rule.BELOW_ONE.holds(0.999));
    assertFalse(Rule.BELOW_ONE.holds(1));
  }

  @Test
  void messageNamesScheduleParameterValueAndRule() {
    assertEquals("StepLR: stepSize (step_size) = 0 must be > 0",
        Rule.POSITIVE.message("StepLR", "stepSize", "step_size", 0));
    assertEquals("ConstantLR: factor (factor) = 1.5 must be in (0, 1]",
        Rule.OPEN_UNIT.message("ConstantLR", "factor", "factor", 1.5));
    assertEquals("CosineAnnealingLR: etaMin (eta_min) = NaN must be a finite number",
        Rule.FINITE.message("CosineAnnealingLR", "etaMin", "eta_min", Double.NaN));
  }
}

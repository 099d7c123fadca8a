package dev.anneal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

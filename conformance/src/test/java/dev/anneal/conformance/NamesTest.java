package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void camelCaseFollowsTheAnnotationsSpelling() {
    assertEquals("tMax", Names.camel("T_max"));
    assertEquals("t0", Names.camel("T_0"));
    assertEquals("tMult", Names.camel("T_mult"));
    assertEquals("etaMin", Names.camel("eta_min"));
    assertEquals("stepSize", Names.camel("step_size"));
    assertEquals("lrLambda", Names.camel("lr_lambda"));
    assertEquals("scaleFn", Names.camel("scale_fn"));
    assertEquals("stepsPerEpoch", Names.camel("steps_per_epoch"));
    assertEquals("gamma", Names.camel("gamma"));
  }

  @Test
  void snakeCaseIsThereferencesSpellingUpToCase() {
    assertEquals("steps_per_epoch", Names.snake("stepsPerEpoch"));
    assertEquals("t_0", Names.snake("t0"));
    assertEquals("t_max", Names.snake("tMax"));
    assertEquals("gamma", Names.snake("gamma"));
  }

  @Test
  void mentionsMatchesWholeIdentifiersIgnoringCase() {
    assertTrue(Names.mentions("location: class dev.anneal.Mode", "mode"));
    assertTrue(Names.mentions("StepLR: stepSize (step_size) = 0 must be > 0", "step_size"));
    assertTrue(Names.mentions("Expected positive integer T_0, but got 0", "t_0"));
    assertFalse(Names.mentions("thresholdMode = REL", "mode"));
    assertFalse(Names.mentions("tried to step 12 times", "eps"));
    assertFalse(Names.mentions("anything", ""));
  }
}

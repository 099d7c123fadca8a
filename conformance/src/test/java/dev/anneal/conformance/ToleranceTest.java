package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToleranceTest {

  @Test
  void aValueWithinTheRelativeBoundPasses() {
    assertTrue(Tolerance.passes(0.1 * (1 + 0.9e-10), 0.1, 0.1));
    assertFalse(Tolerance.passes(0.1 * (1 + 1.2e-10), 0.1, 0.1));
  }

  @Test
  void nearZeroTheBoundIsAShareOfThePeak() {
    assertTrue(Tolerance.passes(0.9e-15, 0.0, 0.1));
    assertFalse(Tolerance.passes(2e-15, 0.0, 0.1));
  }

  @Test
  void aOneStepShiftMissesByOrdersOfMagnitude() {
    double expected = 0.1 * Math.pow(0.99, 10);
    double shifted = 0.1 * Math.pow(0.99, 11);
    assertFalse(Tolerance.passes(shifted, expected, 0.1));
    assertTrue(Tolerance.errorOfPeak(shifted, expected, 0.1) > 1e-4);
  }

  @Test
  void nonFiniteValuesPassOnlyWhenEqual() {
    assertTrue(Tolerance.passes(Double.NaN, Double.NaN, 1));
    assertTrue(Tolerance.passes(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1));
    assertFalse(Tolerance.passes(Double.NaN, 0.1, 0.1));
    assertFalse(Tolerance.passes(0.1, Double.NaN, 0.1));
    assertFalse(Tolerance.passes(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1));
  }

  @Test
  void errorIsAMultipleOfThePeak() {
    assertEquals(0, Tolerance.errorOfPeak(0.05, 0.05, 0.1));
    assertEquals(0.5, Tolerance.errorOfPeak(0.1, 0.05, 0.1), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, Tolerance.errorOfPeak(1e-3, 0, 0));
    assertEquals(Double.POSITIVE_INFINITY, Tolerance.errorOfPeak(Double.NaN, 0.1, 0.1));
  }

  @Test
  void shareOfBoundIsBelowOneExactlyWhenTheValuePasses() {
    // The bound for 0.1 in a group peaking at 0.1: 1e-11 + 1e-15.
    double bound = 1e-10 * 0.1 + 1e-14 * 0.1;
    assertEquals(0.5, Tolerance.shareOfBound(0.1 + bound / 2, 0.1, 0.1), 1e-3);
    assertTrue(Tolerance.shareOfBound(0.1 + 2 * bound, 0.1, 0.1) > 1);
    assertEquals(0, Tolerance.shareOfBound(0.1, 0.1, 0.1));
    assertEquals(Double.POSITIVE_INFINITY, Tolerance.shareOfBound(1e-3, 0, 0));
  }

  @Test
  void peaksAreTheLargestFiniteMagnitudeOfEachGroup() {
    double[][] series = {{0.1, -0.3}, {0.2, 0.01}, {Double.POSITIVE_INFINITY, 0.0}};
    assertArrayEquals(new double[] {0.2, 0.3}, Tolerance.peaks(series, 2));
  }
}

package dev.anneal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.math.SequentialLR;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void initialRatesAreCopiedSoTheCallerCannotChangeThemLater() {
    double[] rates = {0.1, 0.01};
    double[] copy = Checks.initialLrs(rates);
    assertArrayEquals(rates, copy);
    assertNotSame(rates, copy);
  }

  @Test
  void initialRatesRefuseWhatAnOptimizerRefuses() {
    assertThrows(IllegalArgumentException.class, () -> Checks.initialLrs(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Checks.initialLrs(null));
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> Checks.initialLrs(new double[] {0.1, -1}));
    assertTrue(negative.getMessage().startsWith("initialLrs[1] = -1.0"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.initialLrs(new double[] {Double.NaN}));
  }

  @Test
  void oneValueServesEveryGroup() {
    assertArrayEquals(new double[] {0.5, 0.5, 0.5},
        Checks.perGroup(new double[] {0.5}, 3, Rule.FINITE, "CyclicLR", "maxLr", "max_lr"));
    assertArrayEquals(new double[] {0.5, 0.5},
        Checks.perGroup(0.5, 2, Rule.FINITE, "CyclicLR", "maxLr", "max_lr"));
  }

  @Test
  void aListOfTheWrongLengthNamesBothCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.perGroup(new double[] {0.1, 0.2, 0.3}, 2, Rule.FINITE, "OneCycleLR", "maxLr", "max_lr"));
    assertEquals("OneCycleLR: expected 2 values for maxLr (max_lr), one per parameter group, or a single"
        + " value for all, got 3", e.getMessage());
  }

  @Test
  void everyValueOfAListKeepsTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.perGroup(new double[] {0.1, Double.NaN}, 2, Rule.FINITE, "CyclicLR", "baseLr", "base_lr"));
    assertEquals("CyclicLR: baseLr[1] (base_lr) = NaN must be a finite number", e.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Checks.perGroup(new double[] {Double.NaN}, 2, Rule.FINITE, "CyclicLR", "baseLr", "base_lr"));
    assertEquals("CyclicLR: baseLr (base_lr) = NaN must be a finite number", one.getMessage());
  }

  @Test
  void anEmptyListIsRefusedAsEmpty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.perGroup(new double[0], 2, Rule.FINITE, "CyclicLR", "baseLr", "base_lr"));
    assertEquals(Checks.emptyList("CyclicLR", "baseLr", "base_lr"), e.getMessage());
    IllegalArgumentException unread = assertThrows(IllegalArgumentException.class,
        () -> Checks.requireEach(new double[0], Rule.FINITE, "CyclicLR", "baseMomentum", "base_momentum"));
    assertEquals(Checks.emptyList("CyclicLR", "baseMomentum", "base_momentum"), unread.getMessage());
  }

  @Test
  void aListTheScheduleIgnoresKeepsTheRule() {
    Checks.requireEach(new double[] {0.8, 0.9}, Rule.FINITE, "CyclicLR", "baseMomentum", "base_momentum");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.requireEach(
        new double[] {0.8, Double.POSITIVE_INFINITY}, Rule.FINITE, "CyclicLR", "baseMomentum", "base_momentum"));
    assertEquals("CyclicLR: baseMomentum[1] (base_momentum) = Infinity must be a finite number", e.getMessage());
  }

  @Test
  void aLaterScheduleThatPyTorchCannotStartIsRefused() {
    assertEquals(-3, Checks.restartable(-3, "LinearLR"));
    assertEquals(0, Checks.restartable(0, "ConstantLR"));
    for (String schedule : new String[] {"LinearLR", "PolynomialLR"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Checks.restartable(0, schedule));
      assertEquals(SequentialLR.restartRefusal(schedule, 0), e.getMessage());
      assertTrue(e.getMessage().startsWith(schedule + ": totalIters (total_iters) = 0 must not be 0"));
    }
  }

  @Test
  void aMilestoneAfterOneCycleLRsEndIsRefused() {
    // A OneCycleLR of 10 steps from step 0 runs its steps 0 to 10; PyTorch raises on step 11.
    Checks.milestoneReached(11, 0, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.milestoneReached(12, 0, 10));
    assertTrue(e.getMessage().contains("milestone 12") && e.getMessage().contains("<= 11"), e.getMessage());
    // From step 5, the same length reaches milestone 16 at most.
    Checks.milestoneReached(16, 5, 10);
    assertThrows(IllegalArgumentException.class, () -> Checks.milestoneReached(17, 5, 10));
  }

  @Test
  void boundValuesAreCheckedByTheirRule() {
    assertEquals(4, Checks.require(4, Rule.POSITIVE, "StepLR", "stepSize", "step_size"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.require(0, Rule.POSITIVE, "StepLR", "stepSize", "step_size"));
    assertEquals("StepLR: stepSize (step_size) = 0 must be > 0", e.getMessage());
  }

  @Test
  void negativeStepsAreRefused() {
    assertEquals(0, Checks.step(0));
    assertThrows(IllegalArgumentException.class, () -> Checks.step(-1));
  }

  @Test
  void aRateWithoutAValueIsToldApartFromOneThatOverflows() {
    assertEquals(-0.5, Checks.rate(-0.5, "LambdaLR", 3));
    ArithmeticException nan = assertThrows(ArithmeticException.class,
        () -> Checks.rate(Double.NaN, "keras.CosineDecayRestarts", 7));
    assertEquals("keras.CosineDecayRestarts: the rate at step 7 is NaN, not a number: the schedule's formula has no"
        + " value there (the reference would hand NaN to the optimizer)", nan.getMessage());
    ArithmeticException overflow = assertThrows(ArithmeticException.class,
        () -> Checks.rate(Double.NEGATIVE_INFINITY, "ExponentialLR", 9));
    assertEquals("ExponentialLR: the rate at step 9 is -Infinity, not a finite number: it overflows the doubles",
        overflow.getMessage());
  }
}

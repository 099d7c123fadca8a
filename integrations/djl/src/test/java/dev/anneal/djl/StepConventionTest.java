package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepConventionTest {

  @Test
  void updateNRunsAtStepNMinusOne() {
    assertEquals(0, StepConvention.step(1));
    assertEquals(1, StepConvention.step(2));
    assertEquals(999, StepConvention.step(1000));
    assertEquals(StepConvention.LAST_STEP, StepConvention.step(StepConvention.LAST_NUM_UPDATE));
    assertEquals(2_147_483_645L, StepConvention.LAST_STEP);
  }

  @Test
  void beginNumUpdateStartsTheFirstUpdateAtTheStep() {
    for (long step : new long[] {0, 1, 17, 1_000_000, StepConvention.LAST_STEP}) {
      int begin = StepConvention.beginNumUpdate(step);
      // DJL's first update after optBeginNumUpdate(begin) is begin + 1.
      assertEquals(step, StepConvention.step(begin + 1));
    }
  }

  @Test
  void aCountBelowOneIsRefused() {
    for (int numUpdate : new int[] {0, -1, Integer.MIN_VALUE}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> StepConvention.step(numUpdate));
      assertTrue(
          e.getMessage().startsWith("numUpdate = " + numUpdate + " must be >= 1: DJL counts"),
          e.getMessage());
    }
  }

  @Test
  void theCountWhereDjlStopsIsRefused() {
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> StepConvention.step(Integer.MAX_VALUE));
    assertEquals(
        "numUpdate = 2147483647 is where DJL's int update counter stops: every later update asks"
            + " for it again, so the scheduler's step can no longer be told; a run through DJL"
            + " ends at numUpdate 2147483646 (scheduler step 2147483645)",
        e.getMessage());
  }

  @Test
  void stepsPastTheIntCounterAreRefused() {
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class, () -> StepConvention.beginNumUpdate(3_000_000_000L));
    assertEquals(
        "step = 3000000000 is past what DJL's int update counter reaches: the last step a tracker"
            + " serves is 2147483645 (numUpdate 2147483646)",
        e.getMessage());
    assertThrows(
        ArithmeticException.class,
        () -> StepConvention.beginNumUpdate(StepConvention.LAST_STEP + 1));
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> StepConvention.beginNumUpdate(-1));
    assertEquals("step = -1 must be >= 0", negative.getMessage());
  }
}

package dev.anneal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ScheduleType;

class StepConventionTest {

  @Test
  void iterationIRunsAtStepIPerIteration() {
    assertEquals(0, StepConvention.step(ScheduleType.ITERATION, 0, 7));
    assertEquals(1, StepConvention.step(ScheduleType.ITERATION, 1, 0));
    assertEquals(999, StepConvention.step(ScheduleType.ITERATION, 999, 3));
    assertEquals(
        StepConvention.LAST_STEP,
        StepConvention.step(ScheduleType.ITERATION, Integer.MAX_VALUE, 0));
  }

  @Test
  void epochERunsAtStepEPerEpoch() {
    assertEquals(0, StepConvention.step(ScheduleType.EPOCH, 123, 0));
    assertEquals(5, StepConvention.step(ScheduleType.EPOCH, 0, 5));
    assertEquals(
        StepConvention.LAST_STEP, StepConvention.step(ScheduleType.EPOCH, 0, Integer.MAX_VALUE));
  }

  @Test
  void onlyTheCountFollowedIsChecked() {
    // A wrapped epoch count does not matter to a schedule per iteration, and the reverse.
    assertEquals(4, StepConvention.step(ScheduleType.ITERATION, 4, -1));
    assertEquals(4, StepConvention.step(ScheduleType.EPOCH, Integer.MIN_VALUE, 4));
  }

  @Test
  void aWrappedCountIsRefused() {
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> StepConvention.step(ScheduleType.ITERATION, Integer.MIN_VALUE, 0));
    assertEquals(
        "iteration = -2147483648 is below 0: DL4J counts iterations from 0 in an int, which wraps"
            + " below 0 past 2147483647 (or was set below 0), so the scheduler's step can no longer"
            + " be told; the last step a schedule serves is 2147483647",
        e.getMessage());
    ArithmeticException epoch =
        assertThrows(
            ArithmeticException.class, () -> StepConvention.step(ScheduleType.EPOCH, 0, -1));
    assertEquals(
        "epoch = -1 is below 0: DL4J counts epochs from 0 in an int, which wraps below 0 past"
            + " 2147483647 (or was set below 0), so the scheduler's step can no longer be told; the"
            + " last step a schedule serves is 2147483647",
        epoch.getMessage());
    assertThrows(NullPointerException.class, () -> StepConvention.step(null, 0, 0));
  }

  @Test
  void countStartsTheNextUpdateAtTheStep() {
    for (long step : new long[] {0, 1, 17, 1_000_000, StepConvention.LAST_STEP}) {
      int count = StepConvention.count(step);
      assertEquals(step, StepConvention.step(ScheduleType.ITERATION, count, 0));
      assertEquals(step, StepConvention.step(ScheduleType.EPOCH, 0, count));
    }
    ArithmeticException past =
        assertThrows(
            ArithmeticException.class, () -> StepConvention.count(StepConvention.LAST_STEP + 1));
    assertEquals(
        "step = 2147483648 is past what DL4J's int counters reach: the last step a schedule"
            + " serves is 2147483647",
        past.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> StepConvention.count(-1));
    assertEquals("step = -1 must be >= 0", negative.getMessage());
  }
}

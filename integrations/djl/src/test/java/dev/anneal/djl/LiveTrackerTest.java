package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.integrations.testing.Configs_ChainedCosineStepScheduler;
import dev.anneal.integrations.testing.Configs_CyclicWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_MultiplicativeScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleScheduler;
import dev.anneal.integrations.testing.Configs_PlateauScheduler;
import org.junit.jupiter.api.Test;

class LiveTrackerTest {

  @Test
  void aStepSchedulerIsSteppedToTheStepOfEachUpdate() {
    Configs_MultiplicativeScheduler scheduler = new Configs_MultiplicativeScheduler(0.1);
    Configs_MultiplicativeScheduler reference = new Configs_MultiplicativeScheduler(0.1);
    LiveTracker tracker = LiveTracker.of(scheduler);
    assertSame(scheduler, tracker.scheduler());
    for (int numUpdate = 1; numUpdate <= 300; numUpdate++) {
      // DJL asks once per parameter: only the first call of an update steps.
      for (String parameter : new String[] {"w1", "b1", "w2"}) {
        assertEquals((float) reference.lr(), tracker.getNewValue(parameter, numUpdate));
        assertEquals(numUpdate - 1, scheduler.stepCount());
      }
      reference.step();
    }
    assertEquals((float) scheduler.lrAt(299, 0), tracker.getNewValue(300));
  }

  @Test
  void theFirstUpdateGetsStepZeroAndSkippedCountsAreCaughtUp() {
    Configs_ChainedCosineStepScheduler scheduler = new Configs_ChainedCosineStepScheduler(0.1);
    LiveTracker tracker = LiveTracker.of(scheduler);
    assertEquals(0.1f, tracker.getNewValue(1));
    assertEquals(0, scheduler.stepCount());
    // An optimizer that starts later (optBeginNumUpdate(9)) or a counter that jumps.
    assertEquals((float) scheduler.lrAt(9, 0), tracker.getNewValue(10));
    assertEquals(9, scheduler.stepCount());
  }

  @Test
  void aRestoredSchedulerGoesOnWithOptBeginNumUpdate() {
    Configs_MultiplicativeScheduler first = new Configs_MultiplicativeScheduler(0.1);
    LiveTracker before = LiveTracker.of(first);
    for (int numUpdate = 1; numUpdate <= 40; numUpdate++) {
      before.getNewValue(numUpdate);
    }
    first.step(); // PyTorch's loop: the scheduler is saved after its step of the last update
    byte[] state = first.saveState();

    Configs_MultiplicativeScheduler resumed = new Configs_MultiplicativeScheduler(0.1);
    resumed.restoreState(state);
    int begin = StepConvention.beginNumUpdate(resumed.stepCount());
    assertEquals(40, begin);
    LiveTracker after = LiveTracker.of(resumed);
    assertEquals((float) first.lr(), after.getNewValue(begin + 1));
    assertEquals(40, resumed.stepCount(), "no step before the first update after the resume");
  }

  @Test
  void aSchedulerPastTheUpdateIsRefused() {
    Configs_MultiplicativeScheduler scheduler = new Configs_MultiplicativeScheduler(0.1);
    LiveTracker tracker = LiveTracker.of(scheduler);
    tracker.getNewValue(1);
    scheduler.step(); // the loop steps too
    scheduler.step();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tracker.getNewValue(2));
    assertEquals(
        "Configs_MultiplicativeScheduler is at step 2, past step 1 of DJL's update 2: the tracker"
            + " steps it, once per update, and nothing else may; a scheduler cannot go back, so a"
            + " new trainer (whose count starts at 1 again) needs a new scheduler, or one restored"
            + " to step k with optBeginNumUpdate(k)",
        e.getMessage());

    // A new trainer that reuses the tracker starts counting at 1 again.
    LiveTracker reused = LiveTracker.of(new Configs_MultiplicativeScheduler(0.1));
    for (int numUpdate = 1; numUpdate <= 5; numUpdate++) {
      reused.getNewValue(numUpdate);
    }
    assertThrows(IllegalStateException.class, () -> reused.getNewValue(1));
  }

  @Test
  void aMetricSchedulerIsReadAtTheFirstCallOfEachUpdate() {
    Configs_PlateauScheduler scheduler = new Configs_PlateauScheduler(0.1, 0.02);
    LiveTracker first = LiveTracker.of(scheduler);
    LiveTracker second = LiveTracker.of(scheduler, 1);
    assertEquals(0.1f, first.getNewValue(1));
    assertEquals(0.02f, second.getNewValue(1));
    // The loop steps with the metric: patience 1, so the second bad epoch halves the rates.
    scheduler.step(1.0);
    scheduler.step(1.0);
    scheduler.step(1.0);
    assertEquals(0.05, scheduler.lr(0), 1e-15);
    // Calls of an update already begun keep its rate; the next update gets the new one.
    assertEquals(0.1f, first.getNewValue("w", 1));
    assertEquals(0.05f, first.getNewValue("w", 2));
    assertEquals(0.01f, second.getNewValue("w", 2));
    assertEquals(3, scheduler.stepCount(), "the tracker never steps a MetricScheduler");
    // Any count, even one the loop's steps do not match, reads the rate in force.
    assertEquals(0.05f, first.getNewValue(50));
    assertThrows(IllegalArgumentException.class, () -> first.getNewValue(0));
    assertThrows(ArithmeticException.class, () -> first.getNewValue(Integer.MAX_VALUE));
  }

  @Test
  void aWarmupInFrontOfAPlateauIsStillSteppedByTheLoop() {
    DjlConfigs_WarmupPlateauScheduler scheduler = new DjlConfigs_WarmupPlateauScheduler(0.1);
    LiveTracker tracker = LiveTracker.of(scheduler);
    assertEquals((float) (0.1 * 0.1), tracker.getNewValue(1));
    scheduler.step(1.0);
    assertEquals((float) scheduler.lr(), tracker.getNewValue(2));
  }

  @Test
  void theSchedulersRefusalsComeThrough() {
    Configs_OneCycleScheduler scheduler = new Configs_OneCycleScheduler(0.1, 0.1);
    LiveTracker tracker = LiveTracker.of(scheduler);
    tracker.getNewValue(301); // 300 calls of step(): OneCycleLR's total_steps
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tracker.getNewValue(302));
    assertTrue(e.getMessage().contains("total_steps"), e.getMessage());
    assertEquals(300, scheduler.stepCount());

    LiveTracker pastFloat = LiveTracker.of(new DjlConfigs_PastFloatScheduler(0.1));
    pastFloat.getNewValue(3);
    assertThrows(ArithmeticException.class, () -> pastFloat.getNewValue(4));
  }

  @Test
  void groupsAndMomentumAreChecked() {
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> LiveTracker.of(new Configs_MultiplicativeScheduler(0.1), 1));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> LiveTracker.of(new Configs_PlateauScheduler(0.1), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> LiveTracker.of(new Configs_CyclicWithMomentumScheduler(0.1)));
    assertEquals(
        "LiveTracker[Configs_PlateauScheduler, group 0]",
        LiveTracker.of(new Configs_PlateauScheduler(0.1)).toString());
  }
}

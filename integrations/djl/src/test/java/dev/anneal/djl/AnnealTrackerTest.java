package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.integrations.testing.Configs_CyclicScheduler;
import dev.anneal.integrations.testing.Configs_CyclicWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_TimmCosineScheduler;
import dev.anneal.integrations.testing.Configs_WarmupCosineScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnnealTrackerTest {

  @Test
  void theFirstUpdateGetsTheRateOfStepZero() {
    Configs_WarmupCosineScheduler scheduler = new Configs_WarmupCosineScheduler(0.1);
    AnnealTracker tracker = AnnealTracker.of(scheduler);
    // Step 0 of a warm-up from 0 is 0; update 2 gets step 1's rate, 0.1 * 0.5 (1 - cos(pi/30)).
    assertEquals((float) scheduler.lr(), tracker.getNewValue(1));
    assertEquals(0f, tracker.getNewValue(1));
    scheduler.step();
    assertEquals((float) scheduler.lr(), tracker.getNewValue(2));
    assertEquals((float) (0.1 * 0.5 * (1 - Math.cos(Math.PI / 30))), tracker.getNewValue(2));
  }

  @Test
  void theParameterCallsOfOneUpdateShareOneEvaluation() {
    AtomicInteger calls = new AtomicInteger();
    LrFunction counted =
        (step, group) -> {
          calls.incrementAndGet();
          return 0.1 / (1 + step);
        };
    AnnealTracker tracker = AnnealTracker.of(counted);
    calls.set(0);
    for (int numUpdate = 1; numUpdate <= 4; numUpdate++) {
      for (String parameter : new String[] {"w1", "b1", "w2", "b2"}) {
        assertEquals((float) (0.1 / numUpdate), tracker.getNewValue(parameter, numUpdate));
      }
    }
    assertEquals(4, calls.get(), "one lrAt per update, not per parameter");
    // A count seen before is computed again, not mixed up with the latest.
    assertEquals(0.1f, tracker.getNewValue(1));
  }

  @Test
  void aGroupIsReadAsTheSchedulerGivesIt() {
    Configs_CyclicScheduler scheduler = new Configs_CyclicScheduler(0.1, 0.1);
    AnnealTracker second = AnnealTracker.of(scheduler, 1);
    assertEquals(1, second.group());
    assertSame(scheduler, second.schedule());
    for (int numUpdate = 1; numUpdate < 100; numUpdate++) {
      assertEquals((float) scheduler.lr(1), second.getNewValue(numUpdate));
      scheduler.step();
    }
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> AnnealTracker.of(scheduler, 2));
    assertEquals(
        "group 2 does not exist: the scheduler has 2 parameter groups, numbered from 0",
        e.getMessage());
  }

  @Test
  void aSchedulerThatCyclesTheMomentumIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnealTracker.of(new Configs_OneCycleWithMomentumScheduler(0.1)));
    assertTrue(
        e.getMessage().startsWith("Configs_OneCycleWithMomentumScheduler cycles the momentum"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("write cycleMomentum = false in the config to schedule"
        + " the rate and give the optimizer its momentum"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnealTracker.of(new Configs_CyclicWithMomentumScheduler(0.1)));
    assertThrows(NullPointerException.class, () -> AnnealTracker.of(null));
  }

  @Test
  void aRatePastTheLargestFloatIsRefused() {
    AnnealTracker tracker = AnnealTracker.of(new DjlConfigs_PastFloatScheduler(0.1));
    assertEquals(0.1f, tracker.getNewValue(3));
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> tracker.getNewValue(4));
    assertEquals(
        "DjlConfigs_PastFloatScheduler: the rate of group 0 at step 3, 1.0000000000000001E39, is"
            + " past the largest float (3.4028235E38), which DJL's optimizers take",
        e.getMessage());
  }

  @Test
  void theSchedulersRefusalsComeThrough() {
    AnnealTracker tracker = AnnealTracker.of(new Configs_OneCycleScheduler(0.1, 0.1));
    tracker.getNewValue(301); // step 300: OneCycleLR's total_steps calls of step() are allowed
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tracker.getNewValue(302));
    assertTrue(e.getMessage().contains("301"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tracker.getNewValue(0));
    assertThrows(ArithmeticException.class, () -> tracker.getNewValue(Integer.MAX_VALUE));
  }

  @Test
  void safeFromSeveralThreads() throws Exception {
    Configs_TimmCosineScheduler scheduler = new Configs_TimmCosineScheduler(0.1, 0.1);
    AnnealTracker tracker = AnnealTracker.of(scheduler, 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    int numUpdate = 1 + (i * 7 + offset) % 300;
                    float expected = (float) scheduler.lrAt(numUpdate - 1, 1);
                    float actual = tracker.getNewValue("p" + offset, numUpdate);
                    if (expected != actual) {
                      throw new AssertionError(numUpdate + ": " + actual + " != " + expected);
                    }
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}

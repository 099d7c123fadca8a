package dev.anneal.samples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingTest {

  static List<Trainer.Result> results;

  @BeforeAll
  static void train() {
    results = new TrainingDemo(Plan.DEFAULT_SEED, TrainingSchedule.all()).train();
  }

  @Test
  void comparesAConstantRateWithAtLeastFourSchedules() {
    assertEquals("constant", results.get(0).schedule().name());
    assertTrue(results.size() >= 5, "schedules: " + results.size());
  }

  @Test
  void lossFallsUnderEverySchedule() {
    for (Trainer.Result result : results) {
      double[] loss = result.trainingLoss();
      assertEquals(Plan.EPOCHS + 1, loss.length);
      assertTrue(
          result.finalTrainingLoss() < 0.5 * loss[0],
          () ->
              result.schedule().name() + ": from " + loss[0] + " to " + result.finalTrainingLoss());
      assertTrue(
          result.validationAccuracy() > 0.8,
          () -> result.schedule().name() + ": accuracy " + result.validationAccuracy());
    }
  }

  @Test
  void schedulersSetTheRates() {
    for (Trainer.Result result : results) {
      double[] rates = result.rates();
      assertEquals(Plan.TOTAL_STEPS, rates.length);
      double max = 0;
      for (double rate : rates) {
        assertTrue(rate >= 0, result.schedule().name());
        max = Math.max(max, rate);
      }
      assertEquals(Plan.PEAK_LR, max, 1e-9, result.schedule().name() + " peaks at the peak rate");
    }
    double[] oneCycle = byName("one-cycle").rates();
    assertEquals(Plan.PEAK_LR / 25, oneCycle[0], 1e-12, "OneCycleLR starts at max_lr / 25");
  }

  @Test
  void isDeterministic() {
    // A second run, alone and in a fresh trainer, gives the same bits as the first.
    TrainingSchedule oneCycle = byName("one-cycle").schedule();
    Trainer.Result again = new Trainer(Plan.DEFAULT_SEED).train(oneCycle);
    assertArrayEquals(byName("one-cycle").trainingLoss(), again.trainingLoss());
    assertArrayEquals(byName("one-cycle").validationLoss(), again.validationLoss());
  }

  private static Trainer.Result byName(String name) {
    return results.stream()
        .filter(result -> result.schedule().name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

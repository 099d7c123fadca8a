package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import dev.anneal.integrations.testing.Configs_HfCosineScheduler;
import dev.anneal.integrations.testing.Configs_MultiplicativeScheduler;
import dev.anneal.integrations.testing.Configs_StepScheduler;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The step convention against DJL's own optimizers on the PyTorch engine: their update count,
 * their calls once per parameter per update, {@code optBeginNumUpdate}, and the weights they
 * change with the rate they got.
 */
class DjlUpdateCountTest {

  private static final String[] PARAMETERS = {"w1", "b1", "w2"};

  @Test
  void theFirstUpdateRunsAtStepZero() {
    Configs_StepScheduler reference = new Configs_StepScheduler(0.1);
    List<RecordingTracker.Call> calls =
        update(
            tracker -> Optimizer.sgd().setLearningRateTracker(tracker).build(),
            AnnealTracker.of(new Configs_StepScheduler(0.1)),
            70,
            true);
    int i = 0;
    for (int numUpdate = 1; numUpdate <= 70; numUpdate++) {
      for (String parameter : PARAMETERS) {
        RecordingTracker.Call call = calls.get(i++);
        assertEquals(parameter, call.parameterId());
        assertEquals(numUpdate, call.numUpdate(), "DJL counts from 1, once per update");
        assertEquals((float) reference.lr(), call.rate(), "update " + numUpdate);
      }
      reference.step();
    }
    assertEquals(calls.size(), i);
  }

  @Test
  void optBeginNumUpdateResumesAtItsStep() {
    Configs_MultiplicativeScheduler scheduler = new Configs_MultiplicativeScheduler(0.1);
    for (int k = 0; k < 25; k++) {
      scheduler.step();
    }
    Configs_MultiplicativeScheduler restored = new Configs_MultiplicativeScheduler(0.1);
    restored.restoreState(scheduler.saveState());
    int begin = StepConvention.beginNumUpdate(restored.stepCount());
    List<RecordingTracker.Call> calls =
        update(
            tracker ->
                Optimizer.sgd()
                    .setLearningRateTracker(tracker)
                    .optMomentum(0.9f)
                    .optBeginNumUpdate(begin)
                    .build(),
            LiveTracker.of(restored),
            10,
            false);
    int i = 0;
    for (int numUpdate = 26; numUpdate <= 35; numUpdate++) {
      for (String parameter : PARAMETERS) {
        RecordingTracker.Call call = calls.get(i++);
        assertEquals(numUpdate, call.numUpdate());
        assertEquals((float) scheduler.lr(), call.rate(), "update " + numUpdate);
      }
      scheduler.step();
    }
  }

  @Test
  void adamAsksTheSameWay() {
    Configs_HfCosineScheduler reference = new Configs_HfCosineScheduler(1e-3);
    List<RecordingTracker.Call> calls =
        update(
            tracker -> Optimizer.adam().optLearningRateTracker(tracker).build(),
            AnnealTracker.of(new Configs_HfCosineScheduler(1e-3)),
            40,
            false);
    for (int n = 0; n < 40; n++) {
      for (int p = 0; p < PARAMETERS.length; p++) {
        assertEquals((float) reference.lr(), calls.get(n * PARAMETERS.length + p).rate());
      }
      reference.step();
    }
  }

  /**
   * Runs {@code updates} updates of three one-element parameters through the optimizer, checking
   * after each, for SGD without momentum, that the weight moved by the rate it was given.
   */
  private static List<RecordingTracker.Call> update(
      Function<ParameterTracker, Optimizer> build,
      ParameterTracker tracker,
      int updates,
      boolean plainSgd) {
    RecordingTracker recording = new RecordingTracker(tracker);
    Optimizer optimizer = build.apply(recording);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray[] weights = new NDArray[PARAMETERS.length];
      for (int p = 0; p < weights.length; p++) {
        weights[p] = manager.create(new float[] {1f});
        weights[p].setRequiresGradient(true);
      }
      for (int n = 0; n < updates; n++) {
        for (int p = 0; p < weights.length; p++) {
          float before = weights[p].getFloat();
          try (NDArray grad = manager.create(new float[] {0.5f})) {
            optimizer.update(PARAMETERS[p], weights[p], grad);
          }
          List<RecordingTracker.Call> calls = recording.calls();
          float rate = calls.get(calls.size() - 1).rate();
          if (plainSgd) {
            assertEquals(before - rate * 0.5f, weights[p].getFloat(), 1e-7f);
          }
        }
      }
    }
    return recording.calls();
  }
}

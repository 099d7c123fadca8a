package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrScheduler;
import dev.anneal.SchedulerStateException;
import dev.anneal.StepScheduler;
import dev.anneal.conformance.CompiledCases.Built;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resume bugs PyTorch has had, each named after its report, which must not exist here. PyTorch
 * resumes by rebuilding a scheduler with {@code last_epoch} (or loading a state dict into one that
 * already took its first step); a saved state here carries everything, so a restored scheduler
 * continues exactly as the uninterrupted one.
 */
class ResumeRegressionTest {

  private static final double TOLERANCE = 1e-15;

  /**
   * pytorch/pytorch#162591: SequentialLR rebuilt at a step past its first milestone went on with
   * the first schedule's rate (0.1 where 0.9 was due).
   */
  @Test
  void sequentialLrResumedMidPhase_pytorch162591() {
    Built built = compileOne("{'id': 'pytorch-162591', 'scheduler': {'type': 'SequentialLR', 'args': {'milestones': [3]},"
        + " 'schedulers': [{'type': 'ConstantLR', 'args': {'factor': 0.1, 'total_iters': 3}},"
        + " {'type': 'ExponentialLR', 'args': {'gamma': 0.9}}]},"
        + " 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 1.0}]}, 'steps': 7,"
        + " 'expected': {'lr': [[0.1], [0.1], [0.1], [1.0], [0.9], [0.81], [0.729]]}}");
    for (int cut = 0; cut <= 6; cut++) {
      StepScheduler uninterrupted = (StepScheduler) built.create();
      StepScheduler resumed = (StepScheduler) built.create();
      for (int t = 0; t < cut; t++) {
        uninterrupted.step();
        resumed.step();
      }
      StepScheduler restored = (StepScheduler) built.create();
      restored.restoreState(resumed.saveState());
      for (int t = cut; t <= 6; t++) {
        assertEquals(uninterrupted.lr(), restored.lr(), 0.0, "cut at " + cut + ", step " + t);
        assertEquals(built.c.expected().lr()[t][0], restored.lr(), TOLERANCE, "cut at " + cut + ", step " + t);
        if (t < 6) {
          uninterrupted.step();
          restored.step();
        }
      }
    }
  }

  /**
   * pytorch/pytorch#102261: ExponentialLR rebuilt with {@code last_epoch = 0} after one step
   * applied gamma once more on construction (0.000998001 where 0.000999 was due).
   */
  @Test
  void exponentialLrRebuiltWithALastEpoch_pytorch102261() {
    Built built = compileOne("{'id': 'pytorch-102261', 'scheduler': {'type': 'ExponentialLR', 'args': {'gamma': 0.999}},"
        + " 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.001}]}, 'steps': 2,"
        + " 'expected': {'lr': [[0.001], [0.000999]]}}");
    StepScheduler first = (StepScheduler) built.create();
    first.step();
    StepScheduler rebuilt = (StepScheduler) built.create();
    rebuilt.restoreState(first.saveState());
    assertEquals(0.000999, rebuilt.lr(), TOLERANCE);
    assertEquals(1, rebuilt.stepCount());
    for (int t = 1; t < 100; t++) {
      first.step();
      rebuilt.step();
      assertEquals(first.lr(), rebuilt.lr(), 0.0, "step " + (t + 1));
    }
  }

  /**
   * OneCycleLR's "Tried to step N times. The specified number of total steps is M": after a resume
   * with a miscounted step, PyTorch raises early or late. Here a restored scheduler counts the
   * steps it was saved with and refuses exactly the call the uninterrupted one refuses; a state of
   * another total_steps is refused at restore instead of shifting the schedule.
   */
  @Test
  void oneCycleLrResumedRefusesTheSameCall_triedToStepNTimes() {
    List<Built> suite = CompiledCases.compile(List.of(Cases.byId(Cases.suite("pytorch.json"), "OneCycleLR/past-total_steps")));
    Built built = suite.get(0);
    int failingCall = built.c.expected().error().step();
    for (int cut = 0; cut < failingCall; cut++) {
      StepScheduler original = (StepScheduler) built.create();
      for (int t = 0; t < cut; t++) {
        original.step();
      }
      StepScheduler restored = (StepScheduler) built.create();
      restored.restoreState(original.saveState());
      assertEquals(cut, restored.stepCount());
      for (int call = cut + 1; call < failingCall; call++) {
        restored.step();
        assertEquals(built.c.expected().lr()[call][0], restored.lr(), 1e-15, "cut at " + cut + ", call " + call);
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, restored::step, "cut at " + cut);
      assertTrue(e.getMessage().contains("total_steps"), e.getMessage());
    }

    Built longer = compileOne("{'id': 'longer', 'scheduler': {'type': 'OneCycleLR', 'args': {'max_lr': 0.1, 'total_steps': 12}},"
        + " 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.1, 'momentum': 0.9}]}, 'steps': 1,"
        + " 'expected': {'lr': [[0.004]]}}");
    LrScheduler saved = longer.create();
    LrScheduler target = built.create();
    byte[] before = target.saveState();
    SchedulerStateException e = assertThrows(SchedulerStateException.class, () -> target.restoreState(saved.saveState()));
    assertEquals(SchedulerStateException.Reason.CONFIGURATION, e.reason());
    assertArrayEquals(before, target.saveState());
  }

  private static Built compileOne(String json) {
    List<Built> built = CompiledCases.compile(List.of(Cases.parse(json)));
    assertEquals(1, built.size(), "the config did not compile");
    return built.get(0);
  }
}

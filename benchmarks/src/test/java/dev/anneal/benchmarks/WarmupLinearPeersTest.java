package dev.anneal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The peers of {@link WarmupLinearBenchmark} compute the schedule the benchmark names, so that
 * their times compare like with like: the generated and the hand-written class to the bit, DJL's
 * trackers, in float, to a float's precision.
 */
class WarmupLinearPeersTest {

  /** transformers' lr_lambda, written from its source: the rate the reference gives at step t. */
  private static double reference(long t) {
    double factor = t < WarmupLinearBenchmark.WARMUP
        ? (double) t / Math.max(1, WarmupLinearBenchmark.WARMUP)
        : Math.max(0.0, (double) (WarmupLinearBenchmark.TRAINING - t)
            / Math.max(1, WarmupLinearBenchmark.TRAINING - WarmupLinearBenchmark.WARMUP));
    return WarmupLinearBenchmark.BASE_LR * factor;
  }

  @Test
  void generatedHandWrittenAndDjlFollowTheReference() {
    WarmupLinearBenchmark_ConfigScheduler generated =
        new WarmupLinearBenchmark_ConfigScheduler(WarmupLinearBenchmark.BASE_LR);
    WarmupLinearBenchmark.HandWritten handWritten =
        new WarmupLinearBenchmark.HandWritten(WarmupLinearBenchmark.BASE_LR);
    WarmupLinearBenchmark.DjlTracker djl = new WarmupLinearBenchmark.DjlTracker();
    for (int t = 1; t < WarmupLinearBenchmark.TRAINING + 10; t++) {
      generated.step();
      handWritten.step();
      double expected = reference(t);
      assertEquals(expected, generated.lr(), 0.0, "generated at step " + t);
      assertEquals(expected, handWritten.lr(), 0.0, "hand-written at step " + t);
      assertEquals(expected, djl.tracker.getNewValue(t), 1e-7, "DJL at step " + t);
    }
  }
}

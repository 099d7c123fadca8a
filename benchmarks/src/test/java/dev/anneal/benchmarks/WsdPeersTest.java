package dev.anneal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The generated and the hand-written class of {@link WsdBenchmark} compute, to the bit, the rates
 * of the schedule the benchmark names, so that their times compare like with like.
 */
class WsdPeersTest {

  /**
   * transformers' {@code _get_wsd_scheduler_lambda} with the benchmark's arguments and the
   * default curves, written from its source: the rate at step t.
   */
  private static double reference(long t) {
    int warmup = WsdBenchmark.WARMUP;
    int decay = WsdBenchmark.DECAY;
    long stable = WsdBenchmark.TRAINING - warmup - decay;
    double minLrRatio = 0.0;
    double numCycles = 0.5;
    double factor;
    if (t < warmup) {
      double progress = (double) t / Math.max(1, warmup);
      factor = Math.max(0.0, progress * (1.0 - minLrRatio) + minLrRatio);
    } else if (t < warmup + stable) {
      factor = 1.0;
    } else if (t < warmup + stable + decay) {
      double progress = (double) (t - warmup - stable) / Math.max(1, decay);
      double cosine = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
      factor = Math.max(0.0, cosine * (1.0 - minLrRatio) + minLrRatio);
    } else {
      factor = minLrRatio;
    }
    return WsdBenchmark.BASE_LR * factor;
  }

  @Test
  void generatedAndHandWrittenFollowTheReferenceToTheBit() {
    WsdBenchmark_ConfigScheduler generated = new WsdBenchmark_ConfigScheduler(WsdBenchmark.BASE_LR);
    WsdBenchmark.HandWritten handWritten = new WsdBenchmark.HandWritten(WsdBenchmark.BASE_LR);
    for (int t = 1; t < WsdBenchmark.TRAINING + 10; t++) {
      generated.step();
      handWritten.step();
      double expected = reference(t);
      assertEquals(expected, generated.lr(), 0.0, "generated at step " + t);
      assertEquals(expected, generated.lrAt(t), 0.0, "generated lrAt " + t);
      assertEquals(expected, handWritten.lr(), 0.0, "hand-written at step " + t);
    }
  }
}

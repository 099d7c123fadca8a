package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Step arithmetic at the ends of the longs, where Python's integers, which Hugging Face's
 * schedules compute with, go on and Java's wrap around.
 */
class StepsTest {

  /** Python's {@code float(a - b)}: the exact difference, rounded once (as BigInteger rounds it). */
  private static double exact(long a, long b) {
    return BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)).doubleValue();
  }

  @Test
  void differenceIsTheExactDifferenceRoundedOnce() {
    long[] edges = {
      0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, (1L << 52) - 1, 1L << 53, (1L << 53) + 1,
      Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1, -(1L << 62)
    };
    for (long a : edges) {
      for (long b : edges) {
        assertEquals(exact(a, b), Steps.difference(a, b), a + " - " + b);
      }
    }
    SplittableRandom random = new SplittableRandom(20261206L);
    for (int i = 0; i < 100_000; i++) {
      long a = random.nextLong();
      long b = random.nextInt(4) == 0 ? random.nextInt() : random.nextLong();
      assertEquals(exact(a, b), Steps.difference(a, b), a + " - " + b);
    }
  }

  @Test
  void aStepPastEveryBoundDecaysAsPythonsUnboundedIntegersDo() {
    // max(0, (num_training_steps - t) / ...) with t far past a negative num_training_steps: 0,
    // where the wrapped difference of longs would be a large positive factor.
    assertEquals(0.0, LinearScheduleWithWarmup.factor(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE - 1));
    // progress = (t - num_warmup_steps) / ... is far past 1 for a negative warm-up: the hard
    // restarts' factor is 0 there, the wrapped difference would make the progress negative.
    assertEquals(0.0, CosineWithHardRestartsScheduleWithWarmup.factor(Integer.MIN_VALUE, 0, 1.0, Long.MAX_VALUE));
    // 1 / sqrt((t + timescale - num_warmup_steps) / timescale) with t + shift past the longs.
    double t = 0x1p63 + 10_000 - 0;
    assertEquals(1.0 / Math.sqrt(t / 10_000), InverseSqrtSchedule.factor(0, 10_000, Long.MAX_VALUE), 0.0);
  }

  @Test
  void aPolynomialDecayWhoseFactorOverflowsIsRefused() {
    assertNotNull(PolynomialDecayScheduleWithWarmup.endRefusal(-1e308, 1e308));
    assertNotNull(PolynomialDecayScheduleWithWarmup.endRefusal(-1e10, 1e-300));
  }
}

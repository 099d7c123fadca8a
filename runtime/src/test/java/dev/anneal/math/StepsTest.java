package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Steps#toDouble} is the cast, bit for bit, for every long, on both sides of 2^52. */
class StepsTest {

  @Test
  void edgesOfTheFastRange() {
    long[] edges = {0, 1, 2, 3, 1L << 31, (1L << 52) - 2, (1L << 52) - 1, 1L << 52, (1L << 52) + 1,
        (1L << 53) + 1, Long.MAX_VALUE, -1, -2, -(1L << 52), Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long t : edges) {
      assertCast(t);
    }
  }

  @Test
  void randomLongsOfEveryMagnitude() {
    SplittableRandom random = new SplittableRandom(20261129L);
    for (int i = 0; i < 1_000_000; i++) {
      // Uniform in the bit length, so that small counts, counts near 2^52 and huge ones all come.
      long t = random.nextLong() >> random.nextInt(64);
      assertCast(t);
    }
  }

  @Test
  void everyStepOfALongRun() {
    for (long t = 0; t < 3_000_000; t++) {
      assertCast(t);
    }
  }

  private static void assertCast(long t) {
    assertEquals(Double.doubleToRawLongBits((double) t), Double.doubleToRawLongBits(Steps.toDouble(t)),
        () -> "t = " + t);
  }
}

package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * timm's noise against the noised cases of the timm suites, copied into {@code timm-noise/} (each
 * file's first line names its suite and case): every noised rate bit for bit, and every rate
 * outside the noise range equal to the un-noised one.
 */
class TimmNoiseTest {

  /** A case file: its arguments by name, then its rows. */
  private static final class Case {
    final Map<String, String[]> args = new HashMap<>();
    final List<double[]> rows = new ArrayList<>();

    Case(String file) throws IOException {
      for (String[] row : TorchGeneratorTest.rows("timm-noise/" + file)) {
        if (Character.isDigit(row[0].charAt(0))) {
          double[] values = new double[row.length];
          for (int i = 0; i < row.length; i++) {
            values[i] = Double.parseDouble(row[i]);
          }
          rows.add(values);
        } else {
          String[] values = new String[row.length - 1];
          System.arraycopy(row, 1, values, 0, values.length);
          args.put(row[0], values);
        }
      }
    }

    double number(String name) {
      return Double.parseDouble(args.get(name)[0]);
    }

    int[] integers(String name) {
      String[] values = args.get(name);
      int[] integers = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        integers[i] = Integer.parseInt(values[i]);
      }
      return integers;
    }

    /** timm's noise at step {@code t}, of the case's type. */
    double noise(long t) {
      long seed = (long) number("noise_seed") + t;
      return args.get("noise_type")[0].equals("normal")
          ? TimmNoise.normal(seed, number("noise_pct"), number("noise_std"))
          : TimmNoise.uniform(seed, number("noise_pct"));
    }

    /**
     * Checks the rate recorded at every step {@code t >= 1} against {@code unnoised[t]}, noised
     * where timm noises it, bit for bit; returns how many noised rates matched.
     */
    int check(double[] unnoised) {
      int[] range = integers("noise_range_t");
      int noisedSteps = 0;
      for (double[] row : rows) {
        int t = (int) row[0];
        if (t == 0) {
          continue; // what the constructor left, never noised
        }
        double expected = row[1];
        if (TimmNoise.applies(t, range)) {
          assertEquals(expected, TimmNoise.noised(unnoised[t], noise(t)), 0.0, "noised rate at " + t);
          noisedSteps++;
        } else {
          assertEquals(expected, unnoised[t], 0.0, "un-noised rate at " + t);
        }
      }
      return noisedSteps;
    }
  }

  @Test
  void cosineNoisedFrom20To80() throws IOException {
    Case c = new Case("cosine.txt");
    double lr = c.number("lr");
    double tInitial = c.number("t_initial");
    double[] unnoised = new double[c.rows.size()];
    for (double[] row : c.rows) {
      int t = (int) row[0];
      // timm: lr_min + 0.5 * (lr_max - lr_min) * (1 + cos(pi * t_curr / t_i)), lr_min = 0
      unnoised[t] = 0.0 + 0.5 * (lr - 0.0) * (1 + Math.cos(Math.PI * t / tInitial));
      assertEquals(row[2], unnoised[t], 0.0, "the same schedule without noise, at " + t);
    }
    assertEquals(60, c.check(unnoised));
  }

  @Test
  void multiStepNoisedFrom10On() throws IOException {
    Case c = new Case("multistep.txt");
    double lr = c.number("lr");
    int[] decayT = c.integers("decay_t");
    double decayRate = c.number("decay_rate");
    double[] unnoised = new double[c.rows.size()];
    for (int t = 0; t < unnoised.length; t++) {
      // timm: base * decay_rate ** bisect_right(decay_t, t + 1)
      int k = 0;
      while (k < decayT.length && decayT[k] <= t + 1) {
        k++;
      }
      unnoised[t] = lr * Math.pow(decayRate, k);
    }
    assertEquals(30, c.check(unnoised));
  }

  @Test
  void plateauUniformNoise() throws IOException {
    assertEquals(44, plateau("plateau-007.txt"));
  }

  @Test
  void plateauNormalNoiseWithStd2() throws IOException {
    assertEquals(46, plateau("plateau-012.txt"));
  }

  /**
   * A timm plateau case without warm-up: timm restores the un-noised rate before each step, so
   * torch's ReduceLROnPlateau steps on un-noised rates, and the rate recorded at {@code t} is its
   * rate after {@code step(metrics[t - 1])}, noised where timm noises it.
   */
  private static int plateau(String file) throws IOException {
    Case c = new Case(file);
    boolean min = c.args.get("mode")[0].equals("min");
    double threshold = c.number("threshold");
    double factor = c.number("decay_rate");
    double lrMin = c.number("lr_min");
    int patience = (int) c.number("patience_t");
    int cooldown = (int) c.number("cooldown_t");
    double lr = c.number("lr");
    double best = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    int badEpochs = 0;
    int cooldownCounter = 0;
    double[] unnoised = new double[c.rows.size()];
    unnoised[0] = lr;
    for (int t = 1; t < unnoised.length; t++) {
      double metric = c.rows.get(t - 1)[2];
      boolean better = min
          ? ReduceLROnPlateau.lessRelative(metric, best, 1 - threshold)
          : ReduceLROnPlateau.greaterRelative(metric, best, threshold + 1);
      if (better) {
        best = metric;
        badEpochs = 0;
      } else {
        badEpochs++;
      }
      if (cooldownCounter > 0) {
        cooldownCounter--;
        badEpochs = 0;
      }
      if (badEpochs > patience) {
        lr = ReduceLROnPlateau.reduce(lr, factor, lrMin, 1e-8);
        cooldownCounter = cooldown;
        badEpochs = 0;
      }
      unnoised[t] = lr;
    }
    assertTrue(unnoised[unnoised.length - 1] < unnoised[0], "the case reduces its rate");
    return c.check(unnoised);
  }

  @Test
  void appliesInsideTheRange() {
    int[] range = {20, 80};
    assertFalse(TimmNoise.applies(19, range));
    assertTrue(TimmNoise.applies(20, range));
    assertTrue(TimmNoise.applies(79, range));
    assertFalse(TimmNoise.applies(80, range));
    assertFalse(TimmNoise.applies(50, new int[] {80, 20}));
    int[] from = {10};
    assertFalse(TimmNoise.applies(9, from));
    assertTrue(TimmNoise.applies(10, from));
    assertTrue(TimmNoise.applies(Long.MAX_VALUE, from));
    assertFalse(TimmNoise.applies(10, new int[0]));
    assertFalse(TimmNoise.applies(10, null));
    // timm reads noise_range_t[0] and noise_range_t[1] of a list, whatever follows them.
    assertTrue(TimmNoise.applies(5, new int[] {0, 10, 3}));
  }

  @Test
  void noisedIsVPlusVTimesNoiseInTimmsOrder() {
    // Python: 0.004954 + 0.004954 * -0.051 == 0.004701346, where 0.004954 * (1 - 0.051) rounds
    // to 0.0047013459999999995.
    assertEquals(0.004701346, TimmNoise.noised(0.004954, -0.051), 0.0);
  }

  @Test
  void argumentsThatWouldSpinForeverAreRefused() {
    double[] badPct = {0.0, -0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double pct : badPct) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TimmNoise.normal(42, pct, 1.0), "noise_pct " + pct);
      assertTrue(e.getMessage().contains("noise_pct"), e.getMessage());
    }
    double[] badStd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double std : badStd) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TimmNoise.normal(42, 0.67, std), "noise_std " + std);
      assertTrue(e.getMessage().contains("noise_std"), e.getMessage());
    }
    for (double pct : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TimmNoise.uniform(42, pct), "noise_pct " + pct);
      assertTrue(e.getMessage().contains("noise_pct"), e.getMessage());
    }
    assertEquals(
        "timm noise: noisePct (noise_pct) = 0 must be > 0: timm redraws the 'normal' noise until"
            + " abs(noise) < noise_pct, which would never end",
        TimmNoise.normalRefusal(0.0, 1.0));
    assertNull(TimmNoise.normalRefusal(0.67, 0.0));
    assertNull(TimmNoise.normalRefusal(0.67, -2.0));
  }

  @Test
  void argumentsTimmTakesAreTaken() {
    // A standard deviation of 0 gives no noise; a negative one mirrors it. A uniform noise_pct of
    // 0 gives no noise; a negative one mirrors it too.
    assertEquals(0.0, Math.abs(TimmNoise.normal(42, 0.67, 0.0)), 0.0);
    assertEquals(-TimmNoise.normal(42, 0.67, 1.0), TimmNoise.normal(42, 0.67, -1.0), 0.0);
    assertEquals(0.0, Math.abs(TimmNoise.uniform(42, 0.0)), 0.0);
    assertEquals(-TimmNoise.uniform(42, 0.5), TimmNoise.uniform(42, -0.5), 0.0);
  }

  @Test
  void aSmallNoisePctRedrawsUntilTheNoiseFits() {
    // About 1.25 / 1e-4 = 12,500 draws: many rounds of the generator's 624 words.
    for (long seed = 0; seed < 20; seed++) {
      double noise = TimmNoise.normal(seed, 1e-4, 1.0);
      assertTrue(Math.abs(noise) < 1e-4, "seed " + seed + ": " + noise);
    }
  }

  @Test
  void askingAgainGivesTheSameNoise() {
    // The last draw is kept for the same arguments only: each of these differs from the one
    // before it in one argument, and each is asked twice in a row.
    double[][] arguments = {
      {5, 0.67, 1.0}, {6, 0.67, 1.0}, {6, 0.1, 1.0}, {6, 0.1, 2.0}, {6, 0.1, -2.0}, {6, 0.1, 0.0},
      {6, 0.1, -0.0},
    };
    for (double[] a : arguments) {
      double first = TimmNoise.normal((long) a[0], a[1], a[2]);
      TimmNoise.uniform((long) a[0], a[1]);
      double again = TimmNoise.normal((long) a[0], a[1], a[2]);
      assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(again));
      double third = TimmNoise.normal((long) a[0], a[1], a[2]);
      assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(third));
    }
    assertEquals(TimmNoise.normal(6, 0.1, 1.0), -TimmNoise.normal(6, 0.1, -1.0), 0.0);
    // 2 * (u - 0.5) * noise_pct with a noise_pct of 0 and of -0: zeros of opposite signs.
    long zero = Double.doubleToRawLongBits(TimmNoise.uniform(9, 0.0));
    long negativeZero = Double.doubleToRawLongBits(TimmNoise.uniform(9, -0.0));
    assertEquals(zero ^ Long.MIN_VALUE, negativeZero);
    assertEquals(zero, Double.doubleToRawLongBits(TimmNoise.uniform(9, 0.0)));
    assertTrue(TimmNoise.uniform(9, 0.5) != TimmNoise.uniform(10, 0.5));
  }

  @Test
  void threadsDrawingAtOnceGetWhatOneThreadGets() throws Exception {
    int seeds = 20_000;
    double[][] alone = draws(0, seeds);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<double[][]>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<double[][]> task = () -> draws(0, seeds);
        results.add(pool.submit(task));
      }
      for (Future<double[][]> result : results) {
        double[][] together = result.get();
        assertArrayEquals(alone[0], together[0], 0.0);
        assertArrayEquals(alone[1], together[1], 0.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[][] draws(long from, int count) {
    double[][] draws = new double[2][count];
    for (int i = 0; i < count; i++) {
      draws[0][i] = TimmNoise.normal(from + i, 0.1, 1.0);
      draws[1][i] = TimmNoise.uniform(from + i, 0.67);
    }
    return draws;
  }

  /** Keeps the results alive, so that no draw can be dropped as dead code. */
  private static double sink;

  @Test
  void drawingAllocatesNothingAfterTheFirstDraw() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM has no per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation not supported");
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    // The same calls uncounted first: the thread's generator, and what the JVM allocates once
    // (linking call sites, deoptimizing compiled code at a branch it had not seen taken, which may
    // also happen in a later run). Allocation by the calls themselves would show in every run, at
    // 16 bytes or more a call; a run of 100,000 calls that allocates nothing shows there is none.
    sink += drawMany(100_000);
    List<Long> runs = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      long before = threads.getThreadAllocatedBytes(id);
      sink += drawMany(100_000);
      long bytes = threads.getThreadAllocatedBytes(id) - before;
      runs.add(bytes);
      if (bytes == 0) {
        break;
      }
    }
    assertEquals(0, runs.get(runs.size() - 1), "bytes allocated by runs of 100,000 calls of each method: " + runs);
    assertTrue(!Double.isNaN(sink));
  }

  private static final int[] RANGE = {20, 80};

  private static double drawMany(int calls) {
    double sum = 0;
    for (int t = 0; t < calls; t++) {
      if (TimmNoise.applies(t, RANGE)) {
        // lrAt(t, group) for three groups: the same noise, drawn once.
        sum += TimmNoise.noised(0.001, TimmNoise.normal(42 + t, 0.67, 1.0));
        sum += TimmNoise.noised(0.002, TimmNoise.normal(42 + t, 0.67, 1.0));
        sum += TimmNoise.noised(0.003, TimmNoise.normal(42 + t, 0.67, 1.0));
      }
      sum += TimmNoise.noised(0.001, TimmNoise.normal(7 + t, 0.2, 2.0));
      sum += TimmNoise.uniform(310145 + t, 0.5);
    }
    return sum;
  }
}

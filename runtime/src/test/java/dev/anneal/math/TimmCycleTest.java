package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The forms of timm's cosine, tanh and polynomial schedulers on a kept {@link TimmCycle} give the
 * stateless forms' rates bit for bit, whatever order the times come in: forward one at a time as
 * a training loop steps (across restarts), backward, and in jumps as a restored checkpoint moves
 * a scheduler; and cycles whose {@code cycle_mul} is not 1, where the index comes from a
 * logarithm.
 */
class TimmCycleTest {
  private static final int CONFIGS = 300;

  @Test
  void keptCycleGivesTheStatelessRates() {
    SplittableRandom random = new SplittableRandom(20261206);
    for (int n = 0; n < CONFIGS; n++) {
      int tInitial = 1 + random.nextInt(40);
      double cycleMul = pick(random, 1.0, 2.0, 1.5, 1 + random.nextDouble() * 2);
      double cycleDecay = pick(random, 1.0, 0.5, 0.9, random.nextDouble());
      int cycleLimit = 1 + random.nextInt(6);
      int warmupT = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
      double warmupLrInit = random.nextDouble() * 1e-3;
      boolean warmupPrefix = random.nextBoolean();
      double kDecay = pick(random, 1.0, 1.5, 0.5, random.nextDouble() * 3);
      double lrMin = random.nextDouble() * 1e-4;
      double power = pick(random, 0.5, 1.0, 2.0, random.nextDouble() * 3);
      double lb = -1 - random.nextDouble() * 8;
      double ub = random.nextDouble() * 5;
      double baseLr = 0.01 + random.nextDouble();
      String config = "t_initial " + tInitial + ", cycle_mul " + cycleMul + ", cycle_decay " + cycleDecay
          + ", cycle_limit " + cycleLimit + ", warmup_t " + warmupT + ", warmup_prefix " + warmupPrefix
          + ", k_decay " + kDecay;

      TimmCycle cosine = new TimmCycle(tInitial, cycleMul, cycleDecay, kDecay);
      TimmCycle poly = new TimmCycle(tInitial, cycleMul, cycleDecay, kDecay);
      TimmCycle tanh = new TimmCycle(tInitial, cycleMul, cycleDecay, 1.0);
      int length = 4 * tInitial * (int) Math.ceil(Math.pow(cycleMul, 3)) + warmupT;
      long[] times = new long[3 * length];
      for (int t = 0; t < length; t++) {
        times[t] = t + 1;
        times[length + t] = length - t;
        times[2 * length + t] = 1 + random.nextInt(length);
      }
      for (long t : times) {
        String at = config + ", t " + t;
        assertEquals(
            TimmCosineLRScheduler.lr(tInitial, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit,
                warmupPrefix, kDecay, baseLr, t),
            TimmCosineLRScheduler.lr(cosine, lrMin, cycleLimit, warmupT, warmupLrInit, warmupPrefix, kDecay,
                baseLr, t),
            () -> "CosineLRScheduler, " + at);
        assertEquals(
            TimmPolyLRScheduler.lr(tInitial, power, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit,
                warmupPrefix, kDecay, baseLr, t),
            TimmPolyLRScheduler.lr(poly, power, lrMin, cycleLimit, warmupT, warmupLrInit, warmupPrefix, kDecay,
                baseLr, t),
            () -> "PolyLRScheduler, " + at);
        assertEquals(
            TimmTanhLRScheduler.lr(tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit,
                warmupPrefix, baseLr, t),
            TimmTanhLRScheduler.lr(tanh, tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT,
                warmupLrInit, warmupPrefix, baseLr, t),
            () -> "TanhLRScheduler, " + at);
      }
    }
  }

  /** One of three typical values, or the drawn one. */
  private static double pick(SplittableRandom random, double a, double b, double c, double drawn) {
    switch (random.nextInt(4)) {
      case 0:
        return a;
      case 1:
        return b;
      case 2:
        return c;
      default:
        return drawn;
    }
  }
}

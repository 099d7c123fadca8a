package dev.anneal.benchmarks;

import static dev.anneal.benchmarks.TimmCosineBenchmark.BASE_LR;
import static dev.anneal.benchmarks.TimmCosineBenchmark.CYCLE_DECAY;
import static dev.anneal.benchmarks.TimmCosineBenchmark.CYCLE_LIMIT;
import static dev.anneal.benchmarks.TimmCosineBenchmark.CYCLE_MUL;
import static dev.anneal.benchmarks.TimmCosineBenchmark.K_DECAY;
import static dev.anneal.benchmarks.TimmCosineBenchmark.LENGTH;
import static dev.anneal.benchmarks.TimmCosineBenchmark.LR_MIN;
import static dev.anneal.benchmarks.TimmCosineBenchmark.NOISE_END;
import static dev.anneal.benchmarks.TimmCosineBenchmark.NOISE_PCT;
import static dev.anneal.benchmarks.TimmCosineBenchmark.NOISE_SEED;
import static dev.anneal.benchmarks.TimmCosineBenchmark.NOISE_START;
import static dev.anneal.benchmarks.TimmCosineBenchmark.NOISE_STD;
import static dev.anneal.benchmarks.TimmCosineBenchmark.T_INITIAL;
import static dev.anneal.benchmarks.TimmCosineBenchmark.WARMUP_LR_INIT;
import static dev.anneal.benchmarks.TimmCosineBenchmark.WARMUP_T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.math.TimmNoise;
import org.junit.jupiter.api.Test;

/**
 * The generated and the hand-written class of {@link TimmCosineBenchmark} give, to the bit, the
 * rates of the schedule the benchmark names, so that their times compare like with like: timm's
 * {@code CosineLRScheduler._get_lr}, written here from its source, and on the noised updates that
 * rate moved by timm's noise, whose draws from PyTorch's generator {@link TimmNoise} makes (held
 * to values PyTorch printed by the runtime's tests); the hand-written class draws them from a
 * generator of its own.
 */
class TimmCosinePeersTest {

  /** timm's {@code _get_lr(t)} with the benchmark's arguments, without noise. */
  private static double unnoised(long t) {
    if (t < WARMUP_T) {
      double warmupStep = (BASE_LR - WARMUP_LR_INIT) / WARMUP_T;
      return WARMUP_LR_INIT + t * warmupStep;
    }
    // cycle_mul != 1; math.log(x, base) is log(x) / log(base).
    double i = Math.floor(Math.log(1 - (double) t / T_INITIAL * (1 - CYCLE_MUL)) / Math.log(CYCLE_MUL));
    double tI = Math.pow(CYCLE_MUL, i) * T_INITIAL;
    double tCurr = t - (1 - Math.pow(CYCLE_MUL, i)) / (1 - CYCLE_MUL) * T_INITIAL;
    double lrMax = BASE_LR * Math.pow(CYCLE_DECAY, i);
    if (i < CYCLE_LIMIT) {
      return LR_MIN
          + 0.5 * (lrMax - LR_MIN)
              * (1 + Math.cos(Math.PI * Math.pow(tCurr, K_DECAY) / Math.pow(tI, K_DECAY)));
    }
    return LR_MIN;
  }

  /** timm's rate at update t: {@code _add_noise} of {@code _get_lr(t)}. */
  private static double reference(long t) {
    double v = unnoised(t);
    if (NOISE_START <= t && t < NOISE_END) {
      double noise = TimmNoise.normal(NOISE_SEED + t, NOISE_PCT, NOISE_STD);
      v = v + v * noise;
    }
    return v;
  }

  @Test
  void generatedAndHandWrittenFollowTheReferenceToTheBit() {
    TimmCosineBenchmark_ConfigScheduler generated = new TimmCosineBenchmark_ConfigScheduler(BASE_LR);
    TimmCosineBenchmark.HandWritten handWritten = new TimmCosineBenchmark.HandWritten(BASE_LR);
    assertEquals(WARMUP_LR_INIT, generated.lr(), 0.0, "generated at update 0");
    assertEquals(WARMUP_LR_INIT, handWritten.lr(), 0.0, "hand-written at update 0");
    int noised = 0;
    double largest = 0;
    for (int t = 1; t < LENGTH + 10; t++) {
      generated.step();
      handWritten.step();
      double expected = reference(t);
      assertEquals(expected, generated.lr(), 0.0, "generated at update " + t);
      assertEquals(expected, generated.lrAt(t), 0.0, "generated lrAt " + t);
      assertEquals(expected, handWritten.lr(), 0.0, "hand-written at update " + t);
      double clean = unnoised(t);
      if (NOISE_START <= t && t < NOISE_END) {
        double noise = (expected - clean) / clean;
        assertTrue(Math.abs(noise) < NOISE_PCT, "noise " + noise + " at update " + t);
        largest = Math.max(largest, Math.abs(noise));
        if (expected != clean) {
          noised++;
        }
      } else {
        assertEquals(clean, expected, 0.0, "no noise at update " + t);
      }
    }
    assertEquals(NOISE_END - NOISE_START, noised, "updates whose rate the noise moved");
    assertTrue(largest > 0.6, "the noise reaches near noise_pct: " + largest);
  }

  @Test
  void theConfigurationHasTheShapeTheBenchmarkDescribes() {
    // Restarts at 12,500 and 37,500 (peaks halved), lr_min from 87,500 on, cycle_limit reached.
    assertEquals(BASE_LR / 2, unnoised(12_500), 1e-15);
    assertEquals(BASE_LR / 4, unnoised(37_500), 1e-15);
    assertEquals(LR_MIN, unnoised(87_499), 1e-9);
    assertEquals(LR_MIN, unnoised(87_500), 0.0);
    assertEquals(LR_MIN, unnoised(LENGTH), 0.0);
  }
}

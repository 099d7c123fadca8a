package dev.anneal.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The tour's curves have the article's shapes: each generated scheduler against PyTorch's closed
 * form, or against values PyTorch 1.13 printed where there is none. The conformance module checks
 * the schedulers thoroughly; this guards the samples' configs.
 */
class ScheduleShapeTest {

  private static final int STEPS = Samples.EPOCHS * Samples.STEPS_PER_EPOCH;
  private static final double LR = Samples.LEARNING_RATE;

  private static double[] rates(String id) {
    return Samples.byId(id).orElseThrow().rates(STEPS);
  }

  private static void assertFollows(String id, IntToDoubleFunction expected) {
    double[] actual = rates(id);
    for (int t = 0; t < STEPS; t++) {
      double want = expected.applyAsDouble(t);
      assertEquals(want, actual[t], 1e-12 * LR, id + " at step " + t);
    }
  }

  @Test
  void everyScheduleStaysInsideTheArticlesAxes() {
    for (Sample sample : Samples.all()) {
      for (double rate : sample.rates(STEPS)) {
        assertTrue(rate >= 0 && rate <= 1.1 * LR, sample.id() + ": " + rate);
      }
    }
  }

  @Test
  void decays() {
    assertFollows("step-lr", t -> LR * Math.pow(0.5, t / 4));
    assertFollows(
        "multi-step-lr", t -> LR * Math.pow(0.5, t < 8 ? 0 : t < 24 ? 1 : t < 28 ? 2 : 3));
    assertFollows("exponential-lr", t -> LR * Math.pow(0.5, t));
    assertFollows("polynomial-lr-power-1", t -> LR * (1 - Math.min(t, 8) / 8.0));
    assertFollows("polynomial-lr-power-2", t -> LR * Math.pow(1 - Math.min(t, 8) / 8.0, 2));
    // LambdaLR: lambda(t) times the initial rate, a warm-up to step 3, then 0.9 a step.
    assertFollows("lambda-lr", t -> LR * (t < 3 ? (t + 1) / 4.0 : Math.pow(0.9, t - 3)));
    // MultiplicativeLR: the product of lambda(1) ... lambda(t) = 0.995 ** (1 + ... + t).
    assertFollows("multiplicative-lr", t -> LR * Math.pow(0.995, t * (t + 1) / 2.0));
  }

  @Test
  void warmUps() {
    assertFollows("constant-lr", t -> t < 8 ? LR / 2 : LR);
    assertFollows("linear-lr", t -> LR * (0.5 + 0.5 * Math.min(t, 8) / 8.0));
  }

  /** transformers' warm-ups: from 0 over 4 steps, {@code t / max(1, num_warmup_steps)}. */
  private static double warmUp(int t) {
    return LR * t / 4.0;
  }

  @Test
  void huggingFaceSchedules() {
    assertFollows("hf-constant", t -> LR);
    assertFollows("hf-constant-with-warmup", t -> t < 4 ? warmUp(t) : LR);
    assertFollows("hf-linear", t -> t < 4 ? warmUp(t) : LR * Math.max(0, (32 - t) / 28.0));
    assertFollows(
        "hf-cosine",
        t -> t < 4 ? warmUp(t) : LR * 0.5 * (1 + Math.cos(Math.PI * (t - 4) / 28.0)));
    // Two cycles over the 28 steps after the warm-up: a restart at step 18.
    assertFollows(
        "hf-cosine-with-restarts",
        t -> t < 4 ? warmUp(t) : LR * 0.5 * (1 + Math.cos(Math.PI * (((t - 4) / 14.0) % 1.0))));
    double lrEnd = 1e-4;
    assertFollows(
        "hf-polynomial",
        t -> t < 4 ? warmUp(t) : lrEnd + (LR - lrEnd) * Math.pow(1 - (t - 4) / 28.0, 2));
    // The time scale defaults to the warm-up, 4, so the rate at step t >= 4 is LR / sqrt(t / 4).
    assertFollows("hf-inverse-sqrt", t -> t < 4 ? warmUp(t) : LR / Math.sqrt(t / 4.0));
  }

  /** Half a cosine from 1 down to a floor of 0.1, the rate's factor at {@code progress}. */
  private static double cosineToFloor(double progress) {
    return 0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress));
  }

  @Test
  void huggingFaceSchedulesWithAFloorOrAPlateau() {
    assertFollows(
        "hf-cosine-with-min-lr", t -> t < 4 ? warmUp(t) : LR * cosineToFloor((t - 4) / 28.0));
    // The variant with a warm-up rate rises from 0.25 to 1 over steps 0 to 3, and its cosine runs
    // a step ahead of the other's.
    assertFollows(
        "hf-cosine-warmup-with-min-lr",
        t -> LR * (t < 4 ? 0.25 + 0.75 * t / 3.0 : cosineToFloor((t - 3) / 28.0)));
    // Warm-up over 4 steps, stable for 32 - 4 - 12 = 16, then a cosine to 0 over 12.
    assertFollows(
        "hf-warmup-stable-decay",
        t -> t < 4 ? warmUp(t) : t < 20 ? LR : LR * 0.5 * (1 + Math.cos(Math.PI * (t - 20) / 12.0)));
    assertFollows(
        "diffusers-piecewise-constant",
        t -> LR * (t < 8 ? 1 : t < 16 ? 0.5 : t < 24 ? 0.25 : 0.1));
  }

  @Test
  void cosines() {
    double etaMin = 1e-4;
    assertFollows(
        "cosine-annealing-lr", t -> etaMin + (LR - etaMin) * (1 + Math.cos(Math.PI * t / 32)) / 2);
    assertFollows(
        "cosine-annealing-warm-restarts",
        t -> etaMin + (LR - etaMin) * (1 + Math.cos(Math.PI * (t % 8) / 8)) / 2);
  }

  @Test
  void cycles() {
    double base = 1e-4;
    IntToDoubleFunction triangle =
        t -> Math.max(0, 1 - Math.abs(t / 4.0 - 2 * Math.floor(1 + t / 8.0) + 1));
    assertFollows("cyclic-lr-triangular", t -> base + (LR - base) * triangle.applyAsDouble(t));
    assertFollows(
        "cyclic-lr-triangular2",
        t -> base + (LR - base) * triangle.applyAsDouble(t) / Math.pow(2, t / 8));
    assertFollows(
        "cyclic-lr-exp-range",
        t -> base + (LR - base) * triangle.applyAsDouble(t) * Math.pow(0.95, t));
  }

  @Test
  void oneCycleRisesToThePeakAndEndsFarBelowTheStart() {
    double[] cos = rates("one-cycle-lr-cos");
    assertEquals(3.9999999999999996e-05, cos[0], 1e-12 * LR);
    assertEquals(9.992134106552783e-04, cos[9], 1e-12 * LR);
    assertEquals(4e-09, cos[31], 1e-12 * LR);
    double[] linear = rates("one-cycle-lr-linear");
    assertEquals(4e-05, linear[0], 1e-12 * LR);
    assertEquals(4e-09, linear[31], 1e-12 * LR);
    double[] fineTune = rates("one-cycle-fine-tune");
    assertEquals(2e-4, fineTune[0], 1e-12 * LR);
    assertEquals(9.98101154347781e-04, fineTune[3], 1e-12 * LR);
    assertEquals(2e-6, fineTune[31], 1e-12 * LR);
  }

  @Test
  void oneCycleStopsAfterItsTotalSteps() {
    double[] rates = Samples.byId("one-cycle-lr-cos").orElseThrow().rates(40);
    // PyTorch steps OneCycleLR up to total_steps (32) times and raises on the next step.
    assertTrue(!Double.isNaN(rates[32]), "step 32 is still defined");
    assertTrue(Double.isNaN(rates[33]), "step 33 is past the end");
  }

  @Test
  void plateauCutsTheRateOnceTheLossHasStalledForPatienceSteps() {
    // The synthetic loss stops improving at step 10; after 11 more steps (patience 10) the rate
    // drops by the default factor 0.1, as PyTorch 1.13 does on the same losses.
    assertFollows("reduce-lr-on-plateau", t -> t <= 21 ? LR : LR / 10);
  }

  @Test
  void annealWarmUps() {
    // transformers' cosine warm-up from 0 over 4 steps, then CosineAnnealingLR from its step 0.
    assertFollows(
        "anneal-warmup-cosine",
        t -> t < 4 ? LR * 0.5 * (1 - Math.cos(Math.PI * t / 4.0)) : LR * (1 + Math.cos(Math.PI * (t - 4) / 28)) / 2);
    // The loss stops improving at step 10, whose metric the 11th step takes; the warm-up's 4 steps
    // only record the best. The 4th step after that without improvement (patience 3) halves the
    // rate, at step 15, and every 4th after.
    assertFollows("anneal-warmup-plateau", t -> t < 4 ? warmUp(t) : LR * Math.pow(0.5, t < 15 ? 0 : (t - 15) / 4 + 1));
  }

  /**
   * timm's cosine of a cycle ({@code CosineLRScheduler._get_lr}): from {@code lrMax} down to
   * {@code lr_min} over a cycle of {@code tI} updates, at {@code tCurr} updates into it, with the
   * k-decay exponent {@code k}.
   */
  private static double timmCosine(double lrMin, double lrMax, double tCurr, double tI, double k) {
    return lrMin
        + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, k) / Math.pow(tI, k)));
  }

  @Test
  void timmCosines() {
    double lrMin = 1e-4;
    // t_initial=4, cycle_mul=2: timm's cycle i = floor(log(1 + t / 4, 2)) starts at update
    // 4 * (2 ** i - 1) and lasts 4 * 2 ** i, so the cycles are [0, 4), [4, 12) and [12, 28), each
    // peak 0.7 times the last; past cycle_limit=3, from update 28 on, the rate is lr_min.
    assertFollows(
        "timm-cosine-cycles",
        t -> {
          if (t >= 28) {
            return lrMin;
          }
          int i = t < 4 ? 0 : t < 12 ? 1 : 2;
          int start = 4 * ((1 << i) - 1);
          return timmCosine(lrMin, LR * Math.pow(0.7, i), t - start, 4 << i, 1);
        });
    // k_decay=2: the cosine of (t / 32) ** 2, one cycle of 32 updates.
    assertFollows("timm-cosine-k-decay", t -> timmCosine(lrMin, LR, t, 32, 2));
  }

  @Test
  void kerasAndOptaxAsTheirSourcesWriteThem() {
    // Keras's CosineDecayRestarts: completed_fraction = t / first_decay_steps; with t_mul != 1 the
    // restart i = floor(log(1 - f * (1 - t_mul)) / log(t_mul)), the fraction into it (f - (1 -
    // t_mul ** i) / (1 - t_mul)) / t_mul ** i, the value lr * ((1 - alpha) * 0.5 * m_mul ** i *
    // (1 + cos(pi * fraction)) + alpha).
    assertFollows(
        "keras-cosine-decay-restarts",
        t -> {
          double f = t / 4.0;
          double i = Math.floor(Math.log(1 - f * (1 - 1.5)) / Math.log(1.5));
          double fraction = (f - (1 - Math.pow(1.5, i)) / (1 - 1.5)) / Math.pow(1.5, i);
          return LR * ((1 - 0.1) * 0.5 * Math.pow(0.8, i) * (1 + Math.cos(Math.PI * fraction)) + 0.1);
        });
    // Keras's PolynomialDecay with cycle=True: the horizon is decay_steps * ceil(t / decay_steps)
    // (decay_steps itself at t = 0), then (lr - end) * (1 - t / horizon) ** power + end.
    assertFollows(
        "keras-polynomial-decay-cycle",
        t -> {
          double horizon = 8 * (t == 0 ? 1 : Math.ceil(t / 8.0));
          return (LR - 1e-4) * Math.pow(1 - t / horizon, 2) + 1e-4;
        });
    // optax's warmup_cosine_decay_schedule: linear_schedule(0, peak, 4) joined at step 4 with
    // cosine_decay_schedule(peak, 32 - 4, alpha=end / peak, exponent=2) on t - 4.
    assertFollows(
        "optax-warmup-cosine-decay",
        t -> {
          if (t < 4) {
            return (0.0 - LR) * (1 - t / 4.0) + LR;
          }
          double count = Math.min(t - 4, 28);
          double cosine = 0.5 * (1 + Math.cos(Math.PI * count / 28));
          double alpha = 1e-5 / LR;
          return LR * ((1 - alpha) * Math.pow(cosine, 2) + alpha);
        });
  }

  @Test
  void timmTanh() {
    double lrMin = 1e-4;
    double warmupLrInit = 1e-4;
    // TanhLRScheduler._get_lr after the warm-up: 1 - tanh from lb=-7 to ub=3 over t_initial=32
    // updates, counted from 0 (warmup_prefix=False).
    IntToDoubleFunction tanh =
        t -> {
          double tr = t / 32.0;
          return lrMin + 0.5 * (LR - lrMin) * (1 - Math.tanh(-7 * (1 - tr) + 3 * tr));
        };
    // The warm-up rises from warmup_lr_init to the tanh's rate at warmup_t=4, which timm's
    // constructor computes (not to the initial rate); step 0 is warmup_lr_init, which the
    // constructor leaves in the groups.
    double warmupStep = (tanh.applyAsDouble(4) - warmupLrInit) / 4;
    assertFollows(
        "timm-tanh", t -> t < 4 ? warmupLrInit + t * warmupStep : tanh.applyAsDouble(t));
  }

  /**
   * WSDLRScheduler._get_lr with warmup_t=4 from 0, t_initial=28 and lr_min=0: the stable factor
   * and the decay factor of the decay's progress, which ends at update 4 + 28.
   */
  private static double timmWsd(
      int t, int decayT, IntToDoubleFunction stable, DoubleUnaryOperator decay) {
    if (t < 4) {
      return 0 + t * (LR - 0) / 4;
    }
    int sinceWarmup = t - 4;
    double stableLr = Math.max(LR * stable.applyAsDouble(sinceWarmup), 0);
    int intoDecay = sinceWarmup - (28 - decayT);
    if (intoDecay <= 0) {
      return stableLr;
    }
    return 0 + (stableLr - 0) * decay.applyAsDouble(Math.min((double) intoDecay / decayT, 1));
  }

  @Test
  void timmWarmupStableDecay() {
    // stable_fn='rsqrt' with the timescale of warmup_t=4, then decay_fn='linear' over the last 8.
    assertFollows(
        "timm-wsd-rsqrt-linear",
        t -> timmWsd(t, 8, s -> Math.pow(1 + s / 4.0, -0.5), frac -> 1 - frac));
    // The rate held, then decay_fn='exp' with decay_ratio=0.1 over the last 12.
    assertFollows(
        "timm-wsd-exp",
        t -> timmWsd(t, 12, s -> 1, frac -> (Math.pow(0.1, frac) - 0.1) / (1 - 0.1)));
  }

  @Test
  void timmNoiseMovesTheCosineWithinNoisePctFromStep16AndIsTheSameOnEveryRun() {
    Sample sample = Samples.byId("timm-cosine-noise").orElseThrow();
    double lrMin = 1e-4;
    IntToDoubleFunction clean = t -> timmCosine(lrMin, LR, t, 32, 1);
    double[] noised = sample.rates(STEPS);
    double[] withoutNoise = sample.comparisonRates(STEPS);
    int moved = 0;
    for (int t = 0; t < STEPS; t++) {
      double want = clean.applyAsDouble(t);
      assertEquals(want, withoutNoise[t], 1e-12 * LR, "without noise at step " + t);
      if (t < 16) {
        assertEquals(want, noised[t], 1e-12 * LR, "no noise before noise_range_t, at step " + t);
      } else {
        // v + v * noise with abs(noise) < noise_pct = 0.67, redrawn until it is.
        double noise = (noised[t] - want) / want;
        assertTrue(Math.abs(noise) < 0.67, "noise " + noise + " at step " + t);
        if (Math.abs(noise) > 1e-9) {
          moved++;
        }
      }
    }
    assertEquals(16, moved, "every step from 16 on is noised");
    // The noise of update t comes from a generator seeded with noise_seed + t: a fresh scheduler,
    // and the rate asked for without stepping, give the same rates to the bit.
    double[] again = sample.rates(STEPS);
    TimmCosineNoiseScheduler scheduler = new TimmCosineNoiseScheduler(LR);
    for (int t = 0; t < STEPS; t++) {
      assertEquals(noised[t], again[t], 0.0, "a second run at step " + t);
      assertEquals(noised[t], scheduler.lrAt(t, 0), 0.0, "lrAt " + t);
    }
  }

  @Test
  void recipes() {
    double[] warmupCosine = rates("warmup-cosine");
    double[] expectedStart = {1e-4, 3.25e-4, 5.5e-4, 7.75e-4, 1e-3};
    for (int t = 0; t < expectedStart.length; t++) {
      assertEquals(expectedStart[t], warmupCosine[t], 1e-12 * LR, "warm-up at " + t);
    }
    assertEquals(3.143895053378698e-06, warmupCosine[31], 1e-12 * LR);
    assertFollows("chained-scheduler", t -> LR * Math.pow(0.9, t) * (t < 2 ? 0.1 : 1));
  }
}

package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.TimmDecayFn;
import dev.anneal.TimmNoiseType;
import dev.anneal.TimmStableFn;
import dev.anneal.WsdType;
import org.junit.jupiter.api.Test;

/**
 * The formulas against values printed by PyTorch 1.13's {@code torch.optim.lr_scheduler} under
 * its reference loop (record the rate, then {@code scheduler.step()}), initial rate 0.1. The
 * expected arrays are PyTorch's output, pasted, not values computed by this code.
 */
class FormulasTest {
  private static final double TOLERANCE = 1e-15;

  @Test
  void warmRestartsFindTheirCycleWithoutStepping() {
    // CosineAnnealingWarmRestarts(optimizer, T_0=3, T_mult=2, eta_min=0.01)
    double[] pytorch = {0.1, 0.0775, 0.032500000000000015, 0.1, 0.09397114317029975, 0.0775,
        0.05500000000000001, 0.032500000000000015, 0.01602885682970026, 0.1, 0.09846666218300808,
        0.09397114317029975};
    double half = CosineAnnealingLR.halfAmplitude(0.1, 0.01);
    for (int t = 0; t < pytorch.length; t++) {
      assertEquals(pytorch[t], CosineAnnealingWarmRestarts.lrAt(0.01, half, 3, 2, t), TOLERANCE, "step " + t);
    }
  }

  @Test
  void cyclicTriangular2HalvesItsAmplitudeEveryCycle() {
    // CyclicLR(optimizer, base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=5,
    // mode='triangular2'), every third step: (lr, momentum)
    double[][] pytorch = {{0.01, 0.9}, {0.1, 0.8}, {0.046000000000000006, 0.86},
        {0.025, 0.8833333333333333}, {0.046000000000000006, 0.86}, {0.019000000000000003, 0.89},
        {0.025, 0.8833333333333333}};
    long cycleLength = CyclicLR.cycleLength(3, 5);
    for (int i = 0; i < pytorch.length; i++) {
      int t = 3 * i;
      double amplitude = CyclicLR.triangular2(t / cycleLength + 1);
      double level = CyclicLR.scaleAt(t % cycleLength, 3, CyclicLR.inverse(3), cycleLength, CyclicLR.inverse(5))
          * amplitude;
      assertEquals(pytorch[i][0], CyclicLR.level(0.01, 0.1 - 0.01, level), TOLERANCE, "lr at " + t);
      assertEquals(pytorch[i][1], CyclicLR.momentumLevel(0.9, 0.9 - 0.8, level), TOLERANCE, "momentum at " + t);
      double upSlope = CyclicLR.slope(0.1 - 0.01, amplitude, CyclicLR.inverse(3));
      double downSlope = CyclicLR.slope(0.1 - 0.01, amplitude, CyclicLR.inverse(5));
      assertEquals(pytorch[i][0], CyclicLR.onSlopes(0.01, t % cycleLength, 3, cycleLength, upSlope, downSlope),
          TOLERANCE, "lr on the slopes at " + t);
    }
  }

  @Test
  void multiStepCountsRepeatedMilestonesAndIgnoresUnreachableOnes() {
    int[] sorted = MultiStepLR.reachable(new int[] {6, -1, 2, 6});
    assertArrayEquals(new int[] {2, 6, 6}, sorted);
    assertEquals(0, MultiStepLR.passed(sorted, 1));
    assertEquals(1, MultiStepLR.passed(sorted, 2));
    assertEquals(1, MultiStepLR.passed(sorted, 5));
    assertEquals(3, MultiStepLR.passed(sorted, 6));
    assertEquals(0.125, MultiStepLR.factor(0.5, sorted, 100));
  }

  @Test
  void chainableRatiosMultiplyUpToTheClosedForm() {
    // PyTorch steps LinearLR and PolynomialLR by ratios; their product must be the closed form.
    double linear = LinearLR.factor(0.25, 0.75, 4, 0);
    double polynomial = PolynomialLR.factor(4, 2.0, 0);
    for (int t = 1; t <= 6; t++) {
      linear *= LinearLR.ratio(0.25, 0.75, 4, t);
      polynomial *= PolynomialLR.ratio(4, 2.0, t);
      assertEquals(LinearLR.factor(0.25, 0.75, 4, t), linear, 1e-15, "linear at " + t);
      assertEquals(PolynomialLR.factor(4, 2.0, t), polynomial, 1e-15, "polynomial at " + t);
    }
    assertEquals(0.75, linear, 1e-15);
    assertEquals(0.0, polynomial);
  }

  @Test
  void degenerateTotalItersNeverChangeTheRate() {
    // With total_iters <= 0 PyTorch's recurrences never reach the step that changes the rate.
    assertEquals(0.5, ConstantLR.factor(0.5, 0, 10));
    assertEquals(0.5, ConstantLR.factor(0.5, -2, 10));
    assertEquals(0.3, LinearLR.factor(0.3, 1.0, 0, 10));
    assertEquals(1.0, PolynomialLR.factor(0, 2.0, 10));
  }

  @Test
  void degenerateTotalItersOfARestartedScheduleKeepTheClosedFormAtItsStepZero() {
    // SequentialLR starts a later schedule with its _get_closed_form_lr at last_epoch 0; with
    // total_iters <= 0 the chainable get_lr after it leaves the rate alone. By hand:
    // ConstantLR: factor + (0 >= total_iters) * (1 - factor).
    assertEquals(0.5 + 1 * (1 - 0.5), ConstantLR.restartedFactor(0.5, 0, 0));
    assertEquals(0.3 + 1 * (1 - 0.3), ConstantLR.restartedFactor(0.3, -2, 7));
    // LinearLR: start + (end - start) * min(total_iters, 0) / total_iters.
    assertEquals(0.3 + (0.9 - 0.3) * -4 / -4.0, LinearLR.restartedFactor(0.3, 0.9, -4, 0));
    assertEquals(0.3 + (0.9 - 0.3) * -4 / -4.0, LinearLR.restartedFactor(0.3, 0.9, -4, 12));
    // PolynomialLR: (1 - min(total_iters, 0) / total_iters) ^ power = 0 ^ power.
    assertEquals(0.0, PolynomialLR.restartedFactor(-1, 2.0, 3));
    assertEquals(1.0, PolynomialLR.restartedFactor(-1, 0.0, 3));
    // total_iters = 0: the closed form divides by zero, PyTorch raises ZeroDivisionError.
    assertThrows(IllegalArgumentException.class,
        () -> LinearLR.restartedFactor(0.3, 0.9, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> PolynomialLR.restartedFactor(0, 1.0, 0));
    // A positive total_iters restarts as the schedule starts.
    assertEquals(LinearLR.factor(0.3, 0.9, 5, 2), LinearLR.restartedFactor(0.3, 0.9, 5, 2));
    assertEquals(ConstantLR.factor(0.3, 5, 2), ConstantLR.restartedFactor(0.3, 5, 2));
    assertEquals(PolynomialLR.factor(5, 2.0, 2), PolynomialLR.restartedFactor(5, 2.0, 2));
  }

  @Test
  void positionInPeriodIsTheRemainderInsideAndOutsideTheFirstPeriod() {
    for (int tMax : new int[] {1, 10, -10, 32}) {
      long period = CosineAnnealingLR.period(tMax);
      assertEquals(2L * Math.abs(tMax), period);
      for (long t = -3 * period; t <= 5 * period; t++) {
        assertEquals(t % period, CosineAnnealingLR.positionInPeriod(t, period), "t = " + t + ", period " + period);
      }
    }
  }

  @Test
  void cosineRecurrenceMatchesTheClosedFormPastTMax() {
    double omega = CosineAnnealingLR.omega(10);
    double half = CosineAnnealingLR.halfAmplitude(0.1, 0.001);
    double lr = 0.1;
    for (int t = 1; t <= 45; t++) {
      lr = CosineAnnealingLR.chain(lr, 0.1, 0.001, 10, t);
      double closed = CosineAnnealingLR.lr(0.001, half,
          CosineAnnealingLR.wave(omega, CosineAnnealingLR.positionInPeriod(t, CosineAnnealingLR.period(10))));
      assertEquals(closed, lr, 1e-15, "step " + t);
    }
  }

  @Test
  void oneCyclePhasesOfZeroLengthAreFound() {
    assertNotNull(OneCycleLR.zeroLengthPhase(10, 0.1, false)); // first phase ends at step 0
    assertNotNull(OneCycleLR.zeroLengthPhase(20, 1.0, false)); // last phase has no length
    assertNull(OneCycleLR.zeroLengthPhase(10, 0.3, false));
    assertNull(OneCycleLR.zeroLengthPhase(50, 0.3, true));
  }

  @Test
  void plateauReductionsSmallerThanEpsAreSkipped() {
    assertEquals(0.05, ReduceLROnPlateau.reduce(0.1, 0.5, 0.0, 1e-8));
    assertEquals(0.09, ReduceLROnPlateau.reduce(0.1, 0.5, 0.09, 1e-8));
    assertEquals(0.1, ReduceLROnPlateau.reduce(0.1, 0.5, 0.0999, 1e-3));
  }

  @Test
  void aNanMetricIsNeverAnImprovement() {
    assertEquals(false, ReduceLROnPlateau.lessRelative(Double.NaN, 1.0, 0.9999));
    assertEquals(false, ReduceLROnPlateau.greaterAbsolute(Double.NaN, 1.0, 0));
    assertEquals(true, ReduceLROnPlateau.lessRelative(0.5, Double.POSITIVE_INFINITY, 0.9999));
  }

  /**
   * Stepping ExponentialLR multiplies by gamma, except at every multiple of the resync period,
   * where it is {@code gamma^t} again, bit for bit; and the step after an anchor is that anchor
   * times gamma, bit for bit. The expected values are {@code Math.pow}, not {@code factor}.
   */
  @Test
  void exponentialReanchorsToTheClosedFormEveryResyncPeriod() {
    assertEquals(1024, ExponentialLR.RESYNC_PERIOD);
    for (double gamma : new double[] {0.9, 0.99, 0.999, 0.9999, 0.99999999, 0.95, 1.0001}) {
      double factor = 1.0;
      for (long t = 1; t <= 8 * 1024 + 1; t++) {
        factor = ExponentialLR.next(factor, gamma, t);
        if (t % 1024 == 0) {
          assertEquals(Double.doubleToLongBits(Math.pow(gamma, t)), Double.doubleToLongBits(factor),
              "gamma = " + gamma + ", step " + t + " is an anchor");
        } else if (t % 1024 == 1 && t > 1) {
          assertEquals(Double.doubleToLongBits(Math.pow(gamma, t - 1) * gamma), Double.doubleToLongBits(factor),
              "gamma = " + gamma + ", step " + t + " multiplies the anchor by gamma");
        }
      }
    }
  }

  /**
   * transformers' {@code get_inverse_sqrt_schedule} under the same loop, initial rate 0.001 (the
   * conformance suite's cases {@code hf_invsqrt_w5_ts20} and {@code hf_invsqrt_w0_tsNone}); the
   * rate is the initial rate times the factor, as LambdaLR computes it.
   */
  @Test
  void inverseSqrtWarmsUpLinearlyThenDecaysOnItsTimescale() {
    // get_inverse_sqrt_schedule(optimizer, num_warmup_steps=5, timescale=20)
    double[] transformers = {0.0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001, 0.0009759000729485331,
        0.0009534625892455923, 0.0009325048082403138, 0.000912870929175277, 0.0008944271909999159,
        0.0008770580193070292};
    for (int t = 0; t < transformers.length; t++) {
      assertEquals(transformers[t], 0.001 * InverseSqrtSchedule.factor(5, 20, t), 0.0, "step " + t);
    }
    // get_inverse_sqrt_schedule(optimizer, num_warmup_steps=0): timescale 10000
    double[] noWarmup = {0.001, 0.0009999500037496877, 0.0009999000149975006, 0.0009998500337415647};
    int timescale = InverseSqrtSchedule.timescale(0);
    for (int t = 0; t < noWarmup.length; t++) {
      assertEquals(noWarmup[t], 0.001 * InverseSqrtSchedule.factor(0, timescale, t), 0.0, "step " + t);
    }
    assertEquals(7, InverseSqrtSchedule.timescale(7));
    assertThrows(IllegalArgumentException.class, () -> InverseSqrtSchedule.timescale(-1));
  }

  /**
   * transformers' {@code get_constant_schedule} and {@code get_constant_schedule_with_warmup}
   * under the same loop, initial rate 0.001: the conformance suite's cases
   * {@code hf_constant_1g} and {@code hf_constant_warmup_w10}, printed by the reference.
   */
  @Test
  void constantScheduleWarmsUpLinearlyThenKeepsTheRate() {
    assertEquals(0.001, 0.001 * ConstantSchedule.factor(), 0.0);
    // get_constant_schedule_with_warmup(optimizer, num_warmup_steps=10)
    double[] transformers = {0.0, 0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.0006, 0.0007, 0.0008,
        0.0009000000000000001, 0.001, 0.001, 0.001};
    for (int t = 0; t < transformers.length; t++) {
      assertEquals(transformers[t], 0.001 * ConstantSchedule.factorWithWarmup(10, t), 0.0, "step " + t);
    }
    // num_warmup_steps=0 (hf_constant_warmup_w0) and below: no step to warm up.
    assertEquals(0.001, 0.001 * ConstantSchedule.factorWithWarmup(0, 0), 0.0);
    assertEquals(0.001, 0.001 * ConstantSchedule.factorWithWarmup(-3, 0), 0.0);
  }

  /**
   * transformers' {@code get_linear_schedule_with_warmup} under the same loop, initial rate 0.001:
   * the conformance suite's cases {@code hf_linear_w10_T100} and {@code hf_linear_w5_T5}, printed
   * by the reference.
   */
  @Test
  void linearScheduleWarmsUpThenFallsToZero() {
    // get_linear_schedule_with_warmup(optimizer, num_warmup_steps=10, num_training_steps=100)
    double[] transformers = {0.0, 0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.0006, 0.0007, 0.0008,
        0.0009000000000000001, 0.001, 0.000988888888888889, 0.0009777777777777777, 0.0009666666666666667};
    for (int t = 0; t < transformers.length; t++) {
      assertEquals(transformers[t], 0.001 * LinearScheduleWithWarmup.factor(10, 100, t), 0.0, "step " + t);
    }
    assertEquals(0.0, 0.001 * LinearScheduleWithWarmup.factor(10, 100, 100), 0.0);
    assertEquals(0.0, 0.001 * LinearScheduleWithWarmup.factor(10, 100, 119), 0.0);
    // num_warmup_steps=5, num_training_steps=5: the max(1, ...) guard, 0 from step 5 on.
    double[] noDecay = {0.0, 0.0002, 0.0004, 0.0006, 0.0008, 0.0, 0.0};
    for (int t = 0; t < noDecay.length; t++) {
      assertEquals(noDecay[t], 0.001 * LinearScheduleWithWarmup.factor(5, 5, t), 0.0, "step " + t);
    }
  }

  /**
   * transformers' {@code get_cosine_schedule_with_warmup} under the same loop, initial rate 0.001:
   * the conformance suite's cases {@code hf_cosine_w10_T100_c0.5} and {@code hf_cosine_w10_T100_c2},
   * printed by the reference. Past num_training_steps the half cosine rises again.
   */
  @Test
  void cosineScheduleWarmsUpThenFollowsItsCycles() {
    // get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=10, num_training_steps=100, num_cycles=0.5)
    long[] steps = {0, 9, 10, 11, 12, 13, 25, 48, 55, 70, 99, 100, 101, 119};
    double[] half = {0.0, 0.0009000000000000001, 0.001, 0.0009996954135095479, 0.0009987820251299122,
        0.0009972609476841367, 0.0009330127018922195, 0.0006209609477998338, 0.0005, 0.0002500000000000001,
        3.0458649045211895e-07, 0.0, 3.0458649045211895e-07, 0.00010599462319663888};
    // num_cycles=2
    double[] two = {0.0, 0.0009000000000000001, 0.001, 0.0009951340343707852, 0.0009806308479691594,
        0.0009567727288213005, 0.0002500000000000001, 0.0007795964517353735, 0.001, 0.0002500000000000004,
        0.000995134034370785, 0.001, 0.0009951340343707852, 5.8526203570537063e-05};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(half[i], 0.001 * CosineScheduleWithWarmup.factor(10, 100, 0.5, steps[i]), 1e-18,
          "step " + steps[i]);
      assertEquals(two[i], 0.001 * CosineScheduleWithWarmup.factor(10, 100, 2, steps[i]), 1e-18,
          "step " + steps[i]);
    }
  }

  /**
   * transformers' {@code get_cosine_with_hard_restarts_schedule_with_warmup}, initial rate 0.001:
   * the conformance suite's case {@code hf_hardrestart_w0_T60_c3}, printed by the reference; three
   * falls of 20 steps, then 0.
   */
  @Test
  void hardRestartsFallThreeTimesThenStayAtZero() {
    // get_cosine_with_hard_restarts_schedule_with_warmup(optimizer, num_warmup_steps=0,
    //     num_training_steps=60, num_cycles=3)
    long[] steps = {0, 1, 2, 3, 10, 13, 25, 48, 50, 55, 59, 60, 70};
    double[] transformers = {0.001, 0.0009938441702975688, 0.0009755282581475768, 0.0009455032620941839,
        0.0005, 0.00027300475013022663, 0.0008535533905932737, 0.0006545084971874732, 0.0005,
        0.00014644660940672628, 6.155829702431226e-06, 0.0, 0.0};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(transformers[i], 0.001 * CosineWithHardRestartsScheduleWithWarmup.factor(0, 60, 3, steps[i]),
          1e-18, "step " + steps[i]);
    }
  }

  /**
   * transformers' {@code get_polynomial_decay_schedule_with_warmup} under the same loop, initial
   * rate and {@code optimizer.defaults["lr"]} 0.001: the conformance suite's cases
   * {@code hf_poly_w10_T100_default}, {@code hf_poly_w0_T50_p2_end1e-4} and
   * {@code hf_poly_w5_T40_p0.5_end0}, printed by the reference.
   */
  @Test
  void polynomialDecayWarmsUpThenDecaysToLrEnd() {
    // get_polynomial_decay_schedule_with_warmup(optimizer, num_warmup_steps=10, num_training_steps=100)
    long[] steps = {0, 9, 10, 11, 12, 13, 25, 48, 99, 100, 101, 119};
    double[] defaults = {0.0, 0.0009000000000000001, 0.001, 0.00098889, 0.00097778, 0.0009666699999999999,
        0.00083335, 0.0005778199999999998, 1.120999999999996e-05, 1e-07, 1e-07, 1e-07};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(defaults[i], 0.001 * PolynomialDecayScheduleWithWarmup.factor(10, 100,
          PolynomialDecayScheduleWithWarmup.DEFAULT_LR_END, 1.0, 0.001, steps[i]), 1e-18, "step " + steps[i]);
    }
    // num_warmup_steps=0, num_training_steps=50, lr_end=1e-4, power=2.0
    long[] squareSteps = {0, 1, 2, 3, 25, 48, 50, 59};
    double[] square = {0.001, 0.0009643599999999999, 0.00092944, 0.00089524, 0.000325, 0.00010144, 0.0001,
        0.0001};
    for (int i = 0; i < squareSteps.length; i++) {
      assertEquals(square[i], 0.001 * PolynomialDecayScheduleWithWarmup.factor(0, 50, 1e-4, 2.0, 0.001,
          squareSteps[i]), 1e-18, "step " + squareSteps[i]);
    }
    // num_warmup_steps=5, num_training_steps=40, lr_end=0.0, power=0.5
    double[] root = {0.0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001, 0.0009856107606091623, 0.0009710083124552244,
        0.0009561828874675149, 0.0009411239481143202};
    for (int t = 0; t < root.length; t++) {
      assertEquals(root[t], 0.001 * PolynomialDecayScheduleWithWarmup.factor(5, 40, 0.0, 0.5, 0.001, t), 1e-18,
          "step " + t);
    }
  }

  /** The reference's refusals: its ValueError, and its divisions by zero at num_training_steps. */
  @Test
  void polynomialDecayRefusesWhatTheReferenceRaisesOn() {
    assertNull(PolynomialDecayScheduleWithWarmup.endRefusal(1e-7, 0.001));
    assertNotNull(PolynomialDecayScheduleWithWarmup.endRefusal(0.001, 0.001));
    assertNotNull(PolynomialDecayScheduleWithWarmup.endRefusal(0.01, 0.001));
    assertNotNull(PolynomialDecayScheduleWithWarmup.noDecayRefusal(10, 10));
    assertNull(PolynomialDecayScheduleWithWarmup.noDecayRefusal(10, 9));
    assertNotNull(PolynomialDecayScheduleWithWarmup.negativePowerRefusal(10, 11, -0.5));
    // The decay is never reached where it would end before the warm-up does.
    assertNull(PolynomialDecayScheduleWithWarmup.negativePowerRefusal(10, 9, -0.5));
    assertNull(PolynomialDecayScheduleWithWarmup.negativePowerRefusal(10, 11, 0.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PolynomialDecayScheduleWithWarmup.check(10, 100, 0.01, 1.0, 0.001));
    assertTrue(e.getMessage().contains("must be smaller than"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PolynomialDecayScheduleWithWarmup.check(10, 10, 0.0, 1.0, 0.001));
    PolynomialDecayScheduleWithWarmup.check(10, 9, 0.0, -1.0, 0.001);
  }

  /**
   * transformers' {@code get_cosine_with_min_lr_schedule_with_warmup} under the same loop, initial
   * rate and {@code optimizer.defaults["lr"]} 0.001: the conformance suite's cases
   * {@code hf_cosmin_w10_T100_rate0.1} and {@code hf_cosmin_w0_T50_minlr1e-5}, printed by the
   * reference; the second gives {@code min_lr}, whose rate is {@code min_lr / 0.001}.
   */
  @Test
  void cosineWithMinLrEndsAtItsMinimum() {
    long[] steps = {0, 1, 4, 5, 9, 10, 11, 25, 48, 50, 59, 99, 100, 101, 119};
    // num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1
    double[] rate = {0.0, 0.0001, 0.0004, 0.0005, 0.0009000000000000001, 0.001, 0.000999725872158593,
        0.0009397114317029974, 0.0006588648530198504, 0.0006281416799501187, 0.0004873721045679707,
        0.0001002741278414069, 0.0001, 0.0001002741278414069, 0.000195395160876975};
    // num_warmup_steps=0, num_training_steps=50, min_lr=1e-5
    double[] minLr = {0.001, 0.0009990232305719944, 0.0009844486647586726, 0.0009757729755661011,
        0.0009229423231234974, 0.000905463412215599, 0.0008864040551740157, 0.000505, 1.3903222849333507e-05,
        1e-05, 8.705767687650248e-05};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(rate[i], 0.001 * CosineWithMinLrScheduleWithWarmup.factor(10, 100, 0.5, 0.1, steps[i]), 0.0,
          "step " + steps[i]);
    }
    double minLrRate = CosineWithMinLrScheduleWithWarmup.minLrRate(1e-5, 0.001);
    for (int i = 0; i < minLr.length; i++) {
      assertEquals(minLr[i], 0.001 * CosineWithMinLrScheduleWithWarmup.factor(0, 50, 0.5, minLrRate, steps[i]), 0.0,
          "step " + steps[i]);
    }
  }

  /**
   * transformers' {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}, as above: the cases
   * {@code hf_coswarmmin_w10_T100_rate0.1}, {@code hf_coswarmmin_w10_T100_rate0.1_wr0.2} and
   * {@code hf_coswarmmin_w0_T50_minlr1e-5}, printed by the reference: the warm-up from
   * {@code 1 / num_warmup_steps} or from {@code warmup_lr_rate}, then the cosine a step ahead.
   */
  @Test
  void cosineWithMinLrLrRateWarmsUpFromItsRate() {
    long[] steps = {0, 1, 4, 5, 9, 10, 11, 25, 48, 50, 59, 99, 100, 101, 119};
    double[] noRate = {0.0001, 0.0002, 0.0005, 0.0006, 0.001, 0.000999725872158593, 0.000998903822616921,
        0.0009316216432703917, 0.0006435602608679916, 0.0006126278954320294, 0.00047185832004988137, 0.0001,
        0.0001002741278414069, 0.00010109617738307906, 0.0002052800005964599};
    double[] fromRate = {0.0002, 0.00028888888888888893, 0.0005555555555555556, 0.0006444444444444443, 0.001,
        0.000999725872158593, 0.000998903822616921, 0.0009316216432703917, 0.0006435602608679916,
        0.0006126278954320294, 0.00047185832004988137, 0.0001, 0.0001002741278414069, 0.00010109617738307906,
        0.0002052800005964599};
    double[] minLr = {0.0009990232305719944, 0.0009960967771506667, 0.0009757729755661011, 0.0009652393605146844,
        0.000905463412215599, 0.0008864040551740157, 0.0008658394705735987, 0.00047391869283298986,
        1.0976769428005579e-05, 1.0976769428005579e-05, 0.00010453658778440095};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(noRate[i], 0.001 * CosineWithMinLrScheduleWithWarmupLrRate.factor(10, 100, 0.5, 0.1, steps[i]),
          0.0, "step " + steps[i]);
      assertEquals(fromRate[i],
          0.001 * CosineWithMinLrScheduleWithWarmupLrRate.factor(10, 100, 0.5, 0.1, 0.2, steps[i]), 0.0,
          "step " + steps[i]);
    }
    double minLrRate = CosineWithMinLrScheduleWithWarmup.minLrRate(1e-5, 0.001);
    for (int i = 0; i < minLr.length; i++) {
      assertEquals(minLr[i], 0.001 * CosineWithMinLrScheduleWithWarmupLrRate.factor(0, 50, 0.5, minLrRate, steps[i]),
          0.0, "step " + steps[i]);
    }
  }

  /**
   * diffusers' {@code get_piecewise_constant_schedule}, initial rate 0.001: the conformance suite's
   * cases {@code diffusers_piecewise_doc_example} ({@code "1:10,0.1:20,0.01:30,0.005"}) and
   * {@code diffusers_piecewise_unsorted} ({@code "0.1:20,1:10,0.05"}), printed by the reference:
   * the steps are boundaries, and rules written out of order run sorted.
   */
  @Test
  void piecewiseConstantTakesTheFactorOfTheFirstStepAbove() {
    int[] docSteps = {10, 20, 30};
    double[] docFactors = {1, 0.1, 0.01};
    long[] steps = {0, 9, 10, 19, 20, 29, 30, 39};
    double[] doc = {0.001, 0.001, 0.0001, 0.0001, 1e-05, 1e-05, 5e-06, 5e-06};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(doc[i], 0.001 * PiecewiseConstantSchedule.factor(PiecewiseConstantSchedule.steps(docSteps),
          PiecewiseConstantSchedule.factors(docSteps, docFactors), 0.005, steps[i]), 0.0, "step " + steps[i]);
    }
    int[] unsortedSteps = {20, 10};
    double[] unsortedFactors = {0.1, 1};
    double[] unsorted = {0.001, 0.001, 0.0001, 0.0001, 5e-05, 5e-05, 5e-05, 5e-05};
    for (int i = 0; i < steps.length; i++) {
      assertEquals(unsorted[i], 0.001 * PiecewiseConstantSchedule.factor(PiecewiseConstantSchedule.steps(unsortedSteps),
          PiecewiseConstantSchedule.factors(unsortedSteps, unsortedFactors), 0.05, steps[i]), 0.0, "step " + steps[i]);
    }
    assertEquals(1, PiecewiseConstantSchedule.firstOutOfOrder(unsortedSteps));
    assertEquals(-1, PiecewiseConstantSchedule.firstOutOfOrder(docSteps));
  }

  /** A step written twice keeps the later factor, as the reference's dict keeps its later value. */
  @Test
  void piecewiseConstantKeepsTheLaterFactorOfARepeatedStep() {
    int[] ruleSteps = {10, 5, 10};
    double[] ruleFactors = {0.5, 2.0, 0.25};
    assertArrayEquals(new int[] {5, 10}, PiecewiseConstantSchedule.steps(ruleSteps));
    assertArrayEquals(new double[] {2.0, 0.25}, PiecewiseConstantSchedule.factors(ruleSteps, ruleFactors));
    assertEquals(0.1, PiecewiseConstantSchedule.factor(new int[0], new double[0], 0.1, 0));
  }

  /**
   * transformers' {@code get_wsd_schedule}, initial rate 0.001: the conformance suite's cases
   * {@code hf_wsd_w10_d20_T100_default}, {@code hf_wsd_w10_s50_d20_cos_lin_r0.1} and
   * {@code hf_wsd_w10_d30_T100_sqrt_sqrt_r0.05}, printed by the reference; the first and the last
   * derive {@code num_stable_steps} from {@code num_training_steps}.
   */
  @Test
  void warmupStableDecayWarmsUpHoldsThenDecays() {
    long[] steps = {0, 1, 5, 9, 10, 11, 39, 59, 60, 61, 70, 75, 79, 80, 81, 89, 90, 95};
    double[] defaults = {0.0, 0.0001, 0.0005, 0.0009000000000000001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001,
        0.001, 0.001, 0.001, 0.001, 0.0009938441702975688, 0.0005782172325201155, 0.0005, 0.00014644660940672628};
    double[] cosineLinear = {0.0001, 0.00012202456766718093, 0.0005499999999999999, 0.0009779754323328191, 0.001,
        0.001, 0.001, 0.001, 0.001, 0.000955, 0.00055, 0.00032500000000000004, 0.00014500000000000006, 0.0001, 0.0001,
        0.0001, 0.0001, 0.0001};
    double[] sqrt = {5e-05, 9.875086685201193e-05, 0.00032824855787277977, 0.0006995836222840041, 0.001, 0.001,
        0.001, 0.001, 0.001, 0.001, 0.001, 0.0006121641240593302, 0.0004796635703700922, 0.0004515172442698555,
        0.00042474643272147664, 0.00024396869553348961, 0.00022432824811866026, 0.00013277261728348693};
    long stableOf100 = WarmupStableDecaySchedule.numStableSteps(100, 10, 20);
    long sqrtStable = WarmupStableDecaySchedule.numStableSteps(100, 10, 30);
    assertEquals(70, stableOf100);
    assertEquals(60, sqrtStable);
    for (int i = 0; i < steps.length; i++) {
      assertEquals(defaults[i], 0.001 * WarmupStableDecaySchedule.factor(10, stableOf100, 20, WsdType.LINEAR,
          WsdType.COSINE, 0.0, 0.5, steps[i]), 0.0, "step " + steps[i]);
      assertEquals(cosineLinear[i], 0.001 * WarmupStableDecaySchedule.factor(10, 50, 20, WsdType.COSINE,
          WsdType.LINEAR, 0.1, 0.5, steps[i]), 0.0, "step " + steps[i]);
      assertEquals(sqrt[i], 0.001 * WarmupStableDecaySchedule.factor(10, sqrtStable, 30, WsdType.ONE_MINUS_SQRT,
          WsdType.ONE_MINUS_SQRT, 0.05, 0.5, steps[i]), 0.0, "step " + steps[i]);
    }
    // After the decay: min_lr_ratio itself.
    assertEquals(5e-05, 0.001 * WarmupStableDecaySchedule.factor(10, sqrtStable, 30, WsdType.ONE_MINUS_SQRT,
        WsdType.ONE_MINUS_SQRT, 0.05, 0.5, 119), 0.0);
  }

  /**
   * timm's schedulers stepped by update, initial rate 0.001: values of the conformance suite's
   * cases printed by the reference (timm 1.0.29). Step 0 is the constructor's, never
   * {@code _get_lr(0)}: {@link TimmScheduler#initial}.
   */
  @Test
  void timmSchedulersAsTheReferenceSteps() {
    // timm_tanh_T100_w10_noprefix: the warm-up rises to the tanh's own rate at warmup_t.
    long[] tanhSteps = {1, 5, 9, 10, 50, 99, 100, 119};
    double[] tanh = {0.00010089939172671438, 0.000500496958633572, 0.0009000945255404295, 0.0009999939172671438,
        0.0009821936521375294, 1.2988232161461366e-05, 1e-05, 1e-05};
    for (int i = 0; i < tanhSteps.length; i++) {
      assertEquals(tanh[i], TimmTanhLRScheduler.lr(100, -7, 3, 1e-5, 1, 1, 1, 10, 1e-6, false, 0.001, tanhSteps[i]),
          1e-18, "tanh at " + tanhSteps[i]);
    }
    assertEquals(1e-6, TimmScheduler.initial(10, 1e-6, 0.001));
    assertEquals(0.001, TimmScheduler.initial(0, 1e-6, 0.001));
    // timm_multistep_10_20_r0.5_w5_noprefix: each decay one update early.
    long[] multiSteps = {1, 8, 9, 18, 19};
    double[] multi = {0.0002, 0.001, 0.0005, 0.0005, 0.00025};
    for (int i = 0; i < multiSteps.length; i++) {
      assertEquals(multi[i], TimmMultiStepLRScheduler.lr(new int[] {10, 20}, 0.5, 5, 0.0, false, 0.001,
          multiSteps[i]), 1e-18, "multistep at " + multiSteps[i]);
    }
    assertEquals(1, TimmMultiStepLRScheduler.decays(new int[] {1}, 0));
    assertEquals(0, TimmMultiStepLRScheduler.decays(new int[] {1}, Long.MIN_VALUE));
    assertEquals(1, TimmMultiStepLRScheduler.decays(new int[] {1}, Long.MAX_VALUE));
    // timm_wsd_T60_d30_exp0.05_min1e-5.
    long[] wsdSteps = {1, 30, 31, 45, 59, 60, 71};
    double[] wsd = {0.001, 0.001, 0.0009009647217613146, 0.00019091655765524123, 1.5471767013117372e-05, 1e-05, 1e-05};
    for (int i = 0; i < wsdSteps.length; i++) {
      assertEquals(wsd[i], TimmWSDLRScheduler.lr(60, 30, 1e-5, TimmStableFn.CONSTANT, 0, 0.5, TimmDecayFn.EXP, 0.5,
          0.05, 0, 0.0, 0.001, wsdSteps[i]), 1e-18, "wsd at " + wsdSteps[i]);
    }
    // timm_cosine_T20_mul2_limit3_decay0.8: cycles of 20, 40, 80 updates, peaks decaying by 0.8.
    long[] cosineSteps = {1, 19, 20, 21, 59, 60, 61, 139, 140, 149};
    double[] cosine = {0.0009938441702975688, 6.15582970243117e-06, 0.0008, 0.0007987669334932512,
        1.2330665067488145e-06, 0.0006400000000000002, 0.0006397532915970315, 2.4670840296867174e-07, 0.0, 0.0};
    for (int i = 0; i < cosineSteps.length; i++) {
      assertEquals(cosine[i], TimmCosineLRScheduler.lr(20, 0, 2, 0.8, 3, 0, 0, false, 1, 0.001, cosineSteps[i]),
          1e-18, "cosine at " + cosineSteps[i]);
    }
    // timm_poly_T50_p2_w5_prefix.
    long[] polySteps = {1, 4, 5, 6, 30, 54, 55, 65};
    double[] poly = {0.0002, 0.0008, 0.001, 0.0009603999999999999, 0.00025, 4.000000000000007e-07, 0.0, 0.0};
    for (int i = 0; i < polySteps.length; i++) {
      assertEquals(poly[i], TimmPolyLRScheduler.lr(50, 2, 0, 1, 1, 1, 5, 0, true, 1, 0.001, polySteps[i]), 1e-18,
          "poly at " + polySteps[i]);
    }
    // timm_step_d10_r0.5_w5_noprefix.
    long[] stepSteps = {1, 4, 5, 9, 10, 29, 30};
    double[] step = {0.000208, 0.000802, 0.001, 0.001, 0.0005, 0.00025, 0.000125};
    for (int i = 0; i < stepSteps.length; i++) {
      assertEquals(step[i], TimmStepLRScheduler.lr(10, 0.5, 5, 1e-5, false, 0.001, stepSteps[i]), 1e-18,
          "step at " + stepSteps[i]);
    }
  }

  /**
   * timm's PlateauLRScheduler, values of the conformance suite's cases printed by the reference:
   * the warm-up of timmrand/plateau-001 (warmup_t 10 from 0, lr_scale 0.25, 0.1 and 0.25), the
   * rate the plateau starts from at its end, and the noise of epochs 27 of plateau-007-noise
   * (uniform, noise_pct 0.5) and 24 of plateau-012-noise (normal, noise_std 2).
   */
  @Test
  void timmPlateauAsTheReferenceSteps() {
    double[] base = {0.0283, 0.00248, 0.000652};
    double[] scale = {0.25, 0.1, 0.25};
    long[] epochs = {1, 3, 10};
    double[][] warm = {{0.0007075, 2.4800000000000003e-05, 1.63e-05},
        {0.0021225000000000003, 7.440000000000002e-05, 4.8899999999999996e-05}, {0.007075, 0.000248, 0.000163}};
    for (int g = 0; g < base.length; g++) {
      assertEquals(0.0, TimmScheduler.scaled(TimmPlateauLRScheduler.initial(10, 0.0, base[g]), scale[g]));
      for (int i = 0; i < epochs.length; i++) {
        assertTrue(TimmPlateauLRScheduler.warmingUp(epochs[i], 10));
        assertEquals(warm[i][g], TimmScheduler.scaled(TimmPlateauLRScheduler.warmup(0.0, base[g], 10, epochs[i]),
            scale[g]), 0.0, "epoch " + epochs[i] + ", group " + g);
      }
      assertEquals(warm[2][g], TimmScheduler.scaled(TimmPlateauLRScheduler.start(10, 0.0, base[g]), scale[g]), 0.0);
    }
    assertFalse(TimmPlateauLRScheduler.warmingUp(11, 10));
    assertFalse(TimmPlateauLRScheduler.warmingUp(1, 0));
    assertFalse(TimmPlateauLRScheduler.warmingUp(1, -3));
    // No warm-up, or one that never comes: the plateau starts from the constructor's rate.
    assertEquals(0.0283, TimmPlateauLRScheduler.start(0, 1e-5, 0.0283));
    assertEquals(1e-5, TimmPlateauLRScheduler.start(-3, 1e-5, 0.0283));
    assertEquals(0.00017291957855224607,
        TimmNoise.noised(0.00013, TimmPlateauLRScheduler.noise(TimmNoiseType.UNIFORM, 310145 + 27, 0.5, 1.0)), 0.0);
    assertEquals(1.0413933664560318e-05,
        TimmNoise.noised(1.13e-05, TimmPlateauLRScheduler.noise(TimmNoiseType.NORMAL, 892213 + 24, 0.67, 2.0)), 0.0);
  }

  @Test
  void timmPlateauRefusals() {
    assertNull(TimmPlateauLRScheduler.noiseRefusal(TimmNoiseType.NORMAL, 0.67));
    assertTrue(TimmPlateauLRScheduler.noiseRefusal(TimmNoiseType.NORMAL, 0).contains("never"));
    assertNull(TimmPlateauLRScheduler.noiseRefusal(TimmNoiseType.UNIFORM, 0));
    assertNull(TimmPlateauLRScheduler.noiseRefusal(TimmNoiseType.UNIFORM, -0.5));
    double[] one = {1.0};
    TimmPlateauLRScheduler.checkRange("p", new double[] {0.1, 0.2}, new double[] {1.0, 0.5}, 5, 1e-5, 1e-6, 0.67);
    TimmPlateauLRScheduler.checkRange("p", new double[] {1e307}, one, 0, 0.0, 0.0, 0.67);
    // The rate of step 0, the one the plateau starts from, and a noised one, past the largest double.
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> TimmPlateauLRScheduler.checkRange("p", new double[] {1e300}, new double[] {1e10}, 0, 0.0, 0.0, 0.0));
    assertTrue(e.getMessage().contains("p: the rate of group 0 of step 0 is Infinity"), e.getMessage());
    e = assertThrows(ArithmeticException.class,
        () -> TimmPlateauLRScheduler.checkRange("p", new double[] {1e308}, new double[] {2.0}, 2, 0.0, 0.0, 0.0));
    assertTrue(e.getMessage().contains("the plateau starts from, after the warm-up, is Infinity"), e.getMessage());
    e = assertThrows(ArithmeticException.class,
        () -> TimmPlateauLRScheduler.checkRange("p", new double[] {1e308}, one, 0, 0.0, 0.0, 1.0));
    assertTrue(e.getMessage().contains("noised by up to 1.0 times itself"), e.getMessage());
    // A floor far below the start is reached by reductions, and noised from there.
    assertThrows(ArithmeticException.class,
        () -> TimmPlateauLRScheduler.checkRange("p", one, one, 0, 0.0, -1e308, 1.0));
    TimmPlateauLRScheduler.checkRange("p", one, one, 0, 0.0, -1e308, 0.0);
  }

  @Test
  void timmRefusals() {
    assertNull(TimmScheduler.cycleMulRefusal(100, 1.0, 0, false));
    assertNull(TimmScheduler.cycleMulRefusal(100, 2.0, 0, false));
    assertTrue(TimmScheduler.cycleMulRefusal(100, 0.5, 0, false).contains("from update 200 on"));
    assertTrue(TimmScheduler.cycleMulRefusal(100, 0.5, 10, true).contains("from update 210 on"));
    assertTrue(TimmScheduler.cycleMulRefusal(100, 0.0, 0, false).contains("from update 1 on"));
    // Just below 1, far past 2^53 updates and past the largest long, found at once.
    assertEquals(900719925474099136L, TimmScheduler.domainEnd(100, Math.nextDown(1.0)));
    assertEquals(Long.MAX_VALUE, TimmScheduler.domainEnd(Integer.MAX_VALUE, Math.nextDown(1.0)));
    assertEquals(Long.MAX_VALUE, TimmScheduler.domainEnd(Integer.MAX_VALUE, 1 - 1e-12));
    assertTrue(TimmScheduler.cycleMulRefusal(Integer.MAX_VALUE, Math.nextDown(1.0), 10, true)
        .contains("from update " + Long.MAX_VALUE + " on"));
    assertNull(TimmScheduler.kDecayRefusal(-1, 1, 0, false));
    assertTrue(TimmScheduler.kDecayRefusal(-1, 2, 0, false).contains("ZeroDivisionError"));
    assertNull(TimmScheduler.noiseRefusal(0.67));
    assertTrue(TimmScheduler.noiseRefusal(0).contains("never"));
    assertNull(TimmTanhLRScheduler.refusal(-7, 3));
    assertTrue(TimmTanhLRScheduler.refusal(3, 3).contains("lb < ub"));
    assertTrue(TimmStepLRScheduler.refusal(0, 0.5).contains("ZeroDivisionError"));
    assertTrue(TimmStepLRScheduler.refusal(-2, 0).contains("ZeroDivisionError"));
    assertNull(TimmStepLRScheduler.refusal(-2, 0.5));
    assertTrue(TimmMultiStepLRScheduler.refusal(new int[] {1, 2}, 1e200).contains("OverflowError"));
    assertNull(TimmMultiStepLRScheduler.refusal(new int[] {1, 2}, 0.1));
    assertTrue(TimmWSDLRScheduler.refusal(10, 11, TimmStableFn.CONSTANT, 0, 0.1, 0).contains("decay_t"));
    assertTrue(TimmWSDLRScheduler.refusal(10, 5, TimmStableFn.CONSTANT, 0, 1.0, 0).contains("decay_ratio"));
    assertTrue(TimmWSDLRScheduler.refusal(10, 5, TimmStableFn.RSQRT, 0, 0.1, 0).contains("stable_timescale"));
    assertNull(TimmWSDLRScheduler.refusal(10, 5, TimmStableFn.RSQRT, 3, 0.1, 3));
  }
}

package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.OptaxInterpolateType;
import org.junit.jupiter.api.Test;

/**
 * The formulas of Keras's and optax's schedules against values the references printed in float64
 * (Keras 3.15.1 on TensorFlow, optax 0.2.8 on JAX with x64), at the updates where their quirks
 * show. The expected values are the references' output, pasted, not values computed by this code.
 */
class FunctionFormulasTest {
  private static final double TOLERANCE = 1e-15;

  @Test
  void kerasCosineDecayRestartsGrowsItsCyclesByAFractionalTMul() {
    // CosineDecayRestarts(0.1, first_decay_steps=10, t_mul=1.5, m_mul=0.9, alpha=0.01): restarts at 10 and 25.
    long[] t = {0, 1, 9, 10, 24, 25, 50, 119};
    double[] keras = {0.1, 0.09757729755661011, 0.0034227024433899004, 0.09010000000000001, 0.0019735243873089613,
        0.08119000000000001, 0.07219831067730824, 0.010826125155374379};
    for (int i = 0; i < t.length; i++) {
      assertEquals(keras[i], KerasCosineDecayRestarts.lr(10, 1.5, 0.9, 0.01, 0.1, t[i]), TOLERANCE, "update " + t[i]);
    }
  }

  @Test
  void kerasPolynomialDecayWithCycleRestartsLowerEachCycle() {
    // PolynomialDecay(0.1, decay_steps=20, end_learning_rate=0.001, power=2.0, cycle=True)
    long[] t = {0, 1, 19, 20, 21, 40, 69};
    double[] keras = {0.1, 0.0903475, 0.0012475000000000003, 0.001, 0.023336875, 0.001, 0.0028717187499999993};
    for (int i = 0; i < t.length; i++) {
      assertEquals(keras[i], KerasPolynomialDecay.lr(20, 0.001, 2.0, true, 0.1, t[i]), TOLERANCE, "update " + t[i]);
    }
  }

  @Test
  void kerasPiecewiseConstantDecaySkipsAnEmptyInterval() {
    // PiecewiseConstantDecay(boundaries=[10, 10, 20], values=[0.1, 0.05, 0.02, 0.01]): 0.05 never holds.
    int[] boundaries = {10, 10, 20};
    double[] values = {0.1, 0.05, 0.02, 0.01};
    long[] t = {9, 10, 11, 20, 21};
    double[] keras = {0.1, 0.1, 0.02, 0.02, 0.01};
    for (int i = 0; i < t.length; i++) {
      assertEquals(keras[i], KerasPiecewiseConstantDecay.lr(boundaries, values, t[i]), 0.0, "update " + t[i]);
    }
  }

  @Test
  void optaxExponentialDecayAboveOneIsCappedByEndValue() {
    // exponential_decay(0.01, transition_steps=10, decay_rate=1.5, end_value=0.05)
    long[] t = {0, 1, 30, 59};
    double[] optax = {0.01, 0.010413797439924107, 0.03375, 0.05};
    for (int i = 0; i < t.length; i++) {
      assertEquals(optax[i], OptaxExponentialDecay.lr(10, 1.5, 0, false, 0.05, 0.01, t[i]), TOLERANCE,
          "update " + t[i]);
    }
  }

  @Test
  void optaxWarmupConstantRampsDownToALowerPeak() {
    // warmup_constant_schedule(init_value=0.05, peak_value=0.01, warmup_steps=25)
    long[] t = {0, 1, 24, 25, 39};
    double[] optax = {0.05, 0.0484, 0.011600000000000001, 0.01, 0.01};
    for (int i = 0; i < t.length; i++) {
      assertEquals(optax[i], OptaxWarmupConstantSchedule.lr(0.05, 25, 0.01, t[i]), TOLERANCE, "update " + t[i]);
    }
  }

  @Test
  void optaxPiecewiseInterpolateRunsBetweenProductsOfTheScales() {
    // piecewise_interpolate_schedule('cosine', 0.1, {10: 0.5, 30: 0.1}): 0.1, then 0.05, then 0.005.
    long[] t = {0, 1, 9, 10, 11, 29, 30, 39};
    double[] optax = {0.1, 0.09877641290737885, 0.05122358709262116, 0.05, 0.0497229876633906, 0.005277012336609404,
        0.005000000000000001, 0.005000000000000001};
    for (int i = 0; i < t.length; i++) {
      assertEquals(optax[i], OptaxPiecewiseInterpolateSchedule.lr(OptaxInterpolateType.COSINE, new int[] {10, 30},
          new double[] {0.5, 0.1}, 0.1, t[i]), TOLERANCE, "update " + t[i]);
    }
  }

  @Test
  void optaxLinearOnecycleTruncatesItsBoundaries() {
    // linear_onecycle_schedule(100, 0.1, pct_start=0.29): int(0.29 * 100) is 28, the peak.
    int[] boundaries = OptaxLinearOnecycleSchedule.boundaries(100, 0.29, 0.85, 25.0, 1e4);
    double[] scales = OptaxLinearOnecycleSchedule.scales(100, 0.29, 0.85, 25.0, 1e4);
    long[] t = {0, 1, 27, 28, 29, 84, 85, 100, 104};
    double[] optax = {0.004, 0.0074285714285714285, 0.09657142857142857, 0.1, 0.09831578947368422,
        0.005684210526315792, 0.004, 4.0000000000000003e-07, 4.0000000000000003e-07};
    for (int i = 0; i < t.length; i++) {
      assertEquals(optax[i], OptaxLinearOnecycleSchedule.lr(boundaries, scales, 25.0, 0.1, t[i]), TOLERANCE,
          "update " + t[i]);
    }
  }

  @Test
  void optaxOnecycleBoundariesOnOneUpdateKeepTheLaterScale() {
    // transition_steps=1: {int(0.3): 25, int(0.85): 1/25, 1: 1e-4} is the dict {0: 1/25, 1: 1e-4},
    // as a Python dict keeps the last value written under a key and its first position.
    assertArrayEquals(new int[] {0, 1}, OptaxLinearOnecycleSchedule.boundaries(1, 0.3, 0.85, 25.0, 1e4));
    assertArrayEquals(new double[] {1.0 / 25.0, 1.0 / 1e4}, OptaxLinearOnecycleSchedule.scales(1, 0.3, 0.85, 25.0, 1e4));
  }
}

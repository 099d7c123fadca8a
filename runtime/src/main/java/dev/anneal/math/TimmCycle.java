package dev.anneal.math;

/**
 * The cycle of the cosine, tanh and polynomial schedulers of timm at the time a stepped scheduler
 * last asked for, with what each update of the cycle shares: its index {@code i}, its length
 * {@code t_i}, where it starts, {@code cycle_decay ** i} and {@code t_i ** k_decay}, each computed by
 * {@link TimmScheduler}'s expressions, so that the rates are those of the stateless forms to the
 * bit.
 *
 * <p>Why it exists: the reference recomputes the cycle's powers on every update, which cost a
 * stepped scheduler several times the cosine itself; they change only when {@code i} does. The
 * index itself is still computed as the reference computes it, its logarithm included, on every
 * new time (with {@code log(cycle_mul)} kept): its rounding, not the exact cycle, decides where the reference restarts. One instance
 * belongs to one scheduler and is not shared between threads; queries of any step ({@code lrAt})
 * take the stateless forms.
 */
public final class TimmCycle {
  private final int tInitial;
  private final double cycleMul;
  private final double cycleDecay;
  private final double kDecay;
  private final double logCycleMul;

  private long time = Long.MIN_VALUE;
  private double cycle = Double.NaN;
  private double length;
  private double start;
  private double decay;
  private double lengthToK;

  /**
   * @param tInitial {@code t_initial}
   * @param cycleMul {@code cycle_mul}
   * @param cycleDecay {@code cycle_decay}
   * @param kDecay {@code k_decay}, or 1 where the schedule has none
   */
  public TimmCycle(int tInitial, double cycleMul, double cycleDecay, double kDecay) {
    this.tInitial = tInitial;
    this.cycleMul = cycleMul;
    this.cycleDecay = cycleDecay;
    this.kDecay = kDecay;
    this.logCycleMul = cycleMul == 1 ? 0 : Math.log(cycleMul);
  }

  /** Moves to time {@code t} (after the warm-up's shift) and returns this. */
  public TimmCycle at(long t) {
    if (t != time) {
      double i = TimmScheduler.cycle(t, tInitial, cycleMul, logCycleMul);
      if (Double.doubleToRawLongBits(i) != Double.doubleToRawLongBits(cycle)) {
        length = TimmScheduler.cycleLength(i, tInitial, cycleMul);
        start = cycleMul == 1 ? 0 : TimmScheduler.cycleStart(i, tInitial, cycleMul);
        decay = Math.pow(cycleDecay, i);
        lengthToK = Math.pow(length, kDecay);
        cycle = i;
      }
      time = t;
    }
    return this;
  }

  /** {@code i}. */
  public double cycle() {
    return cycle;
  }

  /** {@code t_i}. */
  public double length() {
    return length;
  }

  /** {@code t_curr}. */
  public double inCycle() {
    return TimmScheduler.sinceStart(time, tInitial, cycleMul, start);
  }

  /** {@code cycle_decay ** i}. */
  public double decay() {
    return decay;
  }

  /** {@code t_i ** k_decay}. */
  public double lengthToK() {
    return lengthToK;
  }
}

package dev.anneal.math;

/**
 * {@code CyclicLR}: the rate moves between {@code base_lr} and {@code max_lr} in cycles of
 * {@code step_size_up + step_size_down} steps; the momentum moves the opposite way between
 * {@code max_momentum} and {@code base_momentum}.
 *
 * <pre>
 * cycle = floor(1 + t / total_size)
 * x     = 1 + t / total_size - cycle                      (position in the cycle, 0..1)
 * scale = x / step_ratio            if x &lt;= step_ratio    (rising)
 *       = (x - 1) / (step_ratio - 1) otherwise            (falling)
 * lr       = base_lr + (max_lr - base_lr) * scale * scale_fn(cycle or t)
 * momentum = max_momentum - (max_momentum - base_momentum) * scale * scale_fn(cycle or t)
 * </pre>
 *
 * with {@code total_size = step_size_up + step_size_down} and {@code step_ratio = step_size_up /
 * total_size}. The built-in amplitude functions: triangular {@code 1}, triangular2
 * {@code 1 / 2^(cycle - 1)} and exp_range {@code gamma ^ t}.
 */
public final class CyclicLR {
  private CyclicLR() {}

  /** {@code step_ratio = step_size_up / (step_size_up + step_size_down)}. */
  public static double stepRatio(int stepSizeUp, int stepSizeDown) {
    return (double) stepSizeUp / ((double) stepSizeUp + stepSizeDown);
  }

  /** {@code total_size = step_size_up + step_size_down}, a float as in PyTorch. */
  public static double totalSize(int stepSizeUp, int stepSizeDown) {
    return (double) stepSizeUp + stepSizeDown;
  }

  /** {@code step_size_up + step_size_down}: the cycle in whole steps. */
  public static long cycleLength(int stepSizeUp, int stepSizeDown) {
    return (long) stepSizeUp + stepSizeDown;
  }

  /** {@code 1 / steps}, or 0 for a half of no steps, which is never entered. */
  public static double inverse(int steps) {
    return steps == 0 ? 0.0 : 1.0 / steps;
  }

  /**
   * {@code scale} from the position in the cycle, counted in whole steps: {@code position /
   * step_size_up} rising, {@code (cycle_length - position) / step_size_down} falling. The same as
   * {@link #scale} but for rounding, without its floor and divisions.
   */
  public static double scaleAt(long position, int stepSizeUp, double inverseUp, long cycleLength, double inverseDown) {
    return position <= stepSizeUp ? position * inverseUp : (cycleLength - position) * inverseDown;
  }

  /** The rate at {@code level = scale * amplitude}: {@code base_lr + (max_lr - base_lr) * level}. */
  public static double level(double baseLr, double height, double level) {
    return baseLr + height * level;
  }

  /** The momentum at {@code level}: {@code max_momentum - (max_momentum - base_momentum) * level}. */
  public static double momentumLevel(double maxMomentum, double height, double level) {
    return maxMomentum - height * level;
  }

  /** The cycle of step {@code t}, counted from 1. */
  public static double cycle(double totalSize, long t) {
    return Math.floor(1 + t / totalSize);
  }

  /** The position of step {@code t} within its cycle, as {@code scale} above (0 at the ends, 1 at the peak). */
  public static double scale(double totalSize, double stepRatio, long t) {
    double cycle = Math.floor(1 + t / totalSize);
    double x = 1.0 + t / totalSize - cycle;
    return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
  }

  /** Mode triangular2's amplitude: {@code 1 / 2^(cycle - 1)}. */
  public static double triangular2(double cycle) {
    return 1 / Math.pow(2.0, cycle - 1);
  }

  /** Mode exp_range's amplitude: {@code gamma ^ t}. */
  public static double expRange(double gamma, long t) {
    return Math.pow(gamma, t);
  }

  /** The rate for a position {@code scale} and amplitude {@code amplitude}. */
  public static double lr(double baseLr, double maxLr, double scale, double amplitude) {
    return baseLr + (maxLr - baseLr) * scale * amplitude;
  }

  /** The momentum for a position {@code scale} and amplitude {@code amplitude}. */
  public static double momentum(
      double baseMomentum, double maxMomentum, double scale, double amplitude) {
    return maxMomentum - (maxMomentum - baseMomentum) * scale * amplitude;
  }
}

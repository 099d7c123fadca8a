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
 *
 * <p>Anneal counts the cycle ({@code t / cycle_length + 1}) and the position in it ({@code t %
 * cycle_length}) in whole steps, where PyTorch floors a quotient of floats: the same values but for
 * rounding, and exact however long the run ({@link #scaleAt}).
 */
public final class CyclicLR {
  private CyclicLR() {}

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
   * step_size_up} rising, {@code (cycle_length - position) / step_size_down} falling: PyTorch's
   * {@code scale} but for rounding, without its floor and divisions.
   */
  public static double scaleAt(long position, int stepSizeUp, double inverseUp, long cycleLength, double inverseDown) {
    return position <= stepSizeUp
        ? Steps.toDouble(position) * inverseUp
        : Steps.toDouble(cycleLength - position) * inverseDown;
  }

  /**
   * How much the rate moves per step on one half of a cycle whose amplitude is fixed for the
   * cycle: {@code (max_lr - base_lr) * amplitude / half}, given {@code inverse = 1 / half}.
   */
  public static double slope(double height, double amplitude, double inverse) {
    return height * amplitude * inverse;
  }

  /**
   * The rate from the {@link #slope slopes} of the current cycle: {@code base_lr + position *
   * up_slope} rising, {@code base_lr + (cycle_length - position) * down_slope} falling. The same
   * value as {@link #level} at {@link #scaleAt} but for rounding, with one multiplication a step.
   */
  public static double onSlopes(double baseLr, long position, int stepSizeUp, long cycleLength, double upSlope,
      double downSlope) {
    return baseLr + (position <= stepSizeUp
        ? Steps.toDouble(position) * upSlope
        : Steps.toDouble(cycleLength - position) * downSlope);
  }

  /** The rate at {@code level = scale * amplitude}: {@code base_lr + (max_lr - base_lr) * level}. */
  public static double level(double baseLr, double height, double level) {
    return baseLr + height * level;
  }

  /** The momentum at {@code level}: {@code max_momentum - (max_momentum - base_momentum) * level}. */
  public static double momentumLevel(double maxMomentum, double height, double level) {
    return maxMomentum - height * level;
  }

  /** Mode triangular2's amplitude: {@code 1 / 2^(cycle - 1)}. */
  public static double triangular2(double cycle) {
    return 1 / Math.pow(2.0, cycle - 1);
  }

  /** Mode exp_range's amplitude: {@code gamma ^ t}. */
  public static double expRange(double gamma, long t) {
    return Math.pow(gamma, Steps.toDouble(t));
  }
}

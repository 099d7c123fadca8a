package dev.anneal;

/**
 * Random access to a schedule that has a closed form: the rate at any step, without stepping.
 * Pure: it reads only the scheduler's construction-time values, never its current step, and gives
 * what stepping to that step gives.
 */
public interface LrFunction {

  /**
   * The rate of {@code group} after {@code step} calls of {@code step()}.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  double lrAt(long step, int group);

  /** The rate of group 0 after {@code step} calls of {@code step()}. */
  default double lrAt(long step) {
    return lrAt(step, 0);
  }
}

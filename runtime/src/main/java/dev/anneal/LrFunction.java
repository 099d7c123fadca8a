package dev.anneal;

/**
 * Random access to a schedule that has a closed form: the rate at any step, without stepping.
 * Pure: it reads only the scheduler's construction-time values, never its current step, and gives
 * what stepping to that step gives; so it is safe from any thread, while another steps.
 */
public interface LrFunction {

  /**
   * The rate of {@code group} after {@code step} calls of {@code step()}.
   *
   * @throws IllegalArgumentException if {@code step} is negative, or past the end of a schedule
   *     that has one (OneCycleLR's {@code total_steps})
   * @throws IndexOutOfBoundsException if there is no such group
   */
  double lrAt(long step, int group);

  /** The rate of group 0 after {@code step} calls of {@code step()}. */
  default double lrAt(long step) {
    return lrAt(step, 0);
  }
}

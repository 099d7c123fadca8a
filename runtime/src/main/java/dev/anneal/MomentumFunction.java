package dev.anneal;

/**
 * Random access to a cycled momentum: the momentum at any step, without stepping. Pure, as {@link
 * LrFunction} is: safe from any thread.
 */
public interface MomentumFunction {

  /**
   * The momentum of {@code group} after {@code step} calls of {@code step()}.
   *
   * @throws IllegalArgumentException if {@code step} is negative, or past the end of a schedule
   *     that has one (OneCycleLR's {@code total_steps})
   * @throws IndexOutOfBoundsException if there is no such group
   */
  double momentumAt(long step, int group);
}

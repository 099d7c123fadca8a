package dev.anneal;

/** Random access to a cycled momentum: the momentum at any step, without stepping. */
public interface MomentumFunction {

  /**
   * The momentum of {@code group} after {@code step} calls of {@code step()}.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  double momentumAt(long step, int group);
}

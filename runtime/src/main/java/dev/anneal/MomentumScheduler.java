package dev.anneal;

/**
 * A schedule that drives the optimizer's momentum as well: CyclicLR and OneCycleLR with
 * {@code cycleMomentum} (their default).
 */
public interface MomentumScheduler extends LrScheduler {

  /** The momentum in force for {@code group} at the current step (Adam's {@code beta1}). */
  double momentum(int group);

  /** The momentum in force for group 0 at the current step. */
  default double momentum() {
    return momentum(0);
  }

  /**
   * Every group's momentum in force at the current step, written into {@code into}, without
   * allocating.
   *
   * @return {@code into}
   * @throws IllegalArgumentException if {@code into} has fewer places than there are groups
   */
  default double[] momentums(double[] into) {
    int groups = groupCount();
    if (into.length < groups) {
      throw new IllegalArgumentException("momentums: the array has " + into.length + " places for the momentum of "
          + groups + " parameter groups");
    }
    for (int g = 0; g < groups; g++) {
      into[g] = momentum(g);
    }
    return into;
  }
}

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
}

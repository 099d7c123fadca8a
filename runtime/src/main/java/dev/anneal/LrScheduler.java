package dev.anneal;

/**
 * A learning-rate schedule over the parameter groups of one optimizer. Every generated scheduler
 * implements it; reading never allocates.
 *
 * <p>The contract is PyTorch's: right after construction {@link #lr(int)} is the rate for the
 * first optimizer step (step 0), and each {@code step} advances one step.
 */
public interface LrScheduler {

  /** The number of parameter groups: the number of initial rates the scheduler was built with. */
  int groupCount();

  /** The rate in force for {@code group} at the current step. */
  double lr(int group);

  /** The rate in force for group 0 at the current step. */
  default double lr() {
    return lr(0);
  }

  /** How many times the scheduler has been stepped: PyTorch's {@code last_epoch}. */
  long stepCount();
}

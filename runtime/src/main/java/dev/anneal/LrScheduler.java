package dev.anneal;

/**
 * A learning-rate schedule over the parameter groups of one optimizer. Every generated scheduler
 * implements it; reading never allocates.
 *
 * <p>The contract is PyTorch's: right after construction {@link #lr(int)} is the rate for the
 * first optimizer step (step 0), and each {@code step} advances one step.
 *
 * <p>Threads: stepping and {@link #restoreState} change the scheduler and have a single writer, the
 * training loop; like a PyTorch scheduler, the class does no locking, so another thread that reads
 * {@link #lr(int)} while the loop steps must synchronize with it. The random-access queries
 * ({@link LrFunction#lrAt}, {@link MomentumFunction#momentumAt}) are pure and safe from any thread
 * at any time, while the loop steps too.
 *
 * <p>For logs: a generated scheduler's {@code toString()} is one line naming its config, the
 * reference schedule with its {@link #parameters()} and the current step and rates, e.g. {@code
 * ResNetRun: CosineAnnealingLR(T_max=32, eta_min=1.0E-4) at step 5, lr [0.0098, 0.0049]}.
 *
 * <p>Reading a group that does not exist throws {@link IndexOutOfBoundsException} naming the group
 * and the number of groups.
 */
public interface LrScheduler {

  /** The number of parameter groups: the number of initial rates the scheduler was built with. */
  int groupCount();

  /**
   * The rate in force for {@code group} at the current step.
   *
   * @throws IndexOutOfBoundsException if there is no such group
   */
  double lr(int group);

  /**
   * The rate in force for group 0 at the current step: the read of a training loop with one
   * parameter group. Generated schedulers keep it ready in a field.
   */
  default double lr() {
    return lr(0);
  }

  /**
   * Every group's rate in force at the current step, written into {@code into} (PyTorch's {@code
   * get_last_lr()}), without allocating.
   *
   * @return {@code into}
   * @throws IllegalArgumentException if {@code into} has fewer places than there are groups
   */
  default double[] lrs(double[] into) {
    int groups = groupCount();
    if (into.length < groups) {
      throw new IllegalArgumentException("lrs: the array has " + into.length + " places for the rates of "
          + groups + " parameter groups");
    }
    for (int g = 0; g < groups; g++) {
      into[g] = lr(g);
    }
    return into;
  }

  /**
   * The schedule's parameters by the reference's names (PyTorch's, or the library's whose schedule
   * it is), bound values included, in the order of the reference's signature: what a trainer
   * records with its run. A combination lists its schedules' under {@code schedulers[i].name}
   * (after its own, such as SequentialLR's {@code milestones}). Names the reference does not have
   * (diffusers' {@code step_rules}, which Anneal takes apart) are Anneal's attribute names. Values
   * are numbers, booleans, strings (a mode by the reference's name, a function as {@code
   * Config::method}) and lists of them. Generated schedulers give theirs; the default is empty.
   *
   * @return an unmodifiable map
   */
  default java.util.Map<String, Object> parameters() {
    return java.util.Map.of();
  }

  /** How many times the scheduler has been stepped: PyTorch's {@code last_epoch}. */
  long stepCount();

  /**
   * The scheduler's complete state, for a checkpoint: restored by {@link #restoreState} into a
   * fresh instance built from the same config, it continues with the very rates (and momentum)
   * this one would have given, bit for bit.
   *
   * <p>The form, version 1, big-endian:
   * <pre>
   * bytes  content
   * 4      "ANLS", the mark of a saved scheduler state
   * 2      version of the form: 1
   * 4      length of the whole state in bytes, checksum included
   * 8      fingerprint of the configuration: the schedule's parameters and the layout of its state,
   *        fixed when the class was generated, with the bound values and initial rates folded in
   * 4      number of parameter groups
   * 8      step count, PyTorch's last_epoch
   * 4      number n of state values that follow
   * 8 * n  the state values, in the order the generated class lists its state fields (rates per
   *        group, running factors, cycle positions, plateau counters, best metric...): doubles as
   *        their IEEE 754 bits, ints and longs as longs
   * 4      CRC-32 of all the bytes before it
   * </pre>
   *
   * @return a new array; saving does not change the scheduler
   */
  byte[] saveState();

  /**
   * Replaces this scheduler's state by one {@link #saveState saved} from a scheduler of the same
   * configuration. The state is checked whole before any of it is taken: if it is refused, this
   * scheduler is left exactly as it was. Beyond the checksum, the values themselves are checked:
   * the step count must be in {@code [0, 2^62]}, no value may be NaN, and every value that follows
   * from the step count (a next decay's step, a cycle position, a running factor, a cosine wave)
   * must be what stepping to it leaves, to rounding; a state that fails is {@code CORRUPTED}.
   *
   * @throws SchedulerStateException if the state is not a saved state, was written in another
   *     version of the form, is truncated or corrupted, or comes from another configuration (other
   *     parameters, bound values, initial rates or number of groups); {@link
   *     SchedulerStateException#reason()} says which
   * @throws NullPointerException if {@code state} is null
   */
  void restoreState(byte[] state);
}

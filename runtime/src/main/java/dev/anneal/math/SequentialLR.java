package dev.anneal.math;

/**
 * {@code SequentialLR}: schedules in turn, schedule {@code i} in force from milestone {@code i - 1}
 * (0 for the first) to milestone {@code i}. At its milestone a schedule restarts: it is set to its
 * own step 0 through its closed form, then stepped from there, so schedule {@code i} at step
 * {@code t} gives its own rate at step {@code t - milestone(i - 1)}. MultiplicativeLR, which has no
 * closed form, instead continues from the rate in force at its milestone, as in PyTorch.
 */
public final class SequentialLR {
  private SequentialLR() {}

  /** The index of the schedule in force at step {@code t}: the number of milestones at or before it. */
  public static int phase(int[] milestones, long t) {
    int phase = 0;
    while (phase < milestones.length && milestones[phase] <= t) {
      phase++;
    }
    return phase;
  }
}

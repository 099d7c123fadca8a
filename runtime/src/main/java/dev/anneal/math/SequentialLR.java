package dev.anneal.math;

/**
 * {@code SequentialLR}: schedules in turn, schedule {@code i} in force from milestone {@code i - 1}
 * (0 for the first) to milestone {@code i}. At its milestone a schedule restarts: it is set to its
 * own step 0 through its closed form, then stepped from there, so schedule {@code i} at step
 * {@code t} gives its own rate at step {@code t - milestone(i - 1)}. MultiplicativeLR, which has no
 * closed form, instead continues from the rate in force at its milestone, as in PyTorch.
 *
 * <p>The milestones are written in the annotation and known when the scheduler is generated, so
 * the generated class finds the schedule in force with one comparison per milestone against
 * constants ({@code if (t < m0) ... else if (t < m1) ... else ...}), the one rule for the phase
 * of a step, used by stepping, reading and {@code lrAt} alike. Nothing here is called at run time.
 */
public final class SequentialLR {
  private SequentialLR() {}
}

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

  /**
   * Why a later schedule with this {@code total_iters} cannot run, or null where it can: PyTorch
   * starts a later schedule at its milestone through its closed form at its step 0, and LinearLR's
   * and PolynomialLR's closed forms divide by {@code total_iters} there, so 0 raises
   * ZeroDivisionError. (ConstantLR's does not divide, and negative values run.)
   */
  public static String restartRefusal(String schedule, int totalIters) {
    if (totalIters != 0 || !(schedule.equals("LinearLR") || schedule.equals("PolynomialLR"))) {
      return null;
    }
    return schedule + ": totalIters (total_iters) = " + totalIters + " must not be 0 in a later"
        + " schedule of @Sequential or after @Warmup: PyTorch starts it at its milestone through its"
        + " closed form, which divides by total_iters (ZeroDivisionError)";
  }

  /**
   * Why {@code milestone} can never be reached after a OneCycleLR that starts at step {@code
   * start} with {@code totalSteps} steps, or null where it can: the OneCycleLR runs its own steps
   * 0 to {@code total_steps} and PyTorch raises on the next, so the milestone must be at most
   * {@code start + total_steps + 1}.
   */
  public static String unreachedMilestone(long milestone, long start, long totalSteps) {
    long last = start + totalSteps + 1;
    if (milestone <= last) {
      return null;
    }
    return "@Sequential milestone " + milestone + " is never reached: the OneCycleLR before it,"
        + " from step " + start + ", has total_steps = " + totalSteps + " and PyTorch raises on"
        + " step " + (last) + "; the milestone must be <= " + last;
  }
}

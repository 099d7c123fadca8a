package dev.anneal.math;

import dev.anneal.internal.Rule;

/**
 * {@code OneCycleLR}: the 1cycle policy. The rate starts at {@code initial_lr = max_lr /
 * div_factor}, rises to {@code max_lr} over the first {@code pct_start} of {@code total_steps}, then
 * anneals to {@code min_lr = initial_lr / final_div_factor}; the momentum moves the opposite way
 * between {@code max_momentum} and {@code base_momentum}.
 *
 * <p>Phases, each annealing from its start value to its end value as {@code pct} goes from 0 to 1,
 * with {@code pct = (t - start_step) / (end_step - start_step)}:
 *
 * <pre>
 * two phases:   [0, pct_start * total - 1]       initial_lr -&gt; max_lr,  max_m  -&gt; base_m
 *               (.., total - 1]                  max_lr -&gt; min_lr,      base_m -&gt; max_m
 * three phases: [0, pct_start * total - 1]       initial_lr -&gt; max_lr,  max_m  -&gt; base_m
 *               (.., 2 * pct_start * total - 2]  max_lr -&gt; initial_lr,  base_m -&gt; max_m
 *               (.., total - 1]                  initial_lr -&gt; min_lr,  max_m  -&gt; max_m
 * cos:    anneal(start, end, pct) = end + (start - end) / 2 * (cos(pi * pct) + 1)
 * linear: anneal(start, end, pct) = (end - start) * pct + start
 * </pre>
 *
 * <p>PyTorch allows {@code total_steps} calls of {@code step()} (the last one extrapolates the final
 * phase one step) and raises on the next.
 */
public final class OneCycleLR {
  private OneCycleLR() {}

  /**
   * {@code total_steps = epochs * steps_per_epoch}.
   *
   * @throws IllegalArgumentException if the product does not fit an {@code int}
   */
  public static int totalSteps(int epochs, int stepsPerEpoch) {
    long total = (long) epochs * stepsPerEpoch;
    if (total != (int) total) {
      throw new IllegalArgumentException("OneCycleLR: epochs (epochs) = " + epochs
          + " times stepsPerEpoch (steps_per_epoch) = " + stepsPerEpoch + " = " + total
          + " steps must fit an int (at most " + Integer.MAX_VALUE + ")");
    }
    return (int) total;
  }

  /** {@code end_step} of the first phase: {@code pct_start * total_steps - 1}. */
  public static double warmupEnd(int totalSteps, double pctStart) {
    return pctStart * totalSteps - 1;
  }

  /** {@code end_step} of the middle phase of three: {@code 2 * pct_start * total_steps - 2}. */
  public static double returnEnd(int totalSteps, double pctStart) {
    return 2 * pctStart * totalSteps - 2;
  }

  /** {@code end_step} of the last phase: {@code total_steps - 1}. */
  public static double lastEnd(int totalSteps) {
    return totalSteps - 1;
  }

  /**
   * {@code 1 / span}, so that stepping multiplies where PyTorch divides by a phase's length; 0 for
   * a phase of no length, which no step enters.
   */
  public static double inverse(double span) {
    return span == 0 ? 0.0 : 1.0 / span;
  }

  /** {@code cos(pi * pct) + 1}: the part of cosine annealing shared by every parameter group. */
  public static double cosWave(double pct) {
    return Math.cos(Math.PI * pct) + 1;
  }

  /**
   * Cosine annealing from {@code start} to {@code end}, given {@code wave = cosWave(pct)}:
   * PyTorch's {@code _annealing_cos}, {@code end + (start - end) / 2.0 * wave}.
   */
  public static double annealCos(double start, double end, double wave) {
    return onCosine(end, halfSpan(start, end), wave);
  }

  /** {@code (start - end) / 2.0}: what a phase's cosine annealing multiplies its wave by. */
  public static double halfSpan(double start, double end) {
    return (start - end) / 2.0;
  }

  /** {@link #annealCos} with its {@link #halfSpan} computed once for the phase. */
  public static double onCosine(double end, double halfSpan, double wave) {
    return end + halfSpan * wave;
  }

  /**
   * Linear annealing from {@code start} to {@code end} as {@code pct} goes from 0 to 1: PyTorch's
   * {@code _annealing_linear}, {@code (end - start) * pct + start}.
   */
  public static double annealLinear(double start, double end, double pct) {
    return onLine(start, rise(start, end), pct);
  }

  /** {@code end - start}: what a phase's linear annealing multiplies its fraction by. */
  public static double rise(double start, double end) {
    return end - start;
  }

  /** {@link #annealLinear} with its {@link #rise} computed once for the phase. */
  public static double onLine(double start, double rise, double pct) {
    return rise * pct + start;
  }

  /**
   * Why this configuration divides by zero on some step PyTorch allows, or {@code null} if it does
   * not: a phase of zero length that some step in {@code [0, total_steps]} falls into.
   */
  public static String zeroLengthPhase(int totalSteps, double pctStart, boolean threePhase) {
    String values = "pctStart (pct_start) = " + Rule.format(pctStart) + " and totalSteps (total_steps) = "
        + totalSteps;
    double warmupEnd = warmupEnd(totalSteps, pctStart);
    if (warmupEnd == 0) {
      return values + " give a first phase of zero length (pct_start * total_steps - 1 = 0),"
          + " so step 0 divides by zero";
    }
    double previousEnd = threePhase ? returnEnd(totalSteps, pctStart) : warmupEnd;
    double lastEnd = lastEnd(totalSteps);
    if (lastEnd == previousEnd && Math.floor(previousEnd) + 1 <= totalSteps) {
      return values + " give a last phase of zero length (it starts and ends at step "
          + Rule.format(lastEnd) + "), so the steps after it divide by zero";
    }
    return null;
  }
}

package dev.anneal.math;

import java.util.Arrays;

/**
 * diffusers' {@code get_piecewise_constant_schedule}: a {@code LambdaLR} whose factor is that of
 * the first rule, in order of step, whose step is greater than the step count, or the last factor
 * past every rule:
 *
 * <pre>
 * lr_lambda(t) = factor of the rule of the smallest step s with t &lt; s
 *              = last_lr_multiple                         where t &gt;= every step
 * </pre>
 *
 * <p>The reference reads the rules from a string {@code "f1:s1,f2:s2,...,last"} into a dict keyed
 * by step: it sorts them by step, and of rules of the same step keeps the one written later. The
 * steps are boundaries counted from 0, not the lengths of the pieces that the reference's
 * documentation describes ({@code "1:10,0.1:20"} runs 0.1 from step 10 to 19, not for 20 steps).
 */
public final class PiecewiseConstantSchedule {
  private PiecewiseConstantSchedule() {}

  /** The steps of the rules as the reference keys them: sorted, each once. */
  public static int[] steps(int[] ruleSteps) {
    return Arrays.stream(ruleSteps).sorted().distinct().toArray();
  }

  /**
   * The factor of each step of {@link #steps}: of rules of the same step, the later one's, as a
   * dict keeps the last value written to a key.
   */
  public static double[] factors(int[] ruleSteps, double[] ruleFactors) {
    int[] steps = steps(ruleSteps);
    double[] factors = new double[steps.length];
    for (int i = 0; i < ruleSteps.length; i++) {
      factors[Arrays.binarySearch(steps, ruleSteps[i])] = ruleFactors[i];
    }
    return factors;
  }

  /**
   * The first rule whose step is not above the step of the rule before it, where the order the
   * reference uses differs from the written one; -1 where the steps rise throughout.
   */
  public static int firstOutOfOrder(int[] ruleSteps) {
    for (int i = 1; i < ruleSteps.length; i++) {
      if (ruleSteps[i] <= ruleSteps[i - 1]) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The factor on {@code base_lr} at step {@code t}, given the sorted {@link #steps} and their
   * {@link #factors}.
   */
  public static double factor(int[] steps, double[] factors, double lastFactor, long t) {
    // The first step above t, by bisection: the same rule the reference finds by walking them.
    int low = 0;
    int high = steps.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (t < steps[middle]) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low < steps.length ? factors[low] : lastFactor;
  }
}

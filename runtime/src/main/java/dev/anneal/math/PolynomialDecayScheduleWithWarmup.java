package dev.anneal.math;

import dev.anneal.internal.Rule;

/**
 * Hugging Face transformers' {@code get_polynomial_decay_schedule_with_warmup}: a {@code LambdaLR}
 * whose factor rises linearly from 0 over {@code num_warmup_steps}, then decays as a power of the
 * steps left until {@code num_training_steps}, from the optimizer's default rate {@code lr_init}
 * down to {@code lr_end}, where it stays:
 *
 * <pre>
 * lr_lambda(t) = t / max(1, num_warmup_steps)                                        if t &lt; num_warmup_steps
 *              = lr_end / lr_init                                                    if t &gt; num_training_steps
 *              = ((lr_init - lr_end) * pct_remaining(t) ^ power + lr_end) / lr_init   otherwise
 * pct_remaining(t) = 1 - (t - num_warmup_steps) / (num_training_steps - num_warmup_steps)
 * </pre>
 *
 * <p>{@code lr_init} is {@code optimizer.defaults["lr"]}, the rate the optimizer was built with,
 * not a parameter group's: a group of another initial rate decays to {@code lr_end} scaled by its
 * own rate over {@code lr_init}. The reference raises {@code ValueError} unless {@code lr_init >
 * lr_end}, and divides by zero where the decay has no steps and where {@code pct_remaining} reaches
 * 0 with a negative power, both at step {@code num_training_steps}.
 */
public final class PolynomialDecayScheduleWithWarmup {
  private static final String NAME = "transformers.get_polynomial_decay_schedule_with_warmup";

  /** {@code lr_end} where it is not given. */
  public static final double DEFAULT_LR_END = 1e-7;

  private PolynomialDecayScheduleWithWarmup() {}

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(
      int numWarmupSteps, int numTrainingSteps, double lrEnd, double power, double lrInit, long t) {
    if (t < numWarmupSteps) {
      return Warmup.factor(numWarmupSteps, t);
    }
    if (t > numTrainingSteps) {
      return lrEnd / lrInit;
    }
    double lrRange = lrInit - lrEnd;
    long decaySteps = (long) numTrainingSteps - numWarmupSteps;
    double pctRemaining = 1 - Steps.difference(t, numWarmupSteps) / decaySteps;
    double decay = lrRange * Math.pow(pctRemaining, power) + lrEnd;
    return decay / lrInit;
  }

  /**
   * Why the reference refuses {@code lr_end} against {@code lr_init}, or null where it does not:
   * its {@code ValueError} unless {@code lr_init > lr_end}.
   */
  public static String endRefusal(double lrEnd, double lrInit) {
    if (!(lrInit > lrEnd)) {
      return NAME + ": lrEnd (lr_end) = " + Rule.format(lrEnd)
          + " must be smaller than lrInit (optimizer.defaults[\"lr\"]) = " + Rule.format(lrInit)
          + ", as the reference raises ValueError(\"lr_end (...) must be smaller than initial lr (...)\")";
    }
    // The decay's factor lies between lr_end / lr_init and 1, through (lr_init - lr_end) / lr_init;
    // an lr_init of 0 breaks a rule of its own.
    if (lrInit != 0 && !(Double.isFinite(lrInit - lrEnd) && Double.isFinite((lrInit - lrEnd) / lrInit)
        && Double.isFinite(lrEnd / lrInit))) {
      return NAME + ": lrEnd (lr_end) = " + Rule.format(lrEnd) + " and lrInit (optimizer.defaults[\"lr\"]) = "
          + Rule.format(lrInit) + " take the decay's factor, (lr_init - lr_end) / lr_init, past the largest"
          + " double: every rate of the decay would be infinite or NaN";
    }
    return null;
  }

  /**
   * Why the decay divides by zero, or null where it does not: where it has no steps, {@code
   * num_training_steps == num_warmup_steps}, step {@code num_training_steps} divides by them. (Where
   * {@code num_training_steps < num_warmup_steps} the decay is never reached.)
   */
  public static String noDecayRefusal(int numWarmupSteps, int numTrainingSteps) {
    if (numTrainingSteps != numWarmupSteps) {
      return null;
    }
    return NAME + ": numTrainingSteps (num_training_steps) = " + numTrainingSteps
        + " equals numWarmupSteps (num_warmup_steps), so the decay has no steps and the reference divides by"
        + " them at that step";
  }

  /**
   * Why the decay divides by zero, or null where it does not: where it has steps, it ends at step
   * {@code num_training_steps} with {@code pct_remaining = 0}, and {@code 0.0 ** power} divides by
   * zero for a negative power.
   */
  public static String negativePowerRefusal(int numWarmupSteps, int numTrainingSteps, double power) {
    if (!(numTrainingSteps > numWarmupSteps && power < 0)) {
      return null;
    }
    return NAME + ": power (power) = " + Rule.format(power) + " is negative, and at step num_training_steps = "
        + numTrainingSteps + " the reference raises 0.0 to it, which divides by zero";
  }

  /**
   * Checks what {@link #endRefusal}, {@link #noDecayRefusal} and {@link #negativePowerRefusal}
   * check, for values that arrive at run time.
   *
   * @throws IllegalArgumentException with the first refusal
   */
  public static void check(int numWarmupSteps, int numTrainingSteps, double lrEnd, double power, double lrInit) {
    String refusal = endRefusal(lrEnd, lrInit);
    if (refusal == null) {
      refusal = noDecayRefusal(numWarmupSteps, numTrainingSteps);
    }
    if (refusal == null) {
      refusal = negativePowerRefusal(numWarmupSteps, numTrainingSteps, power);
    }
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}

package dev.anneal.math;

/**
 * Hugging Face transformers' {@code get_inverse_sqrt_schedule}: a {@code LambdaLR} whose factor
 * rises linearly from 0 over {@code num_warmup_steps}, then decays as the inverse square root of
 * the steps, on the time scale {@code timescale}:
 *
 * <pre>
 * lr_lambda(t) = t / max(1, num_warmup_steps)                        if t &lt; num_warmup_steps
 *              = 1 / sqrt((t + timescale - num_warmup_steps) / timescale)   otherwise
 * </pre>
 *
 * <p>{@code timescale} defaults to {@code num_warmup_steps}, or to 10,000 where that is 0. The
 * reference computes {@code t + shift} in integers and divides them exactly rounded, as Java's
 * {@code long} to {@code double} division does here for any step below 2^53.
 */
public final class InverseSqrtSchedule {
  /** The time scale where neither it nor {@code num_warmup_steps} is given. */
  public static final int DEFAULT_TIMESCALE = 10_000;

  private InverseSqrtSchedule() {}

  /**
   * The reference's default {@code timescale}: {@code num_warmup_steps or 10_000}.
   *
   * @throws IllegalArgumentException for a negative {@code num_warmup_steps}: the reference takes it
   *     as the time scale, and its decay at step 0, {@code 1 / sqrt(0 / num_warmup_steps)}, divides
   *     by zero
   */
  public static int timescale(int numWarmupSteps) {
    if (numWarmupSteps < 0) {
      throw new IllegalArgumentException("transformers.get_inverse_sqrt_schedule: numWarmupSteps (num_warmup_steps) = "
          + numWarmupSteps + " is negative, and without timescale the reference takes it as the time scale, whose"
          + " decay divides by zero at step 0; give timescale > 0");
    }
    return numWarmupSteps != 0 ? numWarmupSteps : DEFAULT_TIMESCALE;
  }

  /** The factor on {@code base_lr} at step {@code t}. */
  public static double factor(int numWarmupSteps, int timescale, long t) {
    if (t < numWarmupSteps) {
      return (double) t / Math.max(1, numWarmupSteps);
    }
    long shift = (long) timescale - numWarmupSteps;
    return 1.0 / Math.sqrt(Steps.difference(t, -shift) / timescale);
  }
}

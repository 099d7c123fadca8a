package dev.anneal.math;

import dev.anneal.WsdType;

/**
 * The warm-up of {@link dev.anneal.Warmup}: the factor on {@code base_lr} rises from
 * {@code start_factor} to 1 over {@code steps} steps, along one of Hugging Face's warm-up curves,
 * computed as {@code get_wsd_schedule} computes its warm-up (whose {@code min_lr_ratio} is the
 * start factor):
 *
 * <pre>
 * factor(t) = shape(t / steps) * (1 - start_factor) + start_factor   if t &lt; steps
 *           = 1                                                      otherwise
 * shape(p) = p | 0.5 * (1 - cos(pi p)) | 1 - sqrt(1 - p)              by warmup_type
 * </pre>
 */
public final class ScheduleWarmup {
  private ScheduleWarmup() {}

  /** The factor on {@code base_lr} at step {@code t} of a warm-up of {@code steps >= 1} steps. */
  public static double factor(int steps, double startFactor, WsdType shape, long t) {
    if (t >= steps) {
      return 1.0;
    }
    return Warmup.curve(shape, Steps.toDouble(t) / steps) * (1.0 - startFactor) + startFactor;
  }
}

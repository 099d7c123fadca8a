package dev.anneal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A warm-up in front of the config's schedule: for the first {@code steps} steps the rate rises
 * from {@code startFactor} times the initial rate to the initial rate, along {@code shape}; then
 * the schedule runs on its own clock, from its own step 0, as if it were built at the end of the
 * warm-up.
 *
 * <pre>
 * lr(t) = base_lr * (startFactor + (1 - startFactor) * shape(t / steps))   if t &lt; steps
 *       = schedule(t - steps)                                              otherwise
 * shape(p) = p | 0.5 * (1 - cos(pi p)) | 1 - sqrt(1 - p)                     by shape
 * </pre>
 *
 * <p>It is PyTorch's {@code SequentialLR([warmup, schedule], milestones=[steps])}, with a warm-up
 * that PyTorch lacks: one from 0 (its {@code LinearLR} refuses {@code start_factor = 0}), in the
 * curves of Hugging Face's {@code warmup_type}, and in front of {@code ReduceLROnPlateau}. There
 * the scheduler is stepped with the metric from the first step: during the warm-up each metric
 * that improves on the best so far is recorded as the best, no step counts as bad and the rate
 * is never cut; at step {@code steps} the plateau logic starts from the initial rate, the rate the
 * warm-up reaches, and compares later metrics with the best recorded.
 *
 * <pre>{@code
 * @Warmup(steps = 500)
 * @Schedule(type = REDUCE_ON_PLATEAU, patience = 3)
 * final class FineTune {}
 * }</pre>
 *
 * <p>In front of a {@link Sequential} config the warm-up comes first and the milestones count from
 * its end. {@code steps} and {@code startFactor} can be bound as {@code warmupSteps} and
 * {@code warmupStartFactor} (see {@link Bind}). A warm-up cannot precede {@link Chained} schedules, {@code ONE_CYCLE} (which
 * warms up itself, over {@code pctStart}) or a {@code CYCLIC} that cycles the momentum.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Warmup {
  /**
   * The steps of the warm-up, at least 1; the schedule takes over at this step. Required: written
   * here, or bound as {@code warmupSteps}.
   */
  int steps() default 0;

  /** The factor on the initial rate at step 0, from 0 to 1. */
  double startFactor() default 0.0;

  /** The curve from {@code startFactor} to 1: Hugging Face's {@code warmup_type}. */
  WsdType shape() default WsdType.LINEAR;
}

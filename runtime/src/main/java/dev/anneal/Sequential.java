package dev.anneal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code SequentialLR}: the config's {@link Schedule}s run one after another, in the
 * order written, switching at the milestones. At each milestone the next schedule restarts from
 * its own step 0, as in PyTorch.
 *
 * <pre>{@code
 * @Schedule(type = LINEAR, startFactor = 0.1, totalIters = 5)
 * @Schedule(type = COSINE, tMax = 27)
 * @Sequential(milestones = 5)
 * final class WarmupCosine {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sequential {
  /** The steps at which the next schedule takes over: one fewer than the schedules, increasing. */
  int[] milestones();
}

package dev.anneal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link Schedule} attribute to a value supplied when the scheduler is built, for
 * hyperparameters that come from a command line, a sweep or a config file.
 *
 * <pre>{@code
 * @Schedule(type = ScheduleType.COSINE, tMax = 10_000)
 * record SweepRun(@Bind double etaMin) {}
 *
 * new SweepRunScheduler(new SweepRun(parsedEtaMin), 0.1);
 * }</pre>
 *
 * <p>The attributes of a {@link Warmup} are bound as {@code warmupSteps} and
 * {@code warmupStartFactor}.
 *
 * <p>On a record component or on a no-argument accessor of the config. Numbers can be bound: the
 * accessor's type must be the attribute's ({@code double} or {@code int}; for a per-group attribute
 * {@code double} for all groups or {@code double[]} with one value per group). Enums, booleans,
 * method names and milestones shape the generated class and are written in the annotation.
 * The generated scheduler then takes the config as its first constructor argument and checks the
 * value with the rule the processor applies to a written value, throwing
 * {@link IllegalArgumentException} that names the parameter, the value and the rule.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Bind {
  /** The attribute bound; by default the name of the component or accessor. */
  String value() default "";

  /**
   * Which {@code @Schedule} of the config, counted from 0 in the order written; needed only where
   * the config has several. Leave it out where the config has one: a value written here must be
   * from 0 to one less than the number of {@code @Schedule} annotations, and a negative one is a
   * compile error.
   */
  int schedule() default -1;
}

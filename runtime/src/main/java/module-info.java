/**
 * Anneal's runtime: {@link dev.anneal.Schedule} and the other annotations of a training config,
 * the interfaces generated schedulers implement ({@link dev.anneal.StepScheduler},
 * {@link dev.anneal.MetricScheduler}, {@link dev.anneal.LrFunction}, ...), and the formulas they
 * call ({@code dev.anneal.math}).
 *
 * <p>Generated classes live in the user's module and call into all three packages, so all three
 * are exported; {@code dev.anneal.internal} holds the checks and the state codec of generated code
 * and is no API: its names may change between releases.
 *
 * <p>Generated classes carry {@code @javax.annotation.processing.Generated}, of the module
 * {@code java.compiler}. It is read here statically and transitively, so that every module that
 * requires {@code dev.anneal} reads it when compiled with nothing to add; the annotation is kept in
 * sources only, so nothing of {@code java.compiler} is needed at run time.
 */
module dev.anneal {
  exports dev.anneal;
  exports dev.anneal.math;
  exports dev.anneal.internal;

  requires static transitive java.compiler;
}

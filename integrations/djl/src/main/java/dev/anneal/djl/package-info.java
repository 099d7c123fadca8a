/**
 * Generated schedulers as the learning-rate trackers of DJL's optimizers.
 *
 * <ul>
 *   <li>{@link dev.anneal.djl.AnnealTracker} and {@link dev.anneal.djl.AnnealParameterTracker}:
 *       a scheduler with a closed form ({@link dev.anneal.LrFunction}), queried at the step of
 *       each update; for one group, or per parameter with a map from parameter names to groups.
 *   <li>{@link dev.anneal.djl.LiveTracker} and {@link dev.anneal.djl.LiveParameterTracker}: a
 *       scheduler read as it stands, stepped by the tracker (a {@link dev.anneal.StepScheduler})
 *       or by the training loop with a metric (a {@link dev.anneal.MetricScheduler}).
 *   <li>{@link dev.anneal.djl.StepConvention}: DJL's update {@code n}, counted from 1, runs at
 *       scheduler step {@code n - 1}.
 * </ul>
 *
 * <p>The momentum is not scheduled: DJL's optimizers take it only as a constant fixed when they are
 * built, so a scheduler that cycles it is refused rather than half applied.
 */
package dev.anneal.djl;

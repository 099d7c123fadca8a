/**
 * Generated schedulers as the learning-rate and momentum schedules of Deeplearning4j's updaters.
 *
 * <ul>
 *   <li>{@link dev.anneal.dl4j.AnnealSchedule}: an {@code ISchedule} from a scheduler with a closed
 *       form ({@link dev.anneal.LrFunction}), per iteration or per epoch, for one parameter group;
 *       it is written to DL4J's JSON as the values that rebuild the scheduler (its class, the
 *       initial rates, a {@code @Bind} config's record components), and read back to the same
 *       rates.
 *   <li>{@link dev.anneal.dl4j.StepConvention}: DL4J's iteration {@code i} (or epoch {@code e}),
 *       counted from 0, runs at scheduler step {@code i} (or {@code e}).
 * </ul>
 */
package dev.anneal.dl4j;

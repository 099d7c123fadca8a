package dev.anneal.djl;

import ai.djl.training.tracker.Tracker;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;

/**
 * A generated scheduler as the learning-rate {@link Tracker} of a DJL optimizer, read as it
 * stands rather than through a closed form: for ReduceLROnPlateau, MultiplicativeLR and the
 * {@code @Chained} recurrences, which have none (or replay one in {@code lrAt}), and for any
 * scheduler that a run wants stepped rather than queried.
 *
 * <p>The contract with the training loop depends on who can step the scheduler:
 *
 * <ul>
 *   <li><b>A {@link StepScheduler} (every schedule but ReduceLROnPlateau) is stepped by the
 *       tracker, never by the loop.</b> At the first call of update {@code numUpdate} the tracker
 *       calls {@code step()} until the scheduler is at step {@code numUpdate - 1} ({@link
 *       StepConvention}), once per update in a run, and returns its rate: the first update gets
 *       the rate of step 0, each later one the rate one step on, as in PyTorch's loop ({@code
 *       optimizer.step()} then {@code scheduler.step()}). So {@code EasyTrain.fit} needs nothing
 *       more. A fresh scheduler with {@code optBeginNumUpdate(k)} is stepped {@code k} times at
 *       the first update; a scheduler restored to step {@code k} from a checkpoint goes on with
 *       {@code optBeginNumUpdate(k)}. A scheduler found past the update's step (stepped by the
 *       loop, or reused by a new trainer, whose count starts again at 1) is refused with {@link
 *       IllegalStateException}: it cannot go back.
 *   <li><b>A {@link MetricScheduler} (ReduceLROnPlateau) is stepped by the loop</b>, with the
 *       metric, between two {@code trainer.step()} calls: PyTorch's loop steps it once per epoch
 *       after validation, {@code scheduler.step(validationLoss)}. Each update gets the rate in
 *       force at its first call: an update after {@code step(metric)} sees its result, the updates
 *       before it the rate before. With {@code EasyTrain.fit}, which has no place after an epoch's
 *       validation for it, write the epoch loop: {@code fit} for one epoch, then {@code
 *       step(metric)}.
 * </ul>
 *
 * <p>DJL asks once per parameter per update, all with the same {@code numUpdate}: the rate is
 * read (and the scheduler stepped) at the first call of an update only, and the same {@code float}
 * returned to every later call with that {@code numUpdate}, whatever happens to the scheduler in
 * between; a call with another {@code numUpdate} starts a new update. The {@code float} is the
 * rate rounded to the nearest; a rate past the largest float is refused with {@link
 * ArithmeticException}, as are the update counts {@link StepConvention#step} refuses, and the
 * scheduler's own refusals (a step past OneCycleLR's end, a factor function's NaN) come through
 * as they are, from {@code trainer.step()}.
 *
 * <p>The scheduler has a single writer: this tracker (a {@code StepScheduler}) or the loop (a
 * {@code MetricScheduler}), as a PyTorch scheduler has. The tracker locks itself while it steps
 * or reads. A scheduler that cycles the momentum is refused (DJL's optimizers take the momentum
 * only as a constant): write {@code cycleMomentum = false}.
 */
public final class LiveTracker implements Tracker {

  private final LiveRates rates;
  private final int group;

  private LiveTracker(LrScheduler scheduler, int group) {
    this.rates = new LiveRates(scheduler, new int[] {group});
    this.group = group;
  }

  /**
   * The tracker of group 0 of {@code scheduler}, which it steps once per update.
   *
   * @throws IllegalArgumentException if {@code scheduler} cycles the momentum
   */
  public static LiveTracker of(StepScheduler scheduler) {
    return new LiveTracker(scheduler, 0);
  }

  /**
   * The tracker of {@code group} of {@code scheduler}, which it steps once per update; for several
   * groups in one optimizer see {@link LiveParameterTracker} (two trackers would both step it).
   *
   * @throws IllegalArgumentException if {@code scheduler} cycles the momentum
   * @throws IndexOutOfBoundsException if {@code scheduler} has no such group
   */
  public static LiveTracker of(StepScheduler scheduler, int group) {
    return new LiveTracker(scheduler, group);
  }

  /** The tracker of group 0 of {@code scheduler}, which the training loop steps. */
  public static LiveTracker of(MetricScheduler scheduler) {
    return new LiveTracker(scheduler, 0);
  }

  /**
   * The tracker of {@code group} of {@code scheduler}, which the training loop steps.
   *
   * @throws IndexOutOfBoundsException if {@code scheduler} has no such group
   */
  public static LiveTracker of(MetricScheduler scheduler, int group) {
    return new LiveTracker(scheduler, group);
  }

  /**
   * The rate of update {@code numUpdate}: the scheduler's, stepped to {@code numUpdate - 1} if it
   * is a {@link StepScheduler}, as it stands if it is a {@link MetricScheduler}; read at the
   * update's first call.
   *
   * @throws IllegalArgumentException if {@code numUpdate} is below 1
   * @throws IllegalStateException if a {@code StepScheduler} is past step {@code numUpdate - 1}
   * @throws ArithmeticException if {@code numUpdate} is {@link Integer#MAX_VALUE}, where DJL's
   *     counter stops, or the rate is past the largest float
   */
  @Override
  public float getNewValue(int numUpdate) {
    return rates.at(numUpdate)[0];
  }

  /** The scheduler this tracker reads. */
  public LrScheduler scheduler() {
    return rates.scheduler;
  }

  /** The parameter group this tracker reads. */
  public int group() {
    return group;
  }

  @Override
  public String toString() {
    return "LiveTracker[" + rates.scheduler.getClass().getSimpleName() + ", group " + group + "]";
  }
}

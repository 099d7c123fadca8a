package dev.anneal.djl;

import ai.djl.training.tracker.Tracker;
import dev.anneal.LrFunction;

/**
 * A generated scheduler with a closed form as the learning-rate {@link Tracker} of a DJL
 * optimizer, for one parameter group:
 *
 * <pre>{@code
 * Optimizer sgd = Optimizer.sgd()
 *     .setLearningRateTracker(AnnealTracker.of(new ResNetRunScheduler(0.1)))
 *     .optMomentum(0.9f)
 *     .build();
 * }</pre>
 *
 * <p>Update {@code numUpdate} gets the scheduler's rate at step {@code numUpdate - 1} ({@link
 * StepConvention}): the first update the rate of step 0, as the first {@code optimizer.step()} of
 * PyTorch's loop. The rate comes from {@link LrFunction#lrAt}, never from stepping: nobody calls
 * {@code step()} on the scheduler, the training loop is DJL's own ({@code EasyTrain.fit} or
 * {@code trainer.step()} per batch), and a resumed run needs only the optimizer's {@code
 * optBeginNumUpdate} ({@link StepConvention#beginNumUpdate}). The scheduler is only read, so it may
 * be shared; stepping it elsewhere changes nothing here.
 *
 * <p>DJL asks once per parameter per update, all with the same {@code numUpdate}: the rate is
 * computed at the first call of an update and the same {@code float} returned to the others. The
 * {@code float} is the rate rounded to the nearest; a rate past the largest float is refused with
 * {@link ArithmeticException}, and {@code lrAt}'s own refusals (a step past OneCycleLR's end)
 * come through as they are, from {@code trainer.step()}.
 *
 * <p>Schedules whose {@code lrAt} replays a recurrence, in time linear in the step
 * (MultiplicativeLR, and {@code @Chained} configs with CosineAnnealingLR or MultiplicativeLR),
 * belong in a {@link LiveTracker}, which steps them once per update. ReduceLROnPlateau has no
 * closed form: {@link LiveTracker} too. A scheduler that cycles the momentum is refused (DJL's
 * optimizers take the momentum only as a constant): write {@code cycleMomentum = false}.
 *
 * <p>Safe from any thread, as {@code lrAt} is.
 */
public final class AnnealTracker implements Tracker {

  private final ClosedFormRates rates;
  private final int group;

  private AnnealTracker(LrFunction schedule, int group) {
    this.rates = new ClosedFormRates(schedule, new int[] {group});
    this.group = group;
  }

  /**
   * The tracker of group 0 of {@code schedule}: the one of a training run with one parameter
   * group.
   *
   * @throws IllegalArgumentException if {@code schedule} cycles the momentum
   */
  public static AnnealTracker of(LrFunction schedule) {
    return new AnnealTracker(schedule, 0);
  }

  /**
   * The tracker of {@code group} of {@code schedule}. For several groups in one optimizer, see
   * {@link AnnealParameterTracker}.
   *
   * @throws IllegalArgumentException if {@code schedule} cycles the momentum
   * @throws IndexOutOfBoundsException if {@code schedule} has no such group
   */
  public static AnnealTracker of(LrFunction schedule, int group) {
    return new AnnealTracker(schedule, group);
  }

  /**
   * The scheduler's rate at step {@code numUpdate - 1}, as a float.
   *
   * @throws IllegalArgumentException if {@code numUpdate} is below 1, or {@code lrAt} refuses the
   *     step
   * @throws ArithmeticException if {@code numUpdate} is {@link Integer#MAX_VALUE}, where DJL's
   *     counter stops ({@link StepConvention#step}), or the rate is past the largest float
   */
  @Override
  public float getNewValue(int numUpdate) {
    return rates.at(numUpdate)[0];
  }

  /** The scheduler this tracker reads. */
  public LrFunction schedule() {
    return rates.schedule;
  }

  /** The parameter group this tracker reads. */
  public int group() {
    return group;
  }

  @Override
  public String toString() {
    return "AnnealTracker[" + rates.schedule.getClass().getSimpleName() + ", group " + group
        + "]";
  }
}

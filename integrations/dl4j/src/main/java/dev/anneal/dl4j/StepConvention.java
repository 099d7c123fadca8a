package dev.anneal.dl4j;

import org.nd4j.linalg.schedule.ScheduleType;

/**
 * How DL4J's counters map to a scheduler's step; every {@link AnnealSchedule} goes through it.
 *
 * <p>DL4J asks a schedule for {@code valueAt(iteration, epoch)}, both counted from 0: the first
 * parameter update of a network is iteration 0, and every {@code fit} of a mini-batch adds one
 * after its update; the epoch count moves by one after each pass over a {@code DataSetIterator}
 * ({@code fit(iterator)}, {@code fit(iterator, epochs)}), and stays where it is under {@code
 * fit(DataSet)}. A generated scheduler counts steps from 0 too, and its step 0 is the rate of the
 * first optimizer step, as in PyTorch's loop ({@code optimizer.step()} then {@code
 * scheduler.step()}). So a schedule per iteration ({@link ScheduleType#ITERATION}) runs iteration
 * {@code i} at step {@code i}, and one per epoch ({@link ScheduleType#EPOCH}) runs every update of
 * epoch {@code e} at step {@code e}, as a PyTorch loop that steps its scheduler after each epoch.
 * Both counters are part of the network's configuration: a network restored by {@code
 * ModelSerializer}, or rebuilt from {@code MultiLayerConfiguration.toJson()}, goes on at the step
 * it stopped at, and a new network starts at step {@code k} with {@code
 * setIterationCount(StepConvention.count(k))} (or {@code setEpochCount}).
 *
 * <p>DL4J's counters are {@code int}s that nothing stops: after {@link Integer#MAX_VALUE} the next
 * count wraps below zero. A negative count is refused, so the last step a schedule serves is
 * {@link #LAST_STEP}, 2,147,483,647.
 */
public final class StepConvention {

  /** The last step a schedule serves: that of DL4J's last count before it wraps. */
  public static final long LAST_STEP = Integer.MAX_VALUE;

  private StepConvention() {}

  /**
   * The scheduler step that DL4J's {@code valueAt(iteration, epoch)} asks for: {@code iteration}
   * per iteration, {@code epoch} per epoch.
   *
   * @throws NullPointerException if {@code type} is null
   * @throws ArithmeticException if the count the schedule follows is negative: DL4J's {@code int}
   *     counter wrapped past {@link Integer#MAX_VALUE}, or was set below 0
   */
  public static long step(ScheduleType type, int iteration, int epoch) {
    switch (type) {
      case ITERATION:
        return checked(iteration, "iteration");
      case EPOCH:
        return checked(epoch, "epoch");
      default:
        throw new IllegalArgumentException("unknown schedule type " + type);
    }
  }

  private static long checked(int count, String what) {
    if (count < 0) {
      throw new ArithmeticException(
          what + " = " + count + " is below 0: DL4J counts " + what + "s from 0 in an int, which"
              + " wraps below 0 past " + Integer.MAX_VALUE + " (or was set below 0), so the"
              + " scheduler's step can no longer be told; the last step a schedule serves is "
              + LAST_STEP);
    }
    return count;
  }

  /**
   * The iteration (or epoch) count that makes a network's next update run at scheduler step
   * {@code step}: {@code step} itself. To start a new network at step {@code k} of a schedule per
   * iteration, call {@code network.setIterationCount(StepConvention.count(k))}; a network restored
   * by {@code ModelSerializer} keeps its own counts and needs nothing.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   * @throws ArithmeticException if {@code step} is past {@link #LAST_STEP}, beyond DL4J's int
   *     counters
   */
  public static int count(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + " must be >= 0");
    }
    if (step > LAST_STEP) {
      throw new ArithmeticException(
          "step = " + step + " is past what DL4J's int counters reach: the last step a schedule"
              + " serves is " + LAST_STEP);
    }
    return (int) step;
  }
}

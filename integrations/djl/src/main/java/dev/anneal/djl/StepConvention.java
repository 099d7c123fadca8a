package dev.anneal.djl;

/**
 * How DJL's update count maps to a scheduler's step; every tracker of this package goes through
 * it.
 *
 * <p>DJL's optimizers count updates from 1: the first {@code trainer.step()} asks its tracker for
 * {@code numUpdate = 1}, the next for 2, and so on ({@code optBeginNumUpdate(k)} on the optimizer's
 * builder makes the first one {@code k + 1}). A generated scheduler counts steps from 0, and its
 * step 0 is the rate of the first optimizer step, as in PyTorch's loop ({@code optimizer.step()}
 * then {@code scheduler.step()}). So update {@code numUpdate} runs at scheduler step
 * {@code numUpdate - 1}: the first update at step 0, and, with {@code optBeginNumUpdate(k)}, the
 * first update at step {@code k}, which is how a run resumes at step {@code k} ({@link
 * #beginNumUpdate}).
 *
 * <p>DJL's count is an {@code int}. When it reaches {@link Integer#MAX_VALUE} it stays there (the
 * next update's count wraps below zero and DJL keeps the larger), so every later update would ask
 * for the same step: that count is refused, and the last update a tracker serves is {@code
 * numUpdate = Integer.MAX_VALUE - 1}, scheduler step 2,147,483,645.
 */
public final class StepConvention {

  /** The last update count a tracker serves: DJL's counter stops one above it. */
  public static final int LAST_NUM_UPDATE = Integer.MAX_VALUE - 1;

  /** The last scheduler step a tracker serves, that of {@link #LAST_NUM_UPDATE}. */
  public static final long LAST_STEP = LAST_NUM_UPDATE - 1L;

  private StepConvention() {}

  /**
   * The scheduler step that DJL's update {@code numUpdate} runs at: {@code numUpdate - 1}.
   *
   * @throws IllegalArgumentException if {@code numUpdate} is below 1: DJL gives 0 after an
   *     {@code optBeginNumUpdate} below 0 (it counts up to 1 from there while giving 0), or of
   *     {@link Integer#MAX_VALUE}, which wraps
   * @throws ArithmeticException if {@code numUpdate} is {@link Integer#MAX_VALUE}, where DJL's
   *     counter stops, so that this update cannot be told from the ones after it
   */
  public static long step(int numUpdate) {
    if (numUpdate < 1) {
      throw new IllegalArgumentException(
          "numUpdate = " + numUpdate + " must be >= 1: DJL counts updates from 1 (from k + 1"
              + " after optBeginNumUpdate(k)), and update n runs at scheduler step n - 1; DJL"
              + " gives 0 only after an optBeginNumUpdate below 0 or of Integer.MAX_VALUE, which"
              + " wraps");
    }
    if (numUpdate > LAST_NUM_UPDATE) {
      throw new ArithmeticException(
          "numUpdate = " + numUpdate + " is where DJL's int update counter stops: every later"
              + " update asks for it again, so the scheduler's step can no longer be told; a run"
              + " through DJL ends at numUpdate " + LAST_NUM_UPDATE + " (scheduler step "
              + LAST_STEP + ")");
    }
    return numUpdate - 1L;
  }

  /**
   * The {@code optBeginNumUpdate} that makes an optimizer's first update run at scheduler step
   * {@code step}: {@code step} itself. To resume a run whose scheduler was restored at step {@code
   * k}, build the optimizer with {@code optBeginNumUpdate(StepConvention.beginNumUpdate(k))}.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   * @throws ArithmeticException if {@code step} is past {@link #LAST_STEP}, beyond DJL's int
   *     update counter
   */
  public static int beginNumUpdate(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + " must be >= 0");
    }
    if (step > LAST_STEP) {
      throw new ArithmeticException(
          "step = " + step + " is past what DJL's int update counter reaches: the last step a"
              + " tracker serves is " + LAST_STEP + " (numUpdate " + LAST_NUM_UPDATE + ")");
    }
    return (int) step;
  }
}

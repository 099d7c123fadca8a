package dev.anneal.djl;

import ai.djl.nn.Block;
import ai.djl.training.tracker.ParameterTracker;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;
import java.util.Map;

/**
 * A generated scheduler read as it stands, as the learning-rate {@link ParameterTracker} of a DJL
 * optimizer whose parameters fall in several groups: each parameter gets its group's rate.
 *
 * <p>The contract with the training loop is {@link LiveTracker}'s: a {@link StepScheduler} is
 * stepped by the tracker to step {@code numUpdate - 1} at the first call of each update, a {@link
 * MetricScheduler} by the loop between updates; the rates of all groups are read at the first
 * call of an update and the same floats returned to every later call with that {@code numUpdate}.
 * The map from parameter names to groups is {@link AnnealParameterTracker}'s: the names {@link
 * Block#getParameters()} lists, every parameter with a group, every name one of the block's,
 * checked here with every group against the scheduler.
 */
public final class LiveParameterTracker implements ParameterTracker {

  private final LiveRates rates;
  private final ParameterGroups groups;

  private LiveParameterTracker(LrScheduler scheduler, Block block, Map<String, Integer> groups) {
    LrScheduler checked = Rates.withoutMomentum(scheduler);
    this.groups = ParameterGroups.resolve(block, groups, checked::lr);
    this.rates = new LiveRates(checked, this.groups.groupsInUse());
  }

  /**
   * The tracker giving each parameter of {@code block} the rate of its group in {@code
   * scheduler}, which it steps once per update.
   *
   * @param groups the group of each parameter, by the names {@link Block#getParameters()} gives;
   *     copied
   * @throws IllegalArgumentException if a parameter of the block has no group, a name is not a
   *     parameter of the block, a group is not one of the scheduler's, or {@code scheduler} cycles
   *     the momentum
   */
  public static LiveParameterTracker of(
      StepScheduler scheduler, Block block, Map<String, Integer> groups) {
    return new LiveParameterTracker(scheduler, block, groups);
  }

  /**
   * The tracker giving each parameter of {@code block} the rate of its group in {@code
   * scheduler}, which the training loop steps.
   *
   * @param groups the group of each parameter, by the names {@link Block#getParameters()} gives;
   *     copied
   * @throws IllegalArgumentException if a parameter of the block has no group, a name is not a
   *     parameter of the block, or a group is not one of the scheduler's
   */
  public static LiveParameterTracker of(
      MetricScheduler scheduler, Block block, Map<String, Integer> groups) {
    return new LiveParameterTracker(scheduler, block, groups);
  }

  /**
   * The rate of the group of {@code parameterId} at update {@code numUpdate}, as {@link
   * LiveTracker#getNewValue} gives it.
   *
   * @throws IllegalArgumentException if {@code parameterId} is not a parameter of the block, or
   *     {@code numUpdate} is below 1
   * @throws IllegalStateException if a {@code StepScheduler} is past step {@code numUpdate - 1}
   * @throws ArithmeticException if {@code numUpdate} is {@link Integer#MAX_VALUE}, where DJL's
   *     counter stops, or a rate is past the largest float
   */
  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    int slot = groups.slotOf(parameterId);
    return rates.at(numUpdate)[slot];
  }

  /** The scheduler this tracker reads. */
  public LrScheduler scheduler() {
    return rates.scheduler;
  }

  @Override
  public String toString() {
    return "LiveParameterTracker[" + rates.scheduler.getClass().getSimpleName() + "]";
  }
}

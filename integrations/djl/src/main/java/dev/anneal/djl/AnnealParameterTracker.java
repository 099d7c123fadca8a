package dev.anneal.djl;

import ai.djl.nn.Block;
import ai.djl.training.tracker.ParameterTracker;
import dev.anneal.LrFunction;
import java.util.Map;

/**
 * A generated scheduler with a closed form as the learning-rate {@link ParameterTracker} of a DJL
 * optimizer whose parameters fall in several groups, PyTorch's parameter groups: each parameter
 * gets its group's rate.
 *
 * <pre>{@code
 * // Group 0 for the weights, group 1 for the biases: new FineTuneScheduler(1e-3, 2e-3).
 * Map<String, Integer> groups = new HashMap<>();
 * for (Pair<String, Parameter> p : block.getParameters()) {
 *   groups.put(p.getKey(), p.getKey().endsWith("bias") ? 1 : 0);
 * }
 * Optimizer sgd = Optimizer.sgd()
 *     .setLearningRateTracker(AnnealParameterTracker.of(scheduler, block, groups))
 *     .build();
 * }</pre>
 *
 * <p>The map goes from the names {@link Block#getParameters()} lists ({@code "01Linear_weight"})
 * to groups; it is resolved once, to the parameter ids DJL passes its trackers. Every parameter
 * of the block needs a group and every name must be one of the block's: both are checked here, as
 * is every group against the scheduler. The step convention, the float, the repeated calls of one
 * update and the refusals are those of {@link AnnealTracker}: update {@code numUpdate} gets each
 * group's rate at step {@code numUpdate - 1}, computed for all groups at the update's first call.
 *
 * <p>Safe from any thread, as {@code lrAt} is.
 */
public final class AnnealParameterTracker implements ParameterTracker {

  private final ClosedFormRates rates;
  private final ParameterGroups groups;

  private AnnealParameterTracker(ClosedFormRates rates, ParameterGroups groups) {
    this.rates = rates;
    this.groups = groups;
  }

  /**
   * The tracker giving each parameter of {@code block} the rate of its group in {@code schedule}.
   *
   * @param groups the group of each parameter, by the names {@link Block#getParameters()} gives;
   *     copied
   * @throws IllegalArgumentException if a parameter of the block has no group, a name is not a
   *     parameter of the block, a group is not one of the scheduler's, or {@code schedule} cycles
   *     the momentum
   */
  public static AnnealParameterTracker of(
      LrFunction schedule, Block block, Map<String, Integer> groups) {
    LrFunction checked = Rates.withoutMomentum(schedule);
    ParameterGroups resolved =
        ParameterGroups.resolve(block, groups, group -> checked.lrAt(0, group));
    return new AnnealParameterTracker(
        new ClosedFormRates(checked, resolved.groupsInUse()), resolved);
  }

  /**
   * The rate of the group of {@code parameterId} at step {@code numUpdate - 1}, as a float.
   *
   * @throws IllegalArgumentException if {@code parameterId} is not a parameter of the block, if
   *     {@code numUpdate} is below 1, or {@code lrAt} refuses the step
   * @throws ArithmeticException if {@code numUpdate} is {@link Integer#MAX_VALUE}, where DJL's
   *     counter stops, or the rate is past the largest float
   */
  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    int slot = groups.slotOf(parameterId);
    return rates.at(numUpdate)[slot];
  }

  /** The scheduler this tracker reads. */
  public LrFunction schedule() {
    return rates.schedule;
  }

  @Override
  public String toString() {
    return "AnnealParameterTracker[" + rates.schedule.getClass().getSimpleName() + "]";
  }
}

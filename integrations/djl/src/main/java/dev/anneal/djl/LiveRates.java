package dev.anneal.djl;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;

/**
 * Rates read from a scheduler as it stands. A {@link StepScheduler} is stepped here, to step
 * {@code n - 1} before update {@code n} is served; a {@link MetricScheduler} is stepped by the
 * training loop, and each update gets the rate in force at its first call.
 */
final class LiveRates extends UpdateRates {

  final LrScheduler scheduler;
  private final StepScheduler stepped;

  LiveRates(LrScheduler scheduler, int[] groups) {
    super(groups);
    this.scheduler = Rates.withoutMomentum(scheduler);
    this.stepped = scheduler instanceof StepScheduler ? (StepScheduler) scheduler : null;
    for (int group : groups) {
      scheduler.lr(group); // IndexOutOfBoundsException for a group the scheduler lacks
    }
  }

  @Override
  float[] compute(int numUpdate) {
    long target = StepConvention.step(numUpdate); // refuses a count DJL cannot advance past
    long step = scheduler.stepCount();
    if (stepped != null) {
      if (step > target) {
        throw new IllegalStateException(
            scheduler.getClass().getSimpleName() + " is at step " + step + ", past step "
                + target + " of DJL's update " + numUpdate + ": the tracker steps it, once per"
                + " update, and nothing else may; a scheduler cannot go back, so a new trainer"
                + " (whose count starts at 1 again) needs a new scheduler, or one restored to"
                + " step k with optBeginNumUpdate(k)");
      }
      while (step < target) {
        stepped.step();
        step = scheduler.stepCount();
      }
    }
    float[] rates = new float[groups.length];
    for (int i = 0; i < groups.length; i++) {
      rates[i] = Rates.toFloat(scheduler.lr(groups[i]), scheduler, step, groups[i]);
    }
    return rates;
  }
}

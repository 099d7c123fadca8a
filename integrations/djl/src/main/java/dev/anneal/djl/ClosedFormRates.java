package dev.anneal.djl;

import dev.anneal.LrFunction;

/** Rates from a closed form: update {@code n} gets {@code lrAt(n - 1, group)}. */
final class ClosedFormRates extends UpdateRates {

  final LrFunction schedule;

  ClosedFormRates(LrFunction schedule, int[] groups) {
    super(groups);
    this.schedule = Rates.withoutMomentum(schedule);
    for (int group : groups) {
      schedule.lrAt(0, group); // IndexOutOfBoundsException for a group the schedule lacks
    }
  }

  @Override
  float[] compute(int numUpdate) {
    long step = StepConvention.step(numUpdate);
    float[] rates = new float[groups.length];
    for (int i = 0; i < groups.length; i++) {
      rates[i] = Rates.toFloat(schedule.lrAt(step, groups[i]), schedule, step, groups[i]);
    }
    return rates;
  }
}

package dev.anneal.djl;

import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;

/** What every tracker of the package does with a scheduler and its rates. */
final class Rates {

  private Rates() {}

  /**
   * Refuses a scheduler that cycles the momentum: DJL's optimizers take their momentum only as a
   * constant fixed when they are built, so a tracker would drive half of the schedule and leave the
   * other half silently constant.
   */
  static <T> T withoutMomentum(T scheduler) {
    if (scheduler == null) {
      throw new NullPointerException("scheduler");
    }
    if (scheduler instanceof MomentumFunction || scheduler instanceof MomentumScheduler) {
      throw new IllegalArgumentException(
          scheduler.getClass().getSimpleName() + " cycles the momentum (CyclicLR's and"
              + " OneCycleLR's cycleMomentum, true by default), which DJL's optimizers take only as"
              + " a constant fixed when they are built (Sgd.Builder.optMomentum,"
              + " Nag.Builder.setMomentum, Adam.Builder.optBeta1, RmsProp.Builder.optMomentum): a"
              + " tracker can drive the rate alone; write cycleMomentum = false in the config to"
              + " schedule the rate and give the optimizer its momentum");
    }
    return scheduler;
  }

  /**
   * The rate as the {@code float} DJL's optimizers take: the nearest float, refused where it would
   * be infinite.
   */
  static float toFloat(double rate, Object scheduler, long step, int group) {
    float value = (float) rate;
    if (Float.isInfinite(value) && !Double.isInfinite(rate)) {
      throw new ArithmeticException(
          scheduler.getClass().getSimpleName() + ": the rate of group " + group + " at step "
              + step + ", " + rate + ", is past the largest float (" + Float.MAX_VALUE
              + "), which DJL's optimizers take");
    }
    return value;
  }
}

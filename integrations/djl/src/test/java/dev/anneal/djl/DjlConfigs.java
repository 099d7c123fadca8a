package dev.anneal.djl;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;

/**
 * The configs only this adapter's tests use, beside those of every schedule type ({@link
 * dev.anneal.integrations.testing.Configs}); the processor generates {@code
 * DjlConfigs_<Name>Scheduler} beside each.
 */
final class DjlConfigs {

  private DjlConfigs() {}

  /** A factor of 1e40 takes a rate of 0.1 past the largest float, not past the largest double. */
  @Schedule(type = ScheduleType.LAMBDA, lrLambda = "huge")
  static final class PastFloat {
    static double huge(long step) {
      return step < 3 ? 1.0 : 1e40;
    }
  }

  @Warmup(steps = 3, startFactor = 0.1)
  @Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = 0.5, patience = 1)
  static final class WarmupPlateau {}
}

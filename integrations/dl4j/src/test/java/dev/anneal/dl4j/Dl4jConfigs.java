package dev.anneal.dl4j;

import dev.anneal.Bind;
import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/**
 * The configs only this adapter's tests use, beside those of every schedule type ({@link
 * dev.anneal.integrations.testing.Configs}); the processor generates {@code
 * Dl4jConfigs_<Name>Scheduler} beside each.
 */
final class Dl4jConfigs {

  private Dl4jConfigs() {}

  /** Bound values of several types, with components that bind nothing: all are written. */
  @Schedule(type = ScheduleType.CYCLIC, stepSizeUp = 25, mode = Mode.TRIANGULAR2,
      cycleMomentum = false)
  record BoundCyclic(
      @Bind double[] baseLr, @Bind double[] maxLr, String label, long seed, Mode unused) {}

  /** A config that binds through an accessor of a class: it cannot be rebuilt from JSON. */
  @Schedule(type = ScheduleType.EXPONENTIAL)
  static final class BoundByAccessor {
    private final double gamma;

    BoundByAccessor(double gamma) {
      this.gamma = gamma;
    }

    @Bind
    double gamma() {
      return gamma;
    }
  }

  /** A record with a component JSON cannot hold. */
  @Schedule(type = ScheduleType.EXPONENTIAL)
  record BoundWithAnObject(@Bind double gamma, java.util.List<String> tags) {}

  /** The training test with momentum: OneCycleLR cycling the momentum for Nesterovs. */
  @Schedule(type = ScheduleType.ONE_CYCLE, maxLr = 0.3, totalSteps = 300, baseMomentum = 0.8,
      maxMomentum = 0.95)
  static final class SpiralOneCycle {}

  /** The training test per epoch: halved every ten epochs. */
  @Schedule(type = ScheduleType.STEP, stepSize = 10, gamma = 0.5)
  static final class SpiralEpochs {}
}

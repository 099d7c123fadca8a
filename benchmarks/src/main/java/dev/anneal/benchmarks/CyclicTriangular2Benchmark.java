package dev.anneal.benchmarks;

import ai.djl.training.tracker.CyclicalTracker;
import ai.djl.training.tracker.Tracker;
import dev.anneal.Mode;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CyclicLR in mode triangular2: from 1e-4 up to 1e-2 and back in 4,000 steps, the amplitude
 * halving every cycle; 100,000 steps, 25 cycles. Momentum is not cycled, so that every variant
 * computes the rate alone, as DJL's tracker does. ND4J has no cyclical schedule of this kind.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CyclicTriangular2Benchmark {

  static final double BASE_LR = 1e-4;
  static final double MAX_LR = 1e-2;
  static final int STEP_SIZE_UP = 2_000;
  static final int LENGTH = 100_000;

  @Schedule(
      type = ScheduleType.CYCLIC,
      baseLr = BASE_LR,
      maxLr = MAX_LR,
      stepSizeUp = STEP_SIZE_UP,
      mode = Mode.TRIANGULAR2,
      cycleMomentum = false)
  static final class Config {}

  /**
   * The position in the cycle and the slopes of the current cycle, halved at each new cycle: a
   * multiply-add per step, no division and no power.
   */
  static final class HandWritten {
    private static final int CYCLE = 2 * STEP_SIZE_UP;

    private int position;
    private double slope = (MAX_LR - BASE_LR) / STEP_SIZE_UP;
    private double lr = BASE_LR;

    void step() {
      if (++position == CYCLE) {
        position = 0;
        slope *= 0.5;
      }
      int fromBase = position <= STEP_SIZE_UP ? position : CYCLE - position;
      lr = BASE_LR + fromBase * slope;
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler; the initial rate only sets the group count. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<CyclicTriangular2Benchmark_ConfigScheduler> {
    @Override
    protected CyclicTriangular2Benchmark_ConfigScheduler create() {
      return new CyclicTriangular2Benchmark_ConfigScheduler(MAX_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final CyclicTriangular2Benchmark_ConfigScheduler function =
        new CyclicTriangular2Benchmark_ConfigScheduler(MAX_LR);

    public GeneratedFunction() {
      super(LENGTH);
    }
  }

  /** Instances of the hand-written schedule. */
  @State(Scope.Thread)
  public static class HandWrittenRun extends Relay<HandWritten> {
    @Override
    protected HandWritten create() {
      return new HandWritten();
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** DJL's cyclical tracker in its triangular2 mode: PyTorch's formula, in float. */
  @State(Scope.Thread)
  public static class DjlTracker extends Cursor {
    final Tracker tracker =
        Tracker.cyclical()
            .optBaseValue((float) BASE_LR)
            .optMaxValue((float) MAX_LR)
            .optStepSizeUp(STEP_SIZE_UP)
            .optMode(CyclicalTracker.CyclicalMode.TRIANGULAR2)
            .build();

    public DjlTracker() {
      super(LENGTH);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    CyclicTriangular2Benchmark_ConfigScheduler scheduler = run.current;
    scheduler.step();
    run.next();
    return scheduler.lr();
  }

  @Benchmark
  public double generatedLrAt(GeneratedFunction query) {
    return query.function.lrAt(query.next());
  }

  @Benchmark
  public double handWritten(HandWrittenRun run) {
    HandWritten scheduler = run.current;
    scheduler.step();
    run.next();
    return scheduler.lr();
  }

  @Benchmark
  public float djl(DjlTracker query) {
    return query.tracker.getNewValue(query.next());
  }
}

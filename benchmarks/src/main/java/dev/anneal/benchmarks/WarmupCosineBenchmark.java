package dev.anneal.benchmarks;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SequentialLR of a linear warm-up over 5,000 steps from 1% of the rate, then a cosine decay over
 * the remaining 95,000 steps down to 1e-6. ND4J has no cosine schedule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmupCosineBenchmark {

  static final int WARMUP = 5_000;
  static final double START_FACTOR = 0.01;
  static final int T_MAX = 95_000;
  static final double ETA_MIN = 1e-6;
  static final int LENGTH = WARMUP + T_MAX;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.LINEAR, startFactor = START_FACTOR, totalIters = WARMUP)
  @Schedule(type = ScheduleType.COSINE, tMax = T_MAX, etaMin = ETA_MIN)
  @Sequential(milestones = WARMUP)
  static final class Config {}

  /** A line, then a cosine with its constants folded: one compare and at most one cosine a step. */
  static final class HandWritten {
    private static final double OMEGA = Math.PI / T_MAX;

    private final double warmupStart;
    private final double warmupSlope;
    private final double mid;
    private final double halfSpan;
    private int step;
    private double lr;

    HandWritten(double baseLr) {
      warmupStart = baseLr * START_FACTOR;
      warmupSlope = (baseLr - warmupStart) / WARMUP;
      halfSpan = (baseLr - ETA_MIN) / 2;
      mid = ETA_MIN + halfSpan;
      lr = warmupStart;
    }

    void step() {
      int s = ++step;
      lr =
          s < WARMUP
              ? warmupStart + warmupSlope * s
              : mid + halfSpan * Math.cos(OMEGA * (s - WARMUP));
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<WarmupCosineBenchmark_ConfigScheduler> {
    @Override
    protected WarmupCosineBenchmark_ConfigScheduler create() {
      return new WarmupCosineBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final WarmupCosineBenchmark_ConfigScheduler function =
        new WarmupCosineBenchmark_ConfigScheduler(BASE_LR);

    public GeneratedFunction() {
      super(LENGTH);
    }
  }

  /** Instances of the hand-written schedule. */
  @State(Scope.Thread)
  public static class HandWrittenRun extends Relay<HandWritten> {
    @Override
    protected HandWritten create() {
      return new HandWritten(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /**
   * DJL's warm-up tracker around its cosine tracker: a linear ramp from 1% to the cosine's first
   * value, then the cosine, in float.
   */
  @State(Scope.Thread)
  public static class DjlTracker extends Cursor {
    final Tracker tracker =
        Tracker.warmUp()
            .setMainTracker(
                Tracker.cosine()
                    .setBaseValue((float) BASE_LR)
                    .optFinalValue((float) ETA_MIN)
                    .setMaxUpdates(T_MAX)
                    .build())
            .optWarmUpSteps(WARMUP)
            .optWarmUpBeginValue((float) (BASE_LR * START_FACTOR))
            .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
            .build();

    public DjlTracker() {
      super(LENGTH);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    WarmupCosineBenchmark_ConfigScheduler scheduler = run.current;
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

package dev.anneal.benchmarks;

import ai.djl.training.tracker.Tracker;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
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
 * CosineAnnealingLR over 100,000 steps, from 0.1 down to 1e-6. ND4J has no cosine schedule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CosineBenchmark {

  static final int T_MAX = 100_000;
  static final double BASE_LR = 0.1;
  static final double ETA_MIN = 1e-6;

  @Schedule(type = ScheduleType.COSINE, tMax = T_MAX, etaMin = ETA_MIN)
  static final class Config {}

  /** The closed form with its constants folded: one cosine per step. */
  static final class HandWritten {
    private static final double OMEGA = Math.PI / T_MAX;

    private final double mid;
    private final double halfSpan;
    private long step;
    private double lr;

    HandWritten(double baseLr) {
      halfSpan = (baseLr - ETA_MIN) / 2;
      mid = ETA_MIN + halfSpan;
      lr = baseLr;
    }

    void step() {
      lr = mid + halfSpan * Math.cos(OMEGA * ++step);
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<CosineBenchmark_ConfigScheduler> {
    @Override
    protected CosineBenchmark_ConfigScheduler create() {
      return new CosineBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return T_MAX;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final CosineBenchmark_ConfigScheduler function = new CosineBenchmark_ConfigScheduler(BASE_LR);

    public GeneratedFunction() {
      super(T_MAX);
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
      return T_MAX;
    }
  }

  /** DJL's cosine tracker: the same closed form, in float. */
  @State(Scope.Thread)
  public static class DjlTracker extends Cursor {
    final Tracker tracker =
        Tracker.cosine()
            .setBaseValue((float) BASE_LR)
            .optFinalValue((float) ETA_MIN)
            .setMaxUpdates(T_MAX)
            .build();

    public DjlTracker() {
      super(T_MAX);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    CosineBenchmark_ConfigScheduler scheduler = run.current;
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

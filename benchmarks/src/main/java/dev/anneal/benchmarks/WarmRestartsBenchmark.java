package dev.anneal.benchmarks;

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
 * CosineAnnealingWarmRestarts (SGDR) with cycles of 10,000, 20,000, 40,000 and 80,000 steps:
 * 150,000 steps, four whole cycles. Neither DJL nor ND4J has warm restarts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmRestartsBenchmark {

  static final int T_0 = 10_000;
  static final int T_MULT = 2;
  static final double ETA_MIN = 1e-6;
  static final int LENGTH = 150_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.COSINE_WARM_RESTARTS, t0 = T_0, tMult = T_MULT, etaMin = ETA_MIN)
  static final class Config {}

  /**
   * The position in the cycle and the cycle's angular step, updated at each restart: one cosine
   * per step.
   */
  static final class HandWritten {
    private final double mid;
    private final double halfSpan;
    private int cyclePosition;
    private int cycleLength = T_0;
    private double omega = Math.PI / T_0;
    private double lr;

    HandWritten(double baseLr) {
      halfSpan = (baseLr - ETA_MIN) / 2;
      mid = ETA_MIN + halfSpan;
      lr = baseLr;
    }

    void step() {
      if (++cyclePosition == cycleLength) {
        cyclePosition = 0;
        cycleLength *= T_MULT;
        omega = Math.PI / cycleLength;
      }
      lr = mid + halfSpan * Math.cos(omega * cyclePosition);
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<WarmRestartsBenchmark_ConfigScheduler> {
    @Override
    protected WarmRestartsBenchmark_ConfigScheduler create() {
      return new WarmRestartsBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final WarmRestartsBenchmark_ConfigScheduler function =
        new WarmRestartsBenchmark_ConfigScheduler(BASE_LR);

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

  @Benchmark
  public double generated(GeneratedRun run) {
    WarmRestartsBenchmark_ConfigScheduler scheduler = run.current;
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
}

package dev.anneal.benchmarks;

import ai.djl.training.tracker.Tracker;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
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
 * ExponentialLR with gamma 0.99995 over 100,000 steps: the rate falls by e^-5, far from
 * underflow.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExponentialBenchmark {

  static final double GAMMA = 0.99995;
  static final int LENGTH = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.EXPONENTIAL, gamma = GAMMA)
  static final class Config {}

  /** One multiplication per step, as PyTorch's recursive form. */
  static final class HandWritten {
    private double lr;

    HandWritten(double baseLr) {
      lr = baseLr;
    }

    void step() {
      lr *= GAMMA;
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<ExponentialBenchmark_ConfigScheduler> {
    @Override
    protected ExponentialBenchmark_ConfigScheduler create() {
      return new ExponentialBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final ExponentialBenchmark_ConfigScheduler function =
        new ExponentialBenchmark_ConfigScheduler(BASE_LR);

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

  /** DJL's factor tracker: {@code base * factor^n}, in float, one {@code Math.pow} per query. */
  @State(Scope.Thread)
  public static class DjlTracker extends Cursor {
    final Tracker tracker =
        Tracker.factor().setBaseValue((float) BASE_LR).setFactor((float) GAMMA).build();

    public DjlTracker() {
      super(LENGTH);
    }
  }

  /** ND4J's exponential schedule: {@code lr * gamma^i}, one {@code Math.pow} per query. */
  @State(Scope.Thread)
  public static class Nd4jSchedule extends Cursor {
    final ISchedule schedule =
        new ExponentialSchedule(org.nd4j.linalg.schedule.ScheduleType.ITERATION, BASE_LR, GAMMA);

    public Nd4jSchedule() {
      super(LENGTH);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    ExponentialBenchmark_ConfigScheduler scheduler = run.current;
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

  @Benchmark
  public double dl4j(Nd4jSchedule query) {
    return query.schedule.valueAt(query.next(), 0);
  }
}

package dev.anneal.benchmarks;

import ai.djl.training.tracker.Tracker;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.StepSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** StepLR: halves the rate every 10,000 steps, over 100,000 steps. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {

  static final int STEP_SIZE = 10_000;
  static final double GAMMA = 0.5;
  static final int LENGTH = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.STEP, stepSize = STEP_SIZE, gamma = GAMMA)
  static final class Config {}

  /** A countdown to the next decay: one decrement and a rarely taken branch per step. */
  static final class HandWritten {
    private int untilDecay = STEP_SIZE;
    private double lr;

    HandWritten(double baseLr) {
      lr = baseLr;
    }

    void step() {
      if (--untilDecay == 0) {
        untilDecay = STEP_SIZE;
        lr *= GAMMA;
      }
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<StepBenchmark_ConfigScheduler> {
    @Override
    protected StepBenchmark_ConfigScheduler create() {
      return new StepBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final StepBenchmark_ConfigScheduler function = new StepBenchmark_ConfigScheduler(BASE_LR);

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
   * DJL has no step size: its multi-factor tracker with a milestone every {@code STEP_SIZE} steps
   * is the same schedule. It lowers the rate once the update count exceeds a milestone, hence
   * the milestones one step early. It keeps the index of the next milestone, so it only moves
   * forward and is relayed like a scheduler.
   */
  @State(Scope.Thread)
  public static class DjlRun extends Relay<Tracker> {
    @Override
    protected Tracker create() {
      int[] milestones = new int[LENGTH / STEP_SIZE];
      for (int i = 0; i < milestones.length; i++) {
        milestones[i] = (i + 1) * STEP_SIZE - 1;
      }
      return Tracker.multiFactor()
          .setBaseValue((float) BASE_LR)
          .setSteps(milestones)
          .optFactor((float) GAMMA)
          .build();
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** ND4J's step schedule: the closed form {@code lr * gamma^floor(i / step)}. */
  @State(Scope.Thread)
  public static class Nd4jSchedule extends Cursor {
    final ISchedule schedule =
        new StepSchedule(
            org.nd4j.linalg.schedule.ScheduleType.ITERATION, BASE_LR, GAMMA, STEP_SIZE);

    public Nd4jSchedule() {
      super(LENGTH);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    StepBenchmark_ConfigScheduler scheduler = run.current;
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
  public float djl(DjlRun run) {
    Tracker tracker = run.current;
    return tracker.getNewValue(run.next());
  }

  @Benchmark
  public double dl4j(Nd4jSchedule query) {
    return query.schedule.valueAt(query.next(), 0);
  }
}

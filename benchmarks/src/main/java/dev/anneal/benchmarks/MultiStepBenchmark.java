package dev.anneal.benchmarks;

import ai.djl.training.tracker.Tracker;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** MultiStepLR: decays by 0.1 at steps 30,000, 60,000 and 80,000, over 100,000 steps. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultiStepBenchmark {

  static final int FIRST = 30_000;
  static final int SECOND = 60_000;
  static final int THIRD = 80_000;
  static final double GAMMA = 0.1;
  static final int LENGTH = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.MULTI_STEP, milestones = {FIRST, SECOND, THIRD}, gamma = GAMMA)
  static final class Config {}

  /** Compares the step with the next milestone only: one increment and one compare per step. */
  static final class HandWritten {
    private static final int[] MILESTONES = {FIRST, SECOND, THIRD};

    private int step;
    private int next;
    private int nextMilestone = FIRST;
    private double lr;

    HandWritten(double baseLr) {
      lr = baseLr;
    }

    void step() {
      if (++step == nextMilestone) {
        lr *= GAMMA;
        next++;
        nextMilestone = next < MILESTONES.length ? MILESTONES[next] : Integer.MAX_VALUE;
      }
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<MultiStepBenchmark_ConfigScheduler> {
    @Override
    protected MultiStepBenchmark_ConfigScheduler create() {
      return new MultiStepBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final MultiStepBenchmark_ConfigScheduler function =
        new MultiStepBenchmark_ConfigScheduler(BASE_LR);

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
   * DJL's multi-factor tracker lowers the rate once the update count exceeds a milestone, hence
   * the milestones one step early. It only moves forward, so it is relayed like a scheduler.
   */
  @State(Scope.Thread)
  public static class DjlRun extends Relay<Tracker> {
    @Override
    protected Tracker create() {
      return Tracker.multiFactor()
          .setBaseValue((float) BASE_LR)
          .setSteps(new int[] {FIRST - 1, SECOND - 1, THIRD - 1})
          .optFactor((float) GAMMA)
          .build();
    }

    @Override
    protected int length() {
      return LENGTH;
    }
  }

  /** ND4J expresses milestones as a map from iteration to rate. */
  @State(Scope.Thread)
  public static class Nd4jSchedule extends Cursor {
    final ISchedule schedule;

    public Nd4jSchedule() {
      super(LENGTH);
      Map<Integer, Double> rates = new HashMap<>();
      rates.put(0, BASE_LR);
      rates.put(FIRST, BASE_LR * GAMMA);
      rates.put(SECOND, BASE_LR * GAMMA * GAMMA);
      rates.put(THIRD, BASE_LR * GAMMA * GAMMA * GAMMA);
      schedule = new MapSchedule(org.nd4j.linalg.schedule.ScheduleType.ITERATION, rates);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    MultiStepBenchmark_ConfigScheduler scheduler = run.current;
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

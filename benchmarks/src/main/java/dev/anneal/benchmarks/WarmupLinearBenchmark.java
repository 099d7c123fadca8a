package dev.anneal.benchmarks;

import ai.djl.training.tracker.LinearTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
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
 * Hugging Face transformers' {@code get_linear_schedule_with_warmup}, the default of its
 * {@code Trainer}: a linear warm-up from 0 over 5,000 steps, then a linear decay to 0 at step
 * 100,000. ND4J has no warm-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmupLinearBenchmark {

  static final int WARMUP = 5_000;
  static final int TRAINING = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.HF_LINEAR, numWarmupSteps = WARMUP, numTrainingSteps = TRAINING)
  static final class Config {}

  /**
   * Two lines with their constants folded, dividing where the reference's {@code lr_lambda}
   * divides, so that its rates are the reference's to the bit: one compare, one division, one
   * multiplication and a clamp a step.
   */
  static final class HandWritten {
    private final double baseLr;
    private int step;
    private double lr;

    HandWritten(double baseLr) {
      this.baseLr = baseLr;
    }

    void step() {
      int s = ++step;
      lr = s < WARMUP
          ? baseLr * ((double) s / WARMUP)
          : baseLr * Math.max(0.0, (double) (TRAINING - s) / (TRAINING - WARMUP));
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<WarmupLinearBenchmark_ConfigScheduler> {
    @Override
    protected WarmupLinearBenchmark_ConfigScheduler create() {
      return new WarmupLinearBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return TRAINING;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final WarmupLinearBenchmark_ConfigScheduler function =
        new WarmupLinearBenchmark_ConfigScheduler(BASE_LR);

    public GeneratedFunction() {
      super(TRAINING);
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
      return TRAINING;
    }
  }

  /**
   * DJL's warm-up tracker from 0 around its linear tracker, which falls from the base rate to 0
   * over the remaining steps and stays there, in float.
   */
  @State(Scope.Thread)
  public static class DjlTracker extends Cursor {
    final Tracker tracker =
        Tracker.warmUp()
            .setMainTracker(
                LinearTracker.builder()
                    .setBaseValue((float) BASE_LR)
                    .optSlope((float) (-BASE_LR / (TRAINING - WARMUP)))
                    .optMinValue(0f)
                    .build())
            .optWarmUpSteps(WARMUP)
            .optWarmUpBeginValue(0f)
            .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
            .build();

    public DjlTracker() {
      super(TRAINING);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    WarmupLinearBenchmark_ConfigScheduler scheduler = run.current;
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

package dev.anneal.benchmarks;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.SplittableRandom;
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
 * ReduceLROnPlateau (mode min, factor 0.5, patience 10, the other arguments PyTorch's defaults)
 * fed a recorded loss curve of 100,000 steps: the loss falls by 0.1% a step and stalls for 20
 * steps every 5,000, so the rate is halved 20 times over the run. ReduceLROnPlateau has no closed
 * form, so there is no {@code generatedLrAt}; neither DJL nor ND4J has it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlateauBenchmark {

  static final double FACTOR = 0.5;
  static final int PATIENCE = 10;
  static final int LENGTH = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, factor = FACTOR, patience = PATIENCE)
  static final class Config {}

  /** The loss observed at each step, the same for every variant and every run. */
  static final double[] LOSSES = losses();

  private static double[] losses() {
    SplittableRandom noise = new SplittableRandom(42);
    double[] losses = new double[LENGTH];
    double loss = 1.0;
    for (int t = 0; t < LENGTH; t++) {
      boolean stalled = t % 5_000 >= 4_980;
      if (stalled) {
        losses[t] = loss * (1 + 0.01 * noise.nextDouble());
      } else {
        loss *= 0.999;
        losses[t] = loss * (1 + 1e-5 * noise.nextDouble());
      }
    }
    return losses;
  }

  /**
   * PyTorch's algorithm reduced to what this configuration uses: relative threshold in mode min,
   * no cooldown, a floor of zero.
   */
  static final class HandWritten {
    private static final double IMPROVEMENT = 1 - 1e-4;
    private static final double EPS = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private int badSteps;
    private double lr;

    HandWritten(double baseLr) {
      lr = baseLr;
    }

    void step(double loss) {
      if (loss < best * IMPROVEMENT) {
        best = loss;
        badSteps = 0;
      } else if (++badSteps > PATIENCE) {
        badSteps = 0;
        double reduced = lr * FACTOR;
        if (lr - reduced > EPS) {
          lr = reduced;
        }
      }
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<PlateauBenchmark_ConfigScheduler> {
    @Override
    protected PlateauBenchmark_ConfigScheduler create() {
      return new PlateauBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
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
    PlateauBenchmark_ConfigScheduler scheduler = run.current;
    scheduler.step(LOSSES[run.next() - 1]);
    return scheduler.lr();
  }

  @Benchmark
  public double handWritten(HandWrittenRun run) {
    HandWritten scheduler = run.current;
    scheduler.step(LOSSES[run.next() - 1]);
    return scheduler.lr();
  }
}

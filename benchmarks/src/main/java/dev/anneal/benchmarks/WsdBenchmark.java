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
 * Hugging Face transformers' {@code get_wsd_schedule} with its default curves: a linear warm-up
 * from 0 over 5,000 steps, the peak held to step 80,000, then a cosine down to 0 over the last
 * 20,000. Neither DJL nor ND4J has a warmup-stable-decay schedule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WsdBenchmark {

  static final int WARMUP = 5_000;
  static final int DECAY = 20_000;
  static final int TRAINING = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(
      type = ScheduleType.HF_WARMUP_STABLE_DECAY,
      numWarmupSteps = WARMUP,
      numDecaySteps = DECAY,
      numTrainingSteps = TRAINING)
  static final class Config {}

  /**
   * The three phases with their bounds folded, computing each factor as the reference's
   * {@code lr_lambda} does so that the rates are its own to the bit: a compare or two a step, a
   * division in the warm-up, a division and a cosine in the decay.
   */
  static final class HandWritten {
    private static final int DECAY_START = TRAINING - DECAY;

    private final double baseLr;
    private int step;
    private double lr;

    HandWritten(double baseLr) {
      this.baseLr = baseLr;
    }

    void step() {
      int s = ++step;
      double factor;
      if (s < WARMUP) {
        factor = (double) s / WARMUP;
      } else if (s < DECAY_START) {
        factor = 1.0;
      } else if (s < TRAINING) {
        factor = 0.5 * (1.0 + Math.cos(Math.PI * ((double) (s - DECAY_START) / DECAY)));
      } else {
        factor = 0.0;
      }
      lr = baseLr * factor;
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<WsdBenchmark_ConfigScheduler> {
    @Override
    protected WsdBenchmark_ConfigScheduler create() {
      return new WsdBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return TRAINING;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final WsdBenchmark_ConfigScheduler function = new WsdBenchmark_ConfigScheduler(BASE_LR);

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

  @Benchmark
  public double generated(GeneratedRun run) {
    WsdBenchmark_ConfigScheduler scheduler = run.current;
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

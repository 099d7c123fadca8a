package dev.anneal.benchmarks;

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
 * 1,000 parameter groups stepped together: the cosine schedule of {@link CosineBenchmark} with
 * layer-wise rates (each group's rate 0.99 times the next one's, the last group at 0.1). One
 * invocation steps the scheduler once and copies every group's rate into the optimizer's groups,
 * as a training loop does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScaleBenchmark {

  static final int GROUPS = 1_000;
  static final double TOP_LR = 0.1;
  static final double LAYER_DECAY = 0.99;

  /** The initial rate of each group. */
  static double[] layerRates() {
    double[] rates = new double[GROUPS];
    double rate = TOP_LR;
    for (int g = GROUPS - 1; g >= 0; g--) {
      rates[g] = rate;
      rate *= LAYER_DECAY;
    }
    return rates;
  }

  /**
   * One cosine per step shared by all groups; a group's rate is then a multiply-add on read.
   */
  static final class HandWritten {
    private static final double OMEGA = Math.PI / CosineBenchmark.T_MAX;
    private static final double ETA_MIN = CosineBenchmark.ETA_MIN;

    private final double[] spans;
    private long step;
    private double fraction = 1;

    HandWritten(double[] initialRates) {
      spans = new double[initialRates.length];
      for (int g = 0; g < spans.length; g++) {
        spans[g] = initialRates[g] - ETA_MIN;
      }
    }

    void step() {
      fraction = 0.5 * (1 + Math.cos(OMEGA * ++step));
    }

    double lr(int group) {
      return ETA_MIN + spans[group] * fraction;
    }
  }

  /** The optimizer's per-group rates, written by every invocation. */
  @State(Scope.Thread)
  public static class Groups {
    final double[] rates = new double[GROUPS];
  }

  /** Instances of the generated cosine scheduler with 1,000 groups. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<CosineBenchmark_ConfigScheduler> {
    private final double[] initialRates = layerRates();

    @Override
    protected CosineBenchmark_ConfigScheduler create() {
      return new CosineBenchmark_ConfigScheduler(initialRates);
    }

    @Override
    protected int length() {
      return CosineBenchmark.T_MAX;
    }

    @Override
    protected double minNanosPerStep() {
      return 25;
    }
  }

  /** Instances of the hand-written schedule with 1,000 groups. */
  @State(Scope.Thread)
  public static class HandWrittenRun extends Relay<HandWritten> {
    private final double[] initialRates = layerRates();

    @Override
    protected HandWritten create() {
      return new HandWritten(initialRates);
    }

    @Override
    protected int length() {
      return CosineBenchmark.T_MAX;
    }

    @Override
    protected double minNanosPerStep() {
      return 25;
    }
  }

  @Benchmark
  public double[] generated(GeneratedRun run, Groups groups) {
    CosineBenchmark_ConfigScheduler scheduler = run.current;
    scheduler.step();
    run.next();
    double[] rates = groups.rates;
    for (int g = 0; g < rates.length; g++) {
      rates[g] = scheduler.lr(g);
    }
    return rates;
  }

  @Benchmark
  public double[] handWritten(HandWrittenRun run, Groups groups) {
    HandWritten scheduler = run.current;
    scheduler.step();
    run.next();
    double[] rates = groups.rates;
    for (int g = 0; g < rates.length; g++) {
      rates[g] = scheduler.lr(g);
    }
    return rates;
  }
}

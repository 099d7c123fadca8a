package dev.anneal.benchmarks;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.CycleSchedule;
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
 * OneCycleLR with cosine annealing over 100,000 steps: from 4e-4 up to 1e-2 in the first 30%, then
 * down to 4e-8. Momentum is not cycled, so that every variant computes the rate alone.
 *
 * <p>OneCycleLR throws once stepped past its total steps, so the relay hands out a fresh
 * scheduler after each full walk. DJL has no one-cycle policy. ND4J's {@link CycleSchedule} is
 * the original, linear 1cycle policy: a symmetric linear rise and fall, then an exponential
 * annealing. It is benchmarked as the closest ND4J equivalent with the same end points, not the
 * same curve.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OneCycleCosBenchmark {

  static final double MAX_LR = 1e-2;
  static final int TOTAL_STEPS = 100_000;

  @Schedule(
      type = ScheduleType.ONE_CYCLE,
      maxLr = MAX_LR,
      totalSteps = TOTAL_STEPS,
      cycleMomentum = false)
  static final class Config {}

  /**
   * Each phase is {@code centre + half * cos(omega * stepsIntoPhase)} with its constants folded:
   * one compare and one cosine per step, plus PyTorch's check on the total steps.
   */
  static final class HandWritten {
    private static final double INITIAL = MAX_LR / 25;
    private static final double FINAL = INITIAL / 1e4;
    private static final double UP_END = 0.3 * TOTAL_STEPS - 1;
    private static final double DOWN_END = TOTAL_STEPS - 1;
    private static final double UP_CENTRE = (INITIAL + MAX_LR) / 2;
    private static final double UP_HALF = (INITIAL - MAX_LR) / 2;
    private static final double UP_OMEGA = Math.PI / UP_END;
    private static final double DOWN_CENTRE = (MAX_LR + FINAL) / 2;
    private static final double DOWN_HALF = (MAX_LR - FINAL) / 2;
    private static final double DOWN_OMEGA = Math.PI / (DOWN_END - UP_END);

    private int step;
    private double lr = INITIAL;

    void step() {
      int s = ++step;
      if (s > TOTAL_STEPS) {
        throw new IllegalStateException("stepped past the total steps " + TOTAL_STEPS);
      }
      lr =
          s <= UP_END
              ? UP_CENTRE + UP_HALF * Math.cos(UP_OMEGA * s)
              : DOWN_CENTRE + DOWN_HALF * Math.cos(DOWN_OMEGA * (s - UP_END));
    }

    double lr() {
      return lr;
    }
  }

  /** Instances of the generated scheduler; the initial rate only sets the group count. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<OneCycleCosBenchmark_ConfigScheduler> {
    @Override
    protected OneCycleCosBenchmark_ConfigScheduler create() {
      return new OneCycleCosBenchmark_ConfigScheduler(MAX_LR);
    }

    @Override
    protected int length() {
      return TOTAL_STEPS;
    }
  }

  /** One generated scheduler, queried at successive steps. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final OneCycleCosBenchmark_ConfigScheduler function =
        new OneCycleCosBenchmark_ConfigScheduler(MAX_LR);

    public GeneratedFunction() {
      super(TOTAL_STEPS);
    }
  }

  /** Instances of the hand-written schedule. */
  @State(Scope.Thread)
  public static class HandWrittenRun extends Relay<HandWritten> {
    @Override
    protected HandWritten create() {
      return new HandWritten();
    }

    @Override
    protected int length() {
      return TOTAL_STEPS;
    }
  }

  /**
   * ND4J's 1cycle: 30,000 steps up and 30,000 down, linearly, between 4e-4 and 1e-2, then 40,000
   * steps of exponential annealing down to 4e-8.
   */
  @State(Scope.Thread)
  public static class Nd4jSchedule extends Cursor {
    private static final int ANNEALING = 40_000;

    final ISchedule schedule =
        new CycleSchedule(
            org.nd4j.linalg.schedule.ScheduleType.ITERATION,
            MAX_LR / 25,
            MAX_LR,
            TOTAL_STEPS,
            ANNEALING,
            Math.pow(1e-4, 1.0 / ANNEALING));

    public Nd4jSchedule() {
      super(TOTAL_STEPS);
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    OneCycleCosBenchmark_ConfigScheduler scheduler = run.current;
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
  public double dl4j(Nd4jSchedule query) {
    return query.schedule.valueAt(query.next(), 0);
  }
}

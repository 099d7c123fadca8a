package dev.anneal.benchmarks;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Fresh instances of a stateful schedule, handed out one after another so that a benchmark walks
 * the whole schedule again and again instead of sitting at its tail (where an exponential decay
 * has underflowed to zero and OneCycleLR throws).
 *
 * <p>A stateful scheduler cannot be rewound, so every instance the run will need is created in
 * the trial setup, before the first warmup iteration: the measured iterations then allocate
 * nothing, and {@code -prof gc} sees the scheduler's own allocation, not the benchmark's. The pool
 * is sized from the run's warmup and measurement time and a lower bound on the time of one step.
 * Should a run still outlast it, the relay creates instances on the spot and says so at the end
 * of the trial, since that allocation then shows in {@code gc.alloc.rate.norm}.
 *
 * <p>Every variant of a family (generated, hand-written, a library's tracker) goes through the
 * same relay, so the bookkeeping costs them all the same.
 *
 * @param <T> the scheduler type
 */
public abstract class Relay<T> {

  /** Beyond this many instances the pool stops growing and falls back to creating on the spot. */
  private static final long MAX_POOL = 4_000_000;

  /** Room for iterations that overrun their time and for the synchronization JMH adds. */
  private static final double MARGIN = 1.25;

  /** The instance to step now. */
  public T current;

  private int length;
  private int remaining;
  private ArrayList<T> spares;
  private int nextSpare;
  private long createdLate;

  /** A new instance, at step 0 of its schedule. */
  protected abstract T create();

  /** How many steps each instance walks before it is replaced. */
  protected abstract int length();

  /**
   * A lower bound on the time of one benchmark invocation, used only to size the pool; an
   * underestimate costs memory, an overestimate costs allocation during measurement.
   */
  protected double minNanosPerStep() {
    return 0.5;
  }

  /** Creates every instance the trial will step. */
  @Setup(Level.Trial)
  public final void fill(BenchmarkParams params) {
    length = length();
    long nanos = budgetNanos(params.getWarmup()) + budgetNanos(params.getMeasurement());
    long instances = (long) Math.ceil(MARGIN * nanos / (minNanosPerStep() * length)) + 2;
    int size = (int) Math.min(instances, MAX_POOL);
    spares = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      spares.add(create());
    }
    nextSpare = 0;
    createdLate = 0;
    current = take();
    remaining = length;
  }

  /**
   * Counts one step of {@link #current} and returns its number, from 1 to {@link #length()}.
   * Once the current instance has walked its schedule the next one takes its place, so read
   * {@code current} before calling this.
   */
  public final int next() {
    int step = length - remaining + 1;
    if (--remaining == 0) {
      replace();
    }
    return step;
  }

  /** Reports a pool that ran dry, whose extra instances were allocated during measurement. */
  @TearDown(Level.Trial)
  public final void report() {
    if (createdLate > 0) {
      System.out.printf(
          "%s: pool ran dry; %d instances were created during the run%n",
          getClass().getName(), createdLate);
    }
    spares = null;
  }

  private void replace() {
    current = take();
    remaining = length;
  }

  private T take() {
    if (nextSpare < spares.size()) {
      // Drop the pool's reference so that walked instances can be collected.
      return spares.set(nextSpare++, null);
    }
    createdLate++;
    return create();
  }

  private static long budgetNanos(IterationParams iterations) {
    long perIteration = iterations.getTime().convertTo(TimeUnit.NANOSECONDS);
    return (long) iterations.getCount() * Math.max(perIteration, 0);
  }
}

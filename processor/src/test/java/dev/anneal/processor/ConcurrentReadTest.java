package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code lrAt} and {@code momentumAt} are pure: they read only what the constructor set, so any
 * number of threads may call them on one instance, also while the single thread that owns the
 * stepping steps it. Eight readers query schedulers of several kinds at random (step, group)
 * pairs while a ninth thread steps the same instances; every value read must equal, bit for bit,
 * the value a never-stepped instance gave on one thread beforehand, and the stepped instances must
 * end where the same number of steps on one thread ends.
 *
 * <p>The same harness is run on two deliberately broken schedulers, a shared scratch field and a
 * query that borrows the stepping state, to show that it catches both.
 */
@DisplayName("Concurrent reads of lrAt and momentumAt")
class ConcurrentReadTest {
  private static final int READERS = 8;

  /** Queries per schedule, each reader going through all of them in its own order. */
  private static final int QUERIES = 4000;

  /** Fewer for the broken schedulers, whose every query yields the processor. */
  private static final int BROKEN_QUERIES = 500;

  /** Readers keep reading until they have gone through the queries this often... */
  private static final int MIN_PASSES = 2;

  /** ...and the stepping thread has stepped every instance this often, so both overlap. */
  private static final long MIN_STEPS = 20_000;

  /** The stepping thread stops here, so that stepping the replicas afterwards stays quick. */
  private static final long MAX_STEPS = 5_000_000;

  /** A bound on the concurrent phase; a healthy run takes well under a second. */
  private static final long TIMEOUT_SECONDS = 60;

  private static final double[] BASE = {0.1, 0.05, 0.01};

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("ReadCosine", new String[] {
        "@Schedule(type = COSINE, tMax = 1000, etaMin = 1e-4)",
        "final class ReadCosine {}"});
    CONFIGS.put("ReadWarmRestarts", new String[] {
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 50, tMult = 2, etaMin = 1e-5)",
        "final class ReadWarmRestarts {}"});
    CONFIGS.put("ReadExponential", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.99999)",
        "final class ReadExponential {}"});
    CONFIGS.put("ReadExpRange", new String[] {
        "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001, 0.0005}, maxLr = {0.01, 0.002, 0.005},",
        "    stepSizeUp = 700, stepSizeDown = 300, mode = EXP_RANGE, gamma = 0.9999)",
        "final class ReadExpRange {}"});
    CONFIGS.put("ReadOneCycle", new String[] {
        "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.05, 0.01}, totalSteps = 1_000_000_000, threePhase = true)",
        "final class ReadOneCycle {}"});
    CONFIGS.put("ReadWarmupCosine", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 500)",
        "@Schedule(type = COSINE, tMax = 100_000)",
        "@Sequential(milestones = 500)",
        "final class ReadWarmupCosine {}"});
    CONFIGS.put("ReadChained", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.2, totalIters = 100)",
        "@Schedule(type = MULTI_STEP, milestones = {1000, 5000, 5000}, gamma = 0.5)",
        "@Chained",
        "final class ReadChained {}"});
    CONFIGS.put("ReadLambdas", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = {\"warmup\", \"decay\", \"decay\"})",
        "final class ReadLambdas {",
        "  static double warmup(long step) {",
        "    return Math.min(1.0, (step + 1) / 1000.0);",
        "  }",
        "",
        "  static double decay(long step) {",
        "    return Math.exp(-1e-6 * step);",
        "  }",
        "}"});
    CONFIGS.put("ReadMultiplicative", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class ReadMultiplicative {",
        "  static double decay(long step) {",
        "    return step % 7 == 0 ? 0.9 : 0.999;",
        "  }",
        "}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  /** A scheduler to read and step: a name, a way to build fresh instances, the steps to query. */
  private record Subject(String name, Supplier<Target> factory, long maxStep) {}

  /**
   * What the harness reads and steps. Generated schedulers are adapted to it; the broken ones
   * below implement it directly.
   */
  private interface Target {
    double lrAt(long step, int group);

    /** Whether the scheduler has momentumAt and momentum. */
    boolean cyclesMomentum();

    double momentumAt(long step, int group);

    void step();

    long stepCount();

    int groupCount();

    double lr(int group);

    double momentum(int group);
  }

  /** A generated scheduler as a {@link Target}, calling it through the interfaces it implements. */
  private static Target adapt(Object scheduler) {
    LrFunction function = (LrFunction) scheduler;
    StepScheduler stepping = (StepScheduler) scheduler;
    MomentumFunction momentumFunction = scheduler instanceof MomentumFunction m ? m : null;
    MomentumScheduler momentumScheduler = scheduler instanceof MomentumScheduler m ? m : null;
    return new Target() {
      @Override
      public double lrAt(long step, int group) {
        return function.lrAt(step, group);
      }

      @Override
      public boolean cyclesMomentum() {
        return momentumFunction != null;
      }

      @Override
      public double momentumAt(long step, int group) {
        return momentumFunction.momentumAt(step, group);
      }

      @Override
      public void step() {
        stepping.step();
      }

      @Override
      public long stepCount() {
        return stepping.stepCount();
      }

      @Override
      public int groupCount() {
        return stepping.groupCount();
      }

      @Override
      public double lr(int group) {
        return stepping.lr(group);
      }

      @Override
      public double momentum(int group) {
        return momentumScheduler.momentum(group);
      }
    };
  }

  /** What the concurrent phase saw. */
  private record Outcome(long reads, List<String> readMismatches, long readMismatchCount,
      long stepRounds, List<String> steppingDisturbed) {}

  private static Subject generated(String config, long maxStep) {
    return new Subject(config, () -> adapt(classes.scheduler(config, Object.class, BASE)), maxStep);
  }

  @Test
  @DisplayName("eight readers and one stepping thread: every lrAt and momentumAt equals the single-threaded value")
  void generatedSchedulersArePure() throws Exception {
    List<Subject> subjects = List.of(
        generated("ReadCosine", 1_000_000_000L),
        generated("ReadWarmRestarts", 1_000_000_000L),
        generated("ReadExponential", 1_000_000_000L),
        generated("ReadExpRange", 1_000_000_000L),
        generated("ReadOneCycle", 1_000_000_000L),
        generated("ReadWarmupCosine", 1_000_000_000L),
        generated("ReadChained", 1_000_000_000L),
        generated("ReadLambdas", 1_000_000_000L),
        // lrAt replays the product from step 0, so its queries stay short.
        generated("ReadMultiplicative", 3000L));
    Outcome outcome = runConcurrently(subjects, QUERIES);

    assertEquals(0, outcome.readMismatchCount(), () -> outcome.readMismatchCount() + " of " + outcome.reads()
        + " concurrent reads differed from the single-threaded value:\n  "
        + String.join("\n  ", outcome.readMismatches()));
    assertTrue(outcome.steppingDisturbed().isEmpty(), () -> "reading disturbed stepping:\n  "
        + String.join("\n  ", outcome.steppingDisturbed()));
    assertTrue(outcome.stepRounds() >= MIN_STEPS,
        "the stepping thread stepped " + outcome.stepRounds() + " times while the readers read");
    assertTrue(outcome.reads() >= (long) READERS * MIN_PASSES * QUERIES * subjects.size(),
        "reads: " + outcome.reads());
  }

  @Test
  @DisplayName("the harness catches a scheduler whose lrAt goes through a shared scratch field")
  void catchesSharedScratch() throws Exception {
    // The usual shape of a cache added for speed: a field written by one query and read back by
    // it, which another thread's query overwrites in between.
    Outcome outcome =
        runConcurrently(List.of(new Subject("SharedScratch", SharedScratch::new, 1_000_000L)), BROKEN_QUERIES);
    assertTrue(outcome.readMismatchCount() > 0,
        "a shared scratch field went unnoticed in " + outcome.reads() + " reads");
  }

  @Test
  @DisplayName("the harness catches a scheduler whose lrAt borrows the stepping state")
  void catchesBorrowedState() throws Exception {
    // lrAt that moves the current step to the query and back: it reads the stepping thread's
    // half-made changes and undoes its steps.
    Outcome outcome =
        runConcurrently(List.of(new Subject("BorrowedState", BorrowedState::new, 1_000_000L)), BROKEN_QUERIES);
    assertFalse(outcome.readMismatchCount() == 0 && outcome.steppingDisturbed().isEmpty(),
        "a query that borrows the stepping state went unnoticed in " + outcome.reads() + " reads");
  }

  /**
   * Computes the expected values on one thread from a never-stepped instance, then reads a second
   * instance from {@link #READERS} threads while one more thread steps it, and finally steps a
   * third instance on one thread as often as the second was stepped and compares them.
   */
  private static Outcome runConcurrently(List<Subject> subjects, int queries) throws Exception {
    int n = subjects.size();
    Target[] shared = new Target[n];
    long[][] steps = new long[n][queries];
    int[][] groups = new int[n][queries];
    double[][] expectedLr = new double[n][queries];
    double[][] expectedMomentum = new double[n][];
    for (int i = 0; i < n; i++) {
      Subject subject = subjects.get(i);
      Target reference = subject.factory().get();
      shared[i] = subject.factory().get();
      int groupCount = reference.groupCount();
      SplittableRandom random = new SplittableRandom(1000 + i);
      for (int q = 0; q < queries; q++) {
        steps[i][q] = random.nextLong(subject.maxStep() + 1);
        groups[i][q] = random.nextInt(groupCount);
        expectedLr[i][q] = reference.lrAt(steps[i][q], groups[i][q]);
      }
      if (reference.cyclesMomentum()) {
        expectedMomentum[i] = new double[queries];
        for (int q = 0; q < queries; q++) {
          expectedMomentum[i][q] = reference.momentumAt(steps[i][q], groups[i][q]);
        }
      }
    }

    CountDownLatch ready = new CountDownLatch(READERS + 1);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch readersDone = new CountDownLatch(READERS);
    AtomicLong stepRounds = new AtomicLong();
    List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    AtomicLong mismatchCount = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS / 2);

    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        readers.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          long reads = 0;
          try {
            int pass = 0;
            while (pass < MIN_PASSES || (stepRounds.get() < MIN_STEPS && System.nanoTime() < deadline)) {
              for (int i = 0; i < n; i++) {
                Target target = shared[i];
                boolean momentum = target.cyclesMomentum();
                // Each reader walks the queries from its own offset, so that readers collide on
                // different queries of one instance at the same time.
                int offset = reader * queries / READERS;
                for (int k = 0; k < queries; k++) {
                  int q = (offset + k) % queries;
                  double got = target.lrAt(steps[i][q], groups[i][q]);
                  reads++;
                  if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(expectedLr[i][q])) {
                    mismatch(mismatches, mismatchCount, subjects.get(i).name() + " lrAt(" + steps[i][q] + ", "
                        + groups[i][q] + ") = " + got + ", single-threaded " + expectedLr[i][q]);
                  }
                  if (momentum) {
                    double gotMomentum = target.momentumAt(steps[i][q], groups[i][q]);
                    reads++;
                    if (Double.doubleToRawLongBits(gotMomentum)
                        != Double.doubleToRawLongBits(expectedMomentum[i][q])) {
                      mismatch(mismatches, mismatchCount, subjects.get(i).name() + " momentumAt(" + steps[i][q]
                          + ", " + groups[i][q] + ") = " + gotMomentum + ", single-threaded "
                          + expectedMomentum[i][q]);
                    }
                  }
                }
              }
              pass++;
            }
          } finally {
            readersDone.countDown();
          }
          return reads;
        }));
      }
      Callable<Long> stepping = () -> {
        ready.countDown();
        start.await();
        long rounds = 0;
        while (rounds < MAX_STEPS && readersDone.getCount() > 0) {
          for (Target scheduler : shared) {
            scheduler.step();
          }
          stepRounds.set(++rounds);
        }
        readersDone.await();
        return rounds;
      };
      Future<Long> stepper = pool.submit(stepping);

      assertTrue(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "threads did not start");
      start.countDown();
      long reads = 0;
      for (Future<Long> reader : readers) {
        reads += reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      long rounds = stepper.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

      List<String> disturbed = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Target replica = subjects.get(i).factory().get();
        for (long s = 0; s < rounds; s++) {
          replica.step();
        }
        compareStepped(subjects.get(i).name(), rounds, shared[i], replica, disturbed);
      }
      return new Outcome(reads, List.copyOf(mismatches), mismatchCount.get(), rounds, disturbed);
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS), "threads did not stop");
    }
  }

  private static void mismatch(List<String> mismatches, AtomicLong count, String what) {
    if (count.incrementAndGet() <= 5) {
      mismatches.add(what);
    }
  }

  /** The instance stepped among the readers against one stepped alone, bit for bit. */
  private static void compareStepped(String name, long rounds, Target shared, Target replica,
      List<String> disturbed) {
    if (shared.stepCount() != replica.stepCount()) {
      disturbed.add(name + ": " + rounds + " steps counted as " + shared.stepCount());
      return;
    }
    for (int g = 0; g < replica.groupCount(); g++) {
      if (Double.doubleToRawLongBits(shared.lr(g)) != Double.doubleToRawLongBits(replica.lr(g))) {
        disturbed.add(name + ": lr(" + g + ") after " + rounds + " steps is " + shared.lr(g)
            + ", stepped alone " + replica.lr(g));
      }
      if (replica.cyclesMomentum()
          && Double.doubleToRawLongBits(shared.momentum(g)) != Double.doubleToRawLongBits(replica.momentum(g))) {
        disturbed.add(name + ": momentum(" + g + ") after " + rounds + " steps differs");
      }
    }
  }

  /**
   * A decay of {@code 0.99} a step, restarting every 1000 steps, without momentum: the body of the
   * broken schedulers below, correct on one thread.
   */
  private abstract static class Decay implements Target {
    long step;

    static double rate(long step, int group) {
      return BASE[group] * Math.pow(0.99, step % 1000);
    }

    @Override
    public boolean cyclesMomentum() {
      return false;
    }

    @Override
    public double momentumAt(long step, int group) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void step() {
      step++;
    }

    @Override
    public long stepCount() {
      return step;
    }

    @Override
    public int groupCount() {
      return BASE.length;
    }

    @Override
    public double lr(int group) {
      return rate(step, group);
    }

    @Override
    public double momentum(int group) {
      throw new UnsupportedOperationException();
    }
  }

  /** lrAt passes its result through a field that every caller shares. */
  private static final class SharedScratch extends Decay {
    private double scratch;

    @Override
    public double lrAt(long query, int group) {
      scratch = rate(query, group);
      // Widens the window between the write and the read, as a busy machine would.
      Thread.yield();
      return scratch;
    }
  }

  /** lrAt moves the current step to the query, reads, and moves it back. */
  private static final class BorrowedState extends Decay {
    @Override
    public double lrAt(long query, int group) {
      long saved = step;
      step = query;
      Thread.yield();
      double value = rate(step, group);
      step = saved;
      return value;
    }
  }
}

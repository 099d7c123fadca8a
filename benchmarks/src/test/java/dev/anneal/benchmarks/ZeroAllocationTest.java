package dev.anneal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.LrFunction;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.StepScheduler;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of generated scheduler steps and reads a million times without allocating a byte on
 * the heap: a property of the generated code, checked with the JVM's per-thread allocation
 * counter rather than timed.
 *
 * <p>Each workload runs twice on instances of its own and only the second run is counted. The
 * first run absorbs what the JVM allocates once, on the thread that happens to be running: linking
 * each call site on its first execution, and deoptimizing optimized code the first time a branch
 * it had never seen is taken (a new phase, a restart, a milestone). Neither recurs, and neither
 * shows in the interpreter or in C1-compiled code, where the first run counts zero as well.
 */
class ZeroAllocationTest {

  private static final int STEPS = 1_000_000;
  private static final double[] THREE_GROUPS = {0.1, 0.05, 0.01};

  private static com.sun.management.ThreadMXBean threads;

  /** Keeps the results alive, so that no read can be dropped as dead code. */
  private static double sink;

  @BeforeAll
  static void enableCounting() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM has no per-thread allocation counter");
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation not supported");
    threads.setThreadAllocatedMemoryEnabled(true);
    // The first reads load and link the counter's code; later reads allocate nothing.
    for (int i = 0; i < 3; i++) {
      allocatedBy(() -> {});
    }
  }

  @Test
  void theProbeSeesAllocation() {
    long bytes = allocatedBy(() -> sink += new double[1_000].length);
    assertTrue(bytes >= 8_000, "the probe missed an 8 kB array: " + bytes + " bytes");
  }

  /**
   * Each schedule type has its test here, named after the type ({@code MULTI_STEP} by
   * {@code multiStep}), so that a new type cannot go unmeasured.
   */
  @Test
  void everyScheduleTypeHasItsTest() {
    Set<String> tests = new TreeSet<>();
    for (Method method : ZeroAllocationTest.class.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        tests.add(method.getName());
      }
    }
    List<String> missing = new ArrayList<>();
    for (ScheduleType type : ScheduleType.values()) {
      String name = Pattern.compile("_([a-z])").matcher(type.name().toLowerCase(Locale.ROOT))
          .replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
      if (!tests.contains(name)) {
        missing.add(type + " (" + name + ")");
      }
    }
    assertTrue(missing.isEmpty(), () -> "no zero-allocation test for " + missing);
  }

  @Test
  void step() {
    assertZeroAllocation(() -> new StepBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new StepBenchmark_ConfigScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void multiStep() {
    assertZeroAllocation(() -> new MultiStepBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new MultiStepBenchmark_ConfigScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void constant() {
    assertZeroAllocation(() -> new AllocationConfigs_ConstantScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_ConstantScheduler(THREE_GROUPS), 2_000);
  }

  @Test
  void linear() {
    assertZeroAllocation(() -> new AllocationConfigs_LinearScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_LinearScheduler(THREE_GROUPS), 2_000);
  }

  @Test
  void exponential() {
    assertZeroAllocation(() -> new ExponentialBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new ExponentialBenchmark_ConfigScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void polynomial() {
    assertZeroAllocation(() -> new AllocationConfigs_PolynomialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_PolynomialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void cosine() {
    assertZeroAllocation(() -> new CosineBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new CosineBenchmark_ConfigScheduler(THREE_GROUPS), 200_000);
  }

  @Test
  void cosineWarmRestarts() {
    assertZeroAllocation(() -> new WarmRestartsBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new WarmRestartsBenchmark_ConfigScheduler(THREE_GROUPS), 1_000_000);
  }

  @Test
  void hfInverseSqrt() {
    assertZeroAllocation(() -> new AllocationConfigs_InverseSqrtScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_InverseSqrtScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfConstant() {
    assertZeroAllocation(() -> new AllocationConfigs_HfConstantScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfConstantScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfConstantWithWarmup() {
    assertZeroAllocation(() -> new AllocationConfigs_HfConstantWarmupScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfConstantWarmupScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfLinear() {
    assertZeroAllocation(() -> new AllocationConfigs_HfLinearScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfLinearScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfCosine() {
    assertZeroAllocation(() -> new AllocationConfigs_HfCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfCosineScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfCosineWithRestarts() {
    assertZeroAllocation(() -> new AllocationConfigs_HfRestartsScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfRestartsScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfPolynomial() {
    assertZeroAllocation(() -> new AllocationConfigs_HfPolynomialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfPolynomialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfCosineWithMinLr() {
    assertZeroAllocation(() -> new AllocationConfigs_HfCosineMinLrScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfCosineMinLrScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfCosineWarmupWithMinLr() {
    assertZeroAllocation(() -> new AllocationConfigs_HfCosineWarmupMinLrScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_HfCosineWarmupMinLrScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void hfWarmupStableDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_WsdScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_WsdScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void timmCosine() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmCosineScheduler(THREE_GROUPS), 20_000);
    // With noise: the draws reseed the thread's generator, made on its first draw.
    assertZeroAllocation(
        () -> new TimmCosineBenchmark_ConfigScheduler(THREE_GROUPS), TimmCosineBenchmark.LENGTH);
    assertZeroAllocationAt(
        new TimmCosineBenchmark_ConfigScheduler(THREE_GROUPS), TimmCosineBenchmark.LENGTH);
  }

  @Test
  void timmTanh() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmTanhScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmTanhScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void timmPoly() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmPolyScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmPolyScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void timmStep() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmStepScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmStepScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void timmMultiStep() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmMultiStepScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmMultiStepScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasExponentialDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasExponentialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasExponentialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasPiecewiseConstantDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasPiecewiseScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasPiecewiseScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasPolynomialDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasPolynomialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasPolynomialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasInverseTimeDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasInverseTimeScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasInverseTimeScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasCosineDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasCosineScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void kerasCosineDecayRestarts() {
    assertZeroAllocation(() -> new AllocationConfigs_KerasCosineRestartsScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_KerasCosineRestartsScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxConstant() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxConstantScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxConstantScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxLinear() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxLinearScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxLinearScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxPolynomial() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxPolynomialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxPolynomialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxExponentialDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxExponentialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxExponentialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxCosineDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxCosineScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxWarmupCosineDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxWarmupCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxWarmupCosineScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxWarmupExponentialDecay() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxWarmupExponentialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxWarmupExponentialScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxWarmupConstant() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxWarmupConstantScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxWarmupConstantScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxPiecewiseConstant() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxPiecewiseScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxPiecewiseScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxPiecewiseInterpolate() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxInterpolateScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxInterpolateScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxLinearOnecycle() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxLinearOnecycleScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxLinearOnecycleScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void optaxCosineOnecycle() {
    assertZeroAllocation(() -> new AllocationConfigs_OptaxCosineOnecycleScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_OptaxCosineOnecycleScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void timmWsd() {
    assertZeroAllocation(() -> new AllocationConfigs_TimmWsdScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_TimmWsdScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void diffusersPiecewiseConstant() {
    assertZeroAllocation(() -> new AllocationConfigs_PiecewiseScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_PiecewiseScheduler(THREE_GROUPS), 20_000);
  }

  @Test
  void lambda() {
    assertZeroAllocation(() -> new AllocationConfigs_LambdaScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_LambdaScheduler(THREE_GROUPS), 1_000_000);
  }

  @Test
  void multiplicative() {
    assertZeroAllocation(() -> new AllocationConfigs_MultiplicativeScheduler(THREE_GROUPS));
  }

  @Test
  void cyclic() {
    assertZeroAllocation(() -> new CyclicTriangular2Benchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(
        new CyclicTriangular2Benchmark_ConfigScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void cyclicWithMomentum() {
    assertZeroAllocation(() -> new AllocationConfigs_CyclicWithMomentumScheduler(THREE_GROUPS));
    assertZeroAllocationAt(
        new AllocationConfigs_CyclicWithMomentumScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void oneCycle() {
    // OneCycleLR throws past its total steps: a fresh scheduler for every walk.
    assertZeroAllocation(
        () -> new OneCycleCosBenchmark_ConfigScheduler(THREE_GROUPS),
        OneCycleCosBenchmark.TOTAL_STEPS);
    assertZeroAllocationAt(
        new OneCycleCosBenchmark_ConfigScheduler(THREE_GROUPS), OneCycleCosBenchmark.TOTAL_STEPS);
  }

  @Test
  void oneCycleWithMomentum() {
    assertZeroAllocation(
        () -> new AllocationConfigs_OneCycleWithMomentumScheduler(THREE_GROUPS), 10_000);
    assertZeroAllocationAt(
        new AllocationConfigs_OneCycleWithMomentumScheduler(THREE_GROUPS), 10_000);
  }

  @Test
  void reduceOnPlateau() {
    observeWalks(newPlateauWalks(STEPS / PlateauBenchmark.LENGTH), PlateauBenchmark.LENGTH);
    MetricScheduler[] walks = newPlateauWalks(STEPS / PlateauBenchmark.LENGTH);
    long bytes = allocatedBy(() -> observeWalks(walks, PlateauBenchmark.LENGTH));
    assertEquals(0, bytes, "bytes allocated by a million steps and reads of ReduceLROnPlateau");
  }

  private static MetricScheduler[] newPlateauWalks(int count) {
    MetricScheduler[] walks = new MetricScheduler[count];
    for (int i = 0; i < count; i++) {
      walks[i] = new PlateauBenchmark_ConfigScheduler(THREE_GROUPS);
    }
    return walks;
  }

  private static void observeWalks(MetricScheduler[] walks, int walkLength) {
    double sum = 0;
    for (MetricScheduler scheduler : walks) {
      for (int t = 0; t < walkLength; t++) {
        scheduler.step(PlateauBenchmark.LOSSES[t]);
        sum += readAll(scheduler);
      }
    }
    sink += sum;
  }

  @Test
  void timmPlateau() {
    observeWalks(newTimmPlateauWalks(), PlateauBenchmark.LENGTH);
    MetricScheduler[] walks = newTimmPlateauWalks();
    long bytes = allocatedBy(() -> observeWalks(walks, PlateauBenchmark.LENGTH));
    assertEquals(0, bytes, "bytes allocated by a million steps and reads of timm's plateau, noised");
  }

  /** Half with the normal noise, half with the uniform noise behind a warm-up. */
  private static MetricScheduler[] newTimmPlateauWalks() {
    MetricScheduler[] walks = new MetricScheduler[STEPS / PlateauBenchmark.LENGTH];
    for (int i = 0; i < walks.length; i++) {
      walks[i] = i % 2 == 0 ? new AllocationConfigs_TimmPlateauScheduler(THREE_GROUPS)
          : new AllocationConfigs_WarmupThenTimmPlateauScheduler(THREE_GROUPS);
    }
    return walks;
  }

  @Test
  void sequential() {
    assertZeroAllocation(() -> new WarmupCosineBenchmark_ConfigScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new WarmupCosineBenchmark_ConfigScheduler(THREE_GROUPS), 200_000);
  }

  @Test
  void warmup() {
    assertZeroAllocation(() -> new AllocationConfigs_WarmupThenCosineScheduler(THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_WarmupThenCosineScheduler(THREE_GROUPS), 20_000);
    AllocationConfigs.BoundWarmupThenStep bound = new AllocationConfigs.BoundWarmupThenStep(500);
    assertZeroAllocation(() -> new AllocationConfigs_BoundWarmupThenStepScheduler(bound, THREE_GROUPS));
    assertZeroAllocationAt(new AllocationConfigs_BoundWarmupThenStepScheduler(bound, THREE_GROUPS), 20_000);
  }

  @Test
  void warmupThenPlateau() {
    observeWalks(newWarmupPlateauWalks(), PlateauBenchmark.LENGTH);
    MetricScheduler[] walks = newWarmupPlateauWalks();
    long bytes = allocatedBy(() -> observeWalks(walks, PlateauBenchmark.LENGTH));
    assertEquals(0, bytes, "bytes allocated by a million steps and reads of a warm-up then ReduceLROnPlateau");
  }

  private static MetricScheduler[] newWarmupPlateauWalks() {
    MetricScheduler[] walks = new MetricScheduler[STEPS / PlateauBenchmark.LENGTH];
    for (int i = 0; i < walks.length; i++) {
      walks[i] = new AllocationConfigs_WarmupThenPlateauScheduler(THREE_GROUPS);
    }
    return walks;
  }

  @Test
  void chained() {
    assertZeroAllocation(
        () -> new AllocationConfigs_ConstantThenExponentialScheduler(THREE_GROUPS));
    assertZeroAllocationAt(
        new AllocationConfigs_ConstantThenExponentialScheduler(THREE_GROUPS), 100_000);
  }

  @Test
  void thousandGroups() {
    double[] rates = ScaleBenchmark.layerRates();
    int steps = STEPS / 100;
    stepWalks(new StepScheduler[] {new CosineBenchmark_ConfigScheduler(rates)}, steps, steps);
    StepScheduler[] walks = {new CosineBenchmark_ConfigScheduler(rates)};
    long bytes = allocatedBy(() -> stepWalks(walks, steps, steps));
    assertEquals(0, bytes, "bytes allocated by 10,000 steps and reads of 1,000 groups");
  }

  /** A million steps and reads of one long-lived scheduler. */
  private static void assertZeroAllocation(Supplier<? extends StepScheduler> create) {
    assertZeroAllocation(create, STEPS);
  }

  /**
   * A million steps and reads in walks of {@code walkLength} steps, each on a fresh scheduler
   * created before counting starts.
   */
  private static void assertZeroAllocation(
      Supplier<? extends StepScheduler> create, int walkLength) {
    stepWalks(newWalks(create, walkLength, STEPS), walkLength, STEPS);
    StepScheduler[] walks = newWalks(create, walkLength, STEPS);
    String type = walks[0].getClass().getSimpleName();
    long bytes = allocatedBy(() -> stepWalks(walks, walkLength, STEPS));
    assertEquals(0, bytes, "bytes allocated by a million steps and reads of " + type);
  }

  private static StepScheduler[] newWalks(
      Supplier<? extends StepScheduler> create, int walkLength, int steps) {
    StepScheduler[] walks = new StepScheduler[(steps + walkLength - 1) / walkLength];
    for (int i = 0; i < walks.length; i++) {
      walks[i] = create.get();
    }
    return walks;
  }

  private static void stepWalks(StepScheduler[] walks, int walkLength, int steps) {
    double sum = 0;
    int left = steps;
    for (StepScheduler scheduler : walks) {
      for (int s = Math.min(walkLength, left); s > 0; s--, left--) {
        scheduler.step();
        sum += readAll(scheduler);
      }
    }
    sink += sum;
  }

  /** A million random-access reads, over steps 0 to {@code period - 1} again and again. */
  private static void assertZeroAllocationAt(LrFunction function, int period) {
    queryAll(function, period, STEPS);
    long bytes = allocatedBy(() -> queryAll(function, period, STEPS));
    assertEquals(
        0, bytes, "bytes allocated by a million lrAt of " + function.getClass().getSimpleName());
  }

  private static void queryAll(LrFunction function, int period, int queries) {
    int groups = THREE_GROUPS.length;
    double sum = 0;
    for (int i = 0; i < queries; i++) {
      sum += function.lrAt(i % period, i % groups);
    }
    sink += sum;
  }

  /** The caller's array that {@code lrs(into)} and {@code momentums(into)} fill. */
  private static final double[] INTO = new double[1000];

  private static double readAll(dev.anneal.LrScheduler scheduler) {
    double sum = 0;
    for (int g = 0; g < scheduler.groupCount(); g++) {
      sum += scheduler.lr(g);
    }
    sum += scheduler.lrs(INTO)[scheduler.groupCount() - 1];
    if (scheduler instanceof MomentumScheduler momentum) {
      for (int g = 0; g < scheduler.groupCount(); g++) {
        sum += momentum.momentum(g);
      }
      sum += momentum.momentums(INTO)[0];
    }
    return sum;
  }

  private static long allocatedBy(Runnable work) {
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}

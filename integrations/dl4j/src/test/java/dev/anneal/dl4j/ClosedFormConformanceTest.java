package dev.anneal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.StepScheduler;
import dev.anneal.integrations.testing.Configs;
import dev.anneal.integrations.testing.Configs_BoundWarmupStepScheduler;
import dev.anneal.integrations.testing.Configs_ChainedConstantExponentialScheduler;
import dev.anneal.integrations.testing.Configs_ChainedCosineStepScheduler;
import dev.anneal.integrations.testing.Configs_ConstantScheduler;
import dev.anneal.integrations.testing.Configs_CosineScheduler;
import dev.anneal.integrations.testing.Configs_CyclicExpRangeScheduler;
import dev.anneal.integrations.testing.Configs_CyclicScheduler;
import dev.anneal.integrations.testing.Configs_CyclicWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_DiffusersPiecewiseConstantScheduler;
import dev.anneal.integrations.testing.Configs_ExponentialScheduler;
import dev.anneal.integrations.testing.Configs_HfConstantScheduler;
import dev.anneal.integrations.testing.Configs_HfConstantWithWarmupScheduler;
import dev.anneal.integrations.testing.Configs_HfCosineScheduler;
import dev.anneal.integrations.testing.Configs_HfCosineWarmupWithMinLrScheduler;
import dev.anneal.integrations.testing.Configs_HfCosineWithMinLrScheduler;
import dev.anneal.integrations.testing.Configs_HfCosineWithRestartsScheduler;
import dev.anneal.integrations.testing.Configs_HfInverseSqrtScheduler;
import dev.anneal.integrations.testing.Configs_HfLinearScheduler;
import dev.anneal.integrations.testing.Configs_HfPolynomialScheduler;
import dev.anneal.integrations.testing.Configs_HfWarmupStableDecayScheduler;
import dev.anneal.integrations.testing.Configs_KerasCosineDecayRestartsScheduler;
import dev.anneal.integrations.testing.Configs_KerasCosineDecayScheduler;
import dev.anneal.integrations.testing.Configs_KerasExponentialDecayScheduler;
import dev.anneal.integrations.testing.Configs_KerasInverseTimeDecayScheduler;
import dev.anneal.integrations.testing.Configs_KerasPiecewiseConstantDecayScheduler;
import dev.anneal.integrations.testing.Configs_KerasPolynomialDecayScheduler;
import dev.anneal.integrations.testing.Configs_LambdaScheduler;
import dev.anneal.integrations.testing.Configs_LinearScheduler;
import dev.anneal.integrations.testing.Configs_MultiStepScheduler;
import dev.anneal.integrations.testing.Configs_MultiplicativeScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_OptaxConstantScheduler;
import dev.anneal.integrations.testing.Configs_OptaxCosineOnecycleScheduler;
import dev.anneal.integrations.testing.Configs_OptaxCosineScheduler;
import dev.anneal.integrations.testing.Configs_OptaxExponentialScheduler;
import dev.anneal.integrations.testing.Configs_OptaxInterpolateScheduler;
import dev.anneal.integrations.testing.Configs_OptaxLinearOnecycleScheduler;
import dev.anneal.integrations.testing.Configs_OptaxLinearScheduler;
import dev.anneal.integrations.testing.Configs_OptaxPiecewiseScheduler;
import dev.anneal.integrations.testing.Configs_OptaxPolynomialScheduler;
import dev.anneal.integrations.testing.Configs_OptaxWarmupConstantScheduler;
import dev.anneal.integrations.testing.Configs_OptaxWarmupCosineScheduler;
import dev.anneal.integrations.testing.Configs_OptaxWarmupExponentialScheduler;
import dev.anneal.integrations.testing.Configs_PolynomialScheduler;
import dev.anneal.integrations.testing.Configs_SequentialWarmupCosineScheduler;
import dev.anneal.integrations.testing.Configs_StepScheduler;
import dev.anneal.integrations.testing.Configs_TimmCosineScheduler;
import dev.anneal.integrations.testing.Configs_TimmMultiStepScheduler;
import dev.anneal.integrations.testing.Configs_TimmPolyScheduler;
import dev.anneal.integrations.testing.Configs_TimmStepScheduler;
import dev.anneal.integrations.testing.Configs_TimmTanhScheduler;
import dev.anneal.integrations.testing.Configs_TimmWsdScheduler;
import dev.anneal.integrations.testing.Configs_WarmRestartsScheduler;
import dev.anneal.integrations.testing.Configs_WarmupCosineScheduler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Through an {@link AnnealSchedule}, per iteration and per epoch, every step gets the generated
 * scheduler's rate exactly, for every schedule type with a closed form and for the combinations,
 * before and after DL4J's JSON: exactly the {@code lrAt} of a scheduler built by the test, and the
 * rate of the scheduler stepped as in PyTorch's loop (step {@code k} read after {@code k} steps)
 * to {@link #RELATIVE} (relative), the distance the project allows between a generated class's
 * closed form and its stepping.
 */
class ClosedFormConformanceTest {

  /** Steps per case: every config changes its rate within them. */
  private static final int STEPS = 300;

  /**
   * How far a generated scheduler's {@code lrAt} may be from its own stepping (relative): stepping
   * multiplies where the closed form takes a power, or adds where it multiplies.
   */
  static final double RELATIVE = 1e-13;

  /** The two groups' initial rates. */
  private static final double[] RATES = {0.1, 0.03};

  /** One config; {@code type} is null for a combination. */
  record Case(
      String name,
      ScheduleType type,
      Class<? extends LrFunction> scheduler,
      Record config,
      Supplier<StepScheduler> reference) {

    AnnealSchedule perIteration() {
      return config == null
          ? AnnealSchedule.perIteration(scheduler, RATES)
          : AnnealSchedule.perIteration(scheduler, config, RATES);
    }

    AnnealSchedule perEpoch() {
      return config == null
          ? AnnealSchedule.perEpoch(scheduler, RATES)
          : AnnealSchedule.perEpoch(scheduler, config, RATES);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    double a = RATES[0];
    double b = RATES[1];
    List<Case> cases = new ArrayList<>();
    cases.add(of(ScheduleType.STEP, Configs_StepScheduler.class,
        () -> new Configs_StepScheduler(a, b)));
    cases.add(of(ScheduleType.MULTI_STEP, Configs_MultiStepScheduler.class,
        () -> new Configs_MultiStepScheduler(a, b)));
    cases.add(of(ScheduleType.CONSTANT, Configs_ConstantScheduler.class,
        () -> new Configs_ConstantScheduler(a, b)));
    cases.add(of(ScheduleType.LINEAR, Configs_LinearScheduler.class,
        () -> new Configs_LinearScheduler(a, b)));
    cases.add(of(ScheduleType.EXPONENTIAL, Configs_ExponentialScheduler.class,
        () -> new Configs_ExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.POLYNOMIAL, Configs_PolynomialScheduler.class,
        () -> new Configs_PolynomialScheduler(a, b)));
    cases.add(of(ScheduleType.COSINE, Configs_CosineScheduler.class,
        () -> new Configs_CosineScheduler(a, b)));
    cases.add(of(ScheduleType.COSINE_WARM_RESTARTS, Configs_WarmRestartsScheduler.class,
        () -> new Configs_WarmRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.CYCLIC, Configs_CyclicScheduler.class,
        () -> new Configs_CyclicScheduler(a, b)));
    cases.add(new Case("CYCLIC exp_range", null, Configs_CyclicExpRangeScheduler.class, null,
        () -> new Configs_CyclicExpRangeScheduler(a, b)));
    cases.add(new Case("CYCLIC with momentum", null, Configs_CyclicWithMomentumScheduler.class,
        null, () -> new Configs_CyclicWithMomentumScheduler(a, b)));
    cases.add(of(ScheduleType.ONE_CYCLE, Configs_OneCycleScheduler.class,
        () -> new Configs_OneCycleScheduler(a, b)));
    cases.add(new Case("ONE_CYCLE with momentum", null,
        Configs_OneCycleWithMomentumScheduler.class, null,
        () -> new Configs_OneCycleWithMomentumScheduler(a, b)));
    cases.add(of(ScheduleType.LAMBDA, Configs_LambdaScheduler.class,
        () -> new Configs_LambdaScheduler(a, b)));
    cases.add(of(ScheduleType.MULTIPLICATIVE, Configs_MultiplicativeScheduler.class,
        () -> new Configs_MultiplicativeScheduler(a, b)));
    cases.add(of(ScheduleType.HF_INVERSE_SQRT, Configs_HfInverseSqrtScheduler.class,
        () -> new Configs_HfInverseSqrtScheduler(a, b)));
    cases.add(of(ScheduleType.HF_CONSTANT, Configs_HfConstantScheduler.class,
        () -> new Configs_HfConstantScheduler(a, b)));
    cases.add(of(ScheduleType.HF_CONSTANT_WITH_WARMUP,
        Configs_HfConstantWithWarmupScheduler.class,
        () -> new Configs_HfConstantWithWarmupScheduler(a, b)));
    cases.add(of(ScheduleType.HF_LINEAR, Configs_HfLinearScheduler.class,
        () -> new Configs_HfLinearScheduler(a, b)));
    cases.add(of(ScheduleType.HF_COSINE, Configs_HfCosineScheduler.class,
        () -> new Configs_HfCosineScheduler(a, b)));
    cases.add(of(ScheduleType.HF_COSINE_WITH_RESTARTS,
        Configs_HfCosineWithRestartsScheduler.class,
        () -> new Configs_HfCosineWithRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.HF_POLYNOMIAL, Configs_HfPolynomialScheduler.class,
        () -> new Configs_HfPolynomialScheduler(a, b)));
    cases.add(of(ScheduleType.HF_COSINE_WITH_MIN_LR, Configs_HfCosineWithMinLrScheduler.class,
        () -> new Configs_HfCosineWithMinLrScheduler(a, b)));
    cases.add(of(ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR,
        Configs_HfCosineWarmupWithMinLrScheduler.class,
        () -> new Configs_HfCosineWarmupWithMinLrScheduler(a, b)));
    cases.add(of(ScheduleType.HF_WARMUP_STABLE_DECAY,
        Configs_HfWarmupStableDecayScheduler.class,
        () -> new Configs_HfWarmupStableDecayScheduler(a, b)));
    cases.add(of(ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT,
        Configs_DiffusersPiecewiseConstantScheduler.class,
        () -> new Configs_DiffusersPiecewiseConstantScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_COSINE, Configs_TimmCosineScheduler.class,
        () -> new Configs_TimmCosineScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_TANH, Configs_TimmTanhScheduler.class,
        () -> new Configs_TimmTanhScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_POLY, Configs_TimmPolyScheduler.class,
        () -> new Configs_TimmPolyScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_STEP, Configs_TimmStepScheduler.class,
        () -> new Configs_TimmStepScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_MULTI_STEP, Configs_TimmMultiStepScheduler.class,
        () -> new Configs_TimmMultiStepScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_WSD, Configs_TimmWsdScheduler.class,
        () -> new Configs_TimmWsdScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_EXPONENTIAL_DECAY, Configs_KerasExponentialDecayScheduler.class,
        () -> new Configs_KerasExponentialDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, Configs_KerasPiecewiseConstantDecayScheduler.class,
        () -> new Configs_KerasPiecewiseConstantDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_POLYNOMIAL_DECAY, Configs_KerasPolynomialDecayScheduler.class,
        () -> new Configs_KerasPolynomialDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_INVERSE_TIME_DECAY, Configs_KerasInverseTimeDecayScheduler.class,
        () -> new Configs_KerasInverseTimeDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_COSINE_DECAY, Configs_KerasCosineDecayScheduler.class,
        () -> new Configs_KerasCosineDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_COSINE_DECAY_RESTARTS, Configs_KerasCosineDecayRestartsScheduler.class,
        () -> new Configs_KerasCosineDecayRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_CONSTANT, Configs_OptaxConstantScheduler.class,
        () -> new Configs_OptaxConstantScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_LINEAR, Configs_OptaxLinearScheduler.class,
        () -> new Configs_OptaxLinearScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_POLYNOMIAL, Configs_OptaxPolynomialScheduler.class,
        () -> new Configs_OptaxPolynomialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_EXPONENTIAL_DECAY, Configs_OptaxExponentialScheduler.class,
        () -> new Configs_OptaxExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_COSINE_DECAY, Configs_OptaxCosineScheduler.class,
        () -> new Configs_OptaxCosineScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, Configs_OptaxWarmupCosineScheduler.class,
        () -> new Configs_OptaxWarmupCosineScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, Configs_OptaxWarmupExponentialScheduler.class,
        () -> new Configs_OptaxWarmupExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_CONSTANT, Configs_OptaxWarmupConstantScheduler.class,
        () -> new Configs_OptaxWarmupConstantScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_PIECEWISE_CONSTANT, Configs_OptaxPiecewiseScheduler.class,
        () -> new Configs_OptaxPiecewiseScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, Configs_OptaxInterpolateScheduler.class,
        () -> new Configs_OptaxInterpolateScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_LINEAR_ONECYCLE, Configs_OptaxLinearOnecycleScheduler.class,
        () -> new Configs_OptaxLinearOnecycleScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_COSINE_ONECYCLE, Configs_OptaxCosineOnecycleScheduler.class,
        () -> new Configs_OptaxCosineOnecycleScheduler(a, b)));
    cases.add(new Case("@Sequential LINEAR, COSINE", null,
        Configs_SequentialWarmupCosineScheduler.class, null,
        () -> new Configs_SequentialWarmupCosineScheduler(a, b)));
    cases.add(new Case("@Chained CONSTANT, EXPONENTIAL", null,
        Configs_ChainedConstantExponentialScheduler.class, null,
        () -> new Configs_ChainedConstantExponentialScheduler(a, b)));
    cases.add(new Case("@Chained COSINE, STEP (replayed)", null,
        Configs_ChainedCosineStepScheduler.class, null,
        () -> new Configs_ChainedCosineStepScheduler(a, b)));
    cases.add(new Case("@Warmup COSINE", null, Configs_WarmupCosineScheduler.class, null,
        () -> new Configs_WarmupCosineScheduler(a, b)));
    Configs.BoundWarmupStep warmup = new Configs.BoundWarmupStep(25);
    cases.add(new Case("@Warmup bound, STEP", null, Configs_BoundWarmupStepScheduler.class,
        warmup, () -> new Configs_BoundWarmupStepScheduler(warmup, a, b)));
    Dl4jConfigs.BoundCyclic cyclic =
        new Dl4jConfigs.BoundCyclic(new double[] {1e-3, 1e-4}, new double[] {0.2, 1.0 / 3}, "x", 7L,
            dev.anneal.Mode.EXP_RANGE);
    cases.add(new Case("CYCLIC bound per group", null, Dl4jConfigs_BoundCyclicScheduler.class,
        cyclic, () -> new Dl4jConfigs_BoundCyclicScheduler(cyclic, a, b)));
    return cases;
  }

  private static Case of(
      ScheduleType type, Class<? extends LrFunction> scheduler, Supplier<StepScheduler> make) {
    return new Case(type.name(), type, scheduler, null, make);
  }

  @Test
  void everyTypeWithAClosedFormHasACase() {
    Set<ScheduleType> covered =
        cases().stream()
            .map(Case::type)
            .filter(t -> t != null)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ScheduleType.class)));
    Set<ScheduleType> expected = EnumSet.allOf(ScheduleType.class);
    expected.remove(ScheduleType.REDUCE_ON_PLATEAU); // no closed form: refused
    expected.remove(ScheduleType.TIMM_PLATEAU); // stepped with a metric, no closed form: refused
    assertEquals(expected, covered);
  }

  /** Per iteration: iteration {@code k} gets the rate of step {@code k}, whatever the epoch. */
  @ParameterizedTest
  @MethodSource("cases")
  void perIterationEveryIterationGetsTheRateOfItsStep(Case c) throws Exception {
    for (int group = 0; group < RATES.length; group++) {
      AnnealSchedule schedule = c.perIteration().group(group);
      ISchedule restored = throughJson(schedule);
      assertEquals(schedule, restored);
      assertNotSame(schedule.scheduler(), ((AnnealSchedule) restored).scheduler());
      StepScheduler reference = c.reference().get();
      LrFunction closedForm = (LrFunction) c.reference().get();
      Set<Double> distinct = new HashSet<>();
      for (int k = 0; k < STEPS; k++) {
        double expected = closedForm.lrAt(k, group);
        String what = c + ", group " + group + ", iteration " + k;
        assertEquals(expected, schedule.valueAt(k, 0), what);
        assertEquals(expected, schedule.valueAt(k, k % 7), what);
        assertEquals(expected, restored.valueAt(k, 3), what + ", after JSON");
        assertClose(reference.lr(group), expected, what + ", stepped");
        distinct.add(expected);
        if (reference instanceof MomentumScheduler) {
          double momentum = ((MomentumFunction) closedForm).momentumAt(k, group);
          assertEquals(momentum, schedule.momentum().valueAt(k, 0), what + ", momentum");
          assertEquals(
              momentum, throughJson(schedule.momentum()).valueAt(k, 0), what + ", momentum JSON");
          assertClose(((MomentumScheduler) reference).momentum(group), momentum,
              what + ", momentum stepped");
        }
        reference.step();
      }
      assertTrue(distinct.size() > 1 || c.type() == ScheduleType.HF_CONSTANT
          || c.type() == ScheduleType.OPTAX_CONSTANT, c + ": no change");
    }
  }

  /** Per epoch: every iteration of epoch {@code e} gets the rate of step {@code e}. */
  @ParameterizedTest
  @MethodSource("cases")
  void perEpochEveryEpochGetsTheRateOfItsStep(Case c) throws Exception {
    for (int group = 0; group < RATES.length; group++) {
      AnnealSchedule schedule = c.perEpoch().group(group);
      ISchedule restored = throughJson(schedule);
      assertEquals(schedule, restored);
      StepScheduler reference = c.reference().get();
      LrFunction closedForm = (LrFunction) c.reference().get();
      for (int e = 0; e < STEPS; e++) {
        double expected = closedForm.lrAt(e, group);
        String what = c + ", group " + group + ", epoch " + e;
        assertEquals(expected, schedule.valueAt(0, e), what);
        assertEquals(expected, schedule.valueAt(40 * e + 39, e), what);
        assertEquals(expected, restored.valueAt(40 * e, e), what + ", after JSON");
        assertClose(reference.lr(group), expected, what + ", stepped");
        reference.step();
      }
    }
  }

  /** {@code actual} within {@link #RELATIVE} of {@code expected}. */
  static void assertClose(double expected, double actual, String what) {
    double difference = Math.abs(actual - expected);
    synchronized (ClosedFormConformanceTest.class) {
      maxUlps = Math.max(maxUlps, difference / Math.ulp(expected));
      maxRelative = Math.max(maxRelative, expected == 0 ? difference : difference / expected);
    }
    assertTrue(
        difference <= RELATIVE * Math.abs(expected),
        () -> what + ": " + actual + " is " + difference / Math.ulp(expected) + " ulps from "
            + expected);
  }

  private static double maxUlps;
  private static double maxRelative;

  @AfterAll
  static void report() {
    System.out.printf(
        "AnnealSchedule: lrAt exactly; lrAt against stepping at most %.0f ulps (%.2g relative)"
            + " apart%n",
        maxUlps, maxRelative);
  }

  /** The schedule as DL4J writes and reads it within an updater's configuration. */
  static ISchedule throughJson(ISchedule schedule) throws Exception {
    String json = NeuralNetConfiguration.mapper().writeValueAsString(schedule);
    return NeuralNetConfiguration.mapper().readValue(json, ISchedule.class);
  }
}

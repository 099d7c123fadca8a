package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import ai.djl.training.tracker.ParameterTracker;
import dev.anneal.LrFunction;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the trackers, every update gets the generated scheduler's rate of its step, for every
 * schedule type with a closed form and for the combinations: the reference is the scheduler
 * stepped as in PyTorch's loop, the rate of update {@code n} read after {@code n - 1} steps.
 */
class ClosedFormConformanceTest {

  /** Updates per case: every config changes its rate within them. */
  private static final int UPDATES = 300;

  /** The two groups' initial rates. */
  private static final double[] RATES = {0.1, 0.03};

  /** One config; {@code type} is null for a combination. */
  record Case(String name, ScheduleType type, Supplier<StepScheduler> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    double a = RATES[0];
    double b = RATES[1];
    List<Case> cases = new ArrayList<>();
    cases.add(of(ScheduleType.STEP, () -> new Configs_StepScheduler(a, b)));
    cases.add(of(ScheduleType.MULTI_STEP, () -> new Configs_MultiStepScheduler(a, b)));
    cases.add(of(ScheduleType.CONSTANT, () -> new Configs_ConstantScheduler(a, b)));
    cases.add(of(ScheduleType.LINEAR, () -> new Configs_LinearScheduler(a, b)));
    cases.add(of(ScheduleType.EXPONENTIAL, () -> new Configs_ExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.POLYNOMIAL, () -> new Configs_PolynomialScheduler(a, b)));
    cases.add(of(ScheduleType.COSINE, () -> new Configs_CosineScheduler(a, b)));
    cases.add(
        of(ScheduleType.COSINE_WARM_RESTARTS, () -> new Configs_WarmRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.CYCLIC, () -> new Configs_CyclicScheduler(a, b)));
    cases.add(
        new Case("CYCLIC exp_range", null, () -> new Configs_CyclicExpRangeScheduler(a, b)));
    cases.add(of(ScheduleType.ONE_CYCLE, () -> new Configs_OneCycleScheduler(a, b)));
    cases.add(of(ScheduleType.LAMBDA, () -> new Configs_LambdaScheduler(a, b)));
    cases.add(of(ScheduleType.MULTIPLICATIVE, () -> new Configs_MultiplicativeScheduler(a, b)));
    cases.add(of(ScheduleType.HF_INVERSE_SQRT, () -> new Configs_HfInverseSqrtScheduler(a, b)));
    cases.add(of(ScheduleType.HF_CONSTANT, () -> new Configs_HfConstantScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.HF_CONSTANT_WITH_WARMUP,
            () -> new Configs_HfConstantWithWarmupScheduler(a, b)));
    cases.add(of(ScheduleType.HF_LINEAR, () -> new Configs_HfLinearScheduler(a, b)));
    cases.add(of(ScheduleType.HF_COSINE, () -> new Configs_HfCosineScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.HF_COSINE_WITH_RESTARTS,
            () -> new Configs_HfCosineWithRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.HF_POLYNOMIAL, () -> new Configs_HfPolynomialScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.HF_COSINE_WITH_MIN_LR,
            () -> new Configs_HfCosineWithMinLrScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR,
            () -> new Configs_HfCosineWarmupWithMinLrScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.HF_WARMUP_STABLE_DECAY,
            () -> new Configs_HfWarmupStableDecayScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT,
            () -> new Configs_DiffusersPiecewiseConstantScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_COSINE, () -> new Configs_TimmCosineScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_TANH, () -> new Configs_TimmTanhScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_POLY, () -> new Configs_TimmPolyScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_STEP, () -> new Configs_TimmStepScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_MULTI_STEP, () -> new Configs_TimmMultiStepScheduler(a, b)));
    cases.add(of(ScheduleType.TIMM_WSD, () -> new Configs_TimmWsdScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_EXPONENTIAL_DECAY, () -> new Configs_KerasExponentialDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, () -> new Configs_KerasPiecewiseConstantDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_POLYNOMIAL_DECAY, () -> new Configs_KerasPolynomialDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_INVERSE_TIME_DECAY, () -> new Configs_KerasInverseTimeDecayScheduler(a, b)));
    cases.add(of(ScheduleType.KERAS_COSINE_DECAY, () -> new Configs_KerasCosineDecayScheduler(a, b)));
    cases.add(
        of(
            ScheduleType.KERAS_COSINE_DECAY_RESTARTS,
            () -> new Configs_KerasCosineDecayRestartsScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_CONSTANT, () -> new Configs_OptaxConstantScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_LINEAR, () -> new Configs_OptaxLinearScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_POLYNOMIAL, () -> new Configs_OptaxPolynomialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_EXPONENTIAL_DECAY, () -> new Configs_OptaxExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_COSINE_DECAY, () -> new Configs_OptaxCosineScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, () -> new Configs_OptaxWarmupCosineScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, () -> new Configs_OptaxWarmupExponentialScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_WARMUP_CONSTANT, () -> new Configs_OptaxWarmupConstantScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_PIECEWISE_CONSTANT, () -> new Configs_OptaxPiecewiseScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, () -> new Configs_OptaxInterpolateScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_LINEAR_ONECYCLE, () -> new Configs_OptaxLinearOnecycleScheduler(a, b)));
    cases.add(of(ScheduleType.OPTAX_COSINE_ONECYCLE, () -> new Configs_OptaxCosineOnecycleScheduler(a, b)));
    cases.add(
        new Case(
            "@Sequential LINEAR, COSINE",
            null,
            () -> new Configs_SequentialWarmupCosineScheduler(a, b)));
    cases.add(
        new Case(
            "@Chained CONSTANT, EXPONENTIAL",
            null,
            () -> new Configs_ChainedConstantExponentialScheduler(a, b)));
    cases.add(
        new Case(
            "@Chained COSINE, STEP (replayed)",
            null,
            () -> new Configs_ChainedCosineStepScheduler(a, b)));
    cases.add(new Case("@Warmup COSINE", null, () -> new Configs_WarmupCosineScheduler(a, b)));
    cases.add(
        new Case(
            "@Warmup bound, STEP",
            null,
            () -> new Configs_BoundWarmupStepScheduler(new Configs.BoundWarmupStep(25), a, b)));
    return cases;
  }

  private static Case of(ScheduleType type, Supplier<StepScheduler> make) {
    return new Case(type.name(), type, make);
  }

  @Test
  void everyTypeWithAClosedFormHasACase() {
    Set<ScheduleType> covered =
        cases().stream()
            .map(Case::type)
            .filter(t -> t != null)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ScheduleType.class)));
    Set<ScheduleType> expected = EnumSet.allOf(ScheduleType.class);
    expected.remove(ScheduleType.REDUCE_ON_PLATEAU); // no closed form: LiveTracker
    expected.remove(ScheduleType.TIMM_PLATEAU); // stepped with a metric, no closed form
    assertEquals(expected, covered);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theTrackerGivesEveryUpdateTheRateOfItsStep(Case c) {
    for (int group = 0; group < RATES.length; group++) {
      StepScheduler reference = c.make().get();
      LrFunction schedule = (LrFunction) c.make().get();
      AnnealTracker tracker = AnnealTracker.of(schedule, group);
      Set<Float> distinct = new java.util.HashSet<>();
      for (int numUpdate = 1; numUpdate <= UPDATES; numUpdate++) {
        double expected = reference.lr(group);
        float actual = tracker.getNewValue(numUpdate);
        assertEquals((float) schedule.lrAt(numUpdate - 1, group), actual);
        assertFloatPrecision(expected, actual, c + ", group " + group + ", update " + numUpdate);
        distinct.add(actual);
        reference.step();
      }
      assertTrue(distinct.size() > 1 || c.type() == ScheduleType.HF_CONSTANT
          || c.type() == ScheduleType.OPTAX_CONSTANT, c + ": no change");
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theParameterTrackerGivesEachParameterItsGroupsRate(Case c) {
    Block block = Blocks.mlp(3);
    Map<String, Integer> groups = Blocks.weightsAndBiases(block);
    StepScheduler reference = c.make().get();
    ParameterTracker tracker = AnnealParameterTracker.of((LrFunction) c.make().get(), block, groups);
    for (int numUpdate = 1; numUpdate <= UPDATES; numUpdate++) {
      for (Map.Entry<String, Integer> parameter : groups.entrySet()) {
        float actual = tracker.getNewValue(Blocks.id(block, parameter.getKey()), numUpdate);
        assertFloatPrecision(
            reference.lr(parameter.getValue()),
            actual,
            c + ", " + parameter.getKey() + ", update " + numUpdate);
      }
      reference.step();
    }
  }

  /** The live tracker, which steps the scheduler, gives the same rates. */
  @ParameterizedTest
  @MethodSource("cases")
  void theLiveTrackerGivesTheSameRates(Case c) {
    StepScheduler reference = c.make().get();
    LiveTracker tracker = LiveTracker.of(c.make().get());
    for (int numUpdate = 1; numUpdate <= UPDATES; numUpdate++) {
      assertEquals((float) reference.lr(), tracker.getNewValue(numUpdate), c + ", " + numUpdate);
      reference.step();
    }
  }

  /** Within a float's rounding of the double rate: half a unit in the last place, or one. */
  static void assertFloatPrecision(double expected, float actual, String what) {
    double difference = Math.abs(actual - expected);
    assertTrue(
        difference <= Math.ulp(actual),
        () -> what + ": " + actual + " is " + difference + " from " + expected);
  }
}

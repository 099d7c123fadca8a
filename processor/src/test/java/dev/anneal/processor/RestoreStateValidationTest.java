package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.SchedulerStateException;
import dev.anneal.SchedulerStateException.Reason;
import dev.anneal.StepScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code restoreState} checks the saved values themselves, not only the checksum: a state edited
 * and re-sealed with a recomputed CRC-32 is refused with reason {@code CORRUPTED} where a value is
 * NaN, infinite, out of range or not what stepping to the saved step leaves, and the scheduler is
 * left exactly as it was. Every legitimate state still restores, among them states saved before
 * these checks existed ({@code states/version-1.txt}).
 */
class RestoreStateValidationTest {

  /** The configs, by name; every schedule type alone, a @Sequential of each kind, a @Chained. */
  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  /** The config of each schedule type alone. */
  private static final Map<ScheduleType, String> BY_TYPE = new EnumMap<>(ScheduleType.class);

  private static final double[] INITIAL_LRS = {0.1, 0.01};

  static {
    single(ScheduleType.STEP, "StepState", "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
        "final class StepState {}");
    single(ScheduleType.MULTI_STEP, "MultiStepState", "@Schedule(type = MULTI_STEP, milestones = {2, 5, 5}, gamma = 0.5)",
        "final class MultiStepState {}");
    single(ScheduleType.CONSTANT, "ConstantState", "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 4)",
        "final class ConstantState {}");
    single(ScheduleType.LINEAR, "LinearState", "@Schedule(type = LINEAR, startFactor = 0.25, totalIters = 6)",
        "final class LinearState {}");
    single(ScheduleType.EXPONENTIAL, "ExponentialState", "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "final class ExponentialState {}");
    single(ScheduleType.POLYNOMIAL, "PolynomialState", "@Schedule(type = POLYNOMIAL, totalIters = 10, power = 2.0)",
        "final class PolynomialState {}");
    single(ScheduleType.COSINE, "CosineState", "@Schedule(type = COSINE, tMax = 8, etaMin = 0.001)",
        "final class CosineState {}");
    single(ScheduleType.COSINE_WARM_RESTARTS, "WarmRestartsState",
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 2, tMult = 2, etaMin = 1e-4)",
        "final class WarmRestartsState {}");
    single(ScheduleType.LAMBDA, "LambdaState", "@Schedule(type = LAMBDA, lrLambda = \"decay\")",
        "final class LambdaState {",
        "  static double decay(long step) {",
        "    return 1.0 / (1 + step);",
        "  }",
        "}");
    single(ScheduleType.MULTIPLICATIVE, "MultiplicativeState", "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class MultiplicativeState {",
        "  static double decay(long step) {",
        "    return 0.9;",
        "  }",
        "}");
    single(ScheduleType.CYCLIC, "CyclicState",
        "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, stepSizeDown = 3, mode = TRIANGULAR2)",
        "final class CyclicState {}");
    single(ScheduleType.ONE_CYCLE, "OneCycleState", "@Schedule(type = ONE_CYCLE, maxLr = 0.1, totalSteps = 20)",
        "final class OneCycleState {}");
    single(ScheduleType.REDUCE_ON_PLATEAU, "PlateauState",
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 1, cooldown = 2, minLr = 1e-3)",
        "final class PlateauState {}");
    single(ScheduleType.HF_INVERSE_SQRT, "InverseSqrtState",
        "@Schedule(type = HF_INVERSE_SQRT, numWarmupSteps = 3, timescale = 5)",
        "final class InverseSqrtState {}");
    single(ScheduleType.HF_CONSTANT, "HfConstantState", "@Schedule(type = HF_CONSTANT)",
        "final class HfConstantState {}");
    single(ScheduleType.HF_CONSTANT_WITH_WARMUP, "HfConstantWarmupState",
        "@Schedule(type = HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 4)",
        "final class HfConstantWarmupState {}");
    single(ScheduleType.HF_LINEAR, "HfLinearState",
        "@Schedule(type = HF_LINEAR, numWarmupSteps = 3, numTrainingSteps = 12)",
        "final class HfLinearState {}");
    single(ScheduleType.HF_COSINE, "HfCosineState",
        "@Schedule(type = HF_COSINE, numWarmupSteps = 3, numTrainingSteps = 12)",
        "final class HfCosineState {}");
    single(ScheduleType.HF_COSINE_WITH_RESTARTS, "HfRestartsState",
        "@Schedule(type = HF_COSINE_WITH_RESTARTS, numWarmupSteps = 2, numTrainingSteps = 14, numCycles = 3)",
        "final class HfRestartsState {}");
    single(ScheduleType.HF_POLYNOMIAL, "HfPolynomialState",
        "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 3, numTrainingSteps = 12, lrInit = 0.1, power = 2.0)",
        "final class HfPolynomialState {}");
    single(ScheduleType.HF_COSINE_WITH_MIN_LR, "HfCosineMinLrState",
        "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 3, numTrainingSteps = 12, minLrRate = 0.1)",
        "final class HfCosineMinLrState {}");
    single(ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, "HfCosineWarmupMinLrState",
        "@Schedule(type = HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 3, numTrainingSteps = 12, minLr = 1e-3,",
        "    lrInit = 0.1)",
        "final class HfCosineWarmupMinLrState {}");
    single(ScheduleType.HF_WARMUP_STABLE_DECAY, "WsdState",
        "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 3, numDecaySteps = 6, numTrainingSteps = 12)",
        "final class WsdState {}");
    single(ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT, "PiecewiseState",
        "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {3, 7}, ruleFactors = {1.0, 0.5}, lastFactor = 0.1)",
        "final class PiecewiseState {}");
    single(ScheduleType.TIMM_COSINE, "TimmCosineState",
        "@Schedule(type = TIMM_COSINE, tInitial = 6, lrMin = 1e-4, warmupT = 3, warmupLrInit = 1e-5, cycleLimit = 3,",
        "    cycleDecay = 0.5, lrScale = {1.0, 0.5})",
        "final class TimmCosineState {}");
    single(ScheduleType.TIMM_TANH, "TimmTanhState",
        "@Schedule(type = TIMM_TANH, tInitial = 8, warmupT = 2, warmupLrInit = 1e-4, cycleMul = 2.0, cycleLimit = 2)",
        "final class TimmTanhState {}");
    single(ScheduleType.TIMM_POLY, "TimmPolyState",
        "@Schedule(type = TIMM_POLY, tInitial = 10, power = 2.0, warmupT = 3, warmupPrefix = true, kDecay = 0.5)",
        "final class TimmPolyState {}");
    single(ScheduleType.TIMM_STEP, "TimmStepState",
        "@Schedule(type = TIMM_STEP, decayT = 3, decayRate = 0.5, warmupT = 2, warmupLrInit = 1e-4)",
        "final class TimmStepState {}");
    single(ScheduleType.TIMM_MULTI_STEP, "TimmMultiStepState",
        "@Schedule(type = TIMM_MULTI_STEP, decayT = {4, 9}, decayRate = 0.1, lrScale = 2.0)",
        "final class TimmMultiStepState {}");
    single(ScheduleType.TIMM_WSD, "TimmWsdState",
        "@Schedule(type = TIMM_WSD, tInitial = 14, decayT = 6, warmupT = 3, stableFn = TimmStableFn.RSQRT,",
        "    decayFn = TimmDecayFn.COSINE)",
        "final class TimmWsdState {}");
    // A warm-up of 2 epochs, then the plateau on the rates before the noise of epochs 3 to 8.
    single(ScheduleType.TIMM_PLATEAU, "TimmPlateauState",
        "@Schedule(type = TIMM_PLATEAU, mode = MIN, decayRate = 0.5, patienceT = 1, cooldownT = 2, warmupT = 2,",
        "    warmupLrInit = 1e-4, lrMin = 1e-3, noiseRangeT = {3, 9}, noisePct = 0.5, lrScale = {1.0, 0.5})",
        "final class TimmPlateauState {}");
    single(ScheduleType.KERAS_EXPONENTIAL_DECAY, "KerasExponentialState",
        "@Schedule(type = KERAS_EXPONENTIAL_DECAY, decaySteps = 3, decayRate = 0.5)",
        "final class KerasExponentialState {}");
    single(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, "KerasPiecewiseState",
        "@Schedule(type = KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {3, 7}, values = {0.1, 0.05, 0.01})",
        "final class KerasPiecewiseState {}");
    single(ScheduleType.KERAS_POLYNOMIAL_DECAY, "KerasPolynomialState",
        "@Schedule(type = KERAS_POLYNOMIAL_DECAY, decaySteps = 6, power = 2.0)",
        "final class KerasPolynomialState {}");
    single(ScheduleType.KERAS_INVERSE_TIME_DECAY, "KerasInverseTimeState",
        "@Schedule(type = KERAS_INVERSE_TIME_DECAY, decaySteps = 2, decayRate = 1.0, staircase = true)",
        "final class KerasInverseTimeState {}");
    single(ScheduleType.KERAS_COSINE_DECAY, "KerasCosineState",
        "@Schedule(type = KERAS_COSINE_DECAY, decaySteps = 8, warmupTarget = 0.5, warmupSteps = 2)",
        "final class KerasCosineState {}");
    single(ScheduleType.KERAS_COSINE_DECAY_RESTARTS, "KerasCosineRestartsState",
        "@Schedule(type = KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 3, mMul = 0.5)",
        "final class KerasCosineRestartsState {}");
    single(ScheduleType.OPTAX_CONSTANT, "OptaxConstantState",
        "@Schedule(type = OPTAX_CONSTANT, value = 0.05)",
        "final class OptaxConstantState {}");
    single(ScheduleType.OPTAX_LINEAR, "OptaxLinearState",
        "@Schedule(type = OPTAX_LINEAR, initValue = 0.1, endValue = 0.001, transitionSteps = 6, transitionBegin = 2)",
        "final class OptaxLinearState {}");
    single(ScheduleType.OPTAX_POLYNOMIAL, "OptaxPolynomialState",
        "@Schedule(type = OPTAX_POLYNOMIAL, endValue = 1e-4, power = 2.0, transitionSteps = 8)",
        "final class OptaxPolynomialState {}");
    single(ScheduleType.OPTAX_EXPONENTIAL_DECAY, "OptaxExponentialState",
        "@Schedule(type = OPTAX_EXPONENTIAL_DECAY, transitionSteps = 3, decayRate = 0.5, staircase = true, endValue = 0.01)",
        "final class OptaxExponentialState {}");
    single(ScheduleType.OPTAX_COSINE_DECAY, "OptaxCosineState",
        "@Schedule(type = OPTAX_COSINE_DECAY, decaySteps = 8, alpha = 0.1, exponent = 2.0)",
        "final class OptaxCosineState {}");
    single(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, "OptaxWarmupCosineState",
        "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY, initValue = 0.0, warmupSteps = 3, decaySteps = 12, endValue = 1e-3)",
        "final class OptaxWarmupCosineState {}");
    single(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, "OptaxWarmupExponentialState",
        "@Schedule(type = OPTAX_WARMUP_EXPONENTIAL_DECAY, initValue = 0.0, warmupSteps = 3, transitionSteps = 4, decayRate = 0.5)",
        "final class OptaxWarmupExponentialState {}");
    single(ScheduleType.OPTAX_WARMUP_CONSTANT, "OptaxWarmupConstantState",
        "@Schedule(type = OPTAX_WARMUP_CONSTANT, initValue = 0.0, warmupSteps = 4)",
        "final class OptaxWarmupConstantState {}");
    single(ScheduleType.OPTAX_PIECEWISE_CONSTANT, "OptaxPiecewiseState",
        "@Schedule(type = OPTAX_PIECEWISE_CONSTANT, boundaries = {6, 3}, scales = {0.1, 0.5})",
        "final class OptaxPiecewiseState {}");
    single(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, "OptaxInterpolateState",
        "@Schedule(type = OPTAX_PIECEWISE_INTERPOLATE, interpolateType = OptaxInterpolateType.COSINE, boundaries = {4, 10}, scales = {0.5, 0.1})",
        "final class OptaxInterpolateState {}");
    single(ScheduleType.OPTAX_LINEAR_ONECYCLE, "OptaxLinearOnecycleState",
        "@Schedule(type = OPTAX_LINEAR_ONECYCLE, transitionSteps = 12, pctStart = 0.25)",
        "final class OptaxLinearOnecycleState {}");
    single(ScheduleType.OPTAX_COSINE_ONECYCLE, "OptaxCosineOnecycleState",
        "@Schedule(type = OPTAX_COSINE_ONECYCLE, transitionSteps = 12)",
        "final class OptaxCosineOnecycleState {}");
    CONFIGS.put("ExpRangeState", new String[] {
        "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, mode = EXP_RANGE, gamma = 0.9,"
            + " cycleMomentum = false)",
        "final class ExpRangeState {}"});
    // Phases that keep only shared state, each set when the scheduler is built.
    CONFIGS.put("LazySequentialState", new String[] {
        "@Schedule(type = LINEAR, startFactor = 0.25, totalIters = 3)",
        "@Schedule(type = COSINE, tMax = 8)",
        "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
        "@Sequential(milestones = {3, 8})",
        "final class LazySequentialState {}"});
    // Phases that keep every group's rate: a later phase's state is set at its milestone.
    CONFIGS.put("SequentialState", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "@Schedule(type = COSINE, tMax = 8)",
        "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
        "@Sequential(milestones = {3, 8})",
        "final class SequentialState {",
        "  static double warmup(long step) {",
        "    return (step + 1) / 3.0;",
        "  }",
        "}"});
    // A phase's rate computed from its cycle, and MultiplicativeLR going on from the rate in force.
    CONFIGS.put("CyclicSequentialState", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, mode = TRIANGULAR2,"
            + " cycleMomentum = false)",
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "@Sequential(milestones = {3, 8})",
        "final class CyclicSequentialState {",
        "  static double warmup(long step) {",
        "    return (step + 1) / 3.0;",
        "  }",
        "",
        "  static double decay(long step) {",
        "    return 0.9;",
        "  }",
        "}"});
    CONFIGS.put("ChainedState", new String[] {
        "@Schedule(type = COSINE, tMax = 8, etaMin = 0.001)",
        "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
        "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, mode = TRIANGULAR2,"
            + " cycleMomentum = false)",
        "@Chained",
        "final class ChainedState {}"});
  }

  /**
   * Long runs whose saved values carry the roundings of a million multiplications, or a cycle
   * count far along: the checks allow for those roundings.
   */
  private static final Map<String, String[]> LONG = Map.of(
      "LongStepState", new String[] {"@Schedule(type = STEP, stepSize = 1, gamma = 0.9999999)",
          "final class LongStepState {}"},
      "LongExponentialState", new String[] {"@Schedule(type = EXPONENTIAL, gamma = 0.9999999)",
          "final class LongExponentialState {}"},
      "LongMultiStepState", new String[] {"@Schedule(type = MULTI_STEP, milestones = {1, 2, 2, 3, 5, 8, 13, 21, 34,"
          + " 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946}, gamma = 0.99999)",
          "final class LongMultiStepState {}"},
      "LongWarmRestartsState", new String[] {"@Schedule(type = COSINE_WARM_RESTARTS, t0 = 1, tMult = 3)",
          "final class LongWarmRestartsState {}"},
      "LongCyclicState", new String[] {"@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 7,"
          + " mode = EXP_RANGE, gamma = 0.99999, cycleMomentum = false)",
          "final class LongCyclicState {}"});

  private static void single(ScheduleType type, String name, String... body) {
    BY_TYPE.put(type, name);
    CONFIGS.put(name, body);
  }

  /** Bound parameters: the checks read them from the scheduler's fields; a function of int. */
  private static final Map<String, String[]> BOUND = Map.of(
      "IntLambdaState", new String[] {"@Schedule(type = LAMBDA, lrLambda = \"decay\")",
          "final class IntLambdaState {",
          "  static double decay(int step) {",
          "    return step == 1000 ? -1.0 : 1.0 / (1 + step);",
          "  }",
          "}"},
      "BoundStepState", new String[] {"@Schedule(type = STEP)",
          "record BoundStepState(@Bind int stepSize, @Bind double gamma) {}"},
      "BoundWarmRestartsState", new String[] {"@Schedule(type = COSINE_WARM_RESTARTS)",
          "record BoundWarmRestartsState(@Bind int t0, @Bind int tMult) {}"});

  /** The steps at which states are saved: before, at and after decays, cycles and milestones. */
  private static final int[] CUTS = {0, 1, 2, 3, 5, 8, 11};

  private static ClassLoader loader;
  private static final Map<String, List<Slot>> LAYOUTS = new LinkedHashMap<>();

  @BeforeAll
  static void compile() {
    Map<String, String[]> all = new LinkedHashMap<>(CONFIGS);
    all.putAll(BOUND);
    all.putAll(LONG);
    Compilation compilation = Sources.compile(Configs.sources(all).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    loader = Sources.loader(compilation);
    for (String name : all.keySet()) {
      LAYOUTS.put(name, layout(Sources.generatedSource(compilation, name + "Scheduler")));
    }
  }

  @Test
  void everyScheduleTypeIsCovered() {
    assertEquals(Set.of(ScheduleType.values()), BY_TYPE.keySet());
  }

  @Test
  void everyLegitimateStateRestoresAndContinuesBitForBit() {
    for (String name : CONFIGS.keySet()) {
      for (int cut : CUTS) {
        LrScheduler original = stepped(name, cut);
        LrScheduler restored = scheduler(name);
        restored.restoreState(original.saveState());
        assertSame(original, restored, name + " cut at " + cut);
        for (int t = cut; t < 19; t++) {
          step(original, t);
          step(restored, t);
          assertSame(original, restored, name + " cut at " + cut + ", step " + (t + 1));
        }
      }
    }
  }

  @Test
  void statesOfLongRunsRestore() {
    for (String name : LONG.keySet()) {
      LrScheduler original = stepped(name, 1_000_003);
      LrScheduler restored = scheduler(name);
      restored.restoreState(original.saveState());
      assertSame(original, restored, name);
    }
  }

  /**
   * States saved by the generator before the saved values were checked (two cuts of every config,
   * captured as bytes) restore, save back the very same bytes, and continue as a scheduler
   * stepped there; ReduceLROnPlateau's, whose layout has changed since, are refused as another
   * configuration.
   */
  /** The configs added after the states of version 1 were saved. */
  private static final Set<String> ADDED_SINCE_VERSION_1 = Set.of("CyclicSequentialState", "InverseSqrtState",
      "HfConstantState", "HfConstantWarmupState", "HfLinearState", "HfCosineState", "HfRestartsState",
      "HfPolynomialState", "HfCosineMinLrState", "HfCosineWarmupMinLrState",
      "PiecewiseState", "WsdState", "TimmCosineState", "TimmTanhState", "TimmPolyState", "TimmStepState",
      "TimmMultiStepState", "TimmWsdState", "TimmPlateauState", "KerasExponentialState", "KerasPiecewiseState",
      "KerasPolynomialState", "KerasInverseTimeState", "KerasCosineState", "KerasCosineRestartsState",
      "OptaxConstantState", "OptaxLinearState", "OptaxPolynomialState", "OptaxExponentialState",
      "OptaxCosineState", "OptaxWarmupCosineState", "OptaxWarmupExponentialState", "OptaxWarmupConstantState",
      "OptaxPiecewiseState", "OptaxInterpolateState", "OptaxLinearOnecycleState", "OptaxCosineOnecycleState");

  @Test
  void statesSavedBeforeTheseChecksStillRestore() throws IOException {
    int lines = 0;
    try (InputStream resource = RestoreStateValidationTest.class.getResourceAsStream("/states/version-1.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(" ");
        String name = fields[0];
        int steps = Integer.parseInt(fields[1]);
        byte[] saved = HexFormat.of().parseHex(fields[2]);
        LrScheduler restored = scheduler(name);
        if (name.startsWith("Plateau")) {
          // ReduceLROnPlateau has counted bad steps in a long since (patience = Integer.MAX_VALUE
          // reduces on the 2^31st), a layout of its own: its earlier states are another configuration.
          SchedulerStateException refused =
              assertThrows(SchedulerStateException.class, () -> restored.restoreState(saved), line);
          assertEquals(SchedulerStateException.Reason.CONFIGURATION, refused.reason(), line);
          lines++;
          continue;
        }
        restored.restoreState(saved);
        assertArrayEquals(saved, restored.saveState(), line);
        LrScheduler reference = stepped(name, steps);
        assertSame(reference, restored, name + " at " + steps);
        for (int t = steps; t < 19; t++) {
          step(reference, t);
          step(restored, t);
          assertSame(reference, restored, name + " from " + steps + ", step " + (t + 1));
        }
        lines++;
      }
    }
    assertEquals(2 * (CONFIGS.size() - ADDED_SINCE_VERSION_1.size()), lines);
  }

  @Test
  void everySavedValueThatIsNaNOrInfiniteIsRefused() {
    for (String name : CONFIGS.keySet()) {
      List<Slot> layout = LAYOUTS.get(name);
      for (int cut : CUTS) {
        byte[] state = stepped(name, cut).saveState();
        for (int i = 0; i < layout.size(); i++) {
          Slot slot = layout.get(i);
          String what = name + " cut at " + cut + ", " + slot.name();
          // As a long, each of these is also far out of any counter's range.
          assertRefused(name, withValue(state, i, Double.doubleToRawLongBits(Double.NaN)), what + " = NaN");
          if (!slot.name().equals("best")) {
            // ReduceLROnPlateau's best metric is infinitely bad at first and may be any number.
            assertRefused(name, withValue(state, i, Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)),
                what + " = Infinity");
            assertRefused(name, withValue(state, i, Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)),
                what + " = -Infinity");
          }
        }
      }
    }
  }

  @Test
  void everySavedValueOutOfRangeOrInconsistentWithTheStepIsRefused() {
    for (String name : CONFIGS.keySet()) {
      List<Slot> layout = LAYOUTS.get(name);
      for (int cut : CUTS) {
        byte[] state = stepped(name, cut).saveState();
        ByteBuffer values = ByteBuffer.wrap(state);
        for (int i = 0; i < layout.size(); i++) {
          Slot slot = layout.get(i);
          long bits = values.getLong(VALUES + 8 * i);
          String what = name + " cut at " + cut + ", " + slot.name();
          if (slot.isLong()) {
            for (long bad : new long[] {-1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
              assertRefused(name, withValue(state, i, bad), what + " = " + bad);
            }
            if (!PLATEAU_COUNTERS.contains(slot.name())) {
              // Every other counter is what the step count implies, or 0 where it is not kept.
              assertRefused(name, withValue(state, i, bits + 1), what + " + 1");
              assertRefused(name, withValue(state, i, bits - 1), what + " - 1");
            }
          } else if (slot.group() >= 0) {
            double rate = Double.longBitsToDouble(bits);
            if (name.equals("PlateauState")) {
              // Between min_lr and the initial rate.
              assertRefused(name, withDouble(state, i, INITIAL_LRS[slot.group()] * 1.5), what + " above its initial rate");
              assertRefused(name, withDouble(state, i, 0.5e-3), what + " below min_lr");
            } else if (name.equals("LambdaState") || name.equals("MultiplicativeState")) {
              assertRefused(name, withDouble(state, i, -rate - 1e-3), what + " negative");
            }
            if (name.equals("LambdaState") || name.equals("SequentialState")
                || (name.equals("CyclicSequentialState") && cut < 8)) {
              // The closed form's at the step, or what the saved state of the phase in force gives
              // (MultiplicativeLR goes on from the rate in force: no rule but finiteness).
              assertRefused(name, withDouble(state, i, rate * (1 + 1e-9)), what + " nudged");
            }
          } else if (!slot.name().equals("best")) {
            double value = Double.longBitsToDouble(bits);
            // A factor, wave, amplitude or level: what the step count implies, or 0 where unset.
            assertRefused(name, withDouble(state, i, value * (1 + 1e-9) + 1e-9), what + " nudged");
            assertRefused(name, withDouble(state, i, value * 2 + 1), what + " doubled");
            assertRefused(name, withDouble(state, i, -value - 1), what + " negated");
          }
        }
      }
    }
  }

  private static final Set<String> PLATEAU_COUNTERS = Set.of("badSteps", "cooldownLeft");

  @Test
  void plateauCountersOutOfRangeOrContradictingEachOtherAreRefused() {
    int badSteps = slotIndex("PlateauState", "badSteps");
    int cooldownLeft = slotIndex("PlateauState", "cooldownLeft");
    // Metrics 1.0, 0.9 (better), 0.95, 0.97 (two bad steps: more than patience 1, a reduction and a
    // cooldown of 2), 0.99 (cooldown 1 left), 0.5 (better; cooldown over).
    byte[] inCooldown = stepped("PlateauState", 5).saveState();
    assertEquals(1, value(inCooldown, cooldownLeft));
    assertEquals(0, value(inCooldown, badSteps));
    // Bad steps are not counted during a cooldown.
    assertRefused("PlateauState", withValue(inCooldown, badSteps, 1), "bad steps counted in a cooldown");
    // The cooldown is at most cooldown = 2.
    assertRefused("PlateauState", withValue(inCooldown, cooldownLeft, 3), "cooldownLeft above cooldown");
    // A cooldown follows a reduction, which takes more than patience = 1 steps.
    assertRefused("PlateauState", withStep(inCooldown, 1), "a cooldown at step 1");
    byte[] counting = stepped("PlateauState", 3).saveState();
    assertEquals(1, value(counting, badSteps));
    // More than patience = 1 bad steps reduce the rate and start over.
    assertRefused("PlateauState", withValue(counting, badSteps, 2), "badSteps above patience");
    // There are no more bad steps than steps.
    assertRefused("PlateauState", withStep(withValue(counting, badSteps, 1), 0), "a bad step at step 0");
  }

  /**
   * timm's plateau keeps each group's rate before the noise beside the one it hands out: a
   * restore checks the noised rate against it and the noise of the saved epoch, a warm-up's rate
   * against its epoch, and a rate before the noise against the rate the plateau started from and
   * lr_min.
   */
  @Test
  void timmPlateauRatesAreCheckedAgainstTheNoiseAndTheWarmUp() {
    String name = "TimmPlateauState";
    int rate = slotIndex(name, "lrs");
    int plain = slotIndex(name, "plainLrs");
    // Epoch 5: a reduction (metrics 0.95, then 0.97 and 0.99 after the warm-up of 2), noised.
    byte[] noised = stepped(name, 5).saveState();
    double before = Double.longBitsToDouble(value(noised, plain));
    double after = Double.longBitsToDouble(value(noised, rate));
    assertEquals(0.05, before, 1e-15);
    assertTrue(before != after, "the rate at epoch 5 is noised");
    assertRefused(name, withDouble(noised, rate, before), "the rate without its noise");
    assertRefused(name, withDouble(noised, plain, after), "the noised rate kept as the rate before the noise");
    assertRefused(name, withDouble(noised, rate, after * (1 + 1e-9)), "the noised rate nudged");
    // Epoch 1, in the warm-up: its rate, which the rate before the noise is too.
    byte[] warm = stepped(name, 1).saveState();
    assertRefused(name, withDouble(withDouble(warm, rate, 0.05), plain, 0.05), "a warm-up rate of another epoch");
    assertRefused(name, withDouble(warm, plain, 0.05), "a rate before the noise that the warm-up did not set");
    // Epoch 10, after the noise: at most the plateau's start, 0.1, and at least lr_min, 1e-3.
    byte[] quiet = stepped(name, 10).saveState();
    assertRefused(name, withDouble(withDouble(quiet, rate, 0.2), plain, 0.2), "a rate above the plateau's start");
    assertRefused(name, withDouble(withDouble(quiet, rate, 5e-4), plain, 5e-4), "a rate below lr_min");
    LrScheduler restored = scheduler(name);
    restored.restoreState(withDouble(withDouble(quiet, rate, 0.02), plain, 0.02));
    assertEquals(0.02, restored.lr(0));
  }

  @Test
  void aStepCountThatStateValuesContradictIsRefused() {
    for (String name : CONFIGS.keySet()) {
      if (Set.of("MultiplicativeState", "PlateauState", "ChainedState", "HfConstantState",
          "OptaxConstantState").contains(name)) {
        continue;  // their saved values do not follow from the step
      }
      byte[] state = stepped(name, 5).saveState();
      long contradicting = name.equals("OneCycleState") ? 21 : 1;
      assertRefused(name, withStep(state, contradicting), name + " saved at 5, marked " + contradicting);
    }
  }

  @Test
  void aStepCountThatIsNegativeOrTooLargeToStepIsRefused() {
    for (String name : CONFIGS.keySet()) {
      byte[] state = stepped(name, 5).saveState();
      for (long step : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, (1L << 62) + 1}) {
        assertRefused(name, withStep(state, step), name + " at step " + step);
      }
    }
  }

  @Test
  void theMessageNamesTheValueAndTheRule() {
    int wave = slotIndex("CosineState", "wave");
    byte[] state = stepped("CosineState", 3).saveState();
    SchedulerStateException e = assertRefused("CosineState", withDouble(state, wave, Double.NaN), "NaN wave");
    assertTrue(e.getMessage().contains("saved wave = NaN must be a number"), e.getMessage());
    e = assertRefused("CosineState", withDouble(state, wave, Double.POSITIVE_INFINITY), "infinite wave");
    assertTrue(e.getMessage().contains("saved wave = Infinity must be a finite number"), e.getMessage());
    e = assertRefused("CosineState", withDouble(state, wave, 0.5), "a wave of another step");
    assertTrue(e.getMessage().contains("saved wave = 0.5 must be "), e.getMessage());
    assertTrue(e.getMessage().contains("as the step count 3 implies"), e.getMessage());

    int nextDecay = slotIndex("StepState", "nextDecay");
    e = assertRefused("StepState", withValue(stepped("StepState", 7).saveState(), nextDecay, 12), "nextDecay");
    assertTrue(e.getMessage().contains("saved nextDecay = 12 must be 9, as the step count 7 implies"), e.getMessage());

    e = assertRefused("StepState", withStep(stepped("StepState", 7).saveState(), Long.MAX_VALUE), "step MAX_VALUE");
    assertTrue(e.getMessage().contains("step count " + Long.MAX_VALUE + " is above"), e.getMessage());

    e = assertRefused("OneCycleState", withStep(stepped("OneCycleState", 7).saveState(), 21), "OneCycleLR past its end");
    assertTrue(e.getMessage().contains("the step count 21 is past OneCycleLR's end, totalSteps (total_steps) = 20"),
        e.getMessage());

    e = assertRefused("SequentialState", withDouble(stepped("SequentialState", 2).saveState(),
        slotIndex("SequentialState", "s1Wave"), 1.0), "a phase's wave before its milestone");
    assertTrue(e.getMessage().contains("saved s1Wave = 1.0 must be 0: schedule 1 (CosineAnnealingLR) starts at step 3"),
        e.getMessage());
  }

  /**
   * LambdaLR's rates are checked against its functions at the saved step; a step that a function
   * refuses (an int parameter past Integer.MAX_VALUE, a value that is no factor) is one no run
   * saved, and the state is refused as corrupted rather than with the function's exception.
   */
  @Test
  void aStepThatTheConfigsFunctionsRefuseIsRefused() {
    byte[] state = stepped("IntLambdaState", 5).saveState();
    SchedulerStateException e = assertRefused("IntLambdaState", withStep(state, 1L << 31), "an int lambda past int");
    assertTrue(e.getMessage().contains("no run reaches its step count 2147483648: decay(int) takes the step as an int"),
        e.getMessage());
    e = assertRefused("IntLambdaState", withStep(state, 1000), "a negative factor");
    assertTrue(e.getMessage().contains("no run reaches its step count 1000: LambdaLR: decay(1000) returned -1.0"),
        e.getMessage());
  }

  /** Bound parameters, a tMult of 1 among them, are read where the checks need them. */
  @Test
  void boundParametersTakePartInTheChecks() throws ReflectiveOperationException {
    for (Object[] values : new Object[][] {{3, 0.5}, {1, 0.9}}) {
      Object config = config("BoundStepState", values);
      int nextDecay = slotIndex("BoundStepState", "nextDecay");
      LrScheduler original = bound("BoundStepState", config);
      for (int t = 0; t < 7; t++) {
        ((StepScheduler) original).step();
      }
      byte[] state = original.saveState();
      LrScheduler restored = bound("BoundStepState", config);
      restored.restoreState(state);
      assertSame(original, restored, "BoundStepState " + values[0]);
      long stepSize = (Integer) values[0];
      assertRefused(() -> bound("BoundStepState", config),
          withValue(state, nextDecay, (7 / stepSize + 2) * stepSize), "BoundStepState nextDecay");
    }
    for (Object[] values : new Object[][] {{2, 2}, {3, 1}}) {
      Object config = config("BoundWarmRestartsState", values);
      LrScheduler original = bound("BoundWarmRestartsState", config);
      for (int t = 0; t < 8; t++) {
        ((StepScheduler) original).step();
      }
      byte[] state = original.saveState();
      LrScheduler restored = bound("BoundWarmRestartsState", config);
      restored.restoreState(state);
      assertSame(original, restored, "BoundWarmRestartsState " + values[1]);
      int tCur = slotIndex("BoundWarmRestartsState", "tCur");
      assertRefused(() -> bound("BoundWarmRestartsState", config), withValue(state, tCur, value(state, tCur) + 1),
          "BoundWarmRestartsState tCur");
    }
  }

  // A state's layout, and re-sealing it after an edit.

  /** The header's length, where the values begin: see {@code LrScheduler#saveState}. */
  private static final int VALUES = 34;

  private static final int STEP = 22;

  /** One saved value: a field, or one group's entry of a per-group array. */
  private record Slot(String name, int group, boolean isLong) {}

  private static final Pattern PUT = Pattern.compile("\\.put(Doubles|Double|Long)\\((\\w+)\\)");

  /** The saved values in order, read from the generated {@code saveState}. */
  private static List<Slot> layout(String source) {
    int start = source.indexOf("public byte[] saveState()");
    String body = source.substring(start, source.indexOf(".finish()", start));
    List<Slot> slots = new ArrayList<>();
    Matcher put = PUT.matcher(body);
    while (put.find()) {
      switch (put.group(1)) {
        case "Doubles":
          for (int g = 0; g < INITIAL_LRS.length; g++) {
            slots.add(new Slot(put.group(2), g, false));
          }
          break;
        case "Double":
          slots.add(new Slot(put.group(2), -1, false));
          break;
        default:
          slots.add(new Slot(put.group(2), -1, true));
      }
    }
    return slots;
  }

  private static int slotIndex(String config, String field) {
    List<Slot> layout = LAYOUTS.get(config);
    for (int i = 0; i < layout.size(); i++) {
      if (layout.get(i).name().equals(field)) {
        return i;
      }
    }
    throw new AssertionError(config + " saves no " + field + ": " + layout);
  }

  private static long value(byte[] state, int slot) {
    return ByteBuffer.wrap(state).getLong(VALUES + 8 * slot);
  }

  private static byte[] withValue(byte[] state, int slot, long bits) {
    byte[] edited = state.clone();
    ByteBuffer.wrap(edited).putLong(VALUES + 8 * slot, bits);
    return resealed(edited);
  }

  private static byte[] withDouble(byte[] state, int slot, double value) {
    return withValue(state, slot, Double.doubleToRawLongBits(value));
  }

  private static byte[] withStep(byte[] state, long step) {
    byte[] edited = state.clone();
    ByteBuffer.wrap(edited).putLong(STEP, step);
    return resealed(edited);
  }

  /** The CRC-32 of all the bytes before it, recomputed: an edit the checksum cannot see. */
  private static byte[] resealed(byte[] state) {
    CRC32 crc = new CRC32();
    crc.update(state, 0, state.length - 4);
    ByteBuffer.wrap(state).putInt(state.length - 4, (int) crc.getValue());
    return state;
  }

  // Schedulers.

  private static final double[] METRICS = {1.0, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1};

  private static double metric(int t) {
    return t < METRICS.length ? METRICS[t] : 1.0 + 0.01 * t;
  }

  private static void step(LrScheduler scheduler, int t) {
    if (scheduler instanceof MetricScheduler metric) {
      metric.step(metric(t));
    } else {
      ((StepScheduler) scheduler).step();
    }
  }

  private static LrScheduler scheduler(String name) {
    try {
      return (LrScheduler) Class.forName(Sources.PACKAGE + "." + name + "Scheduler", true, loader)
          .getConstructor(double[].class).newInstance((Object) INITIAL_LRS.clone());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static LrScheduler stepped(String name, int steps) {
    LrScheduler scheduler = scheduler(name);
    for (int t = 0; t < steps; t++) {
      step(scheduler, t);
    }
    return scheduler;
  }

  private static Object config(String name, Object... values) throws ReflectiveOperationException {
    var constructor = Class.forName(Sources.PACKAGE + "." + name, true, loader).getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    return constructor.newInstance(values);
  }

  private static LrScheduler bound(String name, Object config) {
    try {
      Class<?> configClass = Class.forName(Sources.PACKAGE + "." + name, true, loader);
      var constructor = Class.forName(Sources.PACKAGE + "." + name + "Scheduler", true, loader)
          .getDeclaredConstructor(configClass, double[].class);
      return (LrScheduler) constructor.newInstance(config, INITIAL_LRS.clone());
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Equal step counts, rates and saved states: two schedulers in the same state. */
  private static void assertSame(LrScheduler expected, LrScheduler actual, String what) {
    assertEquals(expected.stepCount(), actual.stepCount(), what);
    for (int g = 0; g < INITIAL_LRS.length; g++) {
      assertEquals(expected.lr(g), actual.lr(g), 0.0, what + ", group " + g);
    }
    assertEquals(expected.lr(), actual.lr(), 0.0, what);
    assertArrayEquals(expected.saveState(), actual.saveState(), what);
  }

  private static SchedulerStateException assertRefused(String name, byte[] state, String what) {
    return assertRefused(() -> stepped(name, 4), state, what);
  }

  /**
   * Restores {@code state} into a scheduler already stepped, and asserts that it is refused as
   * corrupted and leaves the scheduler as it was.
   */
  private static SchedulerStateException assertRefused(
      java.util.function.Supplier<LrScheduler> target, byte[] state, String what) {
    LrScheduler scheduler = target.get();
    LrScheduler untouched = target.get();
    SchedulerStateException e =
        assertThrows(SchedulerStateException.class, () -> scheduler.restoreState(state), what);
    assertEquals(Reason.CORRUPTED, e.reason(), what + ": " + e.getMessage());
    assertFalse(e.getMessage().isEmpty());
    assertSame(untouched, scheduler, what + ", left unchanged");
    return e;
  }
}

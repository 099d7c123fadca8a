package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.StepScheduler;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Step counters are {@code long}, and a training run can be long: schedules of 10^9 steps read at
 * random steps against PyTorch's closed forms, and runs of 10^8 calls of {@code step()} against
 * {@code lrAt}.
 *
 * <p>The expected values are PyTorch's formulas ({@code _get_closed_form_lr}, or {@code get_lr}
 * where that is already a function of the step), written out here in plain Java so that a mistake
 * shared with {@code dev.anneal.math} or the generated code cannot hide.
 */
@DisplayName("Long horizons")
class LongHorizonTest {
  private static final long HORIZON = 1_000_000_000L;
  private static final long RUN = 100_000_000L;
  private static final double RELATIVE = 1e-12;

  /** Unit roundoff of double, 2^-53: the rounding error of one operation, relative to its result. */
  private static final double U = 0x1.0p-53;

  /** Two groups on different rates, so that a mixed-up group index shows. */
  private static final double[] BASE = {0.1, 0.03};

  /** Random steps per schedule of 10^9 steps, besides the steps picked at its ends and joints. */
  private static final int RANDOM_POINTS = 3000;

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    // Schedules over 10^9 steps, read with lrAt.
    config("LongStep", "@Schedule(type = STEP, stepSize = 1000, gamma = 0.99999)");
    config("LongMultiStep", "@Schedule(type = MULTI_STEP, gamma = 0.9999,",
        "    milestones = {100_000_000, 250_000_000, 500_000_000, 500_000_000, 999_999_999})");
    config("LongConstant", "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 600_000_000)");
    config("LongLinearWarmup", "@Schedule(type = LINEAR, startFactor = 0.001, totalIters = 1_000_000_000)");
    config("LongLinearDecay",
        "@Schedule(type = LINEAR, startFactor = 1.0, endFactor = 0.0, totalIters = 1_000_000_000)");
    config("LongExponential", "@Schedule(type = EXPONENTIAL, gamma = 0.99999999)");
    config("LongPolynomial", "@Schedule(type = POLYNOMIAL, totalIters = 1_000_000_000, power = 2.0)");
    config("LongCosine", "@Schedule(type = COSINE, tMax = 1_000_000_000)");
    config("LongCosineFloor", "@Schedule(type = COSINE, tMax = 1_000_000_000, etaMin = 1e-5)");
    config("LongCosineShort", "@Schedule(type = COSINE, tMax = 1000)");
    config("LongWarmRestarts", "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 100_000_000)");
    config("LongWarmRestartsDoubling",
        "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 1_000_000, tMult = 2, etaMin = 1e-6)");
    config("HugeRestarts2", "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 4, tMult = 2, etaMin = 1e-5)");
    config("HugeRestarts3", "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 4, tMult = 3, etaMin = 1e-5)");
    config("LongTriangular", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 100_000_000)");
    config("LongTriangular2", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 100_000_000, stepSizeDown = 150_000_000, mode = TRIANGULAR2)");
    config("LongExpRange", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 100_000_000, mode = EXP_RANGE, gamma = 0.999999999)");
    config("LongExpRangeShort", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 1000, mode = EXP_RANGE, gamma = 0.999999999)");
    config("LongOneCycleCos", "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.01}, totalSteps = 1_000_000_000)");
    config("LongOneCycleLinear", "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.01}, totalSteps = 1_000_000_000,",
        "    annealStrategy = AnnealStrategy.LINEAR)");
    config("LongOneCycleThreePhase", "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.01}, totalSteps = 1_000_000_000,",
        "    pctStart = 0.25, threePhase = true)");
    config("LongWarmupCosine",
        "@Schedule(type = LINEAR, startFactor = 0.01, totalIters = 10_000_000)",
        "@Schedule(type = COSINE, tMax = 990_000_000)",
        "@Sequential(milestones = 10_000_000)");

    // Schedules stepped 10^8 times.
    config("RunStep", "@Schedule(type = STEP, stepSize = 1000, gamma = 0.9999)");
    config("RunMultiStep",
        "@Schedule(type = MULTI_STEP, milestones = {10_000_000, 35_000_000, 35_000_000, 70_000_000}, gamma = 0.5)");
    config("RunConstant", "@Schedule(type = CONSTANT, factor = 0.5, totalIters = 50_000_000)");
    config("RunLinear", "@Schedule(type = LINEAR, startFactor = 0.01, totalIters = 150_000_000)");
    config("RunExponential", "@Schedule(type = EXPONENTIAL, gamma = 0.99999999)");
    config("RunPolynomial", "@Schedule(type = POLYNOMIAL, totalIters = 150_000_000, power = 2.0)");
    config("RunCosineShort", "@Schedule(type = COSINE, tMax = 1000)");
    config("RunCosineLong", "@Schedule(type = COSINE, tMax = 1_000_000_000)");
    config("RunWarmRestarts", "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 30_000_000, tMult = 2)");
    config("RunTriangular", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 1000)");
    config("RunTriangular2", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 2_000_000, mode = TRIANGULAR2)");
    config("RunExpRange", "@Schedule(type = CYCLIC, baseLr = {0.001, 0.0001}, maxLr = {0.01, 0.002},",
        "    stepSizeUp = 1000, mode = EXP_RANGE, gamma = 0.99999999)");
    config("RunOneCycle", "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.01}, totalSteps = 150_000_000)");
    config("RunInverseSqrt", "@Schedule(type = HF_INVERSE_SQRT, numWarmupSteps = 10_000, timescale = 1_000_000)");
    config("RunHfConstant", "@Schedule(type = HF_CONSTANT)");
    config("RunHfConstantWarmup", "@Schedule(type = HF_CONSTANT_WITH_WARMUP, numWarmupSteps = 50_000_000)");
    config("RunHfLinear", "@Schedule(type = HF_LINEAR, numWarmupSteps = 10_000, numTrainingSteps = 150_000_000)");
    config("RunHfPolynomial", "@Schedule(type = HF_POLYNOMIAL, numWarmupSteps = 10_000, numTrainingSteps = 150_000_000,"
        + " lrInit = 0.1, lrEnd = 1e-5, power = 2.0)");
    config("RunHfCosine", "@Schedule(type = HF_COSINE, numWarmupSteps = 10_000, numTrainingSteps = 150_000_000)");
    config("RunWsd", "@Schedule(type = HF_WARMUP_STABLE_DECAY, numWarmupSteps = 10_000, numDecaySteps = 50_000_000,"
        + " numTrainingSteps = 150_000_000, decayType = WsdType.ONE_MINUS_SQRT, minLrRatio = 0.01)");
    config("RunTimmCosine", "@Schedule(type = TIMM_COSINE, tInitial = 50_000_000, lrMin = 1e-6, warmupT = 10_000,"
        + " warmupLrInit = 1e-6, cycleLimit = 4, cycleMul = 1.5, cycleDecay = 0.5)");
    config("RunTimmTanh", "@Schedule(type = TIMM_TANH, tInitial = 100_000_000, warmupT = 10_000, warmupPrefix = true)");
    config("RunTimmPoly", "@Schedule(type = TIMM_POLY, tInitial = 100_000_000, power = 2.0, cycleLimit = 3)");
    config("RunTimmStep", "@Schedule(type = TIMM_STEP, decayT = 30_000_000, decayRate = 0.5)");
    config("RunTimmMultiStep", "@Schedule(type = TIMM_MULTI_STEP, decayT = {50_000_000, 100_000_000}, decayRate = 0.1)");
    config("RunTimmWsd", "@Schedule(type = TIMM_WSD, tInitial = 150_000_000, decayT = 50_000_000, warmupT = 10_000,"
        + " stableFn = TimmStableFn.RSQRT, lrMin = 1e-6)");
    config("RunKerasExponential", "@Schedule(type = KERAS_EXPONENTIAL_DECAY, decaySteps = 10_000_000,"
        + " decayRate = 0.5)");
    config("RunKerasPiecewise", "@Schedule(type = KERAS_PIECEWISE_CONSTANT_DECAY, boundaries = {50_000_000,"
        + " 100_000_000}, values = {0.1, 0.01, 0.001})");
    config("RunKerasPolynomial", "@Schedule(type = KERAS_POLYNOMIAL_DECAY, decaySteps = 30_000_000, power = 2.0,"
        + " cycle = true)");
    config("RunKerasInverseTime", "@Schedule(type = KERAS_INVERSE_TIME_DECAY, decaySteps = 1_000_000,"
        + " decayRate = 0.5, staircase = true)");
    config("RunKerasCosine", "@Schedule(type = KERAS_COSINE_DECAY, decaySteps = 150_000_000, alpha = 0.01,"
        + " warmupTarget = 0.5, warmupSteps = 10_000)");
    config("RunKerasCosineRestarts", "@Schedule(type = KERAS_COSINE_DECAY_RESTARTS, firstDecaySteps = 10_000_000,"
        + " tMul = 1.5, mMul = 0.9)");
    config("RunOptaxConstant", "@Schedule(type = OPTAX_CONSTANT,"
        + " value = 0.05)");
    config("RunOptaxLinear", "@Schedule(type = OPTAX_LINEAR,"
        + " endValue = 1e-5, transitionSteps = 100_000_000, transitionBegin = 10_000)");
    config("RunOptaxPolynomial", "@Schedule(type = OPTAX_POLYNOMIAL,"
        + " endValue = 1e-6, power = 2.0, transitionSteps = 150_000_000)");
    config("RunOptaxExponential", "@Schedule(type = OPTAX_EXPONENTIAL_DECAY,"
        + " transitionSteps = 10_000_000, decayRate = 0.5, endValue = 1e-6)");
    config("RunOptaxCosine", "@Schedule(type = OPTAX_COSINE_DECAY,"
        + " decaySteps = 150_000_000, alpha = 0.01)");
    config("RunOptaxWarmupCosine", "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY,"
        + " initValue = 0.0, warmupSteps = 10_000, decaySteps = 150_000_000, endValue = 1e-6)");
    config("RunOptaxWarmupExponential", "@Schedule(type = OPTAX_WARMUP_EXPONENTIAL_DECAY,"
        + " initValue = 0.0, warmupSteps = 10_000, transitionSteps = 10_000_000, decayRate = 0.5)");
    config("RunOptaxWarmupConstant", "@Schedule(type = OPTAX_WARMUP_CONSTANT,"
        + " initValue = 0.0, warmupSteps = 50_000_000)");
    config("RunOptaxPiecewise", "@Schedule(type = OPTAX_PIECEWISE_CONSTANT,"
        + " boundaries = {100_000_000, 50_000_000}, scales = {0.1, 0.5})");
    config("RunOptaxInterpolate", "@Schedule(type = OPTAX_PIECEWISE_INTERPOLATE,"
        + " interpolateType = OptaxInterpolateType.LINEAR, boundaries = {10_000, 150_000_000}, scales = {1.0, 0.01})");
    config("RunOptaxLinearOnecycle", "@Schedule(type = OPTAX_LINEAR_ONECYCLE,"
        + " transitionSteps = 150_000_000)");
    config("RunOptaxCosineOnecycle", "@Schedule(type = OPTAX_COSINE_ONECYCLE,"
        + " transitionSteps = 150_000_000)");
    config("RunPiecewise", "@Schedule(type = DIFFUSERS_PIECEWISE_CONSTANT, ruleSteps = {10_000, 50_000_000,"
        + " 100_000_000}, ruleFactors = {1.0, 0.1, 0.01}, lastFactor = 0.001)");
    config("RunHfCosineMinLr", "@Schedule(type = HF_COSINE_WITH_MIN_LR, numWarmupSteps = 10_000,"
        + " numTrainingSteps = 150_000_000, minLr = 1e-5, lrInit = 1e-3)");
    config("RunHfCosineWarmupMinLr", "@Schedule(type = HF_COSINE_WARMUP_WITH_MIN_LR, numWarmupSteps = 10_000,"
        + " numTrainingSteps = 150_000_000, minLrRate = 0.1, warmupLrRate = 0.01)");
    config("RunHfRestarts",
        "@Schedule(type = HF_COSINE_WITH_RESTARTS, numWarmupSteps = 10_000, numTrainingSteps = 150_000_000,"
            + " numCycles = 7)");
    CONFIGS.put("RunLambda", new String[] {
        "@Schedule(type = LAMBDA, lrLambda = \"decay\")",
        "final class RunLambda {",
        "  static double decay(long step) {",
        "    return Math.exp(-1e-8 * step);",
        "  }",
        "}"});
    CONFIGS.put("RunMultiplicative", new String[] {
        "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
        "final class RunMultiplicative {",
        "  static double decay(long step) {",
        "    return 0.99999999;",
        "  }",
        "}"});
    config("RunWarmupCosine",
        "@Schedule(type = LINEAR, startFactor = 0.01, totalIters = 1000)",
        "@Schedule(type = COSINE, tMax = 999_999_000)",
        "@Sequential(milestones = 1000)");
    config("RunChained",
        "@Schedule(type = LINEAR, startFactor = 0.1, totalIters = 1000)",
        "@Schedule(type = EXPONENTIAL, gamma = 0.99999999)",
        "@Chained");
  }

  private static void config(String name, String... annotations) {
    String[] body = Arrays.copyOf(annotations, annotations.length + 1);
    body[annotations.length] = "final class " + name + " {}";
    CONFIGS.put(name, body);
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  /**
   * PyTorch's value at a step and a bound on the rounding error of evaluating PyTorch's formula for
   * it in double, estimated term by term from {@link #U}.
   */
  private record Reference(double value, double error) {}

  @FunctionalInterface
  private interface Formula {
    Reference at(long t, int group);
  }

  /**
   * Compares generated values with references. Where the reference is known to half the tolerance
   * or better (nearly everywhere) the comparison is relative, {@code |a - e| <= 1e-12 |e|}. Where
   * PyTorch's formula itself cannot resolve the value to that precision, in double, the comparison
   * is {@code |a - e| <= 1e-12 peak}: there the formula subtracts nearly equal numbers, as
   * {@code 1 + cos(x)} near {@code x = pi} or {@code 1 - t / total_iters} near {@code total_iters},
   * and a relative bound would test rounding, not the schedule. Those points are counted, and must
   * stay a small share, so that the fallback cannot quietly take over a test.
   */
  private static final class Agreement {
    private final String what;
    private final double[] peaks;
    private int points;
    private int absolutePoints;
    private double worstRelative;
    private String worstAt = "";
    private double worstOfPeak;
    private int failureCount;
    private final List<String> failures = new ArrayList<>();

    Agreement(String what, double... peaks) {
      this.what = what;
      this.peaks = peaks;
    }

    void check(long t, int group, double actual, Reference expected) {
      points++;
      double e = expected.value();
      double difference = Math.abs(actual - e);
      boolean relative = expected.error() <= 0.5 * RELATIVE * Math.abs(e);
      boolean ok;
      if (relative) {
        ok = difference <= RELATIVE * Math.abs(e);
        double error = e == 0 ? (difference == 0 ? 0 : Double.POSITIVE_INFINITY) : difference / Math.abs(e);
        if (Double.isNaN(error)) {
          error = Double.POSITIVE_INFINITY;
        }
        if (error > worstRelative) {
          worstRelative = error;
          worstAt = "step " + t + " group " + group;
        }
      } else {
        absolutePoints++;
        ok = difference <= RELATIVE * peaks[group];
        double error = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference / peaks[group];
        worstOfPeak = Math.max(worstOfPeak, error);
      }
      if (!ok) {
        failureCount++;
      }
      if (!ok && failures.size() < 5) {
        failures.add(String.format("step %d group %d: expected %s, got %s (%s error %.3g)", t, group,
            e, actual, relative ? "relative" : "absolute, of peak",
            relative ? difference / Math.abs(e) : difference / peaks[group]));
      }
      if (!ok && failures.size() == 5) {
        failures.add("...");
      }
    }

    void assertAgreed() {
      assertTrue(failureCount == 0, () -> what + ": " + failureCount + " disagreements of " + points
          + " points (worst relative error " + worstRelative + " at " + worstAt + "; worst error of "
          + absolutePoints + " compared absolutely " + worstOfPeak + " of peak):\n  "
          + String.join("\n  ", failures));
      assertTrue(absolutePoints <= points / 20, () -> what + ": " + absolutePoints + " of " + points
          + " points compared absolutely; the fallback is for a narrow band only");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // PyTorch's formulas, with error bounds. Each bound counts one rounding per operation, the
  // amplification of an operand's error by what follows it, and 1 ulp for Math.cos and Math.pow.

  /** {@code base_lr * gamma ** n}: Math.pow within 1 ulp, one product. */
  private static Reference torchPower(double baseLr, double gamma, long n) {
    double value = baseLr * Math.pow(gamma, n);
    return new Reference(value, 3 * U * Math.abs(value));
  }

  /** CosineAnnealingLR: {@code eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2}. */
  private static Reference torchCosine(double baseLr, double etaMin, long t, long tMax) {
    // x carries two roundings, amplified by |sin x|.
    return torchCosine(baseLr, etaMin, (double) t, (double) tMax, 2 * U);
  }

  /** The same for steps given as doubles, whose own roundings add to {@code xError}, relative. */
  private static Reference torchCosine(double baseLr, double etaMin, double t, double tMax, double xError) {
    double x = Math.PI * t / tMax;
    double wave = 1 + Math.cos(x);
    double value = etaMin + (baseLr - etaMin) * wave / 2;
    // cos is within one ulp (<= U below 1); the sum rounds once more.
    double waveError = xError * x * Math.abs(Math.sin(x)) + U + U * wave;
    double error = Math.abs(baseLr - etaMin) / 2 * waveError + 3 * U * (Math.abs(value) + Math.abs(etaMin));
    return new Reference(value, error);
  }

  /** LinearLR: {@code base_lr * (start + (end - start) * min(total, t) / total)}. */
  private static Reference torchLinear(double baseLr, double start, double end, long total, long t) {
    double fraction = (end - start) * Math.min(total, t) / total;
    double factor = start + fraction;
    double value = baseLr * factor;
    double error = baseLr * (2 * U * Math.abs(fraction) + 2 * U * Math.abs(factor) + U * Math.abs(start));
    return new Reference(value, error);
  }

  /** PolynomialLR: {@code base_lr * (1 - min(total, t) / total) ** power}. */
  private static Reference torchPolynomial(double baseLr, long total, double power, long t) {
    double remaining = 1.0 - (double) Math.min(total, t) / total;
    double value = baseLr * Math.pow(remaining, power);
    if (remaining == 0) {
      return new Reference(value, 0);
    }
    // The quotient's rounding (<= U) is amplified by 1 / remaining, then by the power.
    double error = Math.abs(value) * (power * 2 * U / remaining + 3 * U);
    return new Reference(value, error);
  }

  /** OneCycleLR's {@code _annealing_cos} or {@code _annealing_linear} at {@code pct}. */
  private static Reference torchAnneal(boolean cos, double start, double end, double pct) {
    if (cos) {
      double x = Math.PI * pct;
      double wave = Math.cos(x) + 1;
      double value = end + (start - end) / 2.0 * wave;
      // pct carries two roundings and pi * pct one more.
      double waveError = 3 * U * x * Math.abs(Math.sin(x)) + U + U * wave;
      return new Reference(value, Math.abs(start - end) / 2 * waveError
          + 3 * U * (Math.abs(value) + Math.abs(end)));
    }
    double value = (end - start) * pct + start;
    return new Reference(value, Math.abs(end - start) * 4 * U * pct + 2 * U * (Math.abs(value) + Math.abs(start)));
  }

  /**
   * OneCycleLR's {@code get_lr} (or its momentum) at {@code t}: PyTorch walks its phases, each
   * ending at a float {@code end_step}, and anneals within the first phase that {@code t} has not
   * passed.
   */
  private static Reference torchOneCycle(long t, int total, double pctStart, boolean cos, boolean threePhase,
      double[] starts, double[] ends) {
    double[] endSteps = threePhase
        ? new double[] {pctStart * total - 1, 2 * pctStart * total - 2, total - 1}
        : new double[] {pctStart * total - 1, total - 1};
    double startStep = 0.0;
    for (int i = 0; i < endSteps.length; i++) {
      double endStep = endSteps[i];
      if (t <= endStep || i == endSteps.length - 1) {
        double pct = (t - startStep) / (endStep - startStep);
        return torchAnneal(cos, starts[i], ends[i], pct);
      }
      startStep = endStep;
    }
    throw new AssertionError();
  }

  /** The rates OneCycleLR anneals between, phase by phase: {@code {starts, ends}}. */
  private static double[][] oneCycleRates(double maxLr, boolean threePhase) {
    double initial = maxLr / 25.0;
    double min = initial / 1e4;
    return threePhase
        ? new double[][] {{initial, maxLr, initial}, {maxLr, initial, min}}
        : new double[][] {{initial, maxLr}, {maxLr, min}};
  }

  /** The momenta OneCycleLR anneals between, with its defaults 0.85 and 0.95. */
  private static double[][] oneCycleMomenta(boolean threePhase) {
    return threePhase
        ? new double[][] {{0.95, 0.85, 0.95}, {0.85, 0.95, 0.95}}
        : new double[][] {{0.95, 0.85}, {0.85, 0.95}};
  }

  /** Which amplitude CyclicLR applies. */
  private enum CyclicMode { TRIANGULAR, TRIANGULAR2, EXP_RANGE }

  /**
   * CyclicLR's {@code get_lr}: {@code lo + (hi - lo) * scale * scale_fn} for the rate, or
   * {@code hi - (hi - lo) * scale * scale_fn} for the momentum.
   */
  private static Reference torchCyclic(long t, double up, double down, CyclicMode mode, double gamma,
      double lo, double hi, boolean momentum) {
    double totalSize = up + down;
    double cycle = Math.floor(1 + t / totalSize);
    double x = 1.0 + t / totalSize - cycle;
    // x is 1 + t / total_size less an integer: two roundings of about 1 + t / total_size.
    return torchCyclic(t, cycle, x, 2 * U * (1 + t / totalSize), up, down, mode, gamma, lo, hi, momentum);
  }

  /**
   * The same with the cycle and the position in it found in integers: {@code cycle = 1 + t / L}
   * and {@code x = (t mod L) / total_size} for a cycle of {@code L} steps, which are what PyTorch's
   * {@code floor(1 + t / total_size)} and {@code 1 + t / total_size - cycle} mean, without the
   * rounding of {@code t / total_size}, about {@code ulp(t / total_size)}.
   */
  private static Reference torchCyclicExact(long t, long up, long down, CyclicMode mode, double gamma,
      double lo, double hi, boolean momentum) {
    long length = up + down;
    double x = (double) (t % length) / (double) length;
    return torchCyclic(t, 1 + t / length, x, U, up, down, mode, gamma, lo, hi, momentum);
  }

  private static Reference torchCyclic(long t, double cycle, double x, double xError, double up, double down,
      CyclicMode mode, double gamma, double lo, double hi, boolean momentum) {
    double totalSize = up + down;
    double stepRatio = up / totalSize;
    double scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    double amplitude;
    switch (mode) {
      case TRIANGULAR:
        amplitude = 1.0;
        break;
      case TRIANGULAR2:
        amplitude = 1 / Math.pow(2.0, cycle - 1);
        break;
      default:
        amplitude = Math.pow(gamma, t);
        break;
    }
    double height = (hi - lo) * scale;
    double value = momentum ? hi - height * amplitude : lo + height * amplitude;
    double scaleError = xError / Math.min(stepRatio, 1 - stepRatio) + 2 * U * scale;
    double error = Math.abs(hi - lo) * amplitude * (scaleError + 3 * U * scale)
        + 2 * U * (Math.abs(value) + Math.abs(momentum ? hi : lo));
    return new Reference(value, error);
  }

  // ---------------------------------------------------------------------------------------------

  /** Random steps in [0, 10^9) from a fixed seed, with {@code special} steps first. */
  private static long[] steps(long seed, long... special) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] steps = Arrays.copyOf(special, special.length + RANDOM_POINTS);
    for (int i = special.length; i < steps.length; i++) {
      steps[i] = random.nextLong(HORIZON);
    }
    return steps;
  }

  /** Steps around each of {@code joints}: the joint itself and its neighbours. */
  private static long[] around(long... joints) {
    List<Long> steps = new ArrayList<>();
    for (long joint : joints) {
      for (long d = -2; d <= 2; d++) {
        if (joint + d >= 0) {
          steps.add(joint + d);
        }
      }
    }
    return steps.stream().mapToLong(Long::longValue).toArray();
  }

  private static void assertLrAt(String config, long[] steps, double[] peaks, Formula formula) {
    LrFunction function = classes.scheduler(config, LrFunction.class, BASE);
    Agreement agreement = new Agreement(config + " lrAt", peaks);
    for (long t : steps) {
      for (int g = 0; g < BASE.length; g++) {
        agreement.check(t, g, function.lrAt(t, g), formula.at(t, g));
      }
    }
    agreement.assertAgreed();
  }

  private static void assertMomentumAt(String config, long[] steps, double[] peaks, Formula formula) {
    MomentumFunction function = classes.scheduler(config, MomentumFunction.class, BASE);
    Agreement agreement = new Agreement(config + " momentumAt", peaks);
    for (long t : steps) {
      for (int g = 0; g < BASE.length; g++) {
        agreement.check(t, g, function.momentumAt(t, g), formula.at(t, g));
      }
    }
    agreement.assertAgreed();
  }

  @Nested
  @DisplayName("(a) lrAt over 10^9 steps agrees with PyTorch's closed form (relative 1e-12)")
  class ClosedForm {

    @Test
    @DisplayName("StepLR, step_size 1000, gamma 0.99999: base_lr * gamma ** (t // step_size)")
    void step() {
      assertLrAt("LongStep", steps(1, around(0, 1000, 999_999_000, HORIZON)), BASE,
          (t, g) -> torchPower(BASE[g], 0.99999, t / 1000));
    }

    @Test
    @DisplayName("MultiStepLR, gamma 0.9999, a repeated milestone: base_lr * gamma ** bisect_right(milestones, t)")
    void multiStep() {
      long[] milestones = {100_000_000, 250_000_000, 500_000_000, 500_000_000, 999_999_999};
      assertLrAt("LongMultiStep", steps(2, around(milestones)), BASE, (t, g) -> {
        int passed = 0;
        for (long m : milestones) {
          if (m <= t) {
            passed++;
          }
        }
        return torchPower(BASE[g], 0.9999, passed);
      });
    }

    @Test
    @DisplayName("ConstantLR, total_iters 6e8: base_lr * (factor + (t >= total_iters) * (1 - factor))")
    void constant() {
      assertLrAt("LongConstant", steps(3, around(0, 600_000_000, HORIZON)), BASE, (t, g) -> {
        double value = BASE[g] * (0.5 + (t >= 600_000_000 ? 1 : 0) * (1 - 0.5));
        return new Reference(value, 2 * U * value);
      });
    }

    @Test
    @DisplayName("LinearLR warm-up, total_iters 1e9")
    void linearWarmup() {
      assertLrAt("LongLinearWarmup", steps(4, around(0, HORIZON)), BASE,
          (t, g) -> torchLinear(BASE[g], 0.001, 1.0, HORIZON, t));
    }

    @Test
    @DisplayName("LinearLR decay to 0, total_iters 1e9 (the last steps compared absolutely)")
    void linearDecay() {
      assertLrAt("LongLinearDecay", steps(5, around(0, HORIZON)), BASE,
          (t, g) -> torchLinear(BASE[g], 1.0, 0.0, HORIZON, t));
    }

    @Test
    @DisplayName("ExponentialLR, gamma 0.99999999: base_lr * gamma ** t")
    void exponential() {
      assertLrAt("LongExponential", steps(6, around(0, HORIZON)), BASE,
          (t, g) -> torchPower(BASE[g], 0.99999999, t));
    }

    @Test
    @DisplayName("PolynomialLR, total_iters 1e9, power 2 (the last steps compared absolutely)")
    void polynomial() {
      assertLrAt("LongPolynomial", steps(7, around(0, HORIZON)), BASE,
          (t, g) -> torchPolynomial(BASE[g], HORIZON, 2.0, t));
    }

    @Test
    @DisplayName("CosineAnnealingLR, T_max 1e9, eta_min 0 (the trough compared absolutely)")
    void cosine() {
      // With eta_min = 0 the rate near the trough is (base_lr / 2) * (1 + cos x) for x near pi,
      // where cos x is within an ulp of -1: PyTorch's formula itself then carries an absolute
      // error of about U * base_lr, which is more than 1e-12 of the rate within about 0.02 radian
      // of pi. There, and only there, the comparison is absolute.
      assertLrAt("LongCosine", steps(8, around(0, HORIZON / 2, HORIZON, 2 * HORIZON)), BASE,
          (t, g) -> torchCosine(BASE[g], 0, t, HORIZON));
    }

    @Test
    @DisplayName("CosineAnnealingLR, T_max 1e9, eta_min 1e-5")
    void cosineFloor() {
      assertLrAt("LongCosineFloor", steps(9, around(0, HORIZON / 2, HORIZON)), BASE,
          (t, g) -> torchCosine(BASE[g], 1e-5, t, HORIZON));
    }

    @Test
    @DisplayName("CosineAnnealingLR, T_max 1000 over 10^9 steps (10^6 half-periods)")
    void cosineShortPeriod() {
      // Evaluated literally at t ~ 1e9, pi * t / T_max is ~3e6 and rounds by up to 5e-10, so
      // PyTorch's expression cannot give the cosine to 1e-12 there, and neither can any
      // evaluation that multiplies the unreduced step. cos has period 2 pi, so reducing t modulo
      // 2 T_max first, in integers, gives the same mathematical value exactly; that is the
      // reference here.
      assertLrAt("LongCosineShort", steps(10, around(0, 1000, 2000, HORIZON - 1000, HORIZON)), BASE,
          (t, g) -> torchCosine(BASE[g], 0, t % 2000, 1000));
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts, T_0 1e8: ten cycles (troughs compared absolutely)")
    void warmRestarts() {
      // The formula of get_lr with PyTorch's T_cur = epoch % T_0 for T_mult = 1.
      assertLrAt("LongWarmRestarts", steps(11, around(0, 100_000_000, 500_000_000, 900_000_000)), BASE,
          (t, g) -> torchCosine(BASE[g], 0, t % 100_000_000, 100_000_000));
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts, T_0 1e6, T_mult 2, eta_min 1e-6")
    void warmRestartsDoubling() {
      // T_i = T_0 * T_mult ** n and T_cur = t - T_0 * (T_mult ** n - 1) / (T_mult - 1), as
      // PyTorch's step(epoch); n is found by counting in integers, where PyTorch takes a float
      // logarithm that can land one cycle off at a restart.
      long[] restarts = {1_000_000, 3_000_000, 7_000_000, 511_000_000, 1_023_000_000};
      assertLrAt("LongWarmRestartsDoubling", steps(12, around(restarts)), BASE, (t, g) -> {
        long start = 0;
        long length = 1_000_000;
        while (t - start >= length) {
          start += length;
          length *= 2;
        }
        return torchCosine(BASE[g], 1e-6, t - start, length);
      });
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts, T_0 4, T_mult 2, at steps up to Long.MAX_VALUE")
    void warmRestartsDoublingLargestSteps() {
      assertRestartsAtLargestSteps(2);
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts, T_0 4, T_mult 3, at steps up to Long.MAX_VALUE")
    void warmRestartsTriplingLargestSteps() {
      assertRestartsAtLargestSteps(3);
    }

    private void assertRestartsAtLargestSteps(int tMult) {
      // Any long is a step lrAt accepts. Near 2^63 the cycle that holds the step is 2^62 steps
      // long (T_mult 2) or longer than a long can hold (T_mult 3), so the reference finds it in
      // BigInteger; T_cur and T_i then enter the formula as doubles, one rounding each.
      SplittableRandom random = new SplittableRandom(20 + tMult);
      long[] special = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 3, (1L << 62) - 4, 1L << 62,
          1L << 53};
      long[] steps = Arrays.copyOf(special, special.length + RANDOM_POINTS);
      for (int i = special.length; i < steps.length; i++) {
        steps[i] = random.nextLong(Long.MAX_VALUE);
      }
      assertLrAt("HugeRestarts" + tMult, steps, BASE, (t, g) -> {
        BigInteger step = BigInteger.valueOf(t);
        BigInteger start = BigInteger.ZERO;
        BigInteger length = BigInteger.valueOf(4);
        while (step.subtract(start).compareTo(length) >= 0) {
          start = start.add(length);
          length = length.multiply(BigInteger.valueOf(tMult));
        }
        return torchCosine(BASE[g], 1e-5, step.subtract(start).doubleValue(), length.doubleValue(), 4 * U);
      });
    }

    @Test
    @DisplayName("CyclicLR triangular, step_size_up 1e8: rate and momentum")
    void triangular() {
      double[] lo = {0.001, 0.0001};
      double[] hi = {0.01, 0.002};
      long[] special = around(0, 100_000_000, 200_000_000, 900_000_000, HORIZON);
      assertLrAt("LongTriangular", steps(13, special), hi,
          (t, g) -> torchCyclic(t, 1e8, 1e8, CyclicMode.TRIANGULAR, 1.0, lo[g], hi[g], false));
      assertMomentumAt("LongTriangular", steps(13, special), new double[] {0.9, 0.9},
          (t, g) -> torchCyclic(t, 1e8, 1e8, CyclicMode.TRIANGULAR, 1.0, 0.8, 0.9, true));
    }

    @Test
    @DisplayName("CyclicLR triangular2, step_size_up 1e8, step_size_down 1.5e8: rate and momentum")
    void triangular2() {
      double[] lo = {0.001, 0.0001};
      double[] hi = {0.01, 0.002};
      long[] special = around(0, 100_000_000, 250_000_000, 350_000_000, 750_000_000, HORIZON);
      assertLrAt("LongTriangular2", steps(14, special), hi,
          (t, g) -> torchCyclic(t, 1e8, 1.5e8, CyclicMode.TRIANGULAR2, 1.0, lo[g], hi[g], false));
      assertMomentumAt("LongTriangular2", steps(14, special), new double[] {0.9, 0.9},
          (t, g) -> torchCyclic(t, 1e8, 1.5e8, CyclicMode.TRIANGULAR2, 1.0, 0.8, 0.9, true));
    }

    @Test
    @DisplayName("CyclicLR exp_range, step_size_up 1e8, gamma 0.999999999: rate and momentum")
    void expRange() {
      double[] lo = {0.001, 0.0001};
      double[] hi = {0.01, 0.002};
      long[] special = around(0, 100_000_000, 200_000_000, 900_000_000, HORIZON);
      assertLrAt("LongExpRange", steps(15, special), hi,
          (t, g) -> torchCyclic(t, 1e8, 1e8, CyclicMode.EXP_RANGE, 0.999999999, lo[g], hi[g], false));
      assertMomentumAt("LongExpRange", steps(15, special), new double[] {0.9, 0.9},
          (t, g) -> torchCyclic(t, 1e8, 1e8, CyclicMode.EXP_RANGE, 0.999999999, 0.8, 0.9, true));
    }

    @Test
    @DisplayName("CyclicLR exp_range, step_size_up 1000 over 10^9 steps (5e5 cycles): rate and momentum")
    void expRangeShortCycle() {
      // At t ~ 1e9, t / total_size ~ 5e5 rounds by up to 6e-11, so PyTorch's expression for the
      // position in the cycle is only good to about 1e-10 there; the reference finds the
      // position in integers instead, which is the same value without that rounding.
      double[] lo = {0.001, 0.0001};
      double[] hi = {0.01, 0.002};
      long[] special = around(0, 1000, 2000, HORIZON - 1000, HORIZON);
      assertLrAt("LongExpRangeShort", steps(20, special), hi,
          (t, g) -> torchCyclicExact(t, 1000, 1000, CyclicMode.EXP_RANGE, 0.999999999, lo[g], hi[g], false));
      assertMomentumAt("LongExpRangeShort", steps(20, special), new double[] {0.9, 0.9},
          (t, g) -> torchCyclicExact(t, 1000, 1000, CyclicMode.EXP_RANGE, 0.999999999, 0.8, 0.9, true));
    }

    @Test
    @DisplayName("OneCycleLR cos, total_steps 1e9 (the end of the descent compared absolutely): rate and momentum")
    void oneCycleCos() {
      assertOneCycle("LongOneCycleCos", 16, 0.3, true, false);
    }

    @Test
    @DisplayName("OneCycleLR linear, total_steps 1e9: rate and momentum")
    void oneCycleLinear() {
      assertOneCycle("LongOneCycleLinear", 17, 0.3, false, false);
    }

    @Test
    @DisplayName("OneCycleLR three-phase cos, total_steps 1e9, pct_start 0.25: rate and momentum")
    void oneCycleThreePhase() {
      assertOneCycle("LongOneCycleThreePhase", 18, 0.25, true, true);
    }

    private void assertOneCycle(String config, long seed, double pctStart, boolean cos, boolean threePhase) {
      // Near min_lr = max_lr / 2.5e5 the annealing formula adds a tiny rate to a difference of
      // order max_lr, so PyTorch's own rounding there exceeds 1e-12 of the rate; the last steps
      // of the descent are compared absolutely.
      double[] maxLr = {0.1, 0.01};
      int total = 1_000_000_000;
      long warmupEnd = (long) (pctStart * total) - 1;
      // Up to total_steps itself, the last step lrAt allows.
      long[] special = around(0, warmupEnd, 2 * warmupEnd, HORIZON - 2);
      assertLrAt(config, steps(seed, special), maxLr, (t, g) -> {
        double[][] rates = oneCycleRates(maxLr[g], threePhase);
        return torchOneCycle(t, total, pctStart, cos, threePhase, rates[0], rates[1]);
      });
      double[][] momenta = oneCycleMomenta(threePhase);
      assertMomentumAt(config, steps(seed, special), new double[] {0.95, 0.95},
          (t, g) -> torchOneCycle(t, total, pctStart, cos, threePhase, momenta[0], momenta[1]));
    }

    @Test
    @DisplayName("SequentialLR: linear warm-up for 10^7 steps, then cosine to 10^9")
    void warmupCosine() {
      // At its milestone SequentialLR restarts the cosine at its own step 0.
      long milestone = 10_000_000;
      assertLrAt("LongWarmupCosine", steps(19, around(0, milestone, HORIZON)), BASE,
          (t, g) -> t < milestone
              ? torchLinear(BASE[g], 0.01, 1.0, milestone, t)
              : torchCosine(BASE[g], 0, t - milestone, 990_000_000));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Checkpoints of a long run: 777 steps past each multiple of 10^7, then 10^8 itself. 777 puts the
   * 2000-step cycles below at a generic phase, on a slope: there a cycle's rate depends on both
   * its position and its amplitude, where at a trough or a peak an error in either can vanish.
   */
  private static final long[] CHECKPOINTS = {
      777, 10_000_777, 20_000_777, 30_000_777, 40_000_777, 50_000_777,
      60_000_777, 70_000_777, 80_000_777, 90_000_777, RUN};

  /**
   * Steps a fresh scheduler to each checkpoint and compares its rate (and momentum) with lrAt of a
   * second instance, relative 1e-12; reports the worst error of the run.
   */
  private static void assertSteppedAgrees(String config, long[] checkpoints) {
    StepScheduler stepped = classes.scheduler(config, StepScheduler.class, BASE);
    Object function = classes.scheduler(config, Object.class, BASE);
    List<String> failures = new ArrayList<>();
    double worst = 0;
    String worstAt = "";
    long t = 0;
    for (long checkpoint : checkpoints) {
      while (t < checkpoint) {
        stepped.step();
        t++;
      }
      for (int g = 0; g < stepped.groupCount(); g++) {
        double[] actual = {stepped.lr(g), 0};
        double[] expected = {((LrFunction) function).lrAt(t, g), 0};
        int kinds = 1;
        if (stepped instanceof MomentumScheduler) {
          actual[1] = ((MomentumScheduler) stepped).momentum(g);
          expected[1] = ((MomentumFunction) function).momentumAt(t, g);
          kinds = 2;
        }
        for (int k = 0; k < kinds; k++) {
          double error = Math.abs(actual[k] - expected[k]) / Math.abs(expected[k]);
          if (actual[k] == expected[k]) {
            error = 0;
          } else if (Double.isNaN(error)) {
            error = Double.POSITIVE_INFINITY;
          }
          String what = (k == 0 ? "lr" : "momentum") + " at step " + t + " group " + g;
          if (error > worst) {
            worst = error;
            worstAt = what;
          }
          if (!(error <= RELATIVE)) {
            failures.add(String.format("%s: stepped %s, lrAt %s, relative error %.3g",
                what, actual[k], expected[k], error));
          }
        }
      }
    }
    assertTrue(stepped.stepCount() == t, config + " counted " + stepped.stepCount() + " steps of " + t);
    double worstError = worst;
    String worstWhere = worstAt;
    assertTrue(failures.isEmpty(), () -> config + " after " + checkpoints[checkpoints.length - 1]
        + " steps: worst relative error " + worstError + " (" + worstWhere + "); "
        + failures.size() + " readings beyond 1e-12:\n  " + String.join("\n  ", failures));
  }

  @Nested
  @DisplayName("(b) after 10^8 calls of step(), the rate agrees with lrAt (relative 1e-12)")
  class Stepping {
    @Test
    @DisplayName("the stepped runs reach every schedule type with lrAt (all but the two stepped with a metric)")
    void theRunsReachEveryScheduleType() {
      List<String[]> runs = new ArrayList<>();
      CONFIGS.forEach((name, lines) -> {
        if (name.startsWith("Run")) {
          runs.add(lines);
        }
      });
      TypeCoverage.assertEveryType("the stepped runs", runs, ScheduleType.REDUCE_ON_PLATEAU,
          ScheduleType.TIMM_PLATEAU);
    }

    @Test
    @DisplayName("StepLR, step_size 1000, gamma 0.9999 (10^5 decays)")
    void step() {
      assertSteppedAgrees("RunStep", CHECKPOINTS);
    }

    @Test
    @DisplayName("MultiStepLR, a repeated milestone")
    void multiStep() {
      assertSteppedAgrees("RunMultiStep", CHECKPOINTS);
    }

    @Test
    @DisplayName("ConstantLR, total_iters 5e7")
    void constant() {
      assertSteppedAgrees("RunConstant", CHECKPOINTS);
    }

    @Test
    @DisplayName("LinearLR, total_iters 1.5e8")
    void linear() {
      assertSteppedAgrees("RunLinear", CHECKPOINTS);
    }

    @Test
    @DisplayName("ExponentialLR, gamma 0.99999999")
    void exponential() {
      assertSteppedAgrees("RunExponential", CHECKPOINTS);
    }

    @Test
    @DisplayName("PolynomialLR, total_iters 1.5e8, power 2")
    void polynomial() {
      assertSteppedAgrees("RunPolynomial", CHECKPOINTS);
    }

    @Test
    @DisplayName("CosineAnnealingLR, T_max 1000 (10^5 half-periods)")
    void cosineShortPeriod() {
      assertSteppedAgrees("RunCosineShort", CHECKPOINTS);
    }

    @Test
    @DisplayName("CosineAnnealingLR, T_max 1e9")
    void cosineLongPeriod() {
      assertSteppedAgrees("RunCosineLong", CHECKPOINTS);
    }

    @Test
    @DisplayName("CosineAnnealingWarmRestarts, T_0 3e7, T_mult 2")
    void warmRestarts() {
      assertSteppedAgrees("RunWarmRestarts", CHECKPOINTS);
    }

    @Test
    @DisplayName("CyclicLR triangular, step_size_up 1000: rate and momentum")
    void triangular() {
      assertSteppedAgrees("RunTriangular", CHECKPOINTS);
    }

    @Test
    @DisplayName("CyclicLR triangular2, step_size_up 2e6: rate and momentum")
    void triangular2() {
      assertSteppedAgrees("RunTriangular2", CHECKPOINTS);
    }

    @Test
    @DisplayName("CyclicLR exp_range, step_size_up 1000, gamma 0.99999999: rate and momentum")
    void expRange() {
      assertSteppedAgrees("RunExpRange", CHECKPOINTS);
    }

    @Test
    @DisplayName("OneCycleLR, total_steps 1.5e8: rate and momentum")
    void oneCycle() {
      assertSteppedAgrees("RunOneCycle", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' inverse square root, warm-up 10^4, timescale 10^6")
    void inverseSqrt() {
      assertSteppedAgrees("RunInverseSqrt", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' constant schedule")
    void hfConstant() {
      assertSteppedAgrees("RunHfConstant", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' constant schedule with a warm-up of 5 * 10^7 steps")
    void hfConstantWithWarmup() {
      assertSteppedAgrees("RunHfConstantWarmup", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' linear schedule, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfLinear() {
      assertSteppedAgrees("RunHfLinear", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' cosine schedule, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfCosine() {
      assertSteppedAgrees("RunHfCosine", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' cosine with 7 hard restarts, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfCosineWithRestarts() {
      assertSteppedAgrees("RunHfRestarts", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' warmup-stable-decay, a 1-sqrt decay of 5 * 10^7 steps ending at 1.5 * 10^8")
    void hfWarmupStableDecay() {
      assertSteppedAgrees("RunWsd", CHECKPOINTS);
    }

    @Test
    @DisplayName("timm's schedulers agree with their closed forms far into a run")
    void timm() {
      for (String run : List.of("RunTimmCosine", "RunTimmTanh", "RunTimmPoly", "RunTimmStep", "RunTimmMultiStep",
          "RunTimmWsd")) {
        assertSteppedAgrees(run, CHECKPOINTS);
      }
    }

    @Test
    @DisplayName("diffusers' piecewise constant schedule, rules up to step 10^8")
    void piecewiseConstant() {
      assertSteppedAgrees("RunPiecewise", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' cosine with min_lr, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfCosineWithMinLr() {
      assertSteppedAgrees("RunHfCosineMinLr", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' cosine with min_lr_rate and warmup_lr_rate, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfCosineWarmupWithMinLr() {
      assertSteppedAgrees("RunHfCosineWarmupMinLr", CHECKPOINTS);
    }

    @Test
    @DisplayName("transformers' polynomial decay, power 2, warm-up 10^4, 1.5 * 10^8 training steps")
    void hfPolynomial() {
      assertSteppedAgrees("RunHfPolynomial", CHECKPOINTS);
    }

    @Test
    @DisplayName("LambdaLR")
    void lambda() {
      assertSteppedAgrees("RunLambda", CHECKPOINTS);
    }

    @Test
    @DisplayName("MultiplicativeLR (lrAt replays the product, so checked at three steps)")
    void multiplicative() {
      // lrAt replays PyTorch's product from step 0, 10^8 multiplications per query; three
      // checkpoints keep the test near a second.
      assertSteppedAgrees("RunMultiplicative", new long[] {10_000_777, 50_000_777, RUN});
    }

    @Test
    @DisplayName("SequentialLR: linear warm-up for 1000 steps, then cosine")
    void sequential() {
      assertSteppedAgrees("RunWarmupCosine", CHECKPOINTS);
    }

    @Test
    @DisplayName("ChainedScheduler: linear warm-up with exponential decay")
    void chained() {
      assertSteppedAgrees("RunChained", CHECKPOINTS);
    }
  }
}

package dev.anneal.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.Map;
import java.util.HashMap;
import java.util.Collections;
import java.util.function.LongToDoubleFunction;

/**
 * A plain port of {@code torch.optim.lr_scheduler} of PyTorch 1.13, the version the reference
 * suites were made with, kept independent of the code under test: it shares no formula with
 * {@code dev.anneal.math} or the generated classes, so that it can judge them.
 *
 * <p>It ports the object model, not only the formulas: schedulers write the rates into the
 * optimizer's parameter groups and read them back, each keeps PyTorch's {@code last_epoch} and
 * {@code base_lrs}, and the constructors take the initial step as PyTorch's do. Combinations then
 * behave as in PyTorch without a rule of their own: a later schedule of {@code ChainedScheduler}
 * multiplies whatever the one before it wrote, {@code SequentialLR} restarts a schedule through
 * its closed form where it has one, and a CyclicLR or OneCycleLR that comes first installs the
 * rates the others start from.
 *
 * <p>Python raises where Java would quietly give an infinity or a NaN: a division by zero, a
 * power that overflows or has no real value. {@link #div} and {@link #pow} raise too, as
 * {@link PythonError}, so that a configuration on which PyTorch fails is seen to fail.
 */
final class PlainPyTorch {
  private PlainPyTorch() {}

  /** What Python raises: ZeroDivisionError, OverflowError, ValueError. */
  static final class PythonError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PythonError(String message) {
      super(message);
    }
  }

  /** Python's {@code a / b} on floats. */
  static double div(double a, double b) {
    if (b == 0) {
      throw new PythonError("ZeroDivisionError: float division by zero");
    }
    return a / b;
  }

  /** Python's {@code a ** b} on floats. */
  static double pow(double a, double b) {
    if (a == 0 && b < 0) {
      throw new PythonError("ZeroDivisionError: 0.0 cannot be raised to a negative power");
    }
    if (a < 0 && b != Math.rint(b)) {
      throw new PythonError("a negative number to a fractional power is complex");
    }
    double result = Math.pow(a, b);
    if (Double.isInfinite(result) && Double.isFinite(a) && Double.isFinite(b)) {
      throw new PythonError("OverflowError: (34, 'Numerical result out of range')");
    }
    return result;
  }

  /** One parameter group of an SGD optimizer: the keys the schedulers read and write. */
  static final class ParamGroup {
    double lr;
    /** {@code initial_lr}; NaN while the key is absent. */
    double initialLr = Double.NaN;
    double momentum = Double.NaN;
    // Keys OneCycleLR and CyclicLR add to the group.
    double maxLr;
    double minLr;
    double maxMomentum;
    double baseMomentum;

    ParamGroup(double lr) {
      this.lr = lr;
    }
  }

  /** Python's {@code a % b} on ints. */
  static long floorMod(long a, long b) {
    if (b == 0) {
      throw new PythonError("ZeroDivisionError: integer division or modulo by zero");
    }
    return Math.floorMod(a, b);
  }

  /** An SGD optimizer with momentum: only its parameter groups matter here. */
  static final class Optimizer {
    final List<ParamGroup> groups = new ArrayList<>();

    Optimizer(double... lrs) {
      for (double lr : lrs) {
        groups.add(new ParamGroup(lr));
      }
    }

    int size() {
      return groups.size();
    }

    double lr(int group) {
      return groups.get(group).lr;
    }

    double momentum(int group) {
      return groups.get(group).momentum;
    }
  }

  /** {@code _format_param}: one value for every group, or exactly one per group. */
  static double[] formatParam(String name, Optimizer optimizer, double[] values) {
    if (values.length == 1) {
      double[] expanded = new double[optimizer.size()];
      Arrays.fill(expanded, values[0]);
      return expanded;
    }
    if (values.length != optimizer.size()) {
      throw new PythonError("ValueError: expected " + optimizer.size() + " values for " + name
          + ", got " + values.length);
    }
    return values.clone();
  }

  /** Anything that moves with {@code step()}. */
  abstract static class Scheduler {
    abstract void step();
  }

  /** {@code _LRScheduler}. */
  abstract static class LRScheduler extends Scheduler {
    final Optimizer optimizer;
    double[] baseLrs;
    long lastEpoch;
    int stepCount;

    LRScheduler(Optimizer optimizer) {
      this.optimizer = optimizer;
    }

    /** The end of {@code _LRScheduler.__init__}, called once the subclass has set its fields. */
    void start() {
      for (ParamGroup group : optimizer.groups) {
        if (Double.isNaN(group.initialLr)) {
          group.initialLr = group.lr;
        }
      }
      baseLrs = new double[optimizer.size()];
      for (int g = 0; g < baseLrs.length; g++) {
        baseLrs[g] = optimizer.groups.get(g).initialLr;
      }
      lastEpoch = -1;
      initialStep();
    }

    void initialStep() {
      stepCount = 0;
      step();
    }

    abstract double[] getLr();

    /** {@code _get_closed_form_lr}, or null where the scheduler has none. */
    double[] closedForm() {
      return null;
    }

    @Override
    void step() {
      stepCount++;
      lastEpoch++;
      write(getLr());
    }

    /** {@code step(epoch)}: the deprecated form SequentialLR uses at a milestone. */
    void step(long epoch) {
      stepCount++;
      lastEpoch = epoch;
      double[] closed = closedForm();
      write(closed != null ? closed : getLr());
    }

    final void write(double[] values) {
      for (int g = 0; g < values.length; g++) {
        optimizer.groups.get(g).lr = values[g];
      }
    }

    final double lr(int group) {
      return optimizer.groups.get(group).lr;
    }
  }

  static final class LambdaLR extends LRScheduler {
    private final LongToDoubleFunction[] lambdas;

    LambdaLR(Optimizer optimizer, LongToDoubleFunction... lambdas) {
      super(optimizer);
      this.lambdas = perGroup(optimizer, lambdas);
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * lambdas[g].applyAsDouble(lastEpoch);
      }
      return lrs;
    }
  }

  /**
   * transformers' {@code get_inverse_sqrt_schedule}: the {@code lr_lambda} it gives LambdaLR, with
   * {@code timescale = num_warmup_steps or 10_000} where it is None.
   */
  static LongToDoubleFunction inverseSqrtSchedule(int numWarmupSteps, Integer timescale) {
    long scale = timescale != null ? timescale : numWarmupSteps != 0 ? numWarmupSteps : 10_000;
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      }
      long shift = scale - numWarmupSteps;
      // Python divides the integers exactly rounded, as a double division of exact doubles does.
      double ratio = div(currentStep + shift, scale);
      if (ratio < 0) {
        throw new PythonError("ValueError: math domain error");
      }
      return div(1.0, Math.sqrt(ratio));
    };
  }

  /** transformers' {@code get_constant_schedule}: its {@code _get_constant_lambda}. */
  static LongToDoubleFunction constantSchedule() {
    return currentStep -> 1;
  }

  /** transformers' {@code get_constant_schedule_with_warmup}: the {@code lr_lambda} it gives LambdaLR. */
  static LongToDoubleFunction constantScheduleWithWarmup(int numWarmupSteps) {
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1.0, numWarmupSteps));
      }
      return 1.0;
    };
  }

  /** transformers' {@code get_linear_schedule_with_warmup}: the {@code lr_lambda} it gives LambdaLR. */
  static LongToDoubleFunction linearScheduleWithWarmup(int numWarmupSteps, int numTrainingSteps) {
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      }
      // Python's integers: the differences cannot overflow.
      double decay = div(numTrainingSteps - currentStep, Math.max(1, (long) numTrainingSteps - numWarmupSteps));
      return pyMax(0.0, decay);
    };
  }

  /** Python's {@code max(a, b)}: {@code b} only if {@code b > a}. */
  static double pyMax(double a, double b) {
    return b > a ? b : a;
  }

  /**
   * transformers' {@code get_cosine_schedule_with_warmup}: the {@code lr_lambda} it gives LambdaLR,
   * the one of {@code get_cosine_with_min_lr_schedule_with_warmup} with {@code min_lr_rate = 0.0}
   * (its later definition of the same name is the one Python keeps).
   */
  static LongToDoubleFunction cosineScheduleWithWarmup(int numWarmupSteps, int numTrainingSteps, double numCycles) {
    double minLrRate = 0.0;
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      }
      double progress = div(currentStep - numWarmupSteps, Math.max(1, (long) numTrainingSteps - numWarmupSteps));
      double factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
      factor = factor * (1 - minLrRate) + minLrRate;
      return pyMax(0, factor);
    };
  }

  /**
   * transformers' {@code get_cosine_with_min_lr_schedule_with_warmup}, given the optimizer's default
   * rate {@code lr_init}: its checks of {@code min_lr} and {@code min_lr_rate} (null where not
   * given), then the {@code lr_lambda} it gives LambdaLR, which is HF_COSINE's with that rate.
   */
  static LongToDoubleFunction cosineWithMinLrScheduleWithWarmup(int numWarmupSteps, int numTrainingSteps,
      double numCycles, Double minLr, Double minLrRate, double lrInit) {
    double rate = minLrRate(minLr, minLrRate, lrInit);
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      }
      double progress = div(currentStep - numWarmupSteps, Math.max(1, (long) numTrainingSteps - numWarmupSteps));
      double factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
      factor = factor * (1 - rate) + rate;
      return pyMax(0, factor);
    };
  }

  /**
   * transformers' {@code get_cosine_with_min_lr_schedule_with_warmup_lr_rate}, as above, with
   * {@code warmup_lr_rate} null where not given; its {@code lr_lambda} turns every count into a
   * float first.
   */
  static LongToDoubleFunction cosineWithMinLrScheduleWithWarmupLrRate(int numWarmupSteps, int numTrainingSteps,
      double numCycles, Double minLr, Double minLrRate, Double warmupLrRate, double lrInit) {
    double rate = minLrRate(minLr, minLrRate, lrInit);
    return step -> {
      double currentStep = step;
      double warmupSteps = numWarmupSteps;
      double trainingSteps = numTrainingSteps;
      if (currentStep < warmupSteps) {
        if (warmupLrRate == null) {
          return (currentStep + 1.) / pyMax(1., warmupSteps);
        }
        return warmupLrRate + (1.0 - warmupLrRate) * (currentStep) / (pyMax(1, warmupSteps - 1));
      }
      double progress = (currentStep - warmupSteps + 1.) / (pyMax(1., trainingSteps - warmupSteps));
      double factor = 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
      factor = factor * (1 - rate) + rate;
      return pyMax(0, factor);
    };
  }

  /**
   * transformers' {@code get_wsd_schedule}, with {@code num_training_steps} and
   * {@code num_stable_steps} null where not given and the types as the reference's strings: its
   * checks, the length it derives, then the {@code lr_lambda} it gives LambdaLR.
   */
  static LongToDoubleFunction wsdSchedule(int numWarmupSteps, int numDecaySteps, Integer numTrainingSteps,
      Integer numStableSteps, String warmupType, String decayType, double minLrRatio, double numCycles) {
    if (numTrainingSteps == null && numStableSteps == null) {
      throw new PythonError("ValueError: Either num_training_steps or num_stable_steps must be specified.");
    }
    long stable = numStableSteps != null ? numStableSteps
        : (long) numTrainingSteps - numWarmupSteps - numDecaySteps;
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        double progress = div(currentStep, Math.max(1, numWarmupSteps));
        double factor = switch (warmupType) {
          case "linear" -> progress;
          case "cosine" -> 0.5 * (1.0 - Math.cos(Math.PI * progress));
          default -> 1.0 - pySqrt(1.0 - progress);
        };
        factor = factor * (1.0 - minLrRatio) + minLrRatio;
        return pyMax(0.0, factor);
      }
      if (currentStep < numWarmupSteps + stable) {
        return 1.0;
      }
      if (currentStep < numWarmupSteps + stable + numDecaySteps) {
        double progress = div(currentStep - numWarmupSteps - stable, Math.max(1, numDecaySteps));
        double factor = switch (decayType) {
          case "linear" -> 1.0 - progress;
          case "cosine" -> 0.5 * (1.0 + Math.cos(Math.PI * numCycles * 2.0 * progress));
          default -> 1.0 - pySqrt(progress);
        };
        factor = factor * (1.0 - minLrRatio) + minLrRatio;
        return pyMax(0.0, factor);
      }
      return minLrRatio;
    };
  }

  /** Python's {@code math.sqrt}, which raises on a negative number. */
  private static double pySqrt(double x) {
    if (x < 0) {
      throw new PythonError("ValueError: math domain error");
    }
    return Math.sqrt(x);
  }

  /**
   * diffusers' {@code get_piecewise_constant_schedule}, given the rules its string holds in the
   * order written: the dict it builds of them, then the {@code lr_lambda} it gives LambdaLR.
   */
  static LongToDoubleFunction piecewiseConstantSchedule(int[] ruleSteps, double[] ruleFactors, double lastLrMultiple) {
    Map<Integer, Double> rulesDict = new HashMap<>();
    for (int i = 0; i < ruleSteps.length; i++) {
      rulesDict.put(ruleSteps[i], ruleFactors[i]);
    }
    return steps -> {
      List<Integer> sortedSteps = new ArrayList<>(rulesDict.keySet());
      Collections.sort(sortedSteps);
      for (int sortedStep : sortedSteps) {
        if (steps < sortedStep) {
          return rulesDict.get(sortedStep);
        }
      }
      return lastLrMultiple;
    };
  }

  /** The two cosine-with-min-lr schedules' checks of their arguments, and the rate they keep. */
  private static double minLrRate(Double minLr, Double minLrRate, double lrInit) {
    if (minLr != null && minLrRate != null) {
      throw new PythonError("ValueError: Only one of min_lr or min_lr_rate should be set");
    } else if (minLr != null) {
      return div(minLr, lrInit);
    } else if (minLrRate == null) {
      throw new PythonError("ValueError: One of min_lr or min_lr_rate should be set through the `lr_scheduler_kwargs`");
    }
    return minLrRate;
  }

  /** transformers' {@code get_cosine_with_hard_restarts_schedule_with_warmup}: its {@code lr_lambda}. */
  static LongToDoubleFunction cosineWithHardRestartsScheduleWithWarmup(int numWarmupSteps, int numTrainingSteps,
      double numCycles) {
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      }
      double progress = div(currentStep - numWarmupSteps, Math.max(1, (long) numTrainingSteps - numWarmupSteps));
      if (progress >= 1.0) {
        return 0.0;
      }
      return pyMax(0.0, 0.5 * (1.0 + Math.cos(Math.PI * pyMod(numCycles * progress, 1.0))));
    };
  }

  /**
   * Anneal's {@code @Warmup} as LambdaLR's factor of the initial rate, from its documented formula:
   * {@code shape(t / steps) * (1 - startFactor) + startFactor} at a step {@code t < steps}, with
   * the shapes of transformers' {@code warmup_type} (the warm-up of {@code get_wsd_schedule}, whose
   * {@code min_lr_ratio} is the start factor). SequentialLR hands over to the schedule behind it at
   * {@code steps}, so the factor is never asked for a later step.
   */
  static LongToDoubleFunction warmup(long steps, double startFactor, String shape) {
    return t -> {
      double p = (double) t / steps;
      double curve = switch (shape) {
        case "LINEAR" -> p;
        case "COSINE" -> 0.5 * (1 - Math.cos(Math.PI * p));
        case "ONE_MINUS_SQRT" -> 1 - Math.sqrt(1 - p);
        default -> throw new AssertionError(shape);
      };
      return curve * (1 - startFactor) + startFactor;
    };
  }

  /** Python's {@code a % b} on floats: {@code fmod}, moved to the sign of {@code b}. */
  static double pyMod(double a, double b) {
    if (b == 0) {
      throw new PythonError("ZeroDivisionError: float modulo");
    }
    double mod = a % b;
    if (mod != 0) {
      if ((b < 0) != (mod < 0)) {
        mod += b;
      }
    } else {
      mod = Math.copySign(0.0, b);
    }
    return mod;
  }

  /**
   * transformers' {@code get_polynomial_decay_schedule_with_warmup}, given the optimizer's default
   * rate {@code lr_init}: its check, then the {@code lr_lambda} it gives LambdaLR.
   */
  static LongToDoubleFunction polynomialDecayScheduleWithWarmup(int numWarmupSteps, int numTrainingSteps,
      double lrEnd, double power, double lrInit) {
    if (!(lrInit > lrEnd)) {
      throw new PythonError("ValueError: lr_end (" + lrEnd + ") must be smaller than initial lr (" + lrInit + ")");
    }
    return currentStep -> {
      if (currentStep < numWarmupSteps) {
        return div(currentStep, Math.max(1, numWarmupSteps));
      } else if (currentStep > numTrainingSteps) {
        return div(lrEnd, lrInit);
      }
      double lrRange = lrInit - lrEnd;
      long decaySteps = (long) numTrainingSteps - numWarmupSteps;
      if (decaySteps == 0) {
        throw new PythonError("ZeroDivisionError: division by zero");
      }
      double pctRemaining = 1 - div(currentStep - numWarmupSteps, decaySteps);
      double decay = lrRange * pow(pctRemaining, power) + lrEnd;
      return div(decay, lrInit);
    };
  }

  static final class MultiplicativeLR extends LRScheduler {
    private final LongToDoubleFunction[] lambdas;

    MultiplicativeLR(Optimizer optimizer, LongToDoubleFunction... lambdas) {
      super(optimizer);
      this.lambdas = perGroup(optimizer, lambdas);
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = lastEpoch > 0 ? lr(g) * lambdas[g].applyAsDouble(lastEpoch) : lr(g);
      }
      return lrs;
    }
  }

  private static LongToDoubleFunction[] perGroup(Optimizer optimizer, LongToDoubleFunction[] lambdas) {
    if (lambdas.length == 1) {
      LongToDoubleFunction[] all = new LongToDoubleFunction[optimizer.size()];
      Arrays.fill(all, lambdas[0]);
      return all;
    }
    if (lambdas.length != optimizer.size()) {
      throw new PythonError("ValueError: Expected " + optimizer.size() + " lr_lambdas, but got "
          + lambdas.length);
    }
    return lambdas.clone();
  }

  static final class StepLR extends LRScheduler {
    private final long stepSize;
    private final double gamma;

    StepLR(Optimizer optimizer, long stepSize, double gamma) {
      super(optimizer);
      this.stepSize = stepSize;
      this.gamma = gamma;
      start();
    }

    @Override
    double[] getLr() {
      if (lastEpoch != 0 && stepSize == 0) {
        throw new PythonError("ZeroDivisionError: integer division or modulo by zero");
      }
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = lastEpoch == 0 || lastEpoch % stepSize != 0 ? lr(g) : lr(g) * gamma;
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      if (stepSize == 0) {
        throw new PythonError("ZeroDivisionError: integer division or modulo by zero");
      }
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * pow(gamma, Math.floorDiv(lastEpoch, stepSize));
      }
      return lrs;
    }
  }

  static final class MultiStepLR extends LRScheduler {
    /** PyTorch's {@code Counter(milestones)}. */
    private final TreeMap<Long, Integer> counts = new TreeMap<>();
    private final double gamma;

    MultiStepLR(Optimizer optimizer, long[] milestones, double gamma) {
      super(optimizer);
      for (long milestone : milestones) {
        counts.merge(milestone, 1, Integer::sum);
      }
      this.gamma = gamma;
      start();
    }

    @Override
    double[] getLr() {
      Integer count = counts.get(lastEpoch);
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = count == null ? lr(g) : lr(g) * pow(gamma, count);
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      // bisect_right over the sorted milestones: how many are <= last_epoch.
      int reached = 0;
      for (var entry : counts.headMap(lastEpoch, true).entrySet()) {
        reached += entry.getValue();
      }
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * pow(gamma, reached);
      }
      return lrs;
    }
  }

  static final class ConstantLR extends LRScheduler {
    private final double factor;
    private final long totalIters;

    ConstantLR(Optimizer optimizer, double factor, long totalIters) {
      super(optimizer);
      if (factor > 1.0 || factor < 0) {
        throw new PythonError("ValueError: Constant multiplicative factor expected to be between 0 and 1.");
      }
      this.factor = factor;
      this.totalIters = totalIters;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        if (lastEpoch == 0) {
          lrs[g] = lr(g) * factor;
        } else if (lastEpoch > totalIters || lastEpoch != totalIters) {
          lrs[g] = lr(g);
        } else {
          lrs[g] = lr(g) * div(1.0, factor);
        }
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor));
      }
      return lrs;
    }
  }

  static final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final long totalIters;

    LinearLR(Optimizer optimizer, double startFactor, double endFactor, long totalIters) {
      super(optimizer);
      if (startFactor > 1.0 || startFactor < 0) {
        throw new PythonError("ValueError: Starting multiplicative factor expected to be between 0 and 1.");
      }
      if (endFactor > 1.0 || endFactor < 0) {
        throw new PythonError("ValueError: Ending multiplicative factor expected to be between 0 and 1.");
      }
      this.startFactor = startFactor;
      this.endFactor = endFactor;
      this.totalIters = totalIters;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        if (lastEpoch == 0) {
          lrs[g] = lr(g) * startFactor;
        } else if (lastEpoch > totalIters) {
          lrs[g] = lr(g);
        } else {
          lrs[g] = lr(g) * (1. + div(endFactor - startFactor,
              totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
        }
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * (startFactor
            + div((endFactor - startFactor) * Math.min(totalIters, lastEpoch), totalIters));
      }
      return lrs;
    }
  }

  static final class ExponentialLR extends LRScheduler {
    private final double gamma;

    ExponentialLR(Optimizer optimizer, double gamma) {
      super(optimizer);
      this.gamma = gamma;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = lastEpoch == 0 ? lr(g) : lr(g) * gamma;
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * pow(gamma, lastEpoch);
      }
      return lrs;
    }
  }

  static final class PolynomialLR extends LRScheduler {
    private final long totalIters;
    private final double power;

    PolynomialLR(Optimizer optimizer, long totalIters, double power) {
      super(optimizer);
      this.totalIters = totalIters;
      this.power = power;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      if (lastEpoch == 0 || lastEpoch > totalIters) {
        for (int g = 0; g < lrs.length; g++) {
          lrs[g] = lr(g);
        }
        return lrs;
      }
      double decayFactor = pow(div(1.0 - div(lastEpoch, totalIters),
          1.0 - div(lastEpoch - 1, totalIters)), power);
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = lr(g) * decayFactor;
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = baseLrs[g] * pow(1.0 - div(Math.min(totalIters, lastEpoch), totalIters), power);
      }
      return lrs;
    }
  }

  static final class CosineAnnealingLR extends LRScheduler {
    private final long tMax;
    private final double etaMin;

    CosineAnnealingLR(Optimizer optimizer, long tMax, double etaMin) {
      super(optimizer);
      this.tMax = tMax;
      this.etaMin = etaMin;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        if (lastEpoch == 0) {
          lrs[g] = lr(g);
        } else if (stepCount == 1 && lastEpoch > 0) {
          lrs[g] = etaMin + (baseLrs[g] - etaMin) * (1 + Math.cos(div(lastEpoch * Math.PI, tMax))) / 2;
        } else if (floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
          lrs[g] = lr(g) + (baseLrs[g] - etaMin) * (1 - Math.cos(div(Math.PI, tMax))) / 2;
        } else {
          lrs[g] = div(1 + Math.cos(div(Math.PI * lastEpoch, tMax)),
              1 + Math.cos(div(Math.PI * (lastEpoch - 1), tMax))) * (lr(g) - etaMin) + etaMin;
        }
      }
      return lrs;
    }

    @Override
    double[] closedForm() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = etaMin + (baseLrs[g] - etaMin) * (1 + Math.cos(div(Math.PI * lastEpoch, tMax))) / 2;
      }
      return lrs;
    }
  }

  static final class CosineAnnealingWarmRestarts extends LRScheduler {
    private final long t0;
    private final long tMult;
    private final double etaMin;
    private long tI;
    private long tCur;

    CosineAnnealingWarmRestarts(Optimizer optimizer, long t0, long tMult, double etaMin) {
      super(optimizer);
      if (t0 <= 0) {
        throw new PythonError("ValueError: Expected positive integer T_0, but got " + t0);
      }
      if (tMult < 1) {
        throw new PythonError("ValueError: Expected integer T_mult >= 1, but got " + tMult);
      }
      this.t0 = t0;
      this.tI = t0;
      this.tMult = tMult;
      this.etaMin = etaMin;
      this.tCur = -1;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = etaMin + (baseLrs[g] - etaMin) * (1 + Math.cos(div(Math.PI * tCur, tI))) / 2;
      }
      return lrs;
    }

    @Override
    void step() {
      if (lastEpoch < 0) {
        step(0);
        return;
      }
      lastEpoch = lastEpoch + 1;
      tCur = tCur + 1;
      if (tCur >= tI) {
        tCur = tCur - tI;
        tI = Math.multiplyExact(tI, tMult);
      }
      write(getLr());
    }

    @Override
    void step(long epoch) {
      if (epoch >= t0) {
        // Not reached: SequentialLR restarts at epoch 0, and nothing else passes an epoch.
        throw new UnsupportedOperationException("step(epoch >= T_0)");
      }
      tI = t0;
      tCur = epoch;
      lastEpoch = epoch;
      write(getLr());
    }
  }

  /** CyclicLR's amplitude policy. */
  enum CyclicMode {
    TRIANGULAR, TRIANGULAR2, EXP_RANGE
  }

  static final class CyclicLR extends LRScheduler {
    private final double[] maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final DoubleUnaryOperator scaleFn;
    private final boolean scaleByCycle;
    private final boolean cycleMomentum;
    private double[] baseMomentums;
    private double[] maxMomentums;

    /**
     * @param scaleFn the custom {@code scale_fn}, or null for the mode's
     * @param cycleScaleMode {@code scale_mode == 'cycle'}, which counts only with a custom scaleFn
     */
    CyclicLR(Optimizer optimizer, double[] baseLr, double[] maxLr, long stepSizeUp,
        Long stepSizeDown, CyclicMode mode, double gamma, DoubleUnaryOperator scaleFn,
        boolean cycleScaleMode, boolean cycleMomentum, double[] baseMomentum, double[] maxMomentum) {
      super(optimizer);
      double[] baseLrs = formatParam("base_lr", optimizer, baseLr);
      for (int g = 0; g < baseLrs.length; g++) {
        optimizer.groups.get(g).lr = baseLrs[g];
      }
      this.maxLrs = formatParam("max_lr", optimizer, maxLr);
      double up = stepSizeUp;
      double down = stepSizeDown != null ? stepSizeDown : up;
      this.totalSize = up + down;
      this.stepRatio = div(up, totalSize);
      if (scaleFn != null) {
        this.scaleFn = scaleFn;
        this.scaleByCycle = cycleScaleMode;
      } else if (mode == CyclicMode.TRIANGULAR) {
        this.scaleFn = x -> 1.;
        this.scaleByCycle = true;
      } else if (mode == CyclicMode.TRIANGULAR2) {
        this.scaleFn = x -> div(1, pow(2., x - 1));
        this.scaleByCycle = true;
      } else {
        this.scaleFn = x -> pow(gamma, x);
        this.scaleByCycle = false;
      }
      this.cycleMomentum = cycleMomentum;
      if (cycleMomentum) {
        double[] base = formatParam("base_momentum", optimizer, baseMomentum);
        for (int g = 0; g < base.length; g++) {
          optimizer.groups.get(g).momentum = base[g];
        }
        this.baseMomentums = base.clone();
        this.maxMomentums = formatParam("max_momentum", optimizer, maxMomentum);
      }
      // As in PyTorch, the initial step inside the constructor still sees base_lrs taken from
      // initial_lr, which an earlier schedule of a combination may have set; the cycle's own
      // lower bounds replace them only afterwards.
      start();
      this.baseLrs = baseLrs;
    }

    @Override
    double[] getLr() {
      double cycle = Math.floor(1 + div(lastEpoch, totalSize));
      double x = 1. + div(lastEpoch, totalSize) - cycle;
      double scaleFactor = x <= stepRatio ? div(x, stepRatio) : div(x - 1, stepRatio - 1);
      double scale = scaleFn.applyAsDouble(scaleByCycle ? cycle : lastEpoch);
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        double baseHeight = (maxLrs[g] - baseLrs[g]) * scaleFactor;
        lrs[g] = baseLrs[g] + baseHeight * scale;
      }
      if (cycleMomentum) {
        for (int g = 0; g < lrs.length; g++) {
          double baseHeight = (maxMomentums[g] - baseMomentums[g]) * scaleFactor;
          optimizer.groups.get(g).momentum = maxMomentums[g] - baseHeight * scale;
        }
      }
      return lrs;
    }
  }

  static final class OneCycleLR extends LRScheduler {
    private final long totalSteps;
    /** {@code end_step} of each phase. */
    private final double[] phaseEnds;
    /** The group keys of each phase: start_lr, end_lr, start_momentum, end_momentum. */
    private final int[][] phaseKeys;
    private final boolean linear;
    private final boolean cycleMomentum;

    private static final int INITIAL = 0;
    private static final int MAX = 1;
    private static final int MIN = 2;
    private static final int MAX_MOMENTUM = 3;
    private static final int BASE_MOMENTUM = 4;

    /** @param totalSteps {@code total_steps}, or null to take {@code epochs * steps_per_epoch} */
    OneCycleLR(Optimizer optimizer, double[] maxLr, Long totalSteps, Long epochs, Long stepsPerEpoch,
        double pctStart, boolean linear, boolean cycleMomentum, double[] baseMomentum,
        double[] maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
      super(optimizer);
      if (totalSteps == null && epochs == null && stepsPerEpoch == null) {
        throw new PythonError("ValueError: You must define either total_steps OR (epochs AND steps_per_epoch)");
      } else if (totalSteps != null) {
        if (totalSteps <= 0) {
          throw new PythonError("ValueError: Expected positive integer total_steps, but got " + totalSteps);
        }
        this.totalSteps = totalSteps;
      } else {
        if (epochs == null || stepsPerEpoch == null) {
          throw new PythonError("TypeError: '<=' not supported between instances of 'NoneType' and 'int'");
        }
        if (epochs <= 0) {
          throw new PythonError("ValueError: Expected positive integer epochs, but got " + epochs);
        }
        if (stepsPerEpoch <= 0) {
          throw new PythonError("ValueError: Expected positive integer steps_per_epoch, but got " + stepsPerEpoch);
        }
        this.totalSteps = epochs * stepsPerEpoch;
      }
      double total = this.totalSteps;
      if (threePhase) {
        phaseEnds = new double[] {pctStart * total - 1, 2 * pctStart * total - 2, total - 1};
        phaseKeys = new int[][] {
            {INITIAL, MAX, MAX_MOMENTUM, BASE_MOMENTUM},
            {MAX, INITIAL, BASE_MOMENTUM, MAX_MOMENTUM},
            {INITIAL, MIN, MAX_MOMENTUM, MAX_MOMENTUM}};
      } else {
        phaseEnds = new double[] {pctStart * total - 1, total - 1};
        phaseKeys = new int[][] {
            {INITIAL, MAX, MAX_MOMENTUM, BASE_MOMENTUM},
            {MAX, MIN, BASE_MOMENTUM, MAX_MOMENTUM}};
      }
      if (pctStart < 0 || pctStart > 1) {
        throw new PythonError("ValueError: Expected float between 0 and 1 pct_start, but got " + pctStart);
      }
      this.linear = linear;
      double[] maxLrs = formatParam("max_lr", optimizer, maxLr);
      for (int g = 0; g < maxLrs.length; g++) {
        ParamGroup group = optimizer.groups.get(g);
        group.initialLr = div(maxLrs[g], divFactor);
        group.maxLr = maxLrs[g];
        group.minLr = div(group.initialLr, finalDivFactor);
      }
      this.cycleMomentum = cycleMomentum;
      if (cycleMomentum) {
        double[] max = formatParam("max_momentum", optimizer, maxMomentum);
        double[] base = formatParam("base_momentum", optimizer, baseMomentum);
        for (int g = 0; g < max.length; g++) {
          ParamGroup group = optimizer.groups.get(g);
          group.momentum = max[g];
          group.maxMomentum = max[g];
          group.baseMomentum = base[g];
        }
      }
      start();
    }

    private static double key(ParamGroup group, int key) {
      switch (key) {
        case INITIAL: return group.initialLr;
        case MAX: return group.maxLr;
        case MIN: return group.minLr;
        case MAX_MOMENTUM: return group.maxMomentum;
        case BASE_MOMENTUM: return group.baseMomentum;
        default: throw new AssertionError(key);
      }
    }

    private double anneal(double start, double end, double pct) {
      if (linear) {
        return (end - start) * pct + start;
      }
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }

    @Override
    double[] getLr() {
      long stepNum = lastEpoch;
      if (stepNum > totalSteps) {
        throw new PythonError("ValueError: Tried to step " + stepNum + " times. The specified number"
            + " of total steps is " + totalSteps);
      }
      double[] lrs = new double[optimizer.size()];
      for (int g = 0; g < lrs.length; g++) {
        ParamGroup group = optimizer.groups.get(g);
        double startStep = 0;
        for (int i = 0; i < phaseEnds.length; i++) {
          double endStep = phaseEnds[i];
          if (stepNum <= endStep || i == phaseEnds.length - 1) {
            double pct = div(stepNum - startStep, endStep - startStep);
            int[] keys = phaseKeys[i];
            lrs[g] = anneal(key(group, keys[0]), key(group, keys[1]), pct);
            if (cycleMomentum) {
              group.momentum = anneal(key(group, keys[2]), key(group, keys[3]), pct);
            }
            break;
          }
          startStep = endStep;
        }
      }
      return lrs;
    }
  }

  /** A scheduler stepped with a metric. */
  interface MetricStepped {
    void step(double metric);
  }

  /**
   * A plateau scheduler behind Anneal's {@code @Warmup}: what the warm-up's steps do to it, and
   * how it starts at the warm-up's end.
   */
  interface Plateau extends MetricStepped {
    /** What a step of Anneal's warm-up does to it: a metric better than the best becomes the best. */
    void recordIfBetter(double metric);

    /** Writes the rates it starts from, at the warm-up's end, into the groups. */
    void start(double[] initialLrs);
  }

  /**
   * timm's {@code Scheduler} stepped by {@code step_update(t)} with {@code t_in_epochs=False}: the
   * constructor writes {@code warmup_lr_init} (with a warm-up) or the base values, each update
   * writes {@code _get_lr(t)} with its {@link Noise}, every write times the group's {@code lr_scale}.
   */
  abstract static class Timm extends LRScheduler {
    /** The noise, set after construction (timm's constructors write no noised value); none where null. */
    Noise noise;
    final double[] lrScale;
    final int warmupT;
    final double warmupLrInit;
    double[] warmupSteps;
    long t;

    Timm(Optimizer optimizer, double[] lrScale, int warmupT, double warmupLrInit) {
      super(optimizer);
      this.lrScale = formatParam("lr_scale", optimizer, lrScale);
      this.warmupT = warmupT;
      this.warmupLrInit = warmupLrInit;
      // timm's group.setdefault("initial_lr", lr): a scheduler built before it (the warm-up of
      // a @Warmup) has set it, and may have moved the rate.
      baseLrs = new double[optimizer.size()];
      for (int g = 0; g < baseLrs.length; g++) {
        ParamGroup group = optimizer.groups.get(g);
        if (Double.isNaN(group.initialLr)) {
          group.initialLr = group.lr;
        }
        baseLrs[g] = group.initialLr;
      }
    }

    /** The end of the subclass's constructor. */
    void begin() {
      updateGroups(baseLrs);
      if (warmupT != 0) {
        double[] peaks = warmupPeaks();
        warmupSteps = new double[peaks.length];
        for (int g = 0; g < peaks.length; g++) {
          warmupSteps[g] = (peaks[g] - warmupLrInit) / warmupT;
        }
        double[] init = new double[baseLrs.length];
        Arrays.fill(init, warmupLrInit);
        updateGroups(init);
      }
    }

    double[] warmupPeaks() {
      return baseLrs;
    }

    void updateGroups(double[] values) {
      for (int g = 0; g < values.length; g++) {
        optimizer.groups.get(g).lr = values[g] * lrScale[g];
      }
    }

    @Override
    void step() {
      t++;
      updateGroups(noise == null ? getLr(t) : noise.add(getLr(t), t));
    }

    /**
     * The restart at the end of a {@code @Warmup} in front of it, the only caller that passes an
     * epoch (always 0): timm has no SequentialLR, and the warm-up's documentation starts the
     * schedule as its constructor leaves it, {@code warmup_lr_init} with a warm-up of its own, else
     * the base values, never {@code _get_lr(0)}.
     */
    @Override
    void step(long epoch) {
      stepCount++;
      lastEpoch = epoch;
      t = epoch;
      double[] start = warmupT != 0 ? new double[baseLrs.length] : baseLrs;
      if (warmupT != 0) {
        Arrays.fill(start, warmupLrInit);
      }
      updateGroups(start);
    }

    @Override
    double[] getLr() {
      return getLr(t);
    }

    double[] getLr(long t) {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = t < warmupT ? warmupLrInit + t * warmupSteps[g] : after(t, baseLrs[g]);
      }
      return lrs;
    }

    /** The rate after the warm-up, of a group whose base value is {@code v}. */
    abstract double after(long t, double v);
  }

  /**
   * timm's noise ({@code Scheduler._is_apply_noise}, {@code _calculate_noise} and {@code
   * _add_noise}): at the times of {@code noiseRangeT} ({@code t >= n} for one value, {@code lo <= t
   * < hi} for two), a generator seeded with {@code noise_seed + t} draws {@code torch.randn(1) *
   * noise_std} until its magnitude is below {@code noise_pct} ('normal'), or {@code 2 * (rand(1) -
   * 0.5) * noise_pct} ('uniform'), and every value {@code v} becomes {@code v + v * noise}.
   */
  record Noise(int[] noiseRangeT, boolean normal, double noisePct, double noiseStd, long noiseSeed) {
    boolean applies(long t) {
      if (noiseRangeT.length == 1) {
        return t >= noiseRangeT[0];
      }
      return noiseRangeT.length >= 2 && noiseRangeT[0] <= t && t < noiseRangeT[1];
    }

    double draw(long t) {
      TorchRandom g = new TorchRandom(noiseSeed + t);
      if (!normal) {
        return 2 * (g.rand() - 0.5) * noisePct;
      }
      while (true) {
        double noise = g.randn() * noiseStd;
        if (Math.abs(noise) < noisePct) {
          return noise;
        }
      }
    }

    double[] add(double[] values, long t) {
      if (!applies(t)) {
        return values;
      }
      double noise = draw(t);
      double[] noised = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        noised[i] = values[i] + values[i] * noise;
      }
      return noised;
    }
  }

  /** timm's cosine, tanh and polynomial schedulers: cycles, restarts and their decay. */
  static final class TimmCycles extends Timm {
    final String kind;
    final int tInitial;
    final double lrMin;
    final double cycleMul;
    final double cycleDecay;
    final int cycleLimit;
    final boolean warmupPrefix;
    final double kDecay;
    final double power;
    final double lb;
    final double ub;

    TimmCycles(Optimizer optimizer, String kind, int tInitial, double lrMin, double cycleMul, double cycleDecay,
        int cycleLimit, int warmupT, double warmupLrInit, boolean warmupPrefix, double kDecay, double power,
        double lb, double ub, double[] lrScale) {
      super(optimizer, lrScale, warmupT, warmupLrInit);
      this.kind = kind;
      this.tInitial = tInitial;
      this.lrMin = lrMin;
      this.cycleMul = cycleMul;
      this.cycleDecay = cycleDecay;
      this.cycleLimit = cycleLimit;
      this.warmupPrefix = warmupPrefix;
      this.kDecay = kDecay;
      this.power = power;
      this.lb = lb;
      this.ub = ub;
      begin();
    }

    @Override
    double[] warmupPeaks() {
      if (!kind.equals("tanh") || warmupPrefix) {
        return baseLrs;
      }
      double[] peaks = new double[baseLrs.length];
      for (int g = 0; g < peaks.length; g++) {
        peaks[g] = after(warmupT, baseLrs[g]);
      }
      return peaks;
    }

    @Override
    double after(long t, double v) {
      if (warmupPrefix) {
        t -= warmupT;
      }
      double i;
      double tI;
      double tCurr;
      if (cycleMul != 1) {
        double x = 1 - (double) t / tInitial * (1 - cycleMul);
        if (!(x > 0) || cycleMul <= 0) {
          throw new PythonError("ValueError: math domain error");
        }
        i = Math.floor(Math.log(x) / Math.log(cycleMul));
        tI = Math.pow(cycleMul, i) * tInitial;
        tCurr = t - (1 - Math.pow(cycleMul, i)) / (1 - cycleMul) * tInitial;
      } else {
        i = Math.floorDiv(t, (long) tInitial);
        tI = tInitial;
        tCurr = t - tInitial * (long) i;
      }
      if (!(i < cycleLimit)) {
        return lrMin;
      }
      double lrMax = v * Math.pow(cycleDecay, i);
      switch (kind) {
        case "cosine":
          return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay)));
        case "tanh": {
          double tr = tCurr / tI;
          return lrMin + 0.5 * (lrMax - lrMin) * (1 - Math.tanh(lb * (1. - tr) + ub * tr));
        }
        default:
          return lrMin + (lrMax - lrMin) * Math.pow(1 - Math.pow(tCurr, kDecay) / Math.pow(tI, kDecay), power);
      }
    }
  }

  /** A base value and the update count to a rate: a schedule of Keras or optax. */
  interface RateFunction {
    double at(double base, long t);
  }

  /**
   * A schedule of Keras or optax, a pure function of the update count: each group's rate at
   * {@code t} is the function of the group's initial rate (the reference's base value) and
   * {@code t}, whatever the rate was.
   */
  static final class PureFunction extends LRScheduler {
    private final RateFunction function;

    PureFunction(Optimizer optimizer, RateFunction function) {
      super(optimizer);
      this.function = function;
      start();
    }

    @Override
    double[] getLr() {
      double[] lrs = new double[baseLrs.length];
      for (int g = 0; g < lrs.length; g++) {
        lrs[g] = function.at(baseLrs[g], lastEpoch);
        if (!Double.isFinite(lrs[g])) {
          // optax and Keras return an infinite or NaN value (a decay_rate above 1 overflows), which
          // Anneal refuses on that step: the runs are compared up to it.
          throw new PythonError("the value at count " + lastEpoch + " is " + lrs[g]);
        }
      }
      return lrs;
    }
  }

  /** timm's step and multi-step schedulers. */
  static final class TimmStep extends Timm {
    final int[] decayT;
    final boolean multi;
    final double decayRate;
    final boolean warmupPrefix;

    TimmStep(Optimizer optimizer, int[] decayT, boolean multi, double decayRate, int warmupT, double warmupLrInit,
        boolean warmupPrefix, double[] lrScale) {
      super(optimizer, lrScale, warmupT, warmupLrInit);
      this.decayT = decayT;
      this.multi = multi;
      this.decayRate = decayRate;
      this.warmupPrefix = warmupPrefix;
      begin();
    }

    @Override
    double after(long t, double v) {
      if (warmupPrefix) {
        t -= warmupT;
      }
      long n;
      if (multi) {
        // bisect.bisect_right(decay_t, t + 1)
        int lo = 0;
        int hi = decayT.length;
        while (lo < hi) {
          int mid = (lo + hi) / 2;
          if (t + 1 < decayT[mid]) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        n = lo;
      } else {
        n = Math.floorDiv(t, (long) decayT[0]);
      }
      double factor = Math.pow(decayRate, n);
      if (Double.isInfinite(factor)) {
        throw new PythonError("OverflowError: (34, 'Numerical result out of range')");
      }
      return v * factor;
    }
  }

  /** timm's warmup-stable-decay scheduler; the warm-up is always a prefix. */
  static final class TimmWsd extends Timm {
    final int tInitial;
    final int decayT;
    final double lrMin;
    final String stableFn;
    final double stableTimescale;
    final double stablePower;
    final String decayFn;
    final double decayPower;
    final double decayRatio;

    TimmWsd(Optimizer optimizer, int tInitial, int decayT, double lrMin, String stableFn, Double stableTimescale,
        double stablePower, String decayFn, double decayPower, double decayRatio, int warmupT, double warmupLrInit,
        double[] lrScale) {
      super(optimizer, lrScale, warmupT, warmupLrInit);
      this.tInitial = tInitial;
      this.decayT = decayT;
      this.lrMin = lrMin;
      this.stableFn = stableFn;
      this.stableTimescale = stableTimescale != null ? stableTimescale : warmupT;
      this.stablePower = stablePower;
      this.decayFn = decayFn;
      this.decayPower = decayPower;
      this.decayRatio = decayRatio;
      begin();
    }

    @Override
    double after(long t, double v) {
      long tS = t - warmupT;
      double stable = stableFn.equals("constant") ? 1.
          : Math.pow(1. + tS / stableTimescale, -(stableFn.equals("rsqrt") ? 0.5 : stablePower));
      double stableLr = Math.max(v * stable, lrMin);
      long tDecay = tS - (tInitial - decayT);
      if (tDecay <= 0) {
        return stableLr;
      }
      double frac = Math.min((double) tDecay / decayT, 1.);
      double decay = switch (decayFn) {
        case "linear" -> 1. - frac;
        case "1-sqrt" -> 1. - Math.sqrt(frac);
        case "cosine" -> 0.5 * (1. + Math.cos(Math.PI * frac));
        case "power" -> 1. - Math.pow(frac, decayPower);
        default -> (Math.pow(decayRatio, frac) - decayRatio) / (1. - decayRatio);
      };
      return lrMin + (stableLr - lrMin) * decay;
    }
  }

  /** ReduceLROnPlateau: not an {@code _LRScheduler} in PyTorch, and stepped with a metric. */
  static final class ReduceLROnPlateau implements Plateau {
    private final Optimizer optimizer;
    private final boolean max;
    private final double factor;
    private final long patience;
    private final double threshold;
    private final boolean abs;
    private final long cooldown;
    private final double[] minLrs;
    private final double eps;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;
    long lastEpoch;

    ReduceLROnPlateau(Optimizer optimizer, boolean max, double factor, long patience,
        double threshold, boolean abs, long cooldown, double[] minLr, double eps) {
      if (factor >= 1.0) {
        throw new PythonError("ValueError: Factor should be < 1.0.");
      }
      this.optimizer = optimizer;
      this.factor = factor;
      if (minLr.length == 1) {
        this.minLrs = new double[optimizer.size()];
        Arrays.fill(minLrs, minLr[0]);
      } else if (minLr.length != optimizer.size()) {
        throw new PythonError("ValueError: expected " + optimizer.size() + " min_lrs, got " + minLr.length);
      } else {
        this.minLrs = minLr.clone();
      }
      this.patience = patience;
      this.cooldown = cooldown;
      this.eps = eps;
      this.lastEpoch = 0;
      this.max = max;
      this.threshold = threshold;
      this.abs = abs;
      this.best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      this.cooldownCounter = 0;
      this.numBadEpochs = 0;
    }

    @Override
    public void step(double current) {
      lastEpoch = lastEpoch + 1;
      if (isBetter(current, best)) {
        best = current;
        numBadEpochs = 0;
      } else {
        numBadEpochs += 1;
      }
      if (cooldownCounter > 0) {
        cooldownCounter -= 1;
        numBadEpochs = 0;
      }
      if (numBadEpochs > patience) {
        for (int g = 0; g < optimizer.size(); g++) {
          ParamGroup group = optimizer.groups.get(g);
          double oldLr = group.lr;
          // Python's max(a, b): b only if b > a.
          double newLr = minLrs[g] > oldLr * factor ? minLrs[g] : oldLr * factor;
          if (oldLr - newLr > eps) {
            group.lr = newLr;
          }
        }
        cooldownCounter = cooldown;
        numBadEpochs = 0;
      }
    }

    @Override
    public void recordIfBetter(double current) {
      if (isBetter(current, best)) {
        best = current;
      }
    }

    /** The optimizer's initial rates, which PyTorch's SequentialLR would restore. */
    @Override
    public void start(double[] initialLrs) {
      for (int g = 0; g < initialLrs.length; g++) {
        optimizer.groups.get(g).lr = initialLrs[g];
      }
    }

    private boolean isBetter(double a, double best) {
      if (!max && !abs) {
        return a < best * (1. - threshold);
      } else if (!max) {
        return a < best - threshold;
      } else if (!abs) {
        return a > best * (threshold + 1.);
      } else {
        return a > best + threshold;
      }
    }
  }

  /**
   * timm's {@code PlateauLRScheduler} (timm 1.0.29) over torch 1.13's ReduceLROnPlateau, stepped
   * as timm's training script steps it, {@code step(epoch + 1, metric)} after each epoch: the
   * constructor writes the base values (or {@code warmup_lr_init} with a warm-up) times each
   * group's {@code lr_scale}; {@code step(e, metric)} writes the warm-up's line for {@code e <=
   * warmup_t}, ignoring the metric, and otherwise restores the rates its noise moved, steps the
   * ReduceLROnPlateau it made in its constructor on the metric, over the groups' current rates,
   * and adds the noise.
   */
  static final class TimmPlateau implements Plateau {
    /** The noise, set after construction; none where null. */
    Noise noise;
    private final Optimizer optimizer;
    private final double[] lrScale;
    private final double[] baseValues;
    private final ReduceLROnPlateau lrScheduler;
    private final int warmupT;
    private final double warmupLrInit;
    private final double[] warmupSteps;
    private double[] restoreLr;
    private long epoch;

    TimmPlateau(Optimizer optimizer, double decayRate, int patienceT, double threshold, int cooldownT, int warmupT,
        double warmupLrInit, double lrMin, boolean max, double[] lrScale) {
      this.optimizer = optimizer;
      this.lrScale = formatParam("lr_scale", optimizer, lrScale);
      // Scheduler.__init__: group.setdefault("initial_lr", lr), then update_groups(base_values).
      baseValues = new double[optimizer.size()];
      for (int g = 0; g < baseValues.length; g++) {
        ParamGroup group = optimizer.groups.get(g);
        if (Double.isNaN(group.initialLr)) {
          group.initialLr = group.lr;
        }
        baseValues[g] = group.initialLr;
      }
      updateGroups(baseValues);
      lrScheduler = new ReduceLROnPlateau(optimizer, max, decayRate, patienceT, threshold, false, cooldownT,
          new double[] {lrMin}, 1e-8);
      this.warmupT = warmupT;
      this.warmupLrInit = warmupLrInit;
      warmupSteps = new double[baseValues.length];
      if (warmupT != 0) {
        for (int g = 0; g < baseValues.length; g++) {
          warmupSteps[g] = (baseValues[g] - warmupLrInit) / warmupT;
        }
        double[] init = new double[baseValues.length];
        Arrays.fill(init, warmupLrInit);
        updateGroups(init);
      } else {
        Arrays.fill(warmupSteps, 1);
      }
    }

    /** timm 1.0.29's update_groups: every value times the group's lr_scale. */
    private void updateGroups(double[] values) {
      for (int g = 0; g < values.length; g++) {
        optimizer.groups.get(g).lr = values[g] * lrScale[g];
      }
    }

    /** {@code scheduler.step(epoch, metric)} for the next epoch. */
    @Override
    public void step(double metric) {
      epoch++;
      if (epoch <= warmupT) {
        double[] lrs = new double[baseValues.length];
        for (int g = 0; g < lrs.length; g++) {
          lrs[g] = warmupLrInit + epoch * warmupSteps[g];
        }
        updateGroups(lrs);
        return;
      }
      if (restoreLr != null) {
        for (int g = 0; g < restoreLr.length; g++) {
          optimizer.groups.get(g).lr = restoreLr[g];
        }
        restoreLr = null;
      }
      lrScheduler.step(metric);
      if (noise != null && noise.applies(epoch)) {
        // _apply_noise: the rates before it are kept, to be restored before the next step.
        double drawn = noise.draw(epoch);
        restoreLr = new double[optimizer.size()];
        for (int g = 0; g < restoreLr.length; g++) {
          ParamGroup group = optimizer.groups.get(g);
          restoreLr[g] = group.lr;
          group.lr = group.lr + group.lr * drawn;
        }
      }
    }

    @Override
    public void recordIfBetter(double metric) {
      lrScheduler.recordIfBetter(metric);
    }

    /** What its constructor left in the groups, on its own clock from here. */
    @Override
    public void start(double[] initialLrs) {
      if (warmupT != 0) {
        double[] init = new double[baseValues.length];
        Arrays.fill(init, warmupLrInit);
        updateGroups(init);
      } else {
        updateGroups(baseValues);
      }
    }
  }

  /**
   * Anneal's {@code @Warmup} in front of ReduceLROnPlateau or timm's plateau, which PyTorch cannot
   * compose (its SequentialLR steps its schedulers without a metric), as the README words it: the
   * calls that bring the step count to 1, ..., {@code steps} give the warm-up's rates, at {@code
   * steps} the rates the plateau starts from (ReduceLROnPlateau's initial rates, what timm's
   * constructor leaves), and do nothing to the plateau but record a metric better than its best
   * as the best; from the next call on, the plateau's own step runs, against that best.
   */
  static final class WarmupThenPlateau implements MetricStepped {
    private final Optimizer optimizer;
    private final double[] initialLrs;
    private final long steps;
    private final LongToDoubleFunction warmup;
    private final Plateau plateau;
    private long stepCount;

    /** @param warmup the warm-up's factor of the initial rate at each step before {@code steps} */
    WarmupThenPlateau(Optimizer optimizer, long steps, LongToDoubleFunction warmup, Plateau plateau) {
      this.optimizer = optimizer;
      this.initialLrs = new double[optimizer.size()];
      for (int g = 0; g < initialLrs.length; g++) {
        // The optimizer's rate, or where timm's constructor has moved it, its initial_lr.
        ParamGroup group = optimizer.groups.get(g);
        initialLrs[g] = Double.isNaN(group.initialLr) ? group.lr : group.initialLr;
      }
      this.steps = steps;
      this.warmup = warmup;
      this.plateau = plateau;
      writeWarmup();
    }

    @Override
    public void step(double metric) {
      stepCount++;
      if (stepCount > steps) {
        plateau.step(metric);
        return;
      }
      plateau.recordIfBetter(metric);
      writeWarmup();
    }

    private void writeWarmup() {
      if (stepCount == steps) {
        plateau.start(initialLrs);
        return;
      }
      for (int g = 0; g < initialLrs.length; g++) {
        optimizer.groups.get(g).lr = initialLrs[g] * warmup.applyAsDouble(stepCount);
      }
    }
  }

  static final class SequentialLR extends Scheduler {
    private final Optimizer optimizer;
    private final List<LRScheduler> schedulers;
    private final long[] milestones;
    private long lastEpoch;

    SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, long[] milestones) {
      if (milestones.length != schedulers.size() - 1) {
        throw new PythonError("ValueError: Sequential Schedulers expects number of schedulers provided"
            + " to be one more than the number of milestone points");
      }
      this.optimizer = optimizer;
      this.schedulers = List.copyOf(schedulers);
      this.milestones = milestones.clone();
      this.lastEpoch = -1 + 1;
      for (ParamGroup group : optimizer.groups) {
        group.lr = group.initialLr;
      }
      for (LRScheduler scheduler : this.schedulers) {
        scheduler.lastEpoch -= 1;
      }
      this.schedulers.get(0).initialStep();
    }

    @Override
    void step() {
      lastEpoch += 1;
      int idx = bisectRight(milestones, lastEpoch);
      LRScheduler scheduler = schedulers.get(idx);
      if (idx > 0 && milestones[idx - 1] == lastEpoch) {
        scheduler.step(0);
      } else {
        scheduler.step();
      }
    }

    private static int bisectRight(long[] sorted, long value) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (value < sorted[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
  }

  static final class ChainedScheduler extends Scheduler {
    private final List<LRScheduler> schedulers;

    ChainedScheduler(List<LRScheduler> schedulers) {
      this.schedulers = List.copyOf(schedulers);
    }

    @Override
    void step() {
      for (LRScheduler scheduler : schedulers) {
        scheduler.step();
      }
    }
  }
}

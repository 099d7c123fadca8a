package dev.anneal.conformance;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.conformance.ConformanceCase.ExpectedError;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Runs a built scheduler under the reference loop and judges it against a case:
 *
 * <pre>
 * for t in 0 .. steps-1:
 *     record lr(g) (and momentum) of every group
 *     step()                  // a metric scheduler: step(metrics[t])
 * </pre>
 *
 * <p>Every recorded value is compared by the {@link Tolerance} rule. A scheduler that also offers
 * random access ({@link LrFunction}, {@link MomentumFunction}) promises the same values without
 * stepping, so those are compared too, within {@link Tolerance#RANDOM_ACCESS_OF_PEAK}, at up to
 * {@value #RANDOM_ACCESS_CHECKS} steps of each case:
 * where there is no closed form, random access replays the recurrence and costs a step's worth of
 * work per step skipped, so checking it at every step of a long case would take quadratic time.
 */
final class CaseCheck {

  /** About how many steps of a case random access is checked at: the first, the last and evenly between. */
  static final int RANDOM_ACCESS_CHECKS = 256;

  private CaseCheck() {}

  /** Builds the scheduler under test from the groups' initial rates. */
  @FunctionalInterface
  interface SchedulerFactory {
    /**
     * @throws IllegalArgumentException where the scheduler refuses the configuration
     */
    LrScheduler create(double[] initialLrs);
  }

  /**
   * How a case went.
   *
   * @param passed whether it passed
   * @param detail the first failure, or for a pass how it passed where that is not by values
   * @param maxError the largest error seen, as a multiple of the group's peak (0 if none compared)
   * @param maxShare the largest share of the allowed difference used (see {@link Tolerance#shareOfBound})
   * @param compared how many values were compared
   */
  record Verdict(boolean passed, String detail, double maxError, double maxShare, long compared) {

    static Verdict pass(String detail) {
      return new Verdict(true, detail, 0, 0, 0);
    }

    static Verdict fail(String detail) {
      return new Verdict(false, detail, 0, 0, 0);
    }
  }

  /**
   * Builds a scheduler with {@code factory}, steps it and compares it with {@code c}.
   *
   * @param parameterNames the names a refusal's message must mention (any one of them), or empty
   *     to accept any message
   */
  static Verdict check(ConformanceCase c, SchedulerFactory factory, Collection<String> parameterNames) {
    return check(c, factory, parameterNames, NO_RESUME);
  }

  /** For {@link #check(ConformanceCase, SchedulerFactory, Collection, int)}: run without a checkpoint. */
  static final int NO_RESUME = -1;

  /**
   * As {@link #check(ConformanceCase, SchedulerFactory, Collection)}, but after {@code resumeAt}
   * steps the scheduler's state is saved, restored into a new instance built by {@code factory}, and
   * the run goes on with the new instance: a resumed run must pass as an uninterrupted one does.
   */
  static Verdict check(ConformanceCase c, SchedulerFactory factory, Collection<String> parameterNames, int resumeAt) {
    ExpectedError expectedError = c.expected().error();
    LrScheduler scheduler;
    try {
      scheduler = factory.create(c.initialLrs());
    } catch (IllegalArgumentException e) {
      if (expectedError == null) {
        return Verdict.fail("refused at construction, where the reference runs: " + describe(e));
      }
      if (!expectedError.atConstruction()) {
        return Verdict.fail("refused at construction, where the reference fails " + expectedError.describe()
            + ": " + describe(e));
      }
      if (!namesParameter(e.getMessage(), parameterNames)) {
        return Verdict.fail("refused at construction, but the message names none of "
            + new TreeSet<>(parameterNames) + ": " + describe(e));
      }
      return Verdict.pass("refused at construction: " + describe(e));
    } catch (RuntimeException e) {
      return Verdict.fail("construction threw " + describe(e));
    }
    if (expectedError != null && expectedError.atConstruction()) {
      return Verdict.fail("built, where the reference refuses " + expectedError.describe());
    }
    int groups = c.groups().size();
    if (scheduler.groupCount() != groups) {
      return Verdict.fail("groupCount() is " + scheduler.groupCount() + " for " + groups + " groups");
    }
    return new Run(c, scheduler, factory, resumeAt).run();
  }

  /** Whether a refusal's message mentions one of the names (any, when there are none to look for). */
  static boolean namesParameter(String message, Collection<String> names) {
    if (names.isEmpty()) {
      return true;
    }
    if (message == null) {
      return false;
    }
    for (String name : names) {
      if (Names.mentions(message, name)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** What a compared value is, for the failure message. */
  private enum Value {
    LR("step %d, group %d"),
    LR_AT("lrAt(%d, %d)"),
    MOMENTUM("momentum at step %d, group %d"),
    MOMENTUM_AT("momentumAt(%d, %d)");

    private final String format;

    Value(String format) {
      this.format = format;
    }

    String where(int t, int g) {
      return String.format(Locale.ROOT, format, t, g);
    }
  }

  /** One run of the reference loop over a built scheduler. */
  private static final class Run {
    private final ConformanceCase c;
    private LrScheduler scheduler;
    private final SchedulerFactory factory;
    private final int resumeAt;
    private final int groups;
    private final double[] lrPeak;
    private final double[] momentumPeak;
    private String failure;
    private double maxError;
    private double maxShare;
    private long compared;

    Run(ConformanceCase c, LrScheduler scheduler, SchedulerFactory factory, int resumeAt) {
      this.c = c;
      this.scheduler = scheduler;
      this.factory = factory;
      this.resumeAt = resumeAt;
      this.groups = c.groups().size();
      this.lrPeak = Tolerance.peaks(c.expected().lr(), groups);
      this.momentumPeak = c.recordMomentum() ? Tolerance.peaks(c.expected().momentum(), groups) : null;
    }

    private boolean resumed;
    private StepScheduler stepper;
    private MetricScheduler metricStepper;
    private MomentumScheduler momentum;
    private LrFunction lrFunction;
    private MomentumFunction momentumFunction;

    /** Resolves the interfaces once, so that the loop itself makes plain interface calls; null if fine. */
    private String resolve() {
      stepper = null;
      metricStepper = null;
      if (c.metrics() != null) {
        if (!(scheduler instanceof MetricScheduler m)) {
          return scheduler.getClass().getSimpleName() + " is not a MetricScheduler, and the case steps it with metrics";
        }
        metricStepper = m;
      } else {
        if (!(scheduler instanceof StepScheduler s)) {
          return scheduler.getClass().getSimpleName() + " is not a StepScheduler";
        }
        stepper = s;
      }
      momentum = scheduler instanceof MomentumScheduler m ? m : null;
      lrFunction = scheduler instanceof LrFunction f ? f : null;
      momentumFunction = scheduler instanceof MomentumFunction f ? f : null;
      return null;
    }

    /**
     * Saves the state, builds a new scheduler, restores the state into it and carries on with the
     * new one; null if that went well, else what went wrong.
     */
    private String resume(int t) {
      byte[] state;
      LrScheduler fresh;
      try {
        state = scheduler.saveState();
        fresh = factory.create(c.initialLrs());
        fresh.restoreState(state);
      } catch (RuntimeException e) {
        return "saving after " + t + " steps and restoring into a new instance threw " + describe(e);
      }
      if (fresh.stepCount() != t) {
        return "restored after " + t + " steps, the new instance counts " + fresh.stepCount();
      }
      if (!java.util.Arrays.equals(state, fresh.saveState())) {
        return "restored after " + t + " steps, the new instance saves a different state";
      }
      scheduler = fresh;
      resumed = true;
      return resolve();
    }

    Verdict run() {
      String unusable = resolve();
      if (unusable != null) {
        return Verdict.fail(unusable);
      }
      double[] fixedMomentum = new double[groups];
      if (c.recordMomentum() && momentum == null) {
        // The scheduler leaves momentum alone: the optimizer keeps each group's initial value.
        for (int g = 0; g < groups; g++) {
          if (c.groups().get(g).momentum().isEmpty()) {
            return Verdict.fail("the case records momentum, which neither the scheduler drives nor group " + g
                + " gives");
          }
          fixedMomentum[g] = c.groups().get(g).momentum().getAsDouble();
        }
      }

      double[][] expectedLr = c.expected().lr();
      double[][] expectedMomentum = c.expected().momentum();
      ExpectedError expectedError = c.expected().error();
      int failingCall = expectedError == null ? -1 : expectedError.step();
      int rows = expectedLr.length;
      int stride = Math.max(1, rows / (RANDOM_ACCESS_CHECKS - 32));
      for (int t = 0; t < rows; t++) {
        if (t == resumeAt) {
          String failed = resume(t);
          if (failed != null) {
            return failWith(failed);
          }
        }
        boolean randomAccess = t < 16 || t >= rows - 16 || t % stride == 0;
        for (int g = 0; g < groups; g++) {
          compare(Value.LR, t, g, scheduler.lr(g), expectedLr[t][g], lrPeak[g]);
          if (lrFunction != null && randomAccess) {
            compare(Value.LR_AT, t, g, lrFunction.lrAt(t, g), expectedLr[t][g], lrPeak[g]);
          }
          if (c.recordMomentum()) {
            double actual = momentum != null ? momentum.momentum(g) : fixedMomentum[g];
            compare(Value.MOMENTUM, t, g, actual, expectedMomentum[t][g], momentumPeak[g]);
            if (momentumFunction != null && randomAccess) {
              compare(Value.MOMENTUM_AT, t, g, momentumFunction.momentumAt(t, g), expectedMomentum[t][g],
                  momentumPeak[g]);
            }
          }
        }
        int call = t + 1;
        try {
          if (metricStepper != null) {
            metricStepper.step(c.metrics()[t]);
          } else {
            stepper.step();
          }
        } catch (IllegalStateException e) {
          if (call == failingCall) {
            return finish("threw on call " + call + " of step() as the reference does: " + describe(e));
          }
          return failWith("call " + call + " of step() threw " + describe(e) + unexpectedAfter());
        } catch (RuntimeException e) {
          String reference = call == failingCall ? ", where the reference raises " + expectedError.type()
              + " (expected IllegalStateException)" : unexpectedAfter();
          return failWith("call " + call + " of step() threw " + describe(e) + reference);
        }
        if (call == failingCall) {
          return failWith("call " + call + " of step() returned, where the reference fails "
              + expectedError.describe());
        }
      }
      return finish(null);
    }

    private String unexpectedAfter() {
      ExpectedError e = c.expected().error();
      return e == null ? ", where the reference runs" : ", where the reference fails " + e.describe();
    }

    /** Compares one value; the message is written only for the first failure, as runs are long. */
    private void compare(Value value, int t, int g, double actual, double expected, double peak) {
      compared++;
      double error = Tolerance.errorOfPeak(actual, expected, peak);
      if (value == Value.LR_AT || value == Value.MOMENTUM_AT) {
        // Random access evaluates the closed form, while PyTorch's numbers come from its
        // recurrence, which drifts from the closed form by rounding over a long run (about 1e-10
        // of the peak after 10,000 cosine steps). Random access is held to a bound that such
        // drift stays far inside and any real error (a shifted step, a wrong value) breaks.
        if (failure == null && error > Tolerance.RANDOM_ACCESS_OF_PEAK) {
          failure = String.format(Locale.ROOT, "%s: expected %s, actual %s (error %s x peak)",
              value.where(t, g), expected, actual, formatError(error));
        }
        return;
      }
      if (error > maxError) {
        maxError = error;
      }
      double share = Tolerance.shareOfBound(actual, expected, peak);
      if (share > maxShare) {
        maxShare = share;
      }
      if (failure == null && !Tolerance.passes(actual, expected, peak)) {
        failure = String.format(Locale.ROOT, "%s: expected %s, actual %s (error %s x peak)", value.where(t, g),
            expected, actual, formatError(error));
      }
    }

    private Verdict failWith(String detail) {
      return new Verdict(false, failure != null ? failure : detail, maxError, maxShare, compared);
    }

    private Verdict finish(String outcome) {
      String detail = resumed ? join(outcome, "resumed from a state saved after " + resumeAt + " steps") : outcome;
      return failure != null
          ? new Verdict(false, failure, maxError, maxShare, compared)
          : new Verdict(true, detail, maxError, maxShare, compared);
    }
  }

  private static String join(String first, String second) {
    return first == null ? second : first + "; " + second;
  }

  /** An error multiple in scientific notation, as reports print it. */
  static String formatError(double error) {
    if (error == 0) {
      return "0";
    }
    if (Double.isInfinite(error)) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.1e", error);
  }
}

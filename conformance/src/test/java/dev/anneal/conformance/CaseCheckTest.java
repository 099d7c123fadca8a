package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.conformance.CaseCheck.Verdict;
import dev.anneal.conformance.ConformanceCase.Expected;
import dev.anneal.conformance.ConformanceCase.ExpectedError;
import dev.anneal.conformance.ConformanceCase.ParamGroup;
import dev.anneal.conformance.ConformanceCase.SchedulerSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The reference loop and the comparison, on hand-written schedulers: the checker must be able to fail. */
class CaseCheckTest {

  /** StepLR(step_size = 2, gamma = 0.5) from 0.1. */
  private static final LongToDoubleFunction HALVING = t -> 0.1 * Math.pow(0.5, t / 2);

  /** A case whose expected rates are {@code rate} at steps {@code 0 .. rows-1}. */
  private static ConformanceCase stepCase(int steps, int rows, LongToDoubleFunction rate, ExpectedError error) {
    double[][] lr = new double[rows][];
    for (int t = 0; t < rows; t++) {
      lr[t] = new double[] {rate.applyAsDouble(t)};
    }
    return new ConformanceCase("test/StepLR", "test.json", new SchedulerSpec("StepLR", Map.of(), List.of()),
        List.of(new ParamGroup(0.1, OptionalDouble.of(0.9))), "SGD", steps, false, null,
        new Expected(lr, null, error));
  }

  private static ConformanceCase stepCase(int steps, LongToDoubleFunction rate) {
    return stepCase(steps, steps, rate, null);
  }

  /** A scheduler that follows {@code rate} and throws on call {@code throwOnCall} of step(). */
  private static class Fake implements StepScheduler {
    final LongToDoubleFunction rate;
    final int throwOnCall;
    final RuntimeException toThrow;
    long step;

    Fake(LongToDoubleFunction rate, int throwOnCall, RuntimeException toThrow) {
      this.rate = rate;
      this.throwOnCall = throwOnCall;
      this.toThrow = toThrow;
    }

    Fake(LongToDoubleFunction rate) {
      this(rate, -1, null);
    }

    @Override
    public int groupCount() {
      return 1;
    }

    @Override
    public double lr(int group) {
      return rate.applyAsDouble(step);
    }

    @Override
    public long stepCount() {
      return step;
    }

    @Override
    public void step() {
      if (step + 1 == throwOnCall) {
        throw toThrow;
      }
      step++;
    }

    /** Restoring takes the step, unless the fake plays a scheduler that forgets it. */
    boolean forgetsOnRestore;

    @Override
    public byte[] saveState() {
      return java.nio.ByteBuffer.allocate(8).putLong(step).array();
    }

    @Override
    public void restoreState(byte[] state) {
      if (!forgetsOnRestore) {
        step = java.nio.ByteBuffer.wrap(state).getLong();
      }
    }
  }

  private static Verdict check(ConformanceCase c, StepScheduler scheduler) {
    return CaseCheck.check(c, lrs -> scheduler, Set.of("stepSize", "step_size"));
  }

  @Test
  void exactValuesPass() {
    Verdict v = check(stepCase(10, HALVING), new Fake(HALVING));
    assertTrue(v.passed(), v.detail());
    assertEquals(0, v.maxError());
    assertEquals(10, v.compared());
  }

  @Test
  void aWrongValueFailsAtItsStep() {
    ConformanceCase c = stepCase(10, HALVING);
    c.expected().lr()[5][0] *= 1.001;
    Verdict v = check(c, new Fake(HALVING));
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("step 5, group 0: expected 0.025025, actual 0.025 (error "), v.detail());
    assertTrue(v.maxError() > 1e-4);
  }

  @Test
  void aOneStepShiftFails() {
    Verdict v = check(stepCase(10, HALVING), new Fake(t -> HALVING.applyAsDouble(t + 1)));
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("step 1, group 0: expected 0.1, actual 0.05"), v.detail());
  }

  @Test
  void anErrorWithinTheRulePasses() {
    Verdict v = check(stepCase(10, HALVING), new Fake(t -> HALVING.applyAsDouble(t) * (1 + 1e-12)));
    assertTrue(v.passed(), v.detail());
    assertTrue(v.maxError() > 0 && v.maxError() < 1e-11, Double.toString(v.maxError()));
  }

  @Test
  void aMissingErrorWhileSteppingFails() {
    ExpectedError error = new ExpectedError(false, 3, "ValueError", "Tried to step 4 times");
    Verdict v = check(stepCase(10, 3, HALVING, error), new Fake(HALVING));
    assertFalse(v.passed());
    assertEquals("call 3 of step() returned, where the reference fails on call 3 of step() (ValueError: Tried to"
        + " step 4 times)", v.detail());
  }

  @Test
  void theErrorOnTheSameCallPasses() {
    ExpectedError error = new ExpectedError(false, 3, "ValueError", "Tried to step 4 times");
    Verdict v = check(stepCase(10, 3, HALVING, error), new Fake(HALVING, 3, new IllegalStateException("past")));
    assertTrue(v.passed(), v.detail());
  }

  @Test
  void theErrorOnAnotherCallFails() {
    ExpectedError error = new ExpectedError(false, 3, "ValueError", "Tried to step 4 times");
    Verdict v = check(stepCase(10, 3, HALVING, error), new Fake(HALVING, 2, new IllegalStateException("past")));
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("call 2 of step() threw IllegalStateException: past"), v.detail());
  }

  @Test
  void anotherExceptionThanIllegalStateFails() {
    ExpectedError error = new ExpectedError(false, 3, "ValueError", "Tried to step 4 times");
    Verdict v = check(stepCase(10, 3, HALVING, error), new Fake(HALVING, 3, new ArithmeticException("/ by zero")));
    assertFalse(v.passed());
    assertTrue(v.detail().contains("(expected IllegalStateException)"), v.detail());
  }

  @Test
  void anErrorWhereTheReferenceRunsFails() {
    Verdict v = check(stepCase(10, HALVING), new Fake(HALVING, 4, new IllegalStateException("past")));
    assertFalse(v.passed());
    assertEquals("call 4 of step() threw IllegalStateException: past, where the reference runs", v.detail());
  }

  @Test
  void aRefusalAtConstructionThatNamesTheParameterPasses() {
    ConformanceCase c = stepCase(10, 0, HALVING, new ExpectedError(true, 0, "ValueError", "bad step_size"));
    Verdict v = CaseCheck.check(c, lrs -> {
      throw new IllegalArgumentException("StepLR: stepSize (step_size) = 0 must be > 0");
    }, Set.of("stepSize", "step_size"));
    assertTrue(v.passed(), v.detail());
  }

  @Test
  void aRefusalThatNamesNoParameterFails() {
    ConformanceCase c = stepCase(10, 0, HALVING, new ExpectedError(true, 0, "ValueError", "bad step_size"));
    Verdict v = CaseCheck.check(c, lrs -> {
      throw new IllegalArgumentException("something is wrong");
    }, Set.of("stepSize", "step_size"));
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("refused at construction, but the message names none of [stepSize, step_size]"),
        v.detail());
  }

  @Test
  void buildingWhereTheReferenceRefusesFails() {
    ConformanceCase c = stepCase(10, 0, HALVING, new ExpectedError(true, 0, "ValueError", "bad step_size"));
    Verdict v = check(c, new Fake(HALVING));
    assertFalse(v.passed());
    assertEquals("built, where the reference refuses at construction (ValueError: bad step_size)", v.detail());
  }

  @Test
  void refusingWhereTheReferenceRunsFails() {
    Verdict v = CaseCheck.check(stepCase(10, HALVING), lrs -> {
      throw new IllegalArgumentException("stepSize is bad");
    }, Set.of());
    assertFalse(v.passed());
    assertEquals("refused at construction, where the reference runs: IllegalArgumentException: stepSize is bad",
        v.detail());
  }

  @Test
  void theGroupCountMustMatch() {
    Fake twoGroups = new Fake(HALVING) {
      @Override
      public int groupCount() {
        return 2;
      }
    };
    Verdict v = check(stepCase(10, HALVING), twoGroups);
    assertFalse(v.passed());
    assertEquals("groupCount() is 2 for 1 groups", v.detail());
  }

  @Test
  void aMetricCaseNeedsAMetricScheduler() {
    ConformanceCase stepped = stepCase(4, HALVING);
    ConformanceCase c = new ConformanceCase(stepped.id(), stepped.source(), stepped.scheduler(), stepped.groups(),
        "SGD", 4, false, new double[] {1, 1, 1, 1}, stepped.expected());
    Verdict v = check(c, new Fake(HALVING));
    assertFalse(v.passed());
    assertTrue(v.detail().contains("is not a MetricScheduler"), v.detail());

    double[] seen = new double[4];
    MetricScheduler metric = new MetricScheduler() {
      long step;

      @Override
      public void step(double value) {
        seen[(int) step++] = value;
      }

      @Override
      public int groupCount() {
        return 1;
      }

      @Override
      public double lr(int group) {
        return HALVING.applyAsDouble(step);
      }

      @Override
      public long stepCount() {
        return step;
      }

      @Override
      public byte[] saveState() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void restoreState(byte[] state) {
        throw new UnsupportedOperationException();
      }
    };
    ConformanceCase withMetrics = new ConformanceCase(c.id(), c.source(), c.scheduler(), c.groups(), "SGD", 4, false,
        new double[] {0.4, 0.3, 0.2, 0.1}, c.expected());
    v = CaseCheck.check(withMetrics, lrs -> metric, Set.of());
    assertTrue(v.passed(), v.detail());
    assertEquals(0.1, seen[3]);
  }

  @Test
  void momentumTheSchedulerLeavesAloneIsTheGroups() {
    ConformanceCase base = stepCase(3, HALVING);
    double[][] momentum = {{0.9}, {0.9}, {0.9}};
    ConformanceCase c = new ConformanceCase(base.id(), base.source(), base.scheduler(), base.groups(), "SGD", 3, true,
        null, new Expected(base.expected().lr(), momentum, null));
    assertTrue(check(c, new Fake(HALVING)).passed());

    momentum[2][0] = 0.8;
    Verdict v = check(c, new Fake(HALVING));
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("momentum at step 2, group 0: expected 0.8, actual 0.9"), v.detail());
  }

  @Test
  void randomAccessMustAgreeWithStepping() {
    class Inconsistent extends Fake implements LrFunction {
      Inconsistent() {
        super(HALVING);
      }

      @Override
      public double lrAt(long step, int group) {
        return HALVING.applyAsDouble(step + 1);
      }
    }
    Verdict v = check(stepCase(10, HALVING), new Inconsistent());
    assertFalse(v.passed());
    assertTrue(v.detail().startsWith("lrAt(1, 0): expected 0.1, actual 0.05"), v.detail());
  }

  @Test
  void aResumedRunPassesWhereTheRestoredInstanceContinues() {
    ConformanceCase c = stepCase(12, HALVING);
    Verdict v = CaseCheck.check(c, lrs -> new Fake(HALVING), Set.of(), 5);
    assertTrue(v.passed(), v.detail());
    assertTrue(v.detail().contains("resumed from a state saved after 5 steps"), v.detail());
  }

  @Test
  void aResumedRunFailsWhereTheRestoredInstanceStartsOver() {
    ConformanceCase c = stepCase(12, HALVING);
    Verdict v = CaseCheck.check(c, lrs -> {
      Fake fake = new Fake(HALVING);
      fake.forgetsOnRestore = true;
      return fake;
    }, Set.of(), 5);
    assertFalse(v.passed());
    assertTrue(v.detail().contains("the new instance counts 0"), v.detail());
  }
}

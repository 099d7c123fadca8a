package dev.anneal.internal;

import dev.anneal.math.SequentialLR;
import java.util.Arrays;

/**
 * Construction-time checks called by generated schedulers. Not API: the names here may change
 * between releases; generated code is regenerated with them.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} if it satisfies {@code rule}, else throws with the rule's message. */
  public static double require(
      double value, Rule rule, String schedule, String parameter, String torchName) {
    if (!rule.holds(value)) {
      throw new IllegalArgumentException(rule.message(schedule, parameter, torchName, value));
    }
    return value;
  }

  /** Returns {@code value} if it satisfies {@code rule}, else throws with the rule's message. */
  public static int require(
      int value, Rule rule, String schedule, String parameter, String torchName) {
    if (!rule.holds(value)) {
      throw new IllegalArgumentException(rule.message(schedule, parameter, torchName, value));
    }
    return value;
  }

  /**
   * Checks every value of a per-group parameter that the schedule does not use (PyTorch ignores
   * it, as it ignores a written one): each must keep the rule all the same, and the list must not
   * be empty, as for a written list.
   */
  public static void requireEach(
      double[] values, Rule rule, String schedule, String parameter, String torchName) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(emptyList(schedule, parameter, torchName));
    }
    for (int i = 0; i < values.length; i++) {
      require(values[i], rule, schedule, element(parameter, i, values.length), torchName);
    }
  }

  /**
   * Returns {@code totalIters} of a later schedule of {@code @Sequential} if PyTorch can start
   * it at its milestone, else throws with {@link SequentialLR#restartRefusal}'s message.
   */
  public static int restartable(int totalIters, String schedule) {
    String refusal = SequentialLR.restartRefusal(schedule, totalIters);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    return totalIters;
  }

  /**
   * Refuses a {@code @Sequential} milestone that a OneCycleLR phase, from {@code start} with
   * {@code totalSteps} steps, can never reach, with {@link SequentialLR#unreachedMilestone}'s
   * message.
   */
  public static void milestoneReached(long milestone, long start, long totalSteps) {
    String refusal = SequentialLR.unreachedMilestone(milestone, start, totalSteps);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }

  /**
   * Copies the optimizer's initial rates, one per parameter group; as PyTorch's optimizers do, it
   * refuses a negative or non-finite rate, and an empty list.
   */
  public static double[] initialLrs(double[] initialLrs) {
    if (initialLrs == null || initialLrs.length == 0) {
      throw new IllegalArgumentException(
          "initialLrs: expected one initial learning rate per parameter group, got none");
    }
    double[] copy = initialLrs.clone();
    for (int group = 0; group < copy.length; group++) {
      if (!Rule.NON_NEGATIVE.holds(copy[group])) {
        throw new IllegalArgumentException(
            "initialLrs[" + group + "] = " + copy[group] + " " + Rule.NON_NEGATIVE.text()
                + " and finite (the optimizer's initial learning rate of group " + group + ")");
      }
    }
    return copy;
  }

  /**
   * Expands a per-group parameter to one value per group: one value serves every group, otherwise
   * there must be exactly one per group (PyTorch's {@code _format_param}).
   */
  public static double[] perGroup(
      double[] values, int groups, Rule rule, String schedule, String parameter, String torchName) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(emptyList(schedule, parameter, torchName));
    }
    if (values.length != 1 && values.length != groups) {
      throw new IllegalArgumentException(
          schedule + ": expected " + groups + " values for " + parameter + " (" + torchName
              + "), one per parameter group, or a single value for all, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      require(values[i], rule, schedule, element(parameter, i, values.length), torchName);
    }
    double[] expanded = new double[groups];
    for (int group = 0; group < groups; group++) {
      expanded[group] = values[values.length == 1 ? 0 : group];
    }
    return expanded;
  }

  /**
   * The name of element {@code i} of a per-group list of {@code length} values in a message:
   * {@code maxLr[1]}, or the attribute alone where the list has one value. The processor names a
   * written element the same way.
   */
  public static String element(String parameter, int i, int length) {
    return length > 1 ? parameter + "[" + i + "]" : parameter;
  }

  /** The message for a per-group list with no value, written or bound. */
  public static String emptyList(String schedule, String parameter, String torchName) {
    return schedule + ": " + parameter + " (PyTorch's " + torchName
        + ") is empty: give one value for all groups or one per group";
  }

  /** The same for a single value given for all groups. */
  public static double[] perGroup(
      double value, int groups, Rule rule, String schedule, String parameter, String torchName) {
    require(value, rule, schedule, parameter, torchName);
    double[] expanded = new double[groups];
    Arrays.fill(expanded, value);
    return expanded;
  }

  /** Refuses a negative step for the random-access queries. */
  public static long step(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + " must be >= 0");
    }
    return step;
  }

  /** Refuses a group the scheduler does not have, for the random-access queries. */
  public static int group(int group, int groups) {
    if (group < 0 || group >= groups) {
      throw noSuchGroup(group, groups);
    }
    return group;
  }

  /** The exception for reading {@code group} of a scheduler of {@code groups} parameter groups. */
  public static IndexOutOfBoundsException noSuchGroup(int group, int groups) {
    return new IndexOutOfBoundsException("group " + group + " does not exist: the scheduler has " + groups
        + (groups == 1 ? " parameter group" : " parameter groups") + ", numbered from 0");
  }

  /**
   * The step for a function of the config that takes it as an {@code int}; past {@code
   * Integer.MAX_VALUE} it cannot be passed, and wrapping it would give the wrong rate.
   */
  public static int intStep(long step, String function) {
    if (step > Integer.MAX_VALUE) {
      throw new ArithmeticException(function + " takes the step as an int, and step " + step
          + " does not fit; declare its parameter long to schedule that far");
    }
    return (int) step;
  }

  /**
   * The value of a config's factor function at {@code step}, refused if it is not a finite number
   * {@code >= 0}: PyTorch would hand the optimizer the NaN, infinite or negative rate it makes.
   */
  public static double factor(double factor, String function, long step) {
    if (!(factor >= 0) || factor == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException(function + "(" + step + ") returned " + factor
          + "; a factor of the rate must be a finite number >= 0");
    }
    return factor;
  }

  /**
   * The value of a config's amplitude function ({@code scale_fn} of CyclicLR) for {@code argument}
   * (the cycle or the step) at {@code step}, refused if it is not a finite number {@code >= 0}: the
   * rate and the momentum would follow it to NaN, an infinity or the wrong side of their range.
   */
  public static double amplitude(double amplitude, String function, double argument, long step) {
    if (!(amplitude >= 0) || amplitude == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException(function + "(" + argument + ") returned " + amplitude + " at step " + step
          + "; an amplitude must be a finite number >= 0");
    }
    return amplitude;
  }

  /**
   * A factor that the rates of a schedule are multiplied by, refused where a rate would leave the
   * doubles: {@code largest} bounds the magnitude of what it multiplies (the largest initial rate,
   * say), so a factor that passes keeps every rate finite. PyTorch would hand the optimizer the
   * infinite rate; the step that would make it throws instead and changes nothing.
   */
  public static double growth(double factor, double largest, String schedule, long step) {
    if (!(Math.abs(factor) <= Double.MAX_VALUE && Math.abs(factor * largest) <= Double.MAX_VALUE)) {
      throw new ArithmeticException(schedule + ": the rate overflows at step " + step + ": a factor of " + factor
          + " on rates up to " + largest + " is past the largest double, " + Double.MAX_VALUE);
    }
    return factor;
  }

  /**
   * A rate at {@code step}, refused if it is not a finite number: for the random-access queries
   * and the schedules that compute each group's rate apart.
   */
  public static double rate(double rate, String schedule, long step) {
    if (Double.isNaN(rate)) {
      throw new ArithmeticException(schedule + ": the rate at step " + step + " is NaN, not a number: the"
          + " schedule's formula has no value there (the reference would hand NaN to the optimizer)");
    }
    if (!(Math.abs(rate) <= Double.MAX_VALUE)) {
      throw new ArithmeticException(schedule + ": the rate at step " + step + " is " + rate
          + ", not a finite number: it overflows the doubles");
    }
    return rate;
  }

  /** Throws {@link IllegalArgumentException} with the reference's {@code refusal}, where it is not null. */
  public static void refused(String schedule, String refusal) {
    if (refusal != null) {
      throw new IllegalArgumentException(schedule + ": " + refusal);
    }
  }

  /** The largest magnitude in {@code values}. */
  public static double largest(double[] values) {
    double largest = 0;
    for (double value : values) {
      largest = Math.max(largest, Math.abs(value));
    }
    return largest;
  }

  /** The largest {@code |from[g]| + |span[g]|}: how far {@code from + span * level} reaches for level in [0, 1]. */
  public static double reach(double[] from, double[] span) {
    double reach = 0;
    for (int g = 0; g < from.length; g++) {
      reach = Math.max(reach, Math.abs(from[g]) + Math.abs(span[g]));
    }
    return reach;
  }

  /**
   * The most steps {@code lrAt} replays where a schedule has no closed form (MultiplicativeLR,
   * and a {@code @Chained} config whose rates follow PyTorch's recurrences): 10^9, a few seconds
   * to a minute of replay depending on the schedules.
   */
  public static final long REPLAY_LIMIT = 1_000_000_000L;

  /** Refuses a step past {@link #REPLAY_LIMIT} for {@code lrAt} by replay, rather than run for hours. */
  public static long replayed(long step, String schedule) {
    if (step > REPLAY_LIMIT) {
      throw new IllegalArgumentException(schedule + ": lrAt(" + step + ") would replay the recurrence step by step;"
          + " it replays at most " + REPLAY_LIMIT + " steps (REPLAY_LIMIT), in time linear in the step."
          + " Step the scheduler, or save its state, to reach later steps");
    }
    return step;
  }
}

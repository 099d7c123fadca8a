package dev.anneal.processor;

import dev.anneal.ScheduleType;
import dev.anneal.processor.ConfigDescription.Bound;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Expect;
import dev.anneal.processor.ConfigDescription.Kind;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.Method;
import dev.anneal.processor.ConfigDescription.Shape;
import dev.anneal.processor.ConfigDescription.Warmup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the processor must make of a config, decided from the rules the annotations document
 * ({@code Schedule}'s attributes, the README), written out again rather than read from the
 * processor's own tables, so that a rule the processor forgets or misapplies shows. The rules of
 * one schedule type are its {@link TypeOracle}'s; the rules here hold for every type.
 */
final class OutcomeOracle {
  private OutcomeOracle() {}

  /** The documented value rules; a NaN or an infinity breaks every one. */
  enum Rule { FINITE, POSITIVE, NON_ZERO, NON_NEGATIVE, AT_LEAST_ONE, OPEN_UNIT, UNIT_INTERVAL, BELOW_ONE }

  static boolean holds(Rule rule, double v) {
    if (!Double.isFinite(v)) {
      return false;
    }
    switch (rule) {
      case FINITE: return true;
      case POSITIVE: return v > 0;
      case NON_ZERO: return v != 0;
      case NON_NEGATIVE: return v >= 0;
      case AT_LEAST_ONE: return v >= 1;
      case OPEN_UNIT: return v > 0 && v <= 1;
      case UNIT_INTERVAL: return v >= 0 && v <= 1;
      case BELOW_ONE: return v < 1;
      default: throw new AssertionError(rule);
    }
  }

  /**
   * Where a member stands in its config. {@code phaseLength} is how many steps it runs before
   * {@code @Sequential} hands over, counted from its own 0; unbounded for the last phase or
   * outside {@code @Sequential}.
   */
  record Placement(Config config, int index, boolean sequential, long phaseLength) {
    /**
     * Whether PyTorch starts it through its closed form at its own step 0: a later schedule of
     * {@code @Sequential}, or the first behind a {@code @Warmup}, which SequentialLR hands over to
     * at the warm-up's end.
     */
    boolean startsThroughClosedForm() {
      return sequential && index > 0 || index == 0 && config.warmup != null;
    }
  }

  /** The errors, warnings and indecision the rules find in one config. */
  static final class Verdict {
    private final Set<String> errors;
    private boolean warned;
    private boolean either;

    Verdict(Set<String> errors) {
      this.errors = errors;
    }

    void error(String tag) {
      errors.add(tag);
    }

    void warnIf(boolean warns) {
      warned |= warns;
    }

    /** Refusing and accepting are both right. */
    void either() {
      either = true;
    }
  }

  /**
   * What the processor must make of {@code config}, judged by the documented rules alone; adds the
   * tag of every error it must report to {@code errors}.
   */
  static Expect classify(Config config, Set<String> errors) {
    if (config.members.isEmpty() && config.combinator == Combinator.NONE && config.warmup == null
        && config.bound.isEmpty()) {
      return Expect.VALID; // No annotation: not a config at all.
    }
    if (config.kind == Kind.INTERFACE || config.kind == Kind.ENUM || config.kind == Kind.ANNOTATION) {
      errors.add("config-kind");
      return Expect.INVALID;
    }
    Verdict verdict = new Verdict(errors);
    if (config.kind == Kind.PRIVATE_CLASS || config.privateHolder) {
      errors.add("config-private");
    }
    int count = config.members.size();
    Combinator combinator = config.combinator;
    if (combinator == Combinator.BOTH) {
      errors.add("combinator-conflict");
    }
    if (combinator == Combinator.NONE && count > 1) {
      errors.add("combinator-missing");
    }
    if (combinator != Combinator.NONE && count == 0) {
      errors.add("combinator-alone");
    }
    boolean sequential = combinator == Combinator.SEQUENTIAL || combinator == Combinator.BOTH;
    if (sequential && count > 0) {
      int[] milestones = config.milestones;
      if (milestones.length != count - 1) {
        errors.add("sequential-count");
      }
      for (int i = 0; i < milestones.length; i++) {
        if (milestones[i] <= 0) {
          errors.add("sequential-range");
        } else if (i > 0 && milestones[i] <= milestones[i - 1]) {
          errors.add("sequential-order");
        }
      }
    }
    if (combinator != Combinator.NONE && count > 1) {
      // The schedules of one combination share the parameter groups.
      int firstLength = -1;
      int firstIndex = -1;
      for (int index = 0; index < count; index++) {
        Member m = config.members.get(index);
        for (String a : TypeOracle.of(m.type).attributes()) {
          int length = listLength(a, m.value(a));
          if (length <= 1) {
            continue;
          }
          if (firstLength == -1) {
            firstLength = length;
            firstIndex = index;
          } else if (index != firstIndex && length != firstLength) {
            errors.add("list-lengths");
          }
        }
      }
    }
    for (int index = 0; index < count; index++) {
      Member m = config.members.get(index);
      TypeOracle type = TypeOracle.of(m.type);
      if (combinator != Combinator.NONE && (type.combining == TypeOracle.Combining.NEVER
          || type.combining == TypeOracle.Combining.SEQUENTIAL && combinator == Combinator.CHAINED
          || type.combining == TypeOracle.Combining.FIRST && index > 0 || type.cyclesMomentum(m))) {
        errors.add("not-combinable");
      }
      for (String a : m.attrs.keySet()) {
        if (!type.takes(a)) {
          errors.add("not-applicable");
        }
      }
      for (String a : type.required()) {
        if (!m.has(a)) {
          errors.add("required");
        }
      }
      judgeValues(config, m, type, errors);
      // A schedule of @Sequential before the last runs from its milestone to the next, counting
      // its own steps from 0: a decay at or past that length never comes.
      long phaseLength = Long.MAX_VALUE;
      if (sequential && config.milestones.length == count - 1 && index < count - 1) {
        long start = index == 0 ? 0 : config.milestones[index - 1];
        if (config.milestones[index] > start) {
          phaseLength = config.milestones[index] - start;
        }
      }
      type.judge(m, new Placement(config, index, sequential, phaseLength), verdict);
    }
    judgeWarmup(config, errors);
    judgeBindings(config, errors);
    if (!errors.isEmpty()) {
      return Expect.INVALID;
    }
    if (verdict.either) {
      return Expect.EITHER;
    }
    return verdict.warned || chainedRateMayTurnNegative(config) ? Expect.WARNED : Expect.VALID;
  }

  /** The rules of the values a member's type takes: ranges, lists, modes and methods. */
  private static void judgeValues(Config config, Member m, TypeOracle type, Set<String> errors) {
    int listLength = -1;
    for (String a : type.attributes()) {
      if (!m.has(a)) {
        continue;
      }
      Object value = m.value(a);
      Rule rule = type.rule(a);
      if (value instanceof Integer i && !holds(rule, i)) {
        errors.add("invalid-value");
      } else if (value instanceof Double d && !holds(rule, d)) {
        errors.add("invalid-value");
      } else if (value instanceof double[] list) {
        if (list.length == 0 && ConfigDescription.SHAPES.get(a) != Shape.FACTORS) {
          errors.add("list-empty");
        }
        for (double d : list) {
          if (!holds(rule, d)) {
            errors.add("invalid-value");
          }
        }
      }
      int length = listLength(a, value);
      if (length > 1) {
        if (listLength == -1) {
          listLength = length;
        } else if (length != listLength) {
          errors.add("list-lengths");
        }
      }
    }
    if (type.takes("mode") && m.has("mode") && !type.modes().contains(m.e("mode", ""))) {
      errors.add("invalid-mode");
    }
    for (String a : type.attributes()) {
      Shape shape = ConfigDescription.SHAPES.get(a);
      if (shape == Shape.NAMES && m.has(a)) {
        String[] names = (String[]) m.value(a);
        if (names.length == 0) {
          errors.add("list-empty");
        }
        for (String name : names) {
          String problem = methodProblem(config, name, false);
          if (problem != null) {
            errors.add(problem);
          }
        }
      } else if (shape == Shape.NAME && m.has(a)) {
        String problem = methodProblem(config, (String) m.value(a), true);
        if (problem != null) {
          errors.add(problem);
        }
      }
    }
  }

  /**
   * The rules of {@code @Warmup} (its Javadoc and the README's "Warm-up in front of any schedule"):
   * it warms up a schedule, one or the first of a {@code @Sequential}, never {@code @Chained}
   * schedules, nor OneCycleLR, which warms up itself, nor a CyclicLR that cycles the momentum;
   * {@code steps} at least 1, written or bound; {@code startFactor} from 0 to 1; a written
   * {@code steps} moves every milestone of {@code @Sequential}, which count from the warm-up's end,
   * and the last must stay an int. (The schedule behind it starts through its closed form, as a
   * later phase of {@code @Sequential} does: its types' rules judge that, by
   * {@link Placement#startsThroughClosedForm}.)
   */
  private static void judgeWarmup(Config config, Set<String> errors) {
    Warmup warmup = config.warmup;
    if (warmup == null) {
      return;
    }
    if (config.members.isEmpty()) {
      errors.add("warmup-alone");
    }
    if (config.combinator == Combinator.CHAINED || config.combinator == Combinator.BOTH) {
      errors.add("warmup-chained");
    }
    if (!config.members.isEmpty()) {
      Member first = config.members.get(0);
      if (first.type == ScheduleType.ONE_CYCLE || first.type == ScheduleType.CYCLIC
          && TypeOracle.of(first.type).cyclesMomentum(first)) {
        errors.add("warmup-not-before");
      }
    }
    if (warmup.value("steps") instanceof Integer steps) {
      if (steps < 1) {
        errors.add("invalid-value");
      }
      boolean sequential = config.combinator == Combinator.SEQUENTIAL || config.combinator == Combinator.BOTH;
      int[] milestones = config.milestones;
      if (sequential && milestones.length > 0 && (long) steps + milestones[milestones.length - 1] > Integer.MAX_VALUE) {
        errors.add("invalid-value");
      }
    } else if (!warmup.has("steps") && config.binding("warmupSteps") == null) {
      errors.add("required");
    }
    if (warmup.value("startFactor") instanceof Double startFactor && !holds(Rule.UNIT_INTERVAL, startFactor)) {
      errors.add("invalid-value");
    }
  }

  /**
   * The rules of {@code @Bind} for what it binds of a {@code @Warmup} ({@code Bind}'s Javadoc, the
   * README): there must be a {@code @Warmup}, the type must be the attribute's, the attribute must
   * not be written too, and a bound {@code steps} goes with a single {@code @Schedule}, not with
   * {@code @Sequential}, whose milestones are written.
   */
  private static void judgeBindings(Config config, Set<String> errors) {
    if (!config.bound.isEmpty() && config.members.isEmpty() && config.combinator == Combinator.NONE
        && config.warmup == null) {
      // Nothing for it to bind: whichever rule the processor names, it is an error.
      errors.add("bind-without-schedule");
      errors.add("bind-no-warmup");
      return;
    }
    for (Bound bound : config.bound) {
      String attribute = ConfigDescription.WARMUP_BINDS.get(bound.attribute());
      if (attribute == null) {
        throw new AssertionError("binds no attribute of @Warmup: " + bound);
      }
      if (config.warmup == null) {
        errors.add("bind-no-warmup");
        continue;
      }
      if (!bound.javaType().equals(attribute.equals("steps") ? "int" : "double")) {
        errors.add("bind-type");
      }
      if (config.warmup.has(attribute)) {
        errors.add("bind-also-written");
      }
    }
  }

  /**
   * The bound values of an accepted config that its scheduler must refuse when it is built, by the
   * rule a written value is held to; empty where it must build.
   */
  static List<String> refusedWhenBuilt(Config config) {
    List<String> refused = new ArrayList<>();
    Bound steps = config.binding("warmupSteps");
    if (steps != null && steps.value() instanceof Integer value && value < 1) {
      refused.add("steps");
    }
    Bound startFactor = config.binding("warmupStartFactor");
    if (startFactor != null && startFactor.value() instanceof Double value && !holds(Rule.UNIT_INTERVAL, value)) {
      refused.add("startFactor");
    }
    return refused;
  }

  /** How many groups a per-group value gives; 0 for any other value. */
  private static int listLength(String attribute, Object value) {
    if (ConfigDescription.SHAPES.get(attribute) == Shape.FACTORS) {
      return 0;
    }
    return value instanceof double[] list ? list.length
        : value instanceof String[] list ? list.length : 0;
  }

  /**
   * The documented rule of [anneal.negative-rate] in @Chained: a schedule that may turn the rate
   * negative, not followed by a schedule that sets the rate.
   */
  static boolean chainedRateMayTurnNegative(Config config) {
    if (config.combinator != Combinator.CHAINED) {
      return false;
    }
    int lastSetter = -1;
    for (int i = 0; i < config.members.size(); i++) {
      if (TypeOracle.of(config.members.get(i).type).setsTheRate()) {
        lastSetter = i;
      }
    }
    for (int i = lastSetter + 1; i < config.members.size(); i++) {
      Member m = config.members.get(i);
      if (TypeOracle.of(m.type).mayTurnNegativeInChain(m)) {
        return true;
      }
    }
    return false;
  }

  /** The tag of what is wrong with the method {@code name} names, or null if it fits. */
  private static String methodProblem(Config config, String name, boolean scale) {
    List<Method> candidates = new ArrayList<>();
    for (Method method : config.methods.values()) {
      if (method.name().equals(name)) {
        candidates.add(method);
      }
    }
    if (candidates.isEmpty()) {
      return "method-missing";
    }
    // Only the overloads that fit count: two that fit are ambiguous, none is a wrong signature.
    candidates.removeIf(method -> !(scale ? method.fitsScale() : method.fitsFactor()));
    if (candidates.size() > 1) {
      return "method-ambiguous";
    }
    if (candidates.isEmpty()) {
      return "method-signature";
    }
    Method method = candidates.get(0);
    return method.throwsChecked() ? "method-throws" : null;
  }
}

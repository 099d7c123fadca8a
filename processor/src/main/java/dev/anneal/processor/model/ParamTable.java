package dev.anneal.processor.model;

import dev.anneal.AnnealStrategy;
import dev.anneal.Mode;
import dev.anneal.ScaleMode;
import dev.anneal.ScheduleType;
import dev.anneal.ThresholdMode;
import dev.anneal.internal.Rule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which attributes each schedule takes, with PyTorch's default and the rule its value must keep.
 * The one place where a schedule's parameters are declared; the validator and the model read it.
 */
public final class ParamTable {

  /** One attribute of one schedule: {@code defaultValue} is null where the attribute is required. */
  public record Entry(Param param, Object defaultValue, Rule rule) {
    public boolean required() {
      return defaultValue == null;
    }
  }

  /** Marks a default that PyTorch derives from other values; see the entry's use in the model. */
  static final Object DERIVED = new Object() {
    @Override
    public String toString() {
      return "derived";
    }
  };

  private static final Map<ScheduleType, Map<Param, Entry>> TABLE = new EnumMap<>(ScheduleType.class);

  static {
    define(ScheduleType.STEP)
        .required(Param.STEP_SIZE, Rule.NON_ZERO)
        .optional(Param.GAMMA, 0.1, Rule.FINITE);
    define(ScheduleType.MULTI_STEP)
        .required(Param.MILESTONES, null)
        .optional(Param.GAMMA, 0.1, Rule.FINITE);
    define(ScheduleType.CONSTANT)
        .optional(Param.FACTOR, 1.0 / 3, Rule.OPEN_UNIT)
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE);
    define(ScheduleType.LINEAR)
        .optional(Param.START_FACTOR, 1.0 / 3, Rule.OPEN_UNIT)
        .optional(Param.END_FACTOR, 1.0, Rule.UNIT_INTERVAL)
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE);
    define(ScheduleType.EXPONENTIAL).required(Param.GAMMA, Rule.FINITE);
    define(ScheduleType.POLYNOMIAL)
        .optional(Param.TOTAL_ITERS, 5, Rule.FINITE)
        .optional(Param.POWER, 1.0, Rule.NON_NEGATIVE);
    define(ScheduleType.COSINE)
        .required(Param.T_MAX, Rule.NON_ZERO)
        .optional(Param.ETA_MIN, 0.0, Rule.FINITE);
    define(ScheduleType.COSINE_WARM_RESTARTS)
        .required(Param.T_0, Rule.POSITIVE)
        .optional(Param.T_MULT, 1, Rule.AT_LEAST_ONE)
        .optional(Param.ETA_MIN, 0.0, Rule.FINITE);
    define(ScheduleType.LAMBDA).required(Param.LR_LAMBDA, null);
    define(ScheduleType.MULTIPLICATIVE).required(Param.LR_LAMBDA, null);
    define(ScheduleType.CYCLIC)
        .required(Param.BASE_LR, Rule.FINITE)
        .required(Param.MAX_LR, Rule.FINITE)
        .optional(Param.STEP_SIZE_UP, 2000, Rule.POSITIVE)
        .optional(Param.STEP_SIZE_DOWN, DERIVED, Rule.NON_NEGATIVE)
        .optional(Param.MODE, Mode.TRIANGULAR, null)
        .optional(Param.GAMMA, 1.0, Rule.FINITE)
        .optional(Param.SCALE_FN, "", null)
        .optional(Param.SCALE_MODE, ScaleMode.CYCLE, null)
        .optional(Param.CYCLE_MOMENTUM, true, null)
        .optional(Param.BASE_MOMENTUM, 0.8, Rule.FINITE)
        .optional(Param.MAX_MOMENTUM, 0.9, Rule.FINITE);
    define(ScheduleType.ONE_CYCLE)
        .required(Param.MAX_LR, Rule.FINITE)
        .optional(Param.TOTAL_STEPS, DERIVED, Rule.POSITIVE)
        .optional(Param.EPOCHS, DERIVED, Rule.POSITIVE)
        .optional(Param.STEPS_PER_EPOCH, DERIVED, Rule.POSITIVE)
        .optional(Param.PCT_START, 0.3, Rule.UNIT_INTERVAL)
        .optional(Param.ANNEAL_STRATEGY, AnnealStrategy.COS, null)
        .optional(Param.CYCLE_MOMENTUM, true, null)
        .optional(Param.BASE_MOMENTUM, 0.85, Rule.FINITE)
        .optional(Param.MAX_MOMENTUM, 0.95, Rule.FINITE)
        .optional(Param.DIV_FACTOR, 25.0, Rule.NON_ZERO)
        .optional(Param.FINAL_DIV_FACTOR, 1e4, Rule.NON_ZERO)
        .optional(Param.THREE_PHASE, false, null);
    define(ScheduleType.REDUCE_ON_PLATEAU)
        .optional(Param.MODE, Mode.MIN, null)
        .optional(Param.FACTOR, 0.1, Rule.BELOW_ONE)
        .optional(Param.PATIENCE, 10, Rule.FINITE)
        .optional(Param.THRESHOLD, 1e-4, Rule.FINITE)
        .optional(Param.THRESHOLD_MODE, ThresholdMode.REL, null)
        .optional(Param.COOLDOWN, 0, Rule.FINITE)
        .optional(Param.MIN_LR, 0.0, Rule.FINITE)
        .optional(Param.EPS, 1e-8, Rule.FINITE);
  }

  private ParamTable() {}

  /** The attributes {@code type} takes, in declaration order. */
  public static Map<Param, Entry> of(ScheduleType type) {
    return Collections.unmodifiableMap(TABLE.get(type));
  }

  /** The attributes {@code type} takes, as a readable list for messages. */
  public static String names(ScheduleType type) {
    return TABLE.get(type).keySet().stream().map(p -> p.attribute).collect(Collectors.joining(", "));
  }

  /** The modes that {@code type} takes. */
  public static boolean takesMode(ScheduleType type, Mode mode) {
    switch (type) {
      case CYCLIC:
        return mode == Mode.TRIANGULAR || mode == Mode.TRIANGULAR2 || mode == Mode.EXP_RANGE;
      case REDUCE_ON_PLATEAU:
        return mode == Mode.MIN || mode == Mode.MAX;
      default:
        return false;
    }
  }

  private static Definer define(ScheduleType type) {
    Map<Param, Entry> entries = new LinkedHashMap<>();
    TABLE.put(type, entries);
    return new Definer(entries);
  }

  private static final class Definer {
    private final Map<Param, Entry> entries;

    Definer(Map<Param, Entry> entries) {
      this.entries = entries;
    }

    Definer required(Param param, Rule rule) {
      entries.put(param, new Entry(param, null, rule));
      return this;
    }

    Definer optional(Param param, Object defaultValue, Rule rule) {
      entries.put(param, new Entry(param, defaultValue, rule));
      return this;
    }
  }
}

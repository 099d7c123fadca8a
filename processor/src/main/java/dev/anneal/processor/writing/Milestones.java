package dev.anneal.processor.writing;

import dev.anneal.processor.model.ConfigModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;

/**
 * The steps at which the phases of a {@code @Sequential} config hand over, as the generated code
 * writes them: constants, or, after a {@code @Warmup} whose length is bound, counted from the field
 * that holds that length. Each method gives Java source for one use.
 */
final class Milestones {
  /** The field of a bound warm-up length: the first field the first phase declares. */
  static final String BOUND_WARMUP_STEPS = Emitter.fieldName("s0", Param.WARMUP_STEPS.attribute);

  private final int[] values;
  /** The field the values count from, or null where they are the steps themselves. */
  private final String offset;

  private Milestones(int[] values, String offset) {
    this.values = values;
    this.offset = offset;
  }

  static Milestones of(ConfigModel model) {
    boolean bound = model.warmedUp()
        && !(model.schedules().get(0).value(Param.WARMUP_STEPS) instanceof Value.Constant);
    return new Milestones(model.milestones(), bound ? BOUND_WARMUP_STEPS : null);
  }

  boolean known() {
    return offset == null;
  }

  int count() {
    return values.length;
  }

  /** {@code t} is before milestone {@code i}: phase {@code i} or an earlier one is in force. */
  String before(String t, int i) {
    if (offset == null) {
      return t + " < " + values[i];
    }
    return values[i] == 0 ? t + " < " + offset : t + " - " + offset + " < " + values[i];
  }

  /** {@code t} is at or after milestone {@code i}. */
  String atOrAfter(String t, int i) {
    if (offset == null) {
      return t + " >= " + values[i];
    }
    return values[i] == 0 ? t + " >= " + offset : t + " - " + offset + " >= " + values[i];
  }

  /** The steps from milestone {@code i} to {@code t}: the clock of phase {@code i + 1}. */
  String since(String t, int i) {
    if (offset == null) {
      return t + " - " + values[i];
    }
    return values[i] == 0 ? t + " - " + offset : t + " - " + offset + " - " + values[i];
  }

  /** Milestone {@code i} itself, for messages that give a phase's step as the scheduler's. */
  String at(int i) {
    if (offset == null) {
      return String.valueOf(values[i]);
    }
    return values[i] == 0 ? offset : "(" + offset + " + " + values[i] + "L)";
  }

  /** The last step of phase {@code i} on its own clock, where a later phase follows it. */
  String lastLocal(int i) {
    long start = i == 0 ? 0 : values[i - 1];
    if (offset != null && i == 0) {
      return offset + " - 1";
    }
    return String.valueOf(values[i] - start - 1);
  }

  /** Where phase {@code i} starts, for documentation and messages. */
  String start(int i) {
    if (i == 0) {
      return "0";
    }
    if (offset == null) {
      return String.valueOf(values[i - 1]);
    }
    return values[i - 1] == 0 ? "the warm-up's end" : values[i - 1] + " steps after the warm-up";
  }
}

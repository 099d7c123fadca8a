package dev.anneal.processor.kinds;

import dev.anneal.Mode;
import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Chain;
import dev.anneal.processor.validation.ScheduleCheck;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.KindWriter;
import dev.anneal.processor.writing.Placement;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the processor knows of one schedule type, in one place: its attributes with their
 * defaults and rules, the checks its reference makes beyond them, how it steps and chains, and
 * the writer of its code. One implementation per type, registered in {@link Kinds}.
 */
public interface Kind {

  /** The schedule type, or null for the warm-up of {@code @Warmup}, which is no type of its own. */
  ScheduleType type();

  /** The reference's name, as messages and the generated code give it. */
  default String torchName() {
    return type().torchName();
  }

  /** The attributes the type takes, with their defaults and rules. */
  Attributes attributes();

  Stepping stepping();

  InChain inChain();

  /** Whether {@code step} takes a metric, as ReduceLROnPlateau's does, rather than nothing. */
  default boolean stepsOnMetric() {
    return false;
  }

  /** The modes the type takes, where it has a {@code mode} attribute. */
  default Set<Mode> modes() {
    return Set.of();
  }

  /**
   * The attributes whose negative values the reference accepts and which turn the rate
   * negative: pointed out with a warning, as a trainer rarely wants that.
   */
  default Set<Param> signOfTheRate() {
    return Set.of();
  }

  /**
   * The per-group attributes ({@code double[]}) that this type takes as one number for every group,
   * as its reference does: an attribute of another type's name, whose values the processor keeps
   * as that number, refusing more than one.
   */
  default Set<Param> oneValue() {
    return Set.of();
  }

  /**
   * Whether the reference takes {@code param}, a list of ints here, as one number, the list's first
   * value (timm's {@code decay_t} of its step and WSD schedulers).
   */
  default boolean listAsNumber(Param param) {
    return false;
  }

  /**
   * The reference's argument that a group's initial rate stands for, where the reference takes its
   * base value as an argument rather than from the optimizer (Keras's
   * {@code initial_learning_rate}): a port writes that value as the group's rate. Empty by default.
   */
  default Optional<String> initialRateArgument() {
    return Optional.empty();
  }

  /** Checks beyond the rules of single attributes; reports through {@code check}. */
  default void check(ScheduleCheck check) {}

  /**
   * Checks this schedule as a phase of {@code @Sequential} that runs {@code length} steps, from
   * {@code start} to {@code end}, before the next phase takes over.
   */
  default void checkPhase(ScheduleCheck check, long length, long start, long end) {}

  /**
   * Checks that this schedule, a phase of {@code @Sequential} from {@code start}, still runs at
   * {@code milestone}, where the next phase takes over.
   */
  default void checkHandOver(ScheduleCheck check, int milestone, int start) {}

  /** Checks this schedule among the others of its {@code @Chained} config. */
  default void checkInChain(ScheduleCheck check, Chain chain) {}

  /** Checks this schedule within a combination, {@code combinator} naming it for messages. */
  default void checkInCombination(ScheduleCheck check, String combinator) {}

  /**
   * How a {@code gamma} above 1 in magnitude makes the rate grow, for the warning that points it
   * out; empty where the type has no such growth or this config does not show it.
   */
  default Optional<String> growth(ScheduleCheck check, double gamma) {
    return Optional.empty();
  }

  /**
   * Whether, inside {@code @Chained}, this schedule may multiply the rate by less than 1 after
   * step 0, or set it: whenever the written values cannot rule it out.
   */
  default boolean mayLowerInChain(ScheduleCheck check) {
    return true;
  }

  /**
   * The written value of {@code param} as the model keeps it, where this schedule is a later
   * phase of {@code @Sequential} or not; the value itself by default.
   */
  default Object resolveWritten(Param param, Object value, boolean laterPhase) {
    return value;
  }

  /**
   * Whether, alone in its config, this schedule can keep the scheduler's step count within state
   * that a step updates anyway, so that a step between its rate's changes touches one field.
   */
  default boolean canKeepClock(ScheduleModel schedule) {
    return false;
  }

  /**
   * The writer of this schedule's code, placed in its class; the scheduler's writer then has it
   * declare its constants and fields before anything else.
   */
  KindWriter writer(ScheduleModel schedule, Emitter emitter, Placement placement);
}

package dev.anneal.processor.validation;

import dev.anneal.ScheduleType;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.model.Resolver;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Values;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * What a schedule's kind checks beyond the rules of its attributes: one {@code @Schedule} of a
 * config, its written values and binds, where it stands in a combination, and where its problems
 * go. A kind reports through {@link #error} and {@link #warning}, on the value at fault.
 */
public final class ScheduleCheck {
  private final ConfigInput input;
  private final ScheduleInput schedule;
  private final Kind kind;
  private final Map<Param, BindInput> binds;
  private final Map<Param, Value> resolved;
  private final List<Problem> problems;

  ScheduleCheck(ConfigInput input, ScheduleInput schedule, Kind kind, Map<Param, BindInput> binds,
      List<Problem> problems) {
    this.input = input;
    this.schedule = schedule;
    this.kind = kind;
    this.binds = binds;
    this.resolved = Resolver.resolve(kind, schedule, binds::get, laterPhase());
    this.problems = problems;
  }

  public TypeElement config() {
    return input.config();
  }

  public AnnotationMirror mirror() {
    return schedule.mirror();
  }

  public ScheduleType type() {
    return schedule.type();
  }

  public String torchName() {
    return schedule.torchName();
  }

  /** The {@code type} value of the annotation, where a problem of the type itself is reported. */
  public AnnotationValue typeValue() {
    return schedule.typeValue();
  }

  /** The position of this schedule among the config's, from 0. */
  public int index() {
    return schedule.index();
  }

  public Combinator combinator() {
    return input.combinator();
  }

  /**
   * Whether this schedule is a later phase of {@code @Sequential}, which PyTorch starts at its
   * milestone through its closed form at its own step 0, or follows a {@code @Warmup}, which
   * starts it the same way.
   */
  public boolean laterPhase() {
    return input.laterPhase(schedule);
  }

  /** The value written for {@code param}, or null where it is not written. */
  public AnnotationValue written(Param param) {
    return schedule.written().get(param);
  }

  public boolean isWritten(Param param) {
    return schedule.written().containsKey(param);
  }

  public boolean isBound(Param param) {
    return binds.containsKey(param);
  }

  /**
   * Whether {@code param} is written, or a {@code @Bind} aims at it, valid or not: an invalid one
   * has its own error, and the attribute counts as given all the same.
   */
  public boolean isGiven(Param param) {
    return isWritten(param) || Validator.bindAttempted(input, schedule, param);
  }

  /** The written value of {@code param} as a plain Java value, or null where it is not written. */
  public Object value(Param param) {
    AnnotationValue value = written(param);
    return value == null ? null : Values.of(param, value);
  }

  /**
   * The number {@code param} has now, as {@link Resolver} resolves it: written, or the reference's
   * default; NaN where it is bound, or neither written nor defaulted.
   */
  public double number(Param param) {
    return known(param) instanceof Number number ? number.doubleValue() : Double.NaN;
  }

  /**
   * The value {@code param} has now, as {@link Resolver} resolves it: written, or the reference's
   * default; null where it is bound, or neither written nor defaulted.
   */
  public Object known(Param param) {
    return resolved.get(param) instanceof Value.Constant constant ? constant.value() : null;
  }

  /** The values {@link Resolver} resolved, by attribute. */
  Map<Param, Value> resolved() {
    return resolved;
  }

  /** The element at {@code index} of the list written for {@code param}, for a precise position. */
  public AnnotationValue element(Param param, int index) {
    return Values.element(written(param), index);
  }

  public void error(AnnotationValue at, Message message, Object... args) {
    problems.add(Problem.error(input.config(), schedule.mirror(), at, message, args));
  }

  public void warning(AnnotationValue at, Message message, Object... args) {
    problems.add(Problem.warning(input.config(), schedule.mirror(), at, message, args));
  }

  /**
   * A problem of the {@code @Sequential} milestone that ends this schedule's phase, reported on
   * that milestone.
   */
  public void milestoneError(Message message, Object... args) {
    problems.add(Problem.error(input.config(), input.combinatorMirror(),
        Values.element(input.milestonesValue(), schedule.index()), message, args));
  }
}

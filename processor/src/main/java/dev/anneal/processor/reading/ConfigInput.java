package dev.anneal.processor.reading;

import dev.anneal.ScheduleType;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Param;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the annotations of one config say, as written, before any validation; {@code warmup} is the
 * config's {@code @Warmup}, or null.
 */
public record ConfigInput(
    TypeElement config,
    List<ScheduleInput> schedules,
    Combinator combinator,
    AnnotationMirror combinatorMirror,
    List<Integer> milestones,
    AnnotationValue milestonesValue,
    boolean bothCombinators,
    List<BindInput> binds,
    ScheduleInput warmup) {

  /** The index of the {@code @Warmup} among the schedules' inputs, outside theirs. */
  public static final int WARMUP = -1;

  /**
   * Whether {@code schedule} starts at its own step 0 after another phase, through its closed
   * form there: a later phase of {@code @Sequential} (as PyTorch's SequentialLR starts it), or any
   * schedule after a {@code @Warmup}.
   */
  public boolean laterPhase(ScheduleInput schedule) {
    if (schedule.index() == WARMUP) {
      return false;
    }
    return (combinator == Combinator.SEQUENTIAL && schedule.index() > 0) || warmup != null;
  }

  /** How several schedules combine. */
  public enum Combinator {
    NONE,
    SEQUENTIAL,
    CHAINED
  }

  /**
   * One {@code @Schedule}: its type and the attributes written in it. {@code repeated} when javac
   * gathered it into its container, whose values have no source position of their own.
   */
  public record ScheduleInput(
      int index,
      AnnotationMirror mirror,
      ScheduleType type,
      AnnotationValue typeValue,
      Map<Param, AnnotationValue> written,
      boolean repeated) {

    /** What the processor knows of the type: the warm-up's kind where {@code type} is null. */
    public Kind kind() {
      return type == null ? Kinds.warmup() : Kinds.of(type);
    }

    public String torchName() {
      return kind().torchName();
    }
  }

  /**
   * One {@code @Bind}: the accessor the generated code calls, and the element it was written on
   * (the record component for a record's implicit accessor), where problems are reported.
   */
  public record BindInput(
      ExecutableElement accessor,
      Element carrier,
      AnnotationMirror mirror,
      String attribute,
      AnnotationValue attributeValue,
      int schedule,
      AnnotationValue scheduleValue) {}
}

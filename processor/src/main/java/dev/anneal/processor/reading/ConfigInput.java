package dev.anneal.processor.reading;

import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Param;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** What the annotations of one config say, as written, before any validation. */
public record ConfigInput(
    TypeElement config,
    List<ScheduleInput> schedules,
    Combinator combinator,
    AnnotationMirror combinatorMirror,
    List<Integer> milestones,
    AnnotationValue milestonesValue,
    boolean bothCombinators,
    List<BindInput> binds) {

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
      boolean repeated) {}

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

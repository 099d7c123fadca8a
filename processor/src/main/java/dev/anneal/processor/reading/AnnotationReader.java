package dev.anneal.processor.reading;

import dev.anneal.Bind;
import dev.anneal.Chained;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Sequential;
import dev.anneal.Warmup;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the annotations of a config through their mirrors, so that every value keeps its
 * {@link AnnotationValue} for error positions and only attributes actually written are seen.
 */
public final class AnnotationReader {
  private static final String SCHEDULE = Schedule.class.getCanonicalName();
  private static final String SCHEDULE_LIST = Schedule.List.class.getCanonicalName();
  private static final String SEQUENTIAL = Sequential.class.getCanonicalName();
  private static final String CHAINED = Chained.class.getCanonicalName();
  private static final String BIND = Bind.class.getCanonicalName();
  private static final String WARMUP = Warmup.class.getCanonicalName();

  /** Returns empty when the source itself is broken (javac reports that), else the input. */
  public Optional<ConfigInput> read(TypeElement config) {
    List<ScheduleInput> schedules = new ArrayList<>();
    AnnotationMirror sequential = null;
    AnnotationMirror chained = null;
    List<ScheduleInput> warmup = new ArrayList<>();
    for (AnnotationMirror mirror : config.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      if (name.equals(SCHEDULE)) {
        schedules.add(null);
        if (!readSchedule(mirror, schedules, false)) {
          return Optional.empty();
        }
      } else if (name.equals(SCHEDULE_LIST)) {
        AnnotationValue value = valueOf(mirror, "value");
        if (value == null || !(value.getValue() instanceof List<?> list)) {
          return Optional.empty();
        }
        for (Object element : list) {
          if (!(((AnnotationValue) element).getValue() instanceof AnnotationMirror nested)) {
            return Optional.empty();
          }
          schedules.add(null);
          if (!readSchedule(nested, schedules, true)) {
            return Optional.empty();
          }
        }
      } else if (name.equals(SEQUENTIAL)) {
        sequential = mirror;
      } else if (name.equals(CHAINED)) {
        chained = mirror;
      } else if (name.equals(WARMUP)) {
        warmup.add(null);
        if (!readAttributes(mirror, null, null, warmup, ConfigInput.WARMUP, false)) {
          return Optional.empty();
        }
      }
    }
    Combinator combinator =
        sequential != null ? Combinator.SEQUENTIAL : chained != null ? Combinator.CHAINED : Combinator.NONE;
    AnnotationMirror combinatorMirror = sequential != null ? sequential : chained;
    List<Integer> milestones = List.of();
    AnnotationValue milestonesValue = null;
    if (sequential != null) {
      milestonesValue = valueOf(sequential, "milestones");
      Optional<List<Integer>> read = milestonesValue == null ? Optional.empty() : ints(milestonesValue);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      milestones = read.get();
    }
    List<BindInput> binds = readBinds(config);
    if (binds == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ConfigInput(
            config,
            List.copyOf(schedules),
            combinator,
            combinatorMirror,
            milestones,
            milestonesValue,
            sequential != null && chained != null,
            binds,
            warmup.isEmpty() ? null : warmup.get(0)));
  }

  /** Fills the last slot of {@code schedules}; false if the annotation does not compile. */
  private static boolean readSchedule(
      AnnotationMirror mirror, List<ScheduleInput> schedules, boolean repeated) {
    AnnotationValue typeValue = valueOf(mirror, "type");
    if (typeValue == null || !(typeValue.getValue() instanceof VariableElement constant)) {
      return false;
    }
    ScheduleType type = ScheduleType.valueOf(constant.getSimpleName().toString());
    return readAttributes(mirror, type, typeValue, schedules, schedules.size() - 1, repeated);
  }

  /**
   * Fills the last slot of {@code schedules} with the attributes of {@code mirror} but its type;
   * false if one does not compile.
   */
  private static boolean readAttributes(AnnotationMirror mirror, ScheduleType type, AnnotationValue typeValue,
      List<ScheduleInput> schedules, int index, boolean repeated) {
    Map<Param, AnnotationValue> written = new EnumMap<>(Param.class);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      String attribute = entry.getKey().getSimpleName().toString();
      if (attribute.equals("type") && type != null) {
        continue;
      }
      AnnotationValue value = entry.getValue();
      Optional<Param> param = Param.forAttribute(attribute);
      if (param.isEmpty() || !wellFormed(param.get(), value)) {
        return false;
      }
      written.put(param.get(), value);
    }
    schedules.set(schedules.size() - 1, new ScheduleInput(index, mirror, type, typeValue, written, repeated));
    return true;
  }

  /** Whether javac gave the value its declared type; an erroneous expression arrives otherwise. */
  private static boolean wellFormed(Param param, AnnotationValue value) {
    Object raw = value.getValue();
    switch (param.shape) {
      case INT:
        return raw instanceof Integer;
      case DOUBLE:
        return raw instanceof Double;
      case BOOLEAN:
        return raw instanceof Boolean;
      case ENUM:
        return raw instanceof VariableElement;
      case METHOD:
        return raw instanceof String && stringConstant(value);
      case INTS:
        return listOf(raw, Integer.class);
      case GROUP_DOUBLES:
      case DOUBLES:
        return listOf(raw, Double.class);
      case METHODS:
        return listOf(raw, String.class)
            && ((List<?>) raw).stream().allMatch(e -> stringConstant((AnnotationValue) e));
      default:
        throw new AssertionError(param.shape);
    }
  }

  /**
   * Whether a value that reads as a string is a string constant. javac hands an erroneous value,
   * such as a name it cannot resolve, to processors as the string {@code "<error>"}; a constant's
   * {@code toString()} is its quoted literal, so it never equals the string itself.
   */
  private static boolean stringConstant(AnnotationValue value) {
    return !value.toString().equals(value.getValue());
  }

  private static boolean listOf(Object raw, Class<?> elementType) {
    if (!(raw instanceof List<?> list)) {
      return false;
    }
    for (Object element : list) {
      if (!(element instanceof AnnotationValue value) || !elementType.isInstance(value.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<List<Integer>> ints(AnnotationValue value) {
    if (!listOf(value.getValue(), Integer.class)) {
      return Optional.empty();
    }
    List<Integer> ints = new ArrayList<>();
    for (Object element : (List<?>) value.getValue()) {
      ints.add((Integer) ((AnnotationValue) element).getValue());
    }
    return Optional.of(List.copyOf(ints));
  }

  /**
   * The binds of the config's accessors. A record component's annotation reaches its implicit
   * accessor too; the component is kept as the place to report problems, since the implicit
   * accessor has no position in the source.
   */
  private static List<BindInput> readBinds(TypeElement config) {
    List<BindInput> binds = new ArrayList<>();
    for (ExecutableElement accessor : ElementFilter.methodsIn(config.getEnclosedElements())) {
      Element carrier = accessor;
      for (RecordComponentElement component : config.getRecordComponents()) {
        if (accessor.equals(component.getAccessor()) && hasBind(component)) {
          carrier = component;
        }
      }
      for (AnnotationMirror mirror : carrier.getAnnotationMirrors()) {
        if (!annotationName(mirror).equals(BIND)) {
          continue;
        }
        AnnotationValue attributeValue = valueOf(mirror, "value");
        AnnotationValue scheduleValue = valueOf(mirror, "schedule");
        String attribute = carrier.getSimpleName().toString();
        if (attributeValue != null) {
          if (!(attributeValue.getValue() instanceof String written)) {
            return null;
          }
          if (!written.isEmpty()) {
            attribute = written;
          }
        }
        int schedule = -1;
        if (scheduleValue != null) {
          if (!(scheduleValue.getValue() instanceof Integer index)) {
            return null;
          }
          schedule = index;
        }
        binds.add(new BindInput(
            accessor, carrier, mirror, attribute, attributeValue, schedule, scheduleValue));
      }
    }
    return binds;
  }

  private static boolean hasBind(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(m -> annotationName(m).equals(BIND));
  }

  public static String annotationName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static AnnotationValue valueOf(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }
}

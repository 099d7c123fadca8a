package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import dev.anneal.ScheduleType;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Everything the writer needs, resolved: defaults applied, derived values computed. */
public record ConfigModel(
    TypeElement config,
    ClassName configName,
    ClassName schedulerName,
    Combinator combinator,
    int[] milestones,
    List<ScheduleModel> schedules,
    boolean takesConfig) {

  /** One schedule with a value for every attribute its type takes. */
  public record ScheduleModel(
      int index,
      ScheduleType type,
      Map<Param, Value> values,
      Map<Param, List<ExecutableElement>> methods) {

    public Value value(Param param) {
      Value value = values.get(param);
      if (value == null) {
        throw new IllegalStateException(type + " has no value for " + param);
      }
      return value;
    }

    public Object constant(Param param) {
      return ((Value.Constant) value(param)).value();
    }
  }

  /** Where a value comes from. */
  public sealed interface Value {
    /** Written in the annotation, or PyTorch's default. */
    record Constant(Object value) implements Value {}

    /** Read from the config's accessor when the scheduler is built. */
    record Bound(String accessor, boolean array) implements Value {}
  }
}

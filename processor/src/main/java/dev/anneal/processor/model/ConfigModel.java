package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import dev.anneal.ScheduleType;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writer needs, resolved: defaults applied, derived values computed. A config with
 * {@code @Warmup} is {@code warmedUp}: its model is a {@code @Sequential} whose first schedule is the
 * warm-up and whose milestones count from step 0 (from the warm-up's end where its length is bound,
 * the first milestone then 0).
 */
public record ConfigModel(
    TypeElement config,
    ClassName configName,
    ClassName schedulerName,
    Combinator combinator,
    int[] milestones,
    List<ScheduleModel> schedules,
    boolean takesConfig,
    boolean warmedUp) {

  /** One schedule with a value for every attribute its type takes. */
  public record ScheduleModel(
      int index,
      ScheduleType type,
      Map<Param, Value> values,
      Map<Param, List<ExecutableElement>> methods) {

    /** What the processor knows of the type: the warm-up's kind where {@code type} is null. */
    public Kind kind() {
      return type == null ? Kinds.warmup() : Kinds.of(type);
    }

    public String torchName() {
      return kind().torchName();
    }

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

  /**
   * The value of one attribute, resolved once (see {@link Resolver}) with where it comes from. An
   * attribute that defaults to another's holds that very value.
   */
  public sealed interface Value {
    /** Known when the processor runs. */
    sealed interface Constant extends Value {
      Object value();
    }

    /** Written in the annotation, at {@code at}. */
    record Written(Object value, AnnotationValue at) implements Constant {}

    /** Left out, so the reference's default. */
    record Defaulted(Object value) implements Constant {}

    /** Read from the config's accessor {@code at} when the scheduler is built. */
    record Bound(String accessor, boolean array, ExecutableElement at) implements Value {}

    /** Left out, and computed now by {@code formula} from the values it takes, all known now. */
    record Derived(Object value, Formula formula) implements Constant {}

    /**
     * Left out, and computed by {@code formula} when the scheduler is built, from values of which
     * one at least is bound.
     */
    record Computed(Formula formula) implements Value {}

    /**
     * Left out, and {@code formula} refuses the values it would be computed from, known now, for
     * {@code reason}: a problem the validator reports, never part of a model that is written.
     */
    record Refused(Formula formula, String reason) implements Value {}
  }
}

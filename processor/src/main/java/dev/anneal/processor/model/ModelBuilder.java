package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute.Fallback;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.reading.Values;
import dev.anneal.processor.writing.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Builds the model of a config that passed validation. */
public final class ModelBuilder {

  public ConfigModel build(ConfigInput input) {
    TypeElement config = input.config();
    List<ScheduleModel> schedules = new ArrayList<>();
    for (ScheduleInput schedule : input.schedules()) {
      schedules.add(buildSchedule(input, schedule));
    }
    return new ConfigModel(
        config,
        ClassName.get(config),
        Names.scheduler(config),
        input.combinator(),
        input.milestones().stream().mapToInt(Integer::intValue).toArray(),
        List.copyOf(schedules),
        !input.binds().isEmpty());
  }

  private static ScheduleModel buildSchedule(ConfigInput input, ScheduleInput schedule) {
    Map<Param, Value> values = new EnumMap<>(Param.class);
    Map<Param, List<ExecutableElement>> methods = new EnumMap<>(Param.class);
    Kind kind = Kinds.of(schedule.type());
    boolean laterPhase = input.combinator() == ConfigInput.Combinator.SEQUENTIAL && schedule.index() > 0;
    for (Attribute attribute : kind.attributes().all()) {
      Param param = attribute.param();
      BindInput bind = bindOf(input, schedule, param);
      if (schedule.written().containsKey(param)) {
        Object written = Values.of(param, schedule.written().get(param));
        values.put(param, new Value.Constant(kind.resolveWritten(param, written, laterPhase)));
      } else if (bind != null) {
        boolean array = bind.accessor().getReturnType().getKind() == TypeKind.ARRAY;
        values.put(param, new Value.Bound(bind.accessor().getSimpleName().toString(), array));
      } else if (attribute.fallback() instanceof Fallback.Default fallback) {
        Object value = fallback.value();
        if (param.shape == Param.Shape.GROUP_DOUBLES) {
          value = new double[] {(Double) value};
        }
        values.put(param, new Value.Constant(value));
      } else if (attribute.fallback() instanceof Fallback.SameAs same) {
        // The very value of the other attribute: the writer then reads one field for both.
        values.put(param, values.get(same.other()));
      }
    }
    for (Param param : List.of(Param.LR_LAMBDA, Param.SCALE_FN)) {
      if (values.get(param) instanceof Value.Constant constant) {
        List<ExecutableElement> resolved = new ArrayList<>();
        Object names = constant.value();
        String[] list = names instanceof String[] array ? array : new String[] {(String) names};
        for (String name : list) {
          if (name.isEmpty()) {
            continue;
          }
          // The one method that fits; the validator refused the name otherwise.
          resolved.addAll(Methods.fitting(Methods.named(input.config(), name), param == Param.SCALE_FN));
        }
        methods.put(param, List.copyOf(resolved));
      }
    }
    return new ScheduleModel(schedule.index(), schedule.type(), values, methods);
  }

  private static BindInput bindOf(ConfigInput input, ScheduleInput schedule, Param param) {
    for (BindInput bind : input.binds()) {
      int index = bind.schedule() < 0 ? 0 : bind.schedule();
      if (index == schedule.index() && bind.attribute().equals(param.attribute)) {
        return bind;
      }
    }
    return null;
  }
}

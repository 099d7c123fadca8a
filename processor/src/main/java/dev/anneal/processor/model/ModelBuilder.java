package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.writing.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

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
    boolean laterPhase = input.combinator() == ConfigInput.Combinator.SEQUENTIAL && schedule.index() > 0;
    Map<Param, Value> values = Resolver.resolve(Kinds.of(schedule.type()), schedule,
        param -> bindOf(input, schedule, param), laterPhase);
    Map<Param, List<ExecutableElement>> methods = new EnumMap<>(Param.class);
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

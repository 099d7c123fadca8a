package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.validation.Validator;
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
    ScheduleInput warmup = input.warmup();
    if (warmup != null) {
      schedules.add(buildSchedule(input, warmup, 0));
    }
    int shift = schedules.size();
    for (ScheduleInput schedule : input.schedules()) {
      schedules.add(buildSchedule(input, schedule, schedule.index() + shift));
    }
    int[] milestones = input.milestones().stream().mapToInt(Integer::intValue).toArray();
    ConfigInput.Combinator combinator = input.combinator();
    if (warmup != null) {
      // The warm-up is the first phase; the schedules' milestones count from its end, which is
      // 0 here where its length is bound.
      int steps = schedules.get(0).value(Param.WARMUP_STEPS) instanceof Value.Constant constant
          ? (Integer) constant.value() : 0;
      int[] shifted = new int[milestones.length + 1];
      shifted[0] = steps;
      for (int i = 0; i < milestones.length; i++) {
        shifted[i + 1] = steps + milestones[i];
      }
      milestones = shifted;
      combinator = ConfigInput.Combinator.SEQUENTIAL;
    }
    return new ConfigModel(
        config,
        ClassName.get(config),
        Names.scheduler(config),
        combinator,
        milestones,
        List.copyOf(schedules),
        !input.binds().isEmpty(),
        warmup != null);
  }

  /**
   * The model of one schedule, at {@code index} among the phases of the generated class: the
   * warm-up first, where there is one.
   */
  private static ScheduleModel buildSchedule(ConfigInput input, ScheduleInput schedule, int index) {
    boolean laterPhase = input.laterPhase(schedule);
    Map<Param, Value> values = Resolver.resolve(schedule.kind(), schedule,
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
    return new ScheduleModel(index, schedule.type(), values, methods);
  }

  private static BindInput bindOf(ConfigInput input, ScheduleInput schedule, Param param) {
    if (schedule.index() == ConfigInput.WARMUP) {
      String name = Validator.bindName(schedule, param);
      return input.binds().stream().filter(bind -> bind.attribute().equals(name)).findFirst().orElse(null);
    }
    for (BindInput bind : input.binds()) {
      int index = bind.schedule() < 0 ? 0 : bind.schedule();
      // With a @Warmup, warmupSteps binds the warm-up's steps, not a schedule's own warmupSteps.
      if (index == schedule.index() && bind.attribute().equals(param.attribute)
          && !(input.warmup() != null && Validator.bindsWarmup(param.attribute))) {
        return bind;
      }
    }
    return null;
  }
}

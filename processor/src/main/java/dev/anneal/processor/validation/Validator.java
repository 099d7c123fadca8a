package dev.anneal.processor.validation;

import dev.anneal.Mode;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Checks;
import dev.anneal.internal.Rule;
import dev.anneal.math.OneCycleLR;
import dev.anneal.math.SequentialLR;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.model.ParamTable.Entry;
import dev.anneal.processor.model.ParamTable;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.reading.Values;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.Names;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a config against every rule at once and returns all its problems: warnings for
 * configurations PyTorch accepts but that cannot do what was meant, errors for the rest.
 */
public final class Validator {

  public List<Problem> validate(ConfigInput input) {
    List<Problem> problems = new ArrayList<>();
    TypeElement config = input.config();
    if (config.getKind() != ElementKind.CLASS && config.getKind() != ElementKind.RECORD) {
      problems.add(Problem.error(config, null, null, Message.CONFIG_KIND, "Schedule",
          config.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
      return problems;
    }
    if (config.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(Problem.error(config, null, null, Message.CONFIG_PRIVATE,
          config.getSimpleName(), Names.schedulerSimpleName(config)));
    }
    for (Element outer = config.getEnclosingElement(); outer instanceof TypeElement type;
        outer = outer.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        problems.add(Problem.error(config, null, null, Message.CONFIG_IN_PRIVATE,
            config.getSimpleName(), type.getSimpleName(), Names.schedulerSimpleName(config)));
        break;
      }
    }
    checkCombination(input, problems);
    Map<Integer, Map<Param, BindInput>> bound = checkBinds(input, problems);
    for (ScheduleInput schedule : input.schedules()) {
      checkSchedule(input, schedule, bound.getOrDefault(schedule.index(), Map.of()), problems);
    }
    checkDecaysWithinPhases(input, problems);
    checkPerGroupTotal(input, problems);
    checkChainedSign(input, bound, problems);
    return problems;
  }

  /**
   * A schedule of {@code @Sequential} before the last runs only until the next milestone, counting
   * its own steps from 0 (PyTorch's SequentialLR restarts it there): a MultiStepLR milestone or a
   * StepLR period at or past the phase's length never decays the rate within it.
   */
  private static void checkDecaysWithinPhases(ConfigInput input, List<Problem> problems) {
    List<Integer> milestones = input.milestones();
    if (input.combinator() != Combinator.SEQUENTIAL || milestones.size() != input.schedules().size() - 1) {
      return;
    }
    for (ScheduleInput schedule : input.schedules()) {
      int index = schedule.index();
      if (index == milestones.size()) {
        continue; // The last schedule runs on without end.
      }
      long start = index == 0 ? 0 : milestones.get(index - 1);
      long end = milestones.get(index);
      long length = end - start;
      if (length <= 0) {
        continue; // Milestones out of order are an error of their own.
      }
      if (schedule.type() == ScheduleType.MULTI_STEP) {
        AnnotationValue value = schedule.written().get(Param.MILESTONES);
        if (value == null) {
          continue;
        }
        int[] decays = (int[]) Values.of(Param.MILESTONES, value);
        for (int i = 0; i < decays.length; i++) {
          if (decays[i] >= length) {
            problems.add(Problem.warning(input.config(), schedule.mirror(), Values.element(value, i),
                Message.MILESTONE_AFTER_PHASE, decays[i], index, length, start, end));
          }
        }
      } else if (schedule.type() == ScheduleType.STEP) {
        AnnotationValue value = schedule.written().get(Param.STEP_SIZE);
        if (value != null && Math.abs((long) (Integer) value.getValue()) >= length) {
          problems.add(Problem.warning(input.config(), schedule.mirror(), value,
              Message.STEP_SIZE_AFTER_PHASE, value.getValue(), index, length, start, end));
        }
      }
    }
  }

  /**
   * The most per-group values that one config may write, in all its lists together. The generated
   * constructor builds each written list as an array, about 8 bytes of code a value, and javac
   * refuses a method of more than 64 KiB of code ("code too large"): the leanest config fails at
   * about 8,200 values. Half of that leaves the rest of the constructor, which grows with each
   * schedule of a combination and each bound value, more room than any config needs.
   */
  public static final int MAX_PER_GROUP_VALUES = 4096;

  /**
   * Refuses a config whose per-group lists hold more than {@link #MAX_PER_GROUP_VALUES} values in
   * all, on the list that goes over.
   */
  private static void checkPerGroupTotal(ConfigInput input, List<Problem> problems) {
    int total = 0;
    for (ScheduleInput schedule : input.schedules()) {
      for (Map.Entry<Param, AnnotationValue> written : schedule.written().entrySet()) {
        Param param = written.getKey();
        if (param.shape != Param.Shape.GROUP_DOUBLES || !(written.getValue().getValue() instanceof List<?> list)) {
          continue;
        }
        total += list.size();
        if (total > MAX_PER_GROUP_VALUES) {
          problems.add(Problem.error(input.config(), schedule.mirror(), written.getValue(), Message.PER_GROUP_LIMIT,
              param.attribute, param.torchName, list.size(), total, MAX_PER_GROUP_VALUES));
          return;
        }
      }
    }
  }

  /**
   * In a @Chained config, CosineAnnealingLR steps by PyTorch's recurrence {@code eta_min + r (lr -
   * eta_min)} on whatever rate the others left, with {@code r = (1 + cos(pi t / T)) / (1 + cos(pi
   * (t - 1) / T)) >= 0}. It is negative only if {@code lr < eta_min} while {@code r > 1}, on the
   * rising half. With {@code eta_min <= 0} that cannot happen. With {@code eta_min > 0} it can:
   * where another schedule of the chain lowers the rate after step 0, and where a group's initial
   * rate is below {@code eta_min} (the cosine then rises towards it, and the recurrence's rounding
   * dips below a rate of 0), which only the run knows. So a positive (or bound) {@code eta_min} is
   * pointed out unless a schedule that sets the rate whatever it was comes after the cosine and
   * has the last word; the message says which cause the config shows. (A config that shows
   * neither, whose rates start at or above {@code eta_min}, stays at or above 0: the descending
   * half keeps a rate below {@code eta_min} at or above 0, the trough sets it to {@code eta_min}
   * exactly, and a rate at or above {@code eta_min} stays there.)
   */
  private static void checkChainedSign(
      ConfigInput input, Map<Integer, Map<Param, BindInput>> bound, List<Problem> problems) {
    List<ScheduleInput> schedules = input.schedules();
    if (input.combinator() != Combinator.CHAINED) {
      return;
    }
    int lastSetter = -1;
    for (ScheduleInput schedule : schedules) {
      if (setsTheRate(schedule.type())) {
        lastSetter = schedule.index();
      }
    }
    for (ScheduleInput cosine : schedules) {
      if (cosine.type() != ScheduleType.COSINE || cosine.index() < lastSetter) {
        continue;
      }
      AnnotationValue written = cosine.written().get(Param.ETA_MIN);
      boolean isBound = bound.getOrDefault(cosine.index(), Map.of()).containsKey(Param.ETA_MIN);
      Object etaMin = written == null ? null : Values.of(Param.ETA_MIN, written);
      if (!isBound && !(etaMin instanceof Double value && value > 0 && Double.isFinite(value))) {
        continue;
      }
      String cause = "where a group's initial rate is below eta_min";
      for (ScheduleInput other : schedules) {
        if (other != cosine && mayLower(other, bound.getOrDefault(other.index(), Map.of()))) {
          cause = other.type().torchName() + " in the chain can take it there";
          break;
        }
      }
      problems.add(Problem.warning(input.config(), cosine.mirror(), written, Message.NEGATIVE_RATE_CHAINED,
          ScheduleType.COSINE.torchName(), isBound ? "(bound)" : Emitter.literal(etaMin), cause));
    }
  }

  /** Schedules whose chained step sets the rate whatever rate it is given (from step 1 on). */
  private static boolean setsTheRate(ScheduleType type) {
    return type == ScheduleType.LAMBDA || type == ScheduleType.COSINE_WARM_RESTARTS
        || type == ScheduleType.CYCLIC || type == ScheduleType.ONE_CYCLE;
  }

  /**
   * Whether a schedule in a chain may multiply the rate by less than 1 after step 0, or set it:
   * whenever that cannot be ruled out from the written values.
   */
  private static boolean mayLower(ScheduleInput schedule, Map<Param, BindInput> binds) {
    switch (schedule.type()) {
      case CONSTANT:
        // factor on step 0, 1 / factor >= 1 at total_iters.
        return false;
      case LINEAR:
        return binds.containsKey(Param.START_FACTOR) || binds.containsKey(Param.END_FACTOR)
            || !(number(schedule, Param.END_FACTOR, 1.0) >= number(schedule, Param.START_FACTOR, 1.0 / 3));
      case EXPONENTIAL:
      case STEP:
      case MULTI_STEP:
        return binds.containsKey(Param.GAMMA)
            || !(number(schedule, Param.GAMMA, schedule.type() == ScheduleType.EXPONENTIAL ? 0.0 : 0.1) >= 1);
      case POLYNOMIAL:
        return binds.containsKey(Param.POWER) || binds.containsKey(Param.TOTAL_ITERS)
            || !(number(schedule, Param.POWER, 1.0) == 0 || number(schedule, Param.TOTAL_ITERS, 5) <= 0);
      default:
        return true;
    }
  }

  /** A written number, or {@code otherwise}. */
  private static double number(ScheduleInput schedule, Param param, double otherwise) {
    AnnotationValue value = schedule.written().get(param);
    return value == null || !(Values.of(param, value) instanceof Number number) ? otherwise : number.doubleValue();
  }

  private static void checkCombination(ConfigInput input, List<Problem> problems) {
    TypeElement config = input.config();
    int count = input.schedules().size();
    if (input.bothCombinators()) {
      problems.add(Problem.error(config, input.combinatorMirror(), null, Message.BOTH_COMBINATORS));
    }
    if (input.combinator() == Combinator.NONE) {
      if (count > 1) {
        problems.add(Problem.error(config, input.schedules().get(1).mirror(), null,
            Message.SEVERAL_WITHOUT_COMBINATOR, count));
      }
      return;
    }
    String name = input.combinator() == Combinator.SEQUENTIAL ? "Sequential" : "Chained";
    if (count == 0) {
      problems.add(Problem.error(config, input.combinatorMirror(), null,
          Message.COMBINATOR_WITHOUT_SCHEDULE, name));
      return;
    }
    if (input.combinator() == Combinator.SEQUENTIAL) {
      List<Integer> milestones = input.milestones();
      AnnotationValue value = input.milestonesValue();
      if (milestones.size() != count - 1) {
        problems.add(Problem.error(config, input.combinatorMirror(), value,
            Message.SEQUENTIAL_COUNT, milestones.size(), count));
      }
      for (int i = 0; i < milestones.size(); i++) {
        AnnotationValue at = Values.element(value, i);
        if (milestones.get(i) <= 0) {
          problems.add(Problem.error(config, input.combinatorMirror(), at,
              Message.SEQUENTIAL_RANGE, milestones.get(i)));
        } else if (i > 0 && milestones.get(i) <= milestones.get(i - 1)) {
          problems.add(Problem.error(config, input.combinatorMirror(), at,
              Message.SEQUENTIAL_ORDER, milestones.get(i), milestones.get(i - 1)));
        }
      }
    }
    for (ScheduleInput schedule : input.schedules()) {
      String torchName = schedule.type().torchName();
      if (schedule.type() == ScheduleType.REDUCE_ON_PLATEAU) {
        problems.add(Problem.error(config, schedule.mirror(), schedule.typeValue(),
            Message.NOT_COMBINABLE, torchName, name,
            "it is stepped with a metric, the others with the step alone"));
      } else if (cyclesMomentum(schedule)) {
        problems.add(Problem.error(config, schedule.mirror(), schedule.typeValue(),
            Message.NOT_COMBINABLE, torchName, name,
            "a combined schedule drives the rate only; set cycleMomentum = false"));
      }
      if (schedule.index() > 0 && schedule.type() == ScheduleType.ONE_CYCLE) {
        problems.add(Problem.error(config, schedule.mirror(), schedule.typeValue(),
            Message.NOT_COMBINABLE, torchName + " after another schedule", name,
            "PyTorch lets it overwrite the optimizer's initial rates that the schedules before it"
                + " already started from; put it first"));
      }
      if (input.combinator() == Combinator.SEQUENTIAL && schedule.index() > 0) {
        AnnotationValue totalIters = schedule.written().get(Param.TOTAL_ITERS);
        String refusal = totalIters == null || !(totalIters.getValue() instanceof Integer written)
            ? null : SequentialLR.restartRefusal(torchName, written);
        if (refusal != null) {
          problems.add(Problem.error(config, schedule.mirror(), totalIters, Message.INVALID_VALUE, refusal));
        }
      }
    }
    if (input.combinator() == Combinator.SEQUENTIAL && input.milestones().size() == count - 1) {
      checkMilestonesReached(input, problems);
    }
    checkListLengthsAcross(input, name, problems);
  }

  /**
   * A milestone after a OneCycleLR of written length must be reachable: the OneCycleLR runs
   * {@code total_steps} steps past its start and PyTorch raises on the next. A bound length is
   * checked by the same rule when the scheduler is built.
   */
  private static void checkMilestonesReached(ConfigInput input, List<Problem> problems) {
    List<Integer> milestones = input.milestones();
    for (int i = 0; i < milestones.size(); i++) {
      ScheduleInput schedule = input.schedules().get(i);
      if (schedule.type() != ScheduleType.ONE_CYCLE) {
        continue;
      }
      Integer totalSteps = writtenTotalSteps(schedule.written());
      if (totalSteps == null) {
        continue;
      }
      int start = i == 0 ? 0 : milestones.get(i - 1);
      String refusal = SequentialLR.unreachedMilestone(milestones.get(i), start, totalSteps);
      if (refusal != null) {
        problems.add(Problem.error(input.config(), input.combinatorMirror(),
            Values.element(input.milestonesValue(), i), Message.SEQUENTIAL_UNREACHED, refusal));
      }
    }
  }

  /**
   * OneCycleLR's {@code total_steps} as written, or computed from written epochs; null where it is
   * bound, missing or breaks its own rule (reported on its own).
   */
  private static Integer writtenTotalSteps(Map<Param, AnnotationValue> written) {
    if (written.containsKey(Param.TOTAL_STEPS)) {
      Object value = written.get(Param.TOTAL_STEPS).getValue();
      return value instanceof Integer total && total > 0 ? total : null;
    }
    if (written.containsKey(Param.EPOCHS) && written.containsKey(Param.STEPS_PER_EPOCH)
        && written.get(Param.EPOCHS).getValue() instanceof Integer epochs
        && written.get(Param.STEPS_PER_EPOCH).getValue() instanceof Integer perEpoch
        && epochs > 0 && perEpoch > 0) {
      try {
        return OneCycleLR.totalSteps(epochs, perEpoch);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The schedules of one combination act on the same parameter groups, so their written per-group
   * lists of more than one value must agree in length, as within one schedule: otherwise no group
   * count can build the scheduler. A bound list is checked against the group count when the
   * scheduler is built.
   */
  private static void checkListLengthsAcross(ConfigInput input, String combinator, List<Problem> problems) {
    ScheduleInput firstSchedule = null;
    Param first = null;
    int firstLength = 0;
    for (ScheduleInput schedule : input.schedules()) {
      boolean reported = false;
      for (Map.Entry<Param, AnnotationValue> w : schedule.written().entrySet()) {
        Param param = w.getKey();
        if ((param.shape != Param.Shape.GROUP_DOUBLES && param != Param.LR_LAMBDA)
            || !ParamTable.of(schedule.type()).containsKey(param)
            || !(w.getValue().getValue() instanceof List<?> list) || list.size() <= 1) {
          continue;
        }
        if (first == null) {
          firstSchedule = schedule;
          first = param;
          firstLength = list.size();
        } else if (schedule != firstSchedule && list.size() != firstLength && !reported) {
          // One error per schedule: its own lists that disagree are reported by checkListLengths,
          // and a list its type does not take is reported as not applicable.
          reported = true;
          problems.add(Problem.error(input.config(), schedule.mirror(), w.getValue(),
              Message.LIST_LENGTHS_ACROSS, param.attribute, schedule.index(),
              schedule.type().torchName(), list.size(), first.attribute, firstSchedule.index(),
              firstSchedule.type().torchName(), firstLength, combinator));
        }
      }
    }
  }

  private static boolean cyclesMomentum(ScheduleInput schedule) {
    if (!ParamTable.of(schedule.type()).containsKey(Param.CYCLE_MOMENTUM)) {
      return false;
    }
    AnnotationValue written = schedule.written().get(Param.CYCLE_MOMENTUM);
    return written == null || (Boolean) written.getValue();
  }

  /** Checks the binds; returns the valid ones by schedule index and attribute. */
  private static Map<Integer, Map<Param, BindInput>> checkBinds(
      ConfigInput input, List<Problem> problems) {
    Map<Integer, Map<Param, BindInput>> bound = new HashMap<>();
    TypeElement config = input.config();
    int count = input.schedules().size();
    for (BindInput bind : input.binds()) {
      ExecutableElement accessor = bind.accessor();
      Element carrier = bind.carrier();
      AnnotationValue at = bind.attributeValue();
      if (accessor.getModifiers().contains(Modifier.PRIVATE)
          || accessor.getModifiers().contains(Modifier.STATIC)
          || !accessor.getParameters().isEmpty()) {
        problems.add(Problem.error(carrier, bind.mirror(), null, Message.BIND_ACCESSOR,
            accessor.getSimpleName() + "()"));
        continue;
      }
      if (throwsChecked(bind, problems)) {
        continue;
      }
      var param = Param.forAttribute(bind.attribute());
      if (param.isEmpty()) {
        String takes = unbindableElement(bind.attribute());
        problems.add(takes != null
            ? Problem.error(carrier, bind.mirror(), at, Message.BIND_NOT_BINDABLE, bind.attribute(), takes)
            : Problem.error(carrier, bind.mirror(), at, Message.BIND_UNKNOWN, bind.attribute()));
        continue;
      }
      int index = bind.schedule();
      if (index < 0 && bind.scheduleValue() != null) {
        problems.add(Problem.error(carrier, bind.mirror(), bind.scheduleValue(),
            Message.BIND_SCHEDULE_NEGATIVE, index, count));
        continue;
      }
      if (index < 0 && count > 1) {
        problems.add(Problem.error(carrier, bind.mirror(), null, Message.BIND_WHICH_SCHEDULE,
            accessor.getSimpleName() + "()", count - 1));
        continue;
      }
      if (index < 0) {
        index = 0;
      }
      if (index >= count) {
        problems.add(Problem.error(carrier, bind.mirror(), bind.scheduleValue(),
            Message.BIND_SCHEDULE, index, count));
        continue;
      }
      ScheduleInput schedule = input.schedules().get(index);
      Param p = param.get();
      if (!p.shape.bindable) {
        problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_NOT_BINDABLE,
            p.attribute, unbindableElement(p.attribute)));
        continue;
      }
      if (!ParamTable.of(schedule.type()).containsKey(p)) {
        problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_NOT_APPLICABLE,
            p.attribute, schedule.type().torchName()));
        continue;
      }
      if (schedule.written().containsKey(p)) {
        problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_ALSO_WRITTEN,
            p.attribute, accessor.getSimpleName() + "()"));
        continue;
      }
      TypeMirror type = accessor.getReturnType();
      if (!bindableType(p, type)) {
        problems.add(Problem.error(carrier, bind.mirror(), null, Message.BIND_TYPE,
            accessor.getSimpleName() + "()", p.attribute, p.shape.javaType,
            accessor.getSimpleName() + "()", type));
        continue;
      }
      BindInput previous = bound.computeIfAbsent(index, i -> new HashMap<>()).putIfAbsent(p, bind);
      if (previous != null) {
        problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_TWICE, p.attribute,
            previous.accessor().getSimpleName() + "()", accessor.getSimpleName() + "()"));
      }
    }
    return bound;
  }

  /**
   * What an element of {@code @Schedule} takes, if it is one, for saying why it cannot be bound:
   * {@code type} is an element but no bindable attribute; enums, booleans, method names and
   * milestones shape the generated class.
   */
  static String unbindableElement(String attribute) {
    for (java.lang.reflect.Method element : dev.anneal.Schedule.class.getDeclaredMethods()) {
      if (!element.getName().equals(attribute)) {
        continue;
      }
      Class<?> type = element.getReturnType();
      if (type.isEnum()) {
        return "a " + type.getSimpleName() + " constant";
      } else if (type == boolean.class) {
        return "a boolean";
      } else if (type == String.class) {
        return "a method name";
      } else if (type == String[].class) {
        return "method names";
      } else if (type == int[].class) {
        return "an int[] of milestones";
      }
      return type.getSimpleName();
    }
    return null;
  }

  /**
   * Refuses an accessor that declares a checked exception: the generated constructor calls it and
   * could not compile the call, as for factor methods ({@link Message#METHOD_THROWS}).
   */
  private static boolean throwsChecked(BindInput bind, List<Problem> problems) {
    for (TypeMirror thrown : bind.accessor().getThrownTypes()) {
      if (checked(thrown)) {
        problems.add(Problem.error(bind.carrier(), bind.mirror(), null, Message.BIND_THROWS,
            bind.accessor().getSimpleName() + "()", thrown));
        return true;
      }
    }
    return false;
  }

  /** Whether a {@code @Bind} aims at this attribute, valid or not: its own error is enough. */
  private static boolean bindAttempted(ConfigInput input, ScheduleInput schedule, Param param) {
    int count = input.schedules().size();
    return input.binds().stream().anyMatch(bind -> bind.attribute().equals(param.attribute)
        && (bind.schedule() == schedule.index() || (bind.schedule() < 0 && count == 1)));
  }

  private static boolean bindableType(Param param, TypeMirror type) {
    switch (param.shape) {
      case INT:
        return type.getKind() == TypeKind.INT;
      case DOUBLE:
        return type.getKind() == TypeKind.DOUBLE;
      case GROUP_DOUBLES:
        return type.getKind() == TypeKind.DOUBLE
            || (type.getKind() == TypeKind.ARRAY
                && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.DOUBLE);
      default:
        return false;
    }
  }

  private static void checkSchedule(
      ConfigInput input, ScheduleInput schedule, Map<Param, BindInput> binds, List<Problem> problems) {
    TypeElement config = input.config();
    ScheduleType type = schedule.type();
    String torchType = type.torchName();
    AnnotationMirror mirror = schedule.mirror();
    Map<Param, Entry> entries = ParamTable.of(type);
    Map<Param, AnnotationValue> written = schedule.written();

    for (Map.Entry<Param, AnnotationValue> w : written.entrySet()) {
      if (!entries.containsKey(w.getKey())) {
        problems.add(Problem.error(config, mirror, w.getValue(), Message.NOT_APPLICABLE,
            w.getKey().attribute, w.getKey().torchName, torchType, ParamTable.names(type)));
      }
    }
    for (Entry entry : entries.values()) {
      Param param = entry.param();
      AnnotationValue value = written.get(param);
      if (value == null) {
        if (entry.required() && !binds.containsKey(param) && !bindAttempted(input, schedule, param)) {
          problems.add(Problem.error(config, mirror, null, Message.REQUIRED, torchType,
              param.attribute, param.torchName));
        }
        continue;
      }
      checkValue(config, mirror, torchType, entry, value, problems);
      if (param == Param.MODE) {
        Mode mode = (Mode) Values.of(param, value);
        if (!ParamTable.takesMode(type, mode)) {
          problems.add(Problem.error(config, mirror, value, Message.INVALID_MODE, torchType, mode,
              torchType, type == ScheduleType.CYCLIC ? "TRIANGULAR, TRIANGULAR2 or EXP_RANGE" : "MIN or MAX"));
        }
      }
      if (param == Param.LR_LAMBDA || param == Param.SCALE_FN) {
        checkMethods(config, mirror, param, value, problems);
      }
    }
    checkListLengths(config, mirror, written, problems);
    checkSignOfTheRate(config, mirror, type, written, problems);
    checkGrowth(config, mirror, type, written, problems);
    switch (type) {
      case STEP:
        AnnotationValue stepSize = written.get(Param.STEP_SIZE);
        if (stepSize != null && (Integer) stepSize.getValue() < 0) {
          int value = (Integer) stepSize.getValue();
          problems.add(Problem.warning(config, mirror, stepSize, Message.NEGATIVE_STEP_SIZE, value, -value));
        }
        break;
      case MULTI_STEP:
        AnnotationValue milestones = written.get(Param.MILESTONES);
        checkNoMilestones(config, mirror, milestones, problems);
        if (milestones != null) {
          int[] values = (int[]) Values.of(Param.MILESTONES, milestones);
          for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
              boolean laterPhase =
                  input.combinator() == Combinator.SEQUENTIAL && schedule.index() > 0;
              problems.add(Problem.warning(config, mirror, Values.element(milestones, i),
                  laterPhase ? Message.NEGATIVE_MILESTONE_AT_START : Message.NEGATIVE_MILESTONE,
                  values[i]));
            }
          }
        }
        break;
      case CONSTANT:
      case LINEAR:
      case POLYNOMIAL:
        AnnotationValue totalIters = written.get(Param.TOTAL_ITERS);
        if (totalIters != null && (Integer) totalIters.getValue() <= 0) {
          if (input.combinator() == Combinator.SEQUENTIAL && schedule.index() > 0) {
            if ((Integer) totalIters.getValue() < 0 || type == ScheduleType.CONSTANT) {
              problems.add(Problem.warning(config, mirror, totalIters, Message.NEVER_CHANGES_LATER,
                  torchType, totalIters.getValue(), type == ScheduleType.CONSTANT ? "base_lr"
                      : type == ScheduleType.LINEAR ? "base_lr * end_factor"
                      : "base_lr * 0^power (0, or base_lr where power is 0)"));
            }
          } else {
            problems.add(Problem.warning(config, mirror, totalIters, Message.NEVER_CHANGES, torchType,
                totalIters.getValue()));
          }
        }
        break;
      case CYCLIC:
        if (written.containsKey(Param.SCALE_FN) && written.containsKey(Param.MODE)) {
          problems.add(Problem.warning(config, mirror, written.get(Param.MODE), Message.IGNORED,
              "mode", "scaleFn replaces the mode's amplitude function"));
        }
        if (!written.containsKey(Param.SCALE_FN) && written.containsKey(Param.SCALE_MODE)) {
          problems.add(Problem.warning(config, mirror, written.get(Param.SCALE_MODE), Message.IGNORED,
              "scaleMode", "it applies to scaleFn only"));
        }
        checkMomentumIgnored(config, mirror, written, problems);
        checkScaleSign(config, mirror, written, binds, problems);
        break;
      case ONE_CYCLE:
        checkOneCycle(config, mirror, written, binds, problems);
        checkMomentumIgnored(config, mirror, written, problems);
        break;
      default:
        break;
    }
  }

  /** MultiStepLR with no milestone never decays: PyTorch runs it, at the initial rates throughout. */
  private static void checkNoMilestones(
      TypeElement config, AnnotationMirror mirror, AnnotationValue milestones, List<Problem> problems) {
    if (milestones != null && ((List<?>) milestones.getValue()).isEmpty()) {
      problems.add(Problem.warning(config, mirror, milestones, Message.NO_MILESTONES));
    }
  }

  private static void checkValue(
      TypeElement config, AnnotationMirror mirror, String torchType, Entry entry,
      AnnotationValue value, List<Problem> problems) {
    Param param = entry.param();
    Rule rule = entry.rule();
    Object converted = Values.of(param, value);
    if (rule == null) {
      return;
    }
    if (converted instanceof Integer i) {
      if (!rule.holds(i)) {
        problems.add(Problem.error(config, mirror, value, Message.INVALID_VALUE,
            rule.message(torchType, param.attribute, param.torchName, i)));
      }
    } else if (converted instanceof Double d) {
      if (!rule.holds(d)) {
        problems.add(Problem.error(config, mirror, value, Message.INVALID_VALUE,
            rule.message(torchType, param.attribute, param.torchName, d)));
      }
    } else if (converted instanceof double[] list) {
      if (list.length == 0) {
        problems.add(Problem.error(config, mirror, value, Message.LIST_EMPTY_VALUES,
            Checks.emptyList(torchType, param.attribute, param.torchName)));
      }
      for (int i = 0; i < list.length; i++) {
        if (!rule.holds(list[i])) {
          problems.add(Problem.error(config, mirror, Values.element(value, i), Message.INVALID_VALUE,
              rule.message(torchType, Checks.element(param.attribute, i, list.length), param.torchName,
                  list[i])));
        }
      }
    }
  }

  private static void checkListLengths(
      TypeElement config, AnnotationMirror mirror, Map<Param, AnnotationValue> written,
      List<Problem> problems) {
    Param first = null;
    int firstLength = 0;
    for (Map.Entry<Param, AnnotationValue> w : written.entrySet()) {
      Param param = w.getKey();
      if (param.shape != Param.Shape.GROUP_DOUBLES && param != Param.LR_LAMBDA) {
        continue;
      }
      int length = ((List<?>) w.getValue().getValue()).size();
      if (length <= 1) {
        continue;
      }
      if (first == null) {
        first = param;
        firstLength = length;
      } else if (length != firstLength) {
        problems.add(Problem.error(config, mirror, w.getValue(), Message.LIST_LENGTHS,
            param.attribute, length, first.attribute, firstLength));
      }
    }
  }

  private static void checkMethods(
      TypeElement config, AnnotationMirror mirror, Param param, AnnotationValue value,
      List<Problem> problems) {
    boolean scale = param == Param.SCALE_FN;
    List<AnnotationValue> names = new ArrayList<>();
    if (scale) {
      names.add(value);
    } else {
      for (Object element : (List<?>) value.getValue()) {
        names.add((AnnotationValue) element);
      }
      if (names.isEmpty()) {
        problems.add(Problem.error(config, mirror, value, Message.LIST_EMPTY, param.attribute, param.torchName));
      }
    }
    String expected = scale ? "double name(double x)" : "double name(long step) or double name(int step)";
    for (AnnotationValue nameValue : names) {
      String name = (String) nameValue.getValue();
      List<ExecutableElement> named = Methods.named(config, name);
      if (named.isEmpty()) {
        problems.add(Problem.error(config, mirror, nameValue, Message.METHOD_MISSING,
            param.attribute, "\"" + name + "\"", config.getSimpleName()));
        continue;
      }
      List<ExecutableElement> fitting = Methods.fitting(named, scale);
      if (fitting.size() > 1) {
        problems.add(Problem.error(config, mirror, nameValue, Message.METHOD_AMBIGUOUS,
            param.attribute, "\"" + name + "\"", config.getSimpleName(), expected, describe(config, fitting)));
        continue;
      }
      if (fitting.isEmpty()) {
        problems.add(Problem.error(config, mirror, nameValue, Message.METHOD_SIGNATURE,
            param.attribute, "\"" + name + "\"", expected, describe(config, named)));
        continue;
      }
      ExecutableElement method = fitting.get(0);
      TypeElement declaring = Methods.declaringType(method);
      if (!declaring.equals(config) && !Methods.reachable(method, config)) {
        problems.add(Problem.error(config, mirror, nameValue, Message.METHOD_UNREACHABLE,
            param.attribute, "\"" + name + "\"", declaring.getQualifiedName(), Methods.describe(method),
            config.getSimpleName()));
        continue;
      }
      for (TypeMirror thrown : method.getThrownTypes()) {
        if (checked(thrown)) {
          problems.add(Problem.error(config, mirror, nameValue, Message.METHOD_THROWS,
              param.attribute, "\"" + name + "\"", thrown));
          break;
        }
      }
    }
  }

  /** The methods as a reader would write them, those inherited with the type that declares them. */
  private static String describe(TypeElement config, List<ExecutableElement> methods) {
    List<String> described = new ArrayList<>();
    for (ExecutableElement method : methods) {
      TypeElement declaring = Methods.declaringType(method);
      described.add(Methods.describe(method)
          + (declaring.equals(config) ? "" : " (declared on " + declaring.getQualifiedName() + ")"));
    }
    return String.join(" and ", described);
  }

  /** The parameters whose negative values PyTorch accepts and which turn the rate negative. */
  private static final Map<ScheduleType, Set<Param>> SIGN_OF_THE_RATE = Map.of(
      ScheduleType.STEP, EnumSet.of(Param.GAMMA),
      ScheduleType.MULTI_STEP, EnumSet.of(Param.GAMMA),
      ScheduleType.EXPONENTIAL, EnumSet.of(Param.GAMMA),
      ScheduleType.COSINE, EnumSet.of(Param.ETA_MIN),
      ScheduleType.COSINE_WARM_RESTARTS, EnumSet.of(Param.ETA_MIN),
      ScheduleType.CYCLIC, EnumSet.of(Param.BASE_LR, Param.MAX_LR, Param.GAMMA),
      ScheduleType.ONE_CYCLE, EnumSet.of(Param.MAX_LR, Param.DIV_FACTOR, Param.FINAL_DIV_FACTOR),
      ScheduleType.REDUCE_ON_PLATEAU, EnumSet.of(Param.FACTOR));

  /**
   * A negative rate is what PyTorch computes for these values, so they are not refused; but a
   * trainer would rarely want one, so they are pointed out.
   */
  private static void checkSignOfTheRate(Element config, AnnotationMirror mirror, ScheduleType type,
      Map<Param, AnnotationValue> written, List<Problem> problems) {
    for (Param param : SIGN_OF_THE_RATE.getOrDefault(type, EnumSet.noneOf(Param.class))) {
      AnnotationValue value = written.get(param);
      if (value == null) {
        continue;
      }
      Object read = Values.of(param, value);
      double lowest = read instanceof double[] values
          ? java.util.Arrays.stream(values).min().orElse(0)
          : ((Number) read).doubleValue();
      if (lowest < 0) {
        problems.add(Problem.warning(config, mirror, value, Message.NEGATIVE_RATE, type.torchName(),
            param.attribute, param.torchName, read instanceof double[] values ? java.util.Arrays.toString(values)
                : Emitter.literal(read)));
      }
    }
  }

  /** {@code ln(Double.MAX_VALUE)}: how far a rate of 1 can grow, as a power of e. */
  private static final double LN_LARGEST = Math.log(Double.MAX_VALUE);

  /**
   * A {@code gamma} above 1 in magnitude makes ExponentialLR, StepLR and CyclicLR's exp_range grow
   * without bound (and MultiStepLR by gamma to the number of its milestones): PyTorch accepts
   * it, so it is pointed out with how soon the rate leaves the doubles.
   */
  private static void checkGrowth(Element config, AnnotationMirror mirror, ScheduleType type,
      Map<Param, AnnotationValue> written, List<Problem> problems) {
    AnnotationValue value = written.get(Param.GAMMA);
    if (value == null || !(Values.of(Param.GAMMA, value) instanceof Double gamma)
        || !(Math.abs(gamma) > 1) || !Double.isFinite(gamma)) {
      return;
    }
    double stepsToOverflow = LN_LARGEST / Math.log(Math.abs(gamma));
    String how;
    switch (type) {
      case EXPONENTIAL:
        how = "without bound: from a rate of 1 it passes the largest double after about "
            + steps(stepsToOverflow) + " steps";
        break;
      case STEP: {
        AnnotationValue stepSize = written.get(Param.STEP_SIZE);
        long period = stepSize == null ? 1 : Math.abs((long) (Integer) stepSize.getValue());
        how = "without bound: from a rate of 1 it passes the largest double after about "
            + steps(Math.ceil(stepsToOverflow) * Math.max(period, 1)) + " steps";
        break;
      }
      case MULTI_STEP: {
        AnnotationValue milestones = written.get(Param.MILESTONES);
        int reachable = milestones == null ? 0
            : dev.anneal.math.MultiStepLR.reachable((int[]) Values.of(Param.MILESTONES, milestones)).length;
        how = "at each of its " + reachable + " reachable milestones, to " + Math.pow(Math.abs(gamma), reachable)
            + " times the initial rate";
        break;
      }
      case CYCLIC: {
        AnnotationValue mode = written.get(Param.MODE);
        if (mode == null || Values.of(Param.MODE, mode) != Mode.EXP_RANGE || written.containsKey(Param.SCALE_FN)) {
          return;
        }
        how = "without bound: exp_range's amplitude gamma^t passes the largest double after about "
            + steps(stepsToOverflow) + " steps";
        break;
      }
      default:
        return;
    }
    problems.add(Problem.warning(config, mirror, value, Message.GROWING_RATE, type.torchName(), Param.GAMMA.attribute,
        Param.GAMMA.torchName, Emitter.literal(gamma), how));
  }

  private static String steps(double steps) {
    return steps >= 1e15 ? String.format(java.util.Locale.ROOT, "%.3g", steps)
        : String.format(java.util.Locale.ROOT, "%,d", (long) Math.ceil(steps));
  }

  /**
   * Whether a thrown type is a checked exception, which the generated class, calling the method
   * from {@code step()} and {@code lr()}, could neither catch nor declare.
   */
  private static boolean checked(TypeMirror thrown) {
    TypeMirror type = thrown;
    while (type.getKind() == TypeKind.TYPEVAR || type.getKind() == TypeKind.INTERSECTION) {
      type = type.getKind() == TypeKind.TYPEVAR
          ? ((TypeVariable) type).getUpperBound()
          : ((IntersectionType) type).getBounds().get(0);
    }
    while (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      String name = element.getQualifiedName().toString();
      if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
        return false;
      }
      type = element.getSuperclass();
    }
    // A type javac cannot resolve is javac's to report.
    return type.getKind() != TypeKind.ERROR;
  }

  private static void checkOneCycle(
      TypeElement config, AnnotationMirror mirror, Map<Param, AnnotationValue> written,
      Map<Param, BindInput> binds, List<Problem> problems) {
    boolean total = written.containsKey(Param.TOTAL_STEPS) || binds.containsKey(Param.TOTAL_STEPS);
    boolean epochs = written.containsKey(Param.EPOCHS) || binds.containsKey(Param.EPOCHS);
    boolean perEpoch =
        written.containsKey(Param.STEPS_PER_EPOCH) || binds.containsKey(Param.STEPS_PER_EPOCH);
    if (!total && !(epochs && perEpoch)) {
      problems.add(Problem.error(config, mirror, null, Message.ONE_CYCLE_LENGTH));
      return;
    }
    if (total && (epochs || perEpoch)) {
      AnnotationValue ignored = written.getOrDefault(Param.EPOCHS, written.get(Param.STEPS_PER_EPOCH));
      problems.add(Problem.warning(config, mirror, ignored, Message.IGNORED,
          "epochs and stepsPerEpoch", "totalSteps is given, and PyTorch uses it"));
    }
    Integer totalSteps = null;
    if (written.containsKey(Param.TOTAL_STEPS)) {
      totalSteps = (Integer) written.get(Param.TOTAL_STEPS).getValue();
    } else if (!total && written.containsKey(Param.EPOCHS) && written.containsKey(Param.STEPS_PER_EPOCH)) {
      int epochCount = (Integer) written.get(Param.EPOCHS).getValue();
      int perEpochCount = (Integer) written.get(Param.STEPS_PER_EPOCH).getValue();
      if (epochCount <= 0 || perEpochCount <= 0) {
        return; // Their own rule reports them.
      }
      try {
        totalSteps = OneCycleLR.totalSteps(epochCount, perEpochCount);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error(config, mirror, written.get(Param.STEPS_PER_EPOCH),
            Message.INVALID_VALUE, e.getMessage()));
        return;
      }
    }
    if (totalSteps == null || totalSteps <= 0 || binds.containsKey(Param.PCT_START)) {
      return;
    }
    AnnotationValue pctValue = written.get(Param.PCT_START);
    double pctStart = pctValue == null ? 0.3 : (Double) pctValue.getValue();
    if (!Rule.UNIT_INTERVAL.holds(pctStart)) {
      return;
    }
    AnnotationValue threeValue = written.get(Param.THREE_PHASE);
    boolean threePhase = threeValue != null && (Boolean) threeValue.getValue();
    String why = OneCycleLR.zeroLengthPhase(totalSteps, pctStart, threePhase);
    if (why != null) {
      problems.add(Problem.error(config, mirror, pctValue, Message.ONE_CYCLE_PHASE, why));
    }
  }

  /**
   * CyclicLR's rate is {@code base_lr + (max_lr - base_lr) * level}, with a level in [0, 1] for the
   * built-in modes but up to whatever a config's {@code scale_fn} returns: where some group's
   * {@code max_lr} is below its {@code base_lr} (or either is bound), a value above 1 takes the
   * rate below {@code max_lr}, and below 0 if it is large enough.
   */
  private static void checkScaleSign(TypeElement config, AnnotationMirror mirror, Map<Param, AnnotationValue> written,
      Map<Param, BindInput> binds, List<Problem> problems) {
    AnnotationValue scaleFn = written.get(Param.SCALE_FN);
    if (scaleFn == null) {
      return;
    }
    String why = null;
    if (binds.containsKey(Param.BASE_LR) || binds.containsKey(Param.MAX_LR)) {
      why = "baseLr or maxLr is bound, so maxLr may be below baseLr";
    } else if (written.get(Param.BASE_LR) != null && written.get(Param.MAX_LR) != null
        && Values.of(Param.BASE_LR, written.get(Param.BASE_LR)) instanceof double[] base
        && Values.of(Param.MAX_LR, written.get(Param.MAX_LR)) instanceof double[] max
        && base.length > 0 && max.length > 0) {
      for (int g = 0; g < Math.max(base.length, max.length); g++) {
        double b = base[base.length == 1 ? 0 : Math.min(g, base.length - 1)];
        double m = max[max.length == 1 ? 0 : Math.min(g, max.length - 1)];
        if (m < b) {
          why = "maxLr (max_lr) = " + Emitter.literal(m) + " is below baseLr (base_lr) = " + Emitter.literal(b)
              + (Math.max(base.length, max.length) > 1 ? " for group " + g : "");
          break;
        }
      }
    }
    if (why != null) {
      problems.add(Problem.warning(config, mirror, scaleFn, Message.NEGATIVE_RATE_SCALE,
          "\"" + scaleFn.getValue() + "\"", why));
    }
  }

  private static void checkMomentumIgnored(
      TypeElement config, AnnotationMirror mirror, Map<Param, AnnotationValue> written,
      List<Problem> problems) {
    AnnotationValue cycle = written.get(Param.CYCLE_MOMENTUM);
    if (cycle == null || (Boolean) cycle.getValue()) {
      return;
    }
    for (Param param : List.of(Param.BASE_MOMENTUM, Param.MAX_MOMENTUM)) {
      if (written.containsKey(param)) {
        problems.add(Problem.warning(config, mirror, written.get(param), Message.IGNORED,
            param.attribute, "cycleMomentum is false"));
      }
    }
  }
}

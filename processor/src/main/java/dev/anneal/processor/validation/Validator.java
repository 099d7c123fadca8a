package dev.anneal.processor.validation;

import dev.anneal.Mode;
import dev.anneal.internal.Checks;
import dev.anneal.internal.Rule;
import dev.anneal.math.SequentialLR;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.model.Attribute;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.Combinator;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.Methods;
import dev.anneal.processor.reading.Values;
import dev.anneal.processor.writing.Emitter;
import dev.anneal.processor.writing.Names;
import java.util.ArrayList;
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
    checkWarmup(input, problems);
    Map<Integer, Map<Param, BindInput>> bound = checkBinds(input, problems);
    if (input.warmup() != null) {
      checkSchedule(input, input.warmup(), bound.getOrDefault(ConfigInput.WARMUP, Map.of()), problems);
    }
    for (ScheduleInput schedule : input.schedules()) {
      checkSchedule(input, schedule, bound.getOrDefault(schedule.index(), Map.of()), problems);
    }
    checkDecaysWithinPhases(input, problems);
    checkPerGroupTotal(input, problems);
    checkChains(input, bound, problems);
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
      schedule.kind().checkPhase(check(input, schedule, Map.of(), problems), length, start, end);
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

  /** Each schedule of a @Chained config, as its kind checks it among the others. */
  private static void checkChains(
      ConfigInput input, Map<Integer, Map<Param, BindInput>> bound, List<Problem> problems) {
    if (input.combinator() != Combinator.CHAINED) {
      return;
    }
    Chain chain = new Chain(input, index -> check(input, input.schedules().get(index),
        bound.getOrDefault(index, Map.of()), problems));
    for (ScheduleInput schedule : input.schedules()) {
      schedule.kind().checkInChain(chain.check(schedule.index()), chain);
    }
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
      String torchName = schedule.torchName();
      if (cyclesMomentum(schedule)) {
        problems.add(Problem.error(config, schedule.mirror(), schedule.typeValue(),
            Message.NOT_COMBINABLE, torchName, name,
            "a combined schedule drives the rate only; set cycleMomentum = false"));
      }
      schedule.kind().checkInCombination(check(input, schedule, Map.of(), problems), name);
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
   * A {@code @Warmup} is a first phase in front of one schedule or of a {@code @Sequential}: the
   * schedule after it restarts at its end, as a later phase of {@code @Sequential} does.
   */
  private static void checkWarmup(ConfigInput input, List<Problem> problems) {
    ScheduleInput warmup = input.warmup();
    if (warmup == null) {
      return;
    }
    TypeElement config = input.config();
    if (input.schedules().isEmpty()) {
      problems.add(Problem.error(config, warmup.mirror(), null, Message.WARMUP_WITHOUT_SCHEDULE));
      return;
    }
    if (input.combinator() == Combinator.CHAINED) {
      problems.add(Problem.error(config, warmup.mirror(), null, Message.WARMUP_CHAINED));
      return;
    }
    ScheduleInput first = input.schedules().get(0);
    String torchName = first.torchName();
    if (first.type() == dev.anneal.ScheduleType.ONE_CYCLE) {
      problems.add(Problem.error(config, first.mirror(), first.typeValue(), Message.WARMUP_NOT_BEFORE, torchName,
          "it warms up itself, over pctStart (pct_start) of its totalSteps"));
    } else if (input.combinator() == Combinator.NONE && cyclesMomentum(first)) {
      problems.add(Problem.error(config, first.mirror(), first.typeValue(), Message.WARMUP_NOT_BEFORE, torchName,
          "a warm-up drives the rate only, and this CyclicLR cycles the momentum too; set cycleMomentum = false"));
    }
    AnnotationValue steps = warmup.written().get(Param.WARMUP_STEPS);
    if (steps != null && steps.getValue() instanceof Integer length && !input.milestones().isEmpty()) {
      long last = (long) length + input.milestones().get(input.milestones().size() - 1);
      if (last > Integer.MAX_VALUE) {
        problems.add(Problem.error(config, warmup.mirror(), steps, Message.INVALID_VALUE, "Warmup: steps = " + length
            + " moves the last milestone of @Sequential to step " + last + ", past the largest int, "
            + Integer.MAX_VALUE));
      }
    }
    AnnotationValue totalIters = first.written().get(Param.TOTAL_ITERS);
    String refusal = totalIters == null || !(totalIters.getValue() instanceof Integer written)
        ? null : SequentialLR.restartRefusal(torchName, written);
    if (refusal != null) {
      problems.add(Problem.error(config, first.mirror(), totalIters, Message.INVALID_VALUE, refusal));
    }
  }

  /** Each phase but the last must still run at the milestone that ends it. */
  private static void checkMilestonesReached(ConfigInput input, List<Problem> problems) {
    List<Integer> milestones = input.milestones();
    for (int i = 0; i < milestones.size(); i++) {
      ScheduleInput schedule = input.schedules().get(i);
      schedule.kind().checkHandOver(check(input, schedule, Map.of(), problems), milestones.get(i),
          i == 0 ? 0 : milestones.get(i - 1));
    }
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
            || !schedule.kind().attributes().takes(param)
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
              schedule.torchName(), list.size(), first.attribute, firstSchedule.index(),
              firstSchedule.torchName(), firstLength, combinator));
        }
      }
    }
  }

  private static boolean cyclesMomentum(ScheduleInput schedule) {
    if (!schedule.kind().attributes().takes(Param.CYCLE_MOMENTUM)) {
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
      Param warmupParam = WARMUP_BINDS.get(bind.attribute());
      // Keras's and optax's own warmup_steps is a schedule's attribute of that name: without a
      // @Warmup, the name binds it.
      if (warmupParam != null && (input.warmup() != null || !takenBySchedule(input, bind.attribute()))) {
        if (input.warmup() == null) {
          problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_NO_WARMUP, bind.attribute(),
              warmupParam.attribute));
        } else {
          bindTo(input.warmup(), warmupParam, bind, ConfigInput.WARMUP, bound, problems);
        }
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
      bindTo(input.schedules().get(index), param.get(), bind, index, bound, problems);
    }
    return bound;
  }

  private static boolean takenBySchedule(ConfigInput input, String attribute) {
    var param = Param.forAttribute(attribute);
    return param.isPresent()
        && input.schedules().stream().anyMatch(s -> s.kind().attributes().takes(param.get()));
  }

  /** The names under which {@code @Bind} binds the attributes of {@code @Warmup}. */
  private static final Map<String, Param> WARMUP_BINDS =
      Map.of("warmupSteps", Param.WARMUP_STEPS, "warmupStartFactor", Param.START_FACTOR);

  /** Whether {@code attribute} is a name under which {@code @Bind} binds an attribute of {@code @Warmup}. */
  public static boolean bindsWarmup(String attribute) {
    return WARMUP_BINDS.containsKey(attribute);
  }

  /** The name under which {@code @Bind} binds {@code param} of {@code schedule}. */
  public static String bindName(ScheduleInput schedule, Param param) {
    if (schedule.index() == ConfigInput.WARMUP) {
      for (Map.Entry<String, Param> name : WARMUP_BINDS.entrySet()) {
        if (name.getValue() == param) {
          return name.getKey();
        }
      }
    }
    return param.attribute;
  }

  /** Checks one bind of {@code p} of {@code schedule}, at {@code index}, and records it if valid. */
  private static void bindTo(ScheduleInput schedule, Param p, BindInput bind, int index,
      Map<Integer, Map<Param, BindInput>> bound, List<Problem> problems) {
    ExecutableElement accessor = bind.accessor();
    Element carrier = bind.carrier();
    AnnotationValue at = bind.attributeValue();
    if (!p.shape.bindable) {
      problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_NOT_BINDABLE,
          p.attribute, unbindableElement(p.attribute)));
      return;
    }
    if (!schedule.kind().attributes().takes(p)) {
      problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_NOT_APPLICABLE,
          p.attribute, schedule.torchName()));
      return;
    }
    if (schedule.written().containsKey(p)) {
      problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_ALSO_WRITTEN,
          p.attribute, accessor.getSimpleName() + "()"));
      return;
    }
    TypeMirror type = accessor.getReturnType();
    boolean oneValue = schedule.kind().oneValue().contains(p);
    if (oneValue ? type.getKind() != TypeKind.DOUBLE : !bindableType(p, type)) {
      problems.add(Problem.error(carrier, bind.mirror(), null, Message.BIND_TYPE,
          accessor.getSimpleName() + "()", p.attribute, oneValue ? "double" : p.shape.javaType,
          accessor.getSimpleName() + "()", type));
      return;
    }
    BindInput previous = bound.computeIfAbsent(index, i -> new HashMap<>()).putIfAbsent(p, bind);
    if (previous != null) {
      problems.add(Problem.error(carrier, bind.mirror(), at, Message.BIND_TWICE, p.attribute,
          previous.accessor().getSimpleName() + "()", accessor.getSimpleName() + "()"));
    }
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
  static boolean bindAttempted(ConfigInput input, ScheduleInput schedule, Param param) {
    if (schedule.index() == ConfigInput.WARMUP) {
      String name = bindName(schedule, param);
      return input.binds().stream().anyMatch(bind -> bind.attribute().equals(name));
    }
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
    Kind kind = schedule.kind();
    String torchType = kind.torchName();
    AnnotationMirror mirror = schedule.mirror();
    Map<Param, AnnotationValue> written = schedule.written();

    for (Map.Entry<Param, AnnotationValue> w : written.entrySet()) {
      if (!kind.attributes().takes(w.getKey())) {
        problems.add(Problem.error(config, mirror, w.getValue(), Message.NOT_APPLICABLE,
            w.getKey().attribute, w.getKey().torchName, torchType, kind.attributes().names()));
      }
    }
    for (Attribute attribute : kind.attributes().all()) {
      Param param = attribute.param();
      AnnotationValue value = written.get(param);
      if (value == null) {
        if (attribute.required() && !binds.containsKey(param) && !bindAttempted(input, schedule, param)) {
          problems.add(Problem.error(config, mirror, null, Message.REQUIRED, torchType,
              param.attribute, param.torchName));
        }
        continue;
      }
      checkValue(config, mirror, torchType, attribute, value, problems);
      if (kind.oneValue().contains(param) && Values.of(param, value) instanceof double[] list && list.length > 1) {
        problems.add(Problem.error(config, mirror, value, Message.ONE_VALUE, torchType, param.attribute,
            param.torchName, list.length + " values"));
      }
      if (param == Param.MODE) {
        Mode mode = (Mode) Values.of(param, value);
        if (!kind.modes().contains(mode)) {
          problems.add(Problem.error(config, mirror, value, Message.INVALID_MODE, torchType, mode,
              torchType, either(kind.modes())));
        }
      }
      if (param == Param.LR_LAMBDA || param == Param.SCALE_FN) {
        checkMethods(config, mirror, param, value, problems);
      }
    }
    checkListLengths(config, mirror, written, problems);
    ScheduleCheck check = check(input, schedule, binds, problems);
    checkDerived(check);
    checkSignOfTheRate(check, kind);
    checkGrowth(check, kind);
    kind.check(check);
  }

  /**
   * An attribute left out that the reference would compute from values it refuses (a product past
   * the largest int, a time scale of 0): reported on the last of those values written.
   */
  private static void checkDerived(ScheduleCheck check) {
    for (Value value : check.resolved().values()) {
      if (value instanceof Value.Refused refused) {
        AnnotationValue at = null;
        for (Param input : refused.formula().from()) {
          at = check.isWritten(input) ? check.written(input) : at;
        }
        check.error(at, Message.INVALID_VALUE, refused.reason());
      }
    }
  }

  private static ScheduleCheck check(
      ConfigInput input, ScheduleInput schedule, Map<Param, BindInput> binds, List<Problem> problems) {
    return new ScheduleCheck(input, schedule, schedule.kind(), binds, problems);
  }

  /** {@code A, B or C}, in the enum's order. */
  private static String either(Set<Mode> modes) {
    List<String> names = modes.stream().sorted().map(Mode::name).toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static void checkValue(
      TypeElement config, AnnotationMirror mirror, String torchType, Attribute attribute,
      AnnotationValue value, List<Problem> problems) {
    Param param = attribute.param();
    Rule rule = attribute.rule().orElse(null);
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
      if (list.length == 0 && param.shape == Param.Shape.GROUP_DOUBLES) {
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

  /**
   * A negative rate is what PyTorch computes for these values, so they are not refused; but a
   * trainer would rarely want one, so they are pointed out.
   */
  private static void checkSignOfTheRate(ScheduleCheck check, Kind kind) {
    for (Param param : kind.signOfTheRate()) {
      AnnotationValue value = check.written(param);
      if (value == null) {
        continue;
      }
      Object read = Values.of(param, value);
      double lowest = read instanceof double[] values
          ? java.util.Arrays.stream(values).min().orElse(0)
          : ((Number) read).doubleValue();
      if (lowest < 0) {
        check.warning(value, Message.NEGATIVE_RATE, kind.torchName(), param.attribute, param.torchName,
            read instanceof double[] values ? java.util.Arrays.toString(values) : Emitter.literal(read));
      }
    }
  }

  /**
   * A {@code gamma} above 1 in magnitude can make the rate grow without bound; PyTorch accepts
   * it, so where the kind says how it grows it is pointed out with how soon the rate leaves the
   * doubles.
   */
  private static void checkGrowth(ScheduleCheck check, Kind kind) {
    AnnotationValue value = check.written(Param.GAMMA);
    if (value == null || !(Values.of(Param.GAMMA, value) instanceof Double gamma)
        || !(Math.abs(gamma) > 1) || !Double.isFinite(gamma)) {
      return;
    }
    kind.growth(check, gamma).ifPresent(how -> check.warning(value, Message.GROWING_RATE, kind.torchName(),
        Param.GAMMA.attribute, Param.GAMMA.torchName, Emitter.literal(gamma), how));
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
}

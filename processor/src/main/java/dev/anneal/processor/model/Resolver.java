package dev.anneal.processor.model;

import dev.anneal.internal.Rule;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.model.Attribute.Fallback;
import dev.anneal.processor.model.ConfigModel.Value;
import dev.anneal.processor.reading.ConfigInput.BindInput;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.Values;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.type.TypeKind;

/**
 * The value of every attribute a schedule takes, resolved in one place for the validator and the
 * model: written in the annotation, bound to the config, the reference's default, the value of the
 * attribute it defaults to, or computed by the reference's formula from others (OneCycleLR's
 * {@code total_steps} from {@code epochs}). An attribute left out without any of these has none,
 * and so has a derived one whose inputs are missing or break their own rules (reported on them).
 */
public final class Resolver {
  private Resolver() {}

  /**
   * @param bindOf the valid {@code @Bind} of an attribute of this schedule, or null
   * @param laterPhase whether the schedule is a later phase of {@code @Sequential}
   */
  public static Map<Param, Value> resolve(
      Kind kind, ScheduleInput schedule, Function<Param, BindInput> bindOf, boolean laterPhase) {
    Map<Param, Value> values = new EnumMap<>(Param.class);
    for (Attribute attribute : kind.attributes().all()) {
      Param param = attribute.param();
      BindInput bind = bindOf.apply(param);
      if (schedule.written().containsKey(param)) {
        Object written = Values.of(param, schedule.written().get(param));
        if (kind.oneValue().contains(param)) {
          // The one number, which formulas and the writer take; of a list of another length,
          // which the validator refuses, NaN, which no formula folds.
          double[] list = (double[]) written;
          written = list.length == 1 ? list[0] : Double.NaN;
        }
        values.put(param, new Value.Written(kind.resolveWritten(param, written, laterPhase),
            schedule.written().get(param)));
      } else if (bind != null) {
        boolean array = bind.accessor().getReturnType().getKind() == TypeKind.ARRAY;
        values.put(param, new Value.Bound(bind.accessor().getSimpleName().toString(), array, bind.accessor()));
      } else if (attribute.fallback() instanceof Fallback.Default fallback) {
        Object value = fallback.value();
        if (param.shape == Param.Shape.GROUP_DOUBLES) {
          value = new double[] {(Double) value};
        }
        values.put(param, new Value.Defaulted(value));
      } else if (attribute.fallback() instanceof Fallback.SameAs same && values.containsKey(same.other())) {
        // The very value of the other attribute: the writer then reads one field for both.
        values.put(param, values.get(same.other()));
      }
    }
    // Derived last: a formula may take attributes declared after it.
    for (Attribute attribute : kind.attributes().all()) {
      if (attribute.fallback() instanceof Fallback.Derived derived && !values.containsKey(attribute.param())) {
        Value value = derive(kind, derived.formula(), values);
        if (value != null) {
          values.put(attribute.param(), value);
        }
      }
    }
    return values;
  }

  private static Value derive(Kind kind, Formula formula, Map<Param, Value> values) {
    List<Object> inputs = new ArrayList<>();
    boolean known = true;
    for (Param input : formula.from()) {
      Value value = values.get(input);
      if (value == null) {
        return null;
      }
      if (value instanceof Value.Constant constant) {
        Rule rule = kind.attributes().get(input).rule().orElse(null);
        if (rule != null && !rule.holds(((Number) constant.value()).doubleValue())) {
          return null;
        }
        inputs.add(constant.value());
      } else {
        known = false;
      }
    }
    if (!known) {
      return new Value.Computed(formula);
    }
    try {
      return new Value.Derived(formula.fold(inputs), formula);
    } catch (IllegalArgumentException refused) {
      return new Value.Refused(formula, refused.getMessage());
    }
  }
}

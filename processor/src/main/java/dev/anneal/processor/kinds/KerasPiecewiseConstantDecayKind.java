package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.math.KerasPiecewiseConstantDecay;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** Keras's {@code PiecewiseConstantDecay}: absolute values between boundaries. */
final class KerasPiecewiseConstantDecayKind extends FunctionKind {
  KerasPiecewiseConstantDecayKind() {
    super(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, Attributes.builder()
        .required(Param.BOUNDARIES, null)
        .required(Param.VALUES, null)
        .build());
  }

  @Override
  Class<?> math() {
    return KerasPiecewiseConstantDecay.class;
  }

  @Override
  boolean readsBase() {
    return false;
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.BOUNDARIES, Param.VALUES);
  }

  @Override
  String formula() {
    return "lr(t) = [t <= boundaries[0]] * values[0] + [t > boundaries[-1]] * values[-1]\n"
        + "       + sum over i of [boundaries[i] < t <= boundaries[i + 1]] * values[i + 1]   (values absolute)";
  }

  /** The reference's ValueError on the lengths; an empty list, which it indexes and so refuses too. */
  @Override
  public void check(ScheduleCheck check) {
    int[] boundaries = (int[]) check.known(Param.BOUNDARIES);
    double[] values = (double[]) check.known(Param.VALUES);
    if (boundaries == null || values == null) {
      return;
    }
    if (boundaries.length == 0) {
      check.error(check.written(Param.BOUNDARIES), Message.FUNCTION_REFUSED, torchName(),
          "boundaries = [] is empty: the reference reads boundaries[0] and raises IndexError");
      return;
    }
    String reason = KerasPiecewiseConstantDecay.refusal(boundaries, values);
    if (reason != null) {
      check.error(check.written(Param.VALUES), Message.FUNCTION_REFUSED, torchName(), reason);
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        check.error(check.written(Param.VALUES), Message.FUNCTION_REFUSED, torchName(),
            "values holds " + v + ": every value must be a finite number");
        return;
      }
    }
  }
}

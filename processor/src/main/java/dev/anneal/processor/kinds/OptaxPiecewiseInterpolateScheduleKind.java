package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.math.OptaxPiecewiseInterpolateSchedule;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** optax's {@code piecewise_interpolate_schedule}: the products of the scales, joined by lines or cosines. */
final class OptaxPiecewiseInterpolateScheduleKind extends OptaxKind {
  OptaxPiecewiseInterpolateScheduleKind() {
    super(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, Attributes.builder()
        .required(Param.INTERPOLATE_TYPE, null)
        .alternative(Param.INIT_VALUE, "the group's initial rate", Rule.FINITE)
        .optional(Param.BOUNDARIES, new int[0], null)
        .optional(Param.SCALES, new double[0], null)
        .build());
  }

  @Override
  Class<?> math() {
    return OptaxPiecewiseInterpolateSchedule.class;
  }

  @Override
  Param baseParam() {
    return Param.INIT_VALUE;
  }

  @Override
  Object arranged(Param param, ScheduleModel schedule) {
    return sortedByBoundary(param, schedule);
  }

  @Override
  List<Param> inputs(ScheduleModel schedule) {
    return List.of(Param.INTERPOLATE_TYPE, Param.BOUNDARIES, Param.SCALES);
  }

  @Override
  String formula() {
    return "b = [0] + sorted boundaries, v = cumprod([init_value] + their scales)\n"
        + "value(t) = interp(v[i], v[i + 1], (t - b[i]) / max(b[i + 1] - b[i], 1))   for b[i] <= t < b[i + 1]\n"
        + "         = v[-1]   for t >= b[-1]\n"
        + "linear: (end - start) * pct + start;  cosine: end + (start - end) / 2 * (cos(pi * pct) + 1)";
  }

  @Override
  public void check(ScheduleCheck check) {
    OptaxPiecewise.check(check, torchName(), OptaxPiecewiseInterpolateSchedule::refusal);
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.ConfigModel.ScheduleModel;
import dev.anneal.processor.model.Param;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * What optax's schedules share beside being functions of the update count: their base value
 * ({@code init_value}, {@code value} or {@code peak_value}) is an attribute, which the group's
 * initial rate stands for where it is not written, and they join: optax's {@code join_schedules}
 * is a {@code @Sequential} of them, each phase given its own base value.
 */
abstract class OptaxKind extends FunctionKind {
  OptaxKind(ScheduleType type, Attributes attributes) {
    super(type, attributes);
  }

  @Override
  boolean joins() {
    return true;
  }

  /**
   * {@code boundaries} and {@code scales} sorted by boundary, as the reference sorts the items of
   * its {@code boundaries_and_scales} dict.
   */
  static Object sortedByBoundary(Param param, ScheduleModel schedule) {
    int[] boundaries = (int[]) schedule.constant(Param.BOUNDARIES);
    double[] scales = (double[]) schedule.constant(Param.SCALES);
    Integer[] order = IntStream.range(0, boundaries.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> boundaries[i]));
    if (param == Param.BOUNDARIES) {
      return Arrays.stream(order).mapToInt(i -> boundaries[i]).toArray();
    }
    return Arrays.stream(order).mapToDouble(i -> i < scales.length ? scales[i] : Double.NaN).toArray();
  }
}

package dev.anneal.processor.reading;

import dev.anneal.AnnealStrategy;
import dev.anneal.Mode;
import dev.anneal.OptaxInterpolateType;
import dev.anneal.ScaleMode;
import dev.anneal.ThresholdMode;
import dev.anneal.TimmDecayFn;
import dev.anneal.TimmNoiseType;
import dev.anneal.TimmStableFn;
import dev.anneal.WsdType;
import dev.anneal.processor.model.Param;
import java.util.List;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/** Converts annotation values, already checked to be well formed, into plain Java values. */
public final class Values {
  private Values() {}

  public static Object of(Param param, AnnotationValue value) {
    Object raw = value.getValue();
    switch (param.shape) {
      case INT:
      case DOUBLE:
      case BOOLEAN:
      case METHOD:
        return raw;
      case ENUM:
        return enumConstant(param, ((VariableElement) raw).getSimpleName().toString());
      case INTS:
        return elements(raw).stream().mapToInt(v -> (Integer) v.getValue()).toArray();
      case GROUP_DOUBLES:
      case DOUBLES:
        return elements(raw).stream().mapToDouble(v -> (Double) v.getValue()).toArray();
      case METHODS:
        return elements(raw).stream().map(v -> (String) v.getValue()).toArray(String[]::new);
      default:
        throw new AssertionError(param.shape);
    }
  }

  /** The element of a list value at {@code index}, for precise error positions. */
  public static AnnotationValue element(AnnotationValue list, int index) {
    List<? extends AnnotationValue> elements = elements(list.getValue());
    return index < elements.size() ? elements.get(index) : list;
  }

  private static Enum<?> enumConstant(Param param, String name) {
    switch (param) {
      case MODE:
        return Mode.valueOf(name);
      case SCALE_MODE:
        return ScaleMode.valueOf(name);
      case ANNEAL_STRATEGY:
        return AnnealStrategy.valueOf(name);
      case THRESHOLD_MODE:
        return ThresholdMode.valueOf(name);
      case WARMUP_TYPE:
      case DECAY_TYPE:
      case WARMUP_SHAPE:
        return WsdType.valueOf(name);
      case STABLE_FN:
        return TimmStableFn.valueOf(name);
      case DECAY_FN:
        return TimmDecayFn.valueOf(name);
      case NOISE_TYPE:
        return TimmNoiseType.valueOf(name);
      case INTERPOLATE_TYPE:
        return OptaxInterpolateType.valueOf(name);
      default:
        throw new AssertionError(param);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> elements(Object raw) {
    return (List<? extends AnnotationValue>) raw;
  }
}

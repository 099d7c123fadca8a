package dev.anneal.processor.kinds;

import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.function.Function;

/**
 * What optax's two piecewise schedules check of their {@code boundaries_and_scales}, a dict taken
 * apart into {@code boundaries} and {@code scales}: one scale for each boundary, no boundary twice
 * (a dict cannot hold a key twice), and the reference's ValueError on a negative scale.
 */
final class OptaxPiecewise {
  private OptaxPiecewise() {}

  static void check(ScheduleCheck check, String torchName, Function<double[], String> refusal) {
    int[] boundaries = (int[]) check.known(Param.BOUNDARIES);
    double[] scales = (double[]) check.known(Param.SCALES);
    if (boundaries == null || scales == null) {
      return;
    }
    if (boundaries.length != scales.length) {
      check.error(check.isWritten(Param.SCALES) ? check.written(Param.SCALES) : check.written(Param.BOUNDARIES),
          Message.FUNCTION_REFUSED, torchName, "boundaries (" + boundaries.length + " values) and scales ("
              + scales.length + ") are the keys and values of boundaries_and_scales: give one scale for each"
              + " boundary");
      return;
    }
    for (int i = 0; i < boundaries.length; i++) {
      for (int j = 0; j < i; j++) {
        if (boundaries[i] == boundaries[j]) {
          check.error(check.element(Param.BOUNDARIES, i), Message.FUNCTION_REFUSED, torchName,
              "boundaries holds " + boundaries[i] + " twice: boundaries_and_scales is a dict, which holds a"
                  + " boundary once");
          return;
        }
      }
    }
    for (double scale : scales) {
      if (!Double.isFinite(scale)) {
        check.error(check.written(Param.SCALES), Message.FUNCTION_REFUSED, torchName,
            "scales holds " + scale + ": every scale must be a finite number");
        return;
      }
    }
    String reason = refusal.apply(scales);
    if (reason != null) {
      check.error(check.written(Param.SCALES), Message.FUNCTION_REFUSED, torchName, reason);
    }
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** The rule that CyclicLR and OneCycleLR share on the momentum they cycle. */
final class CycleMomentum {
  private CycleMomentum() {}

  /** With {@code cycleMomentum = false} the momentum bounds are read by nothing. */
  static void checkIgnored(ScheduleCheck check) {
    if (!Boolean.FALSE.equals(check.value(Param.CYCLE_MOMENTUM))) {
      return;
    }
    for (Param param : List.of(Param.BASE_MOMENTUM, Param.MAX_MOMENTUM)) {
      if (check.isWritten(param)) {
        check.warning(check.written(param), Message.IGNORED, param.attribute, "cycleMomentum is false");
      }
    }
  }
}

package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import javax.lang.model.element.AnnotationValue;

/** The rule that ConstantLR, LinearLR and PolynomialLR share on their {@code total_iters}. */
final class TotalIters {
  private TotalIters() {}

  /**
   * A {@code total_iters <= 0} means the schedule never changes the rate, which PyTorch runs; a
   * later phase of {@code @Sequential}, restarted through its closed form, then stays at
   * {@code rateAfter} (a negative value only: at 0 a restart still decays, but for ConstantLR).
   */
  static void checkChanges(ScheduleCheck check, String rateAfter) {
    AnnotationValue totalIters = check.written(Param.TOTAL_ITERS);
    if (totalIters == null || (Integer) totalIters.getValue() > 0) {
      return;
    }
    String torchType = check.torchName();
    if (check.laterPhase()) {
      if ((Integer) totalIters.getValue() < 0 || check.type() == ScheduleType.CONSTANT) {
        check.warning(totalIters, Message.NEVER_CHANGES_LATER, torchType, totalIters.getValue(), rateAfter);
      }
    } else {
      check.warning(totalIters, Message.NEVER_CHANGES, torchType, totalIters.getValue());
    }
  }
}

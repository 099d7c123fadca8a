package dev.anneal.processor.kinds;

import dev.anneal.internal.Rule;
import dev.anneal.math.CosineWithMinLrScheduleWithWarmup;
import dev.anneal.processor.model.Attributes;
import dev.anneal.processor.model.Formula;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;
import java.util.Set;

/**
 * The end of the cosine-with-min-lr schedules of transformers: {@code min_lr_rate}, or
 * {@code min_lr} divided by the optimizer's default rate, exactly one of the two.
 *
 * <p>{@code min_lr} is {@code @Schedule}'s {@code minLr}, the attribute ReduceLROnPlateau's
 * {@code min_lr} already has: the reference's name in camel case can name one attribute only. It
 * is per group there and one number here ({@link Kind#oneValue()}).
 */
final class MinLrRate {
  private MinLrRate() {}

  /** Declares {@code minLrRate}, derived from {@code minLr} and {@code lrInit} where not given. */
  static Attributes.Builder declare(Attributes.Builder attributes) {
    return attributes
        .derived(Param.MIN_LR_RATE, new Formula(CosineWithMinLrScheduleWithWarmup.class, "minLrRate",
            List.of(Param.MIN_LR, Param.LR_INIT), "minLrRate", "min_lr / optimizer.defaults[\"lr\"]"), Rule.FINITE)
        .alternative(Param.MIN_LR, "where minLrRate is not given, with lrInit", Rule.FINITE)
        .alternative(Param.LR_INIT, "with minLr", Rule.NON_ZERO);
  }

  /** {@code min_lr}, one number in the reference, in an attribute that is per group elsewhere. */
  static final Set<Param> ONE_VALUE = Set.of(Param.MIN_LR);

  /** The reference's ValueErrors on {@code min_lr} and {@code min_lr_rate}, and what Anneal needs. */
  static void check(ScheduleCheck check) {
    String name = check.torchName();
    boolean rate = check.isGiven(Param.MIN_LR_RATE);
    boolean minLr = check.isGiven(Param.MIN_LR);
    boolean lrInit = check.isGiven(Param.LR_INIT);
    if (rate && minLr) {
      check.error(check.written(Param.MIN_LR), Message.MIN_LR_BOTH, name);
      check.error(check.written(Param.MIN_LR_RATE), Message.MIN_LR_BOTH, name);
    } else if (!rate && !minLr) {
      check.error(null, Message.MIN_LR_NEITHER, name);
    } else if (minLr && !lrInit) {
      check.error(check.written(Param.MIN_LR), Message.MIN_LR_WITHOUT_LR_INIT, name);
    } else if (rate && lrInit) {
      check.warning(check.written(Param.LR_INIT), Message.IGNORED, "lrInit (optimizer.defaults[\"lr\"])",
          "minLrRate is given, and the reference reads the optimizer's rate only to divide min_lr by it");
    }
  }
}

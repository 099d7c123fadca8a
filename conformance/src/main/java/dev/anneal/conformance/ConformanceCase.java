package dev.anneal.conformance;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One case of a reference suite: a scheduler configuration, the optimizer it drives, and what the
 * reference produced for it (rates, momentum, or an error).
 *
 * @param id the case's name in its file
 * @param source the file it was read from, for messages
 * @param scheduler the scheduler as the reference constructs it
 * @param groups the optimizer's parameter groups, in order
 * @param optimizerType the reference optimizer's class name ({@code SGD}, {@code Adam})
 * @param steps how many iterations the reference loop ran
 * @param recordMomentum whether momentum was recorded as well as the rate
 * @param metrics one metric per step for a metric-driven scheduler, or {@code null}
 * @param expected what the reference produced
 * @param defaultLr the optimizer's own rate, {@code optimizer.defaults["lr"]}, where the case gives
 *     it
 */
public record ConformanceCase(
    String id,
    String source,
    SchedulerSpec scheduler,
    List<ParamGroup> groups,
    String optimizerType,
    int steps,
    boolean recordMomentum,
    double[] metrics,
    Expected expected,
    OptionalDouble defaultLr) {

  /** A case that does not give the optimizer's own rate. */
  public ConformanceCase(String id, String source, SchedulerSpec scheduler, List<ParamGroup> groups,
      String optimizerType, int steps, boolean recordMomentum, double[] metrics, Expected expected) {
    this(id, source, scheduler, groups, optimizerType, steps, recordMomentum, metrics, expected,
        OptionalDouble.empty());
  }

  /**
   * The initial rate of every parameter group: what a scheduler is built with. Where the reference
   * takes its base value as an argument (Keras's {@code initial_learning_rate}), every group's
   * rate is that argument.
   */
  public double[] initialLrs() {
    OptionalDouble base = ConfigWriter.initialRate(scheduler);
    double[] lrs = new double[groups.size()];
    for (int g = 0; g < lrs.length; g++) {
      lrs[g] = base.orElse(groups.get(g).lr());
    }
    return lrs;
  }

  /**
   * A scheduler as the reference builds it: its class name, its keyword arguments as written in the
   * file (so that mapping them stays with the code that knows the annotation), and for a composite
   * scheduler its children in order.
   *
   * @param type the reference's class name, such as {@code StepLR}
   * @param args keyword arguments by the reference's names, in file order
   * @param children the child schedulers of {@code SequentialLR} and {@code ChainedScheduler}
   */
  public record SchedulerSpec(String type, Map<String, JsonElement> args, List<SchedulerSpec> children) {}

  /**
   * One parameter group of the optimizer.
   *
   * @param lr the group's initial rate
   * @param momentum the group's initial momentum ({@code momentum}, or {@code betas[0]} for Adam),
   *     if the file or the optimizer's defaults give one
   * @param lrScale the group's {@code lr_scale}, a key timm reads (and multiplies into every rate
   *     it writes), where the file gives one
   */
  public record ParamGroup(double lr, OptionalDouble momentum, OptionalDouble lrScale) {

    /** A group without {@code lr_scale}. */
    public ParamGroup(double lr, OptionalDouble momentum) {
      this(lr, momentum, OptionalDouble.empty());
    }
  }

  /**
   * The reference's result.
   *
   * @param lr {@code lr[t][g]}: the rate of group {@code g} after {@code t} calls of {@code step()}
   * @param momentum the same for momentum, or {@code null} when it was not recorded
   * @param error the error the reference raised, or {@code null}
   */
  public record Expected(double[][] lr, double[][] momentum, ExpectedError error) {}

  /**
   * An error raised by the reference.
   *
   * @param atConstruction whether the reference refused to build the scheduler
   * @param step for an error while stepping: the 1-based call of {@code step()} that raised it
   * @param type the reference's exception class, such as {@code ValueError}
   * @param message the reference's message
   */
  public record ExpectedError(boolean atConstruction, int step, String type, String message) {

    /** How the error reads in a report: where, and the reference's exception. */
    public String describe() {
      String where = atConstruction ? "at construction" : "on call " + step + " of step()";
      return where + " (" + type + ": " + message + ")";
    }
  }
}

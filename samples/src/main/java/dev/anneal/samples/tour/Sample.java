package dev.anneal.samples.tour;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * One schedule of the tour: how to build its generated scheduler and how to name it.
 *
 * @param id a short name for file names, CSV columns and the command line, such as {@code step-lr}
 * @param label a short title for the cheat sheet, such as {@code StepLR}
 * @param torchCall the equivalent PyTorch constructor call, which titles the schedule's own chart
 * @param factory builds a fresh generated scheduler, at step 0
 * @param metric for a scheduler driven by a metric (ReduceLROnPlateau), the metric observed at each
 *     step; {@code null} for the others
 */
public record Sample(
    String id,
    String label,
    String torchCall,
    Supplier<? extends LrScheduler> factory,
    IntToDoubleFunction metric) {

  /** Rejects a sample without a name, a title or a factory. */
  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(torchCall, "torchCall");
    Objects.requireNonNull(factory, "factory");
  }

  /** A schedule that is a function of the step alone. */
  static Sample of(
      String id, String label, String torchCall, Supplier<? extends StepScheduler> factory) {
    return new Sample(id, label, torchCall, factory, null);
  }

  /**
   * The rate in force at each of the first {@code steps} steps, in the loop of the article's
   * appendix: read the rate, then step. Where a schedule ends before {@code steps} (OneCycleLR
   * refuses to go past its total steps, as PyTorch does), the remaining entries are NaN.
   */
  public double[] rates(int steps) {
    double[] rates = new double[steps];
    Arrays.fill(rates, Double.NaN);
    LrScheduler scheduler = factory.get();
    for (int step = 0; step < steps; step++) {
      rates[step] = scheduler.lr();
      if (step == steps - 1) {
        break; // The last rate is recorded; one more step could only fail or be wasted.
      }
      try {
        if (scheduler instanceof MetricScheduler driven) {
          Objects.requireNonNull(metric, () -> id + " is driven by a metric but has none");
          driven.step(metric.applyAsDouble(step));
        } else {
          ((StepScheduler) scheduler).step();
        }
      } catch (IllegalStateException scheduleOver) {
        break;
      }
    }
    return rates;
  }
}

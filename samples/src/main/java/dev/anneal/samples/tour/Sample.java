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
 * @param torchCall the reference's call (PyTorch's constructor, Hugging Face's or timm's), which
 *     titles the schedule's own chart
 * @param factory builds a fresh generated scheduler, at step 0
 * @param metric for a scheduler driven by a metric (ReduceLROnPlateau), the metric observed at each
 *     step; {@code null} for the others
 * @param comparison a second schedule drawn dashed under this one, such as the same schedule
 *     without noise; {@code null} for none
 */
public record Sample(
    String id,
    String label,
    String torchCall,
    Supplier<? extends LrScheduler> factory,
    IntToDoubleFunction metric,
    Comparison comparison) {

  /**
   * A schedule to compare a sample with, drawn in grey and dashed under it, with a legend on the
   * sample's own chart.
   *
   * @param curve what the legend calls the sample's own curve, such as {@code "with noise"}
   * @param reference what the legend calls the schedule compared with, such as {@code "without
   *     noise"}
   * @param factory builds a fresh scheduler of the schedule compared with, at step 0
   */
  public record Comparison(
      String curve, String reference, Supplier<? extends StepScheduler> factory) {

    /** Rejects a comparison without its names or its factory. */
    public Comparison {
      Objects.requireNonNull(curve, "curve");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(factory, "factory");
    }
  }

  /** Rejects a sample without a name, a title or a factory. */
  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(torchCall, "torchCall");
    Objects.requireNonNull(factory, "factory");
  }

  /** A sample with nothing to compare it with. */
  public Sample(
      String id,
      String label,
      String torchCall,
      Supplier<? extends LrScheduler> factory,
      IntToDoubleFunction metric) {
    this(id, label, torchCall, factory, metric, null);
  }

  /** A schedule that is a function of the step alone. */
  static Sample of(
      String id, String label, String torchCall, Supplier<? extends StepScheduler> factory) {
    return new Sample(id, label, torchCall, factory, null);
  }

  /** This sample, drawn over {@code comparison}. */
  Sample comparedWith(Comparison comparison) {
    return new Sample(id, label, torchCall, factory, metric, comparison);
  }

  /**
   * The rate in force at each of the first {@code steps} steps, in the loop of the article's
   * appendix: read the rate, then step. Where a schedule ends before {@code steps} (OneCycleLR
   * refuses to go past its total steps, as PyTorch does), the remaining entries are NaN.
   */
  public double[] rates(int steps) {
    return rates(factory, metric, steps);
  }

  /**
   * The rates of {@link #comparison()} at each of the first {@code steps} steps, read as {@link
   * #rates} reads the sample's own; {@code null} where there is nothing to compare with.
   */
  public double[] comparisonRates(int steps) {
    return comparison == null ? null : rates(comparison.factory(), null, steps);
  }

  private double[] rates(
      Supplier<? extends LrScheduler> factory, IntToDoubleFunction metric, int steps) {
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

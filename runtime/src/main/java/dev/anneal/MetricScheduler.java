package dev.anneal;

/** A schedule driven by a metric, such as ReduceLROnPlateau's validation loss. */
public interface MetricScheduler extends LrScheduler {

  /** Advances one step having observed {@code metric}; PyTorch's {@code scheduler.step(metrics)}. */
  void step(double metric);
}

package dev.anneal;

/** A schedule that is a function of the step alone: stepped once per optimizer step. */
public interface StepScheduler extends LrScheduler {

  /** Advances one step; PyTorch's {@code scheduler.step()}. */
  void step();
}

package dev.anneal.processor.kinds;

/**
 * What a schedule does to the rate inside {@code @Chained}, where PyTorch's
 * {@code ChainedScheduler} steps each schedule in turn on the rate the ones before it left.
 */
public enum InChain {
  /**
   * Multiplies the rate by a factor of the step alone, the factor of its closed form
   * {@code base_lr * factor(t)}: a chain of these has a closed form, the product of the factors.
   */
  FACTOR,
  /**
   * Sets the rate from step 1 on whatever rate it is given, as PyTorch's schedulers without a
   * chainable form do: the schedules before it change nothing after step 0.
   */
  ABSOLUTE,
  /** Moves the rate it is given by PyTorch's recurrence, which has no closed form in a chain. */
  RECURRENCE,
  /** Not allowed in a combination at all; the validator refuses it. */
  REFUSED
}

package dev.anneal.processor.kinds;

/** How a schedule moves from one step to the next in the generated class. */
public enum Stepping {
  /**
   * Every step sets each group's rate from the closed form at the new step (LambdaLR, whose
   * factor is the config's function of the step).
   */
  CLOSED_FORM,
  /**
   * The rates are a per-group constant combined with state that all groups share: a step updates
   * the shared state once, and a read computes the group's rate, so that a step costs the same
   * for one group or a thousand. The rate also has a closed form, for random access.
   */
  SHARED_STATE,
  /**
   * A step moves each group's rate from the rate before; there is no closed form
   * (MultiplicativeLR, ReduceLROnPlateau).
   */
  RECURRENCE;

  /** Whether the rate at a step follows from the step alone. */
  public boolean hasClosedForm() {
    return this != RECURRENCE;
  }
}

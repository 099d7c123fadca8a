package dev.anneal;

/**
 * Thrown by {@link LrScheduler#restoreState(byte[])} when a saved state cannot be restored into
 * the scheduler. The scheduler is then exactly as it was before the call. {@link #reason()} says
 * which of the checks failed; the message says what was found.
 */
public final class SchedulerStateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a state was refused. */
  public enum Reason {
    /** The bytes do not begin with the mark of a saved scheduler state. */
    NOT_A_STATE,
    /** The state was written in a version of the form this runtime does not read. */
    VERSION,
    /** The state is shorter than its header says: a copy cut short. */
    TRUNCATED,
    /**
     * The state's checksum, length or contents do not hold together: a damaged or edited copy,
     * with a value that is NaN, out of range or not what the saved step count implies.
     */
    CORRUPTED,
    /**
     * The state was saved by a scheduler of another configuration: other schedule parameters,
     * other bound values, other initial rates or another number of parameter groups.
     */
    CONFIGURATION
  }

  private final Reason reason;

  public SchedulerStateException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Which check the state failed. */
  public Reason reason() {
    return reason;
  }
}

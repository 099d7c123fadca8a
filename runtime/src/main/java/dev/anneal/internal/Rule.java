package dev.anneal.internal;

/**
 * The value rules of schedule parameters. The processor applies them to values written in an
 * annotation, reporting a compile error; generated schedulers apply the same rule to values bound
 * at run time, throwing {@link IllegalArgumentException}. Both use {@link #message}, so a rule
 * reads the same wherever it fires.
 *
 * <p>Every rule requires a finite number first: a NaN or an infinity never reaches a trainer.
 */
public enum Rule {
  /** Any finite number. */
  FINITE("must be a finite number"),
  /** A divisor or a length. */
  POSITIVE("must be > 0"),
  /** A divisor whose sign PyTorch tolerates. */
  NON_ZERO("must not be 0"),
  /** A count, a rate or a length that may be empty. */
  NON_NEGATIVE("must be >= 0"),
  /** A growth factor. */
  AT_LEAST_ONE("must be >= 1"),
  /** A factor that is later divided by (ConstantLR's factor, LinearLR's start factor). */
  OPEN_UNIT("must be in (0, 1]"),
  /** A fraction or a factor that may reach 0. */
  UNIT_INTERVAL("must be in [0, 1]"),
  /** A reduction factor: a factor of 1 or more would never reduce. */
  BELOW_ONE("must be < 1");

  private final String text;

  Rule(String text) {
    this.text = text;
  }

  /** The rule as a phrase, for example {@code "must be > 0"}. */
  public String text() {
    return text;
  }

  /** Whether {@code value} satisfies the rule. */
  public boolean holds(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    switch (this) {
      case FINITE:
        return true;
      case POSITIVE:
        return value > 0;
      case NON_ZERO:
        return value != 0;
      case NON_NEGATIVE:
        return value >= 0;
      case AT_LEAST_ONE:
        return value >= 1;
      case OPEN_UNIT:
        return value > 0 && value <= 1;
      case UNIT_INTERVAL:
        return value >= 0 && value <= 1;
      case BELOW_ONE:
        return value < 1;
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The message for a value that breaks the rule, naming the schedule, the parameter (with
   * PyTorch's name), the value and the rule: {@code "StepLR: stepSize (step_size) = 0 must be > 0"}.
   * A NaN or an infinity breaks the finiteness every rule requires first, so its message says
   * that, whatever the rule: {@code "OneCycleLR: divFactor (div_factor) = Infinity must be a
   * finite number"}.
   */
  public String message(String schedule, String parameter, String torchName, double value) {
    String broken = Double.isFinite(value) ? text : FINITE.text;
    return schedule + ": " + parameter + " (" + torchName + ") = " + format(value) + " " + broken;
  }

  /** A value as written in source: integers without a fraction, others in full precision. */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}

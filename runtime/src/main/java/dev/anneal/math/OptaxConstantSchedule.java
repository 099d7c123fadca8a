package dev.anneal.math;

/** optax's {@code constant_schedule}: {@code value(count) = value}. */
public final class OptaxConstantSchedule {
  private OptaxConstantSchedule() {}

  /** The value at {@code count}: {@code value}, whatever the count. */
  public static double lr(double value, long count) {
    return value;
  }
}

package dev.anneal;

/** {@code interpolate_type} of optax's {@code piecewise_interpolate_schedule}. */
public enum OptaxInterpolateType {
  /** {@code 'linear'}: a straight line between the values. */
  LINEAR("linear"),
  /** {@code 'cosine'}: half a cosine between the values. */
  COSINE("cosine");

  private final String torchName;

  OptaxInterpolateType(String torchName) {
    this.torchName = torchName;
  }

  /** The reference's string. */
  public String torchName() {
    return torchName;
  }
}

package dev.anneal;

/**
 * {@code warmup_type} and {@code decay_type} of HF_WARMUP_STABLE_DECAY: the curve of its warm-up
 * and of its decay, each one of the three the reference takes for both.
 */
public enum WsdType {
  /** {@code "linear"}: the progress itself. */
  LINEAR("linear"),
  /** {@code "cosine"}: half a cosine over the phase ({@code num_cycles} periods for the decay). */
  COSINE("cosine"),
  /** {@code "1-sqrt"}: one minus a square root, steep at the start of a decay. */
  ONE_MINUS_SQRT("1-sqrt");

  private final String torchName;

  WsdType(String torchName) {
    this.torchName = torchName;
  }

  /** The string the reference takes for this curve. */
  public String torchName() {
    return torchName;
  }
}

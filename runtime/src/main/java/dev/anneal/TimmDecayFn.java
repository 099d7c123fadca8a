package dev.anneal;

/**
 * {@code decay_fn} of TIMM_WSD: the factor, from 1 to 0, of the decay's progress {@code frac} in
 * [0, 1]. The reference also takes a Python callable, which an annotation cannot hold.
 */
public enum TimmDecayFn {
  /** {@code "linear"}: {@code 1 - frac}. */
  LINEAR("linear"),
  /** {@code "1-sqrt"}: {@code 1 - sqrt(frac)}. */
  ONE_MINUS_SQRT("1-sqrt"),
  /** {@code "cosine"}: {@code 0.5 * (1 + cos(pi * frac))}. */
  COSINE("cosine"),
  /** {@code "power"}: {@code 1 - frac ** decay_power}. */
  POWER("power"),
  /** {@code "exp"}: {@code (decay_ratio ** frac - decay_ratio) / (1 - decay_ratio)}. */
  EXP("exp");

  private final String torchName;

  TimmDecayFn(String torchName) {
    this.torchName = torchName;
  }

  /** The string the reference takes for this function. */
  public String torchName() {
    return torchName;
  }
}

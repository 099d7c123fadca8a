package dev.anneal;

/**
 * {@code stable_fn} of TIMM_WSD: the factor on the initial rate through the stable phase, of the
 * time {@code t_s} since the warm-up ended; 1 at its start.
 */
public enum TimmStableFn {
  /** {@code "constant"}: 1, the warmup-stable-decay schedule. */
  CONSTANT("constant"),
  /** {@code "rsqrt"}: {@code (1 + t_s / stable_timescale) ** -0.5}. */
  RSQRT("rsqrt"),
  /** {@code "power"}: {@code (1 + t_s / stable_timescale) ** -stable_power}. */
  POWER("power");

  private final String torchName;

  TimmStableFn(String torchName) {
    this.torchName = torchName;
  }

  /** The string the reference takes for this function. */
  public String torchName() {
    return torchName;
  }
}

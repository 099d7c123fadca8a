package dev.anneal;

/** {@code mode} of CyclicLR ({@code TRIANGULAR*}, {@code EXP_RANGE}) and ReduceLROnPlateau ({@code MIN}, {@code MAX}). */
public enum Mode {
  /** CyclicLR {@code "triangular"}: a triangle of constant amplitude. */
  TRIANGULAR("triangular"),
  /** CyclicLR {@code "triangular2"}: the amplitude halves every cycle. */
  TRIANGULAR2("triangular2"),
  /** CyclicLR {@code "exp_range"}: the amplitude scales by {@code gamma} every step. */
  EXP_RANGE("exp_range"),
  /** ReduceLROnPlateau {@code "min"}: the metric should fall. */
  MIN("min"),
  /** ReduceLROnPlateau {@code "max"}: the metric should rise. */
  MAX("max");

  private final String torchName;

  Mode(String torchName) {
    this.torchName = torchName;
  }

  /** The string PyTorch takes for this mode. */
  public String torchName() {
    return torchName;
  }
}

package dev.anneal;

/** {@code threshold_mode} of ReduceLROnPlateau. */
public enum ThresholdMode {
  /** {@code "rel"}: an improvement beats the best by a fraction {@code threshold}. */
  REL("rel"),
  /** {@code "abs"}: an improvement beats the best by {@code threshold}. */
  ABS("abs");

  private final String torchName;

  ThresholdMode(String torchName) {
    this.torchName = torchName;
  }

  /** The string PyTorch takes for this mode. */
  public String torchName() {
    return torchName;
  }
}

package dev.anneal;

/** {@code scale_mode} of CyclicLR: what a custom {@code scaleFn} is evaluated on. */
public enum ScaleMode {
  /** {@code "cycle"}: the cycle number, starting at 1. */
  CYCLE("cycle"),
  /** {@code "iterations"}: the step count. */
  ITERATIONS("iterations");

  private final String torchName;

  ScaleMode(String torchName) {
    this.torchName = torchName;
  }

  /** The string PyTorch takes for this mode. */
  public String torchName() {
    return torchName;
  }
}

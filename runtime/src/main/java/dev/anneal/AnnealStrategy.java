package dev.anneal;

/** {@code anneal_strategy} of OneCycleLR. */
public enum AnnealStrategy {
  /** {@code "cos"}: cosine annealing between phase ends. */
  COS("cos"),
  /** {@code "linear"}: linear annealing between phase ends. */
  LINEAR("linear");

  private final String torchName;

  AnnealStrategy(String torchName) {
    this.torchName = torchName;
  }

  /** The string PyTorch takes for this strategy. */
  public String torchName() {
    return torchName;
  }
}

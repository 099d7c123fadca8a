package dev.anneal;

/**
 * {@code noise_type} of TIMM_PLATEAU: how the noise of an epoch inside {@code noiseRangeT} is
 * drawn. The reference takes a string and draws the normal noise for {@code "normal"} alone: any
 * other string it takes means the uniform noise, so {@link #UNIFORM} stands for all of them.
 */
public enum TimmNoiseType {
  /** {@code "normal"}: {@code randn * noise_std}, drawn again until its magnitude is below {@code noise_pct}. */
  NORMAL("normal"),
  /** {@code "uniform"} (or any other string): {@code 2 * (rand - 0.5) * noise_pct}. */
  UNIFORM("uniform");

  private final String torchName;

  TimmNoiseType(String torchName) {
    this.torchName = torchName;
  }

  /** The string the reference takes for this noise. */
  public String torchName() {
    return torchName;
  }
}

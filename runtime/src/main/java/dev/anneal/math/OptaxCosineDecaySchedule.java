package dev.anneal.math;

/**
 * optax's {@code cosine_decay_schedule}, a function of the update count {@code count}:
 *
 * <pre>
 * c = min(count, decay_steps)
 * value(count) = init_value * ((1 - alpha) * (0.5 * (1 + cos(pi * c / decay_steps))) ** exponent + alpha)
 * </pre>
 *
 * <p>{@code pi * c} is divided by {@code decay_steps}, in that order, as the reference computes it.
 */
public final class OptaxCosineDecaySchedule {
  private OptaxCosineDecaySchedule() {}

  /** The reference's ValueError on {@code decay_steps}, or null. */
  public static String refusal(int decaySteps) {
    return decaySteps > 0 ? null
        : "The cosine_decay_schedule requires positive decay_steps, got decay_steps=" + decaySteps + ".";
  }

  /** The value at {@code count}, {@code initValue} the reference's {@code init_value}. */
  public static double lr(int decaySteps, double alpha, double exponent, double initValue, long count) {
    double d = decaySteps;
    double c = Math.min(Steps.toDouble(count), d);
    double cosineDecay = 0.5 * (1 + Math.cos(Math.PI * c / d));
    double decayed = (1 - alpha) * Math.pow(cosineDecay, exponent) + alpha;
    return initValue * decayed;
  }
}

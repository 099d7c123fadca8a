package dev.anneal.math;

/**
 * Keras's {@code keras.optimizers.schedules.CosineDecayRestarts}, a function of the optimizer's
 * update count {@code step}: cosine cycles, the first of {@code first_decay_steps}, each
 * {@code t_mul} times as long as the last (any {@code t_mul}, fractions too) and {@code m_mul}
 * times as high:
 *
 * <pre>
 * f = step / first_decay_steps
 * i = floor(f), c = f - i                                           where t_mul == 1
 * i = floor(log(1 - f * (1 - t_mul)) / log(t_mul)),
 * c = (f - (1 - t_mul ** i) / (1 - t_mul)) / t_mul ** i              otherwise
 * lr(step) = initial_learning_rate * ((1 - alpha) * 0.5 * m_mul ** i * (1 + cos(pi * c)) + alpha)
 * </pre>
 *
 * <p>{@code alpha} is not scaled by {@code m_mul ** i}: every cycle ends at
 * {@code initial_learning_rate * alpha}.
 */
public final class KerasCosineDecayRestarts {
  private KerasCosineDecayRestarts() {}

  /** The rate at {@code step} of a group whose initial rate is {@code initialLearningRate}. */
  public static double lr(int firstDecaySteps, double tMul, double mMul, double alpha, double initialLearningRate,
      long step) {
    double f = Steps.toDouble(step) / firstDecaySteps;
    double i;
    double c;
    if (tMul == 1.0) {
      i = Math.floor(f);
      c = f - i;
    } else {
      i = Math.floor(Math.log(1.0 - f * (1.0 - tMul)) / Math.log(tMul));
      double sum = (1.0 - Math.pow(tMul, i)) / (1.0 - tMul);
      c = (f - sum) / Math.pow(tMul, i);
    }
    double mFac = Math.pow(mMul, i);
    double cosineDecayed = 0.5 * mFac * (1.0 + Math.cos(Math.PI * c));
    return initialLearningRate * ((1 - alpha) * cosineDecayed + alpha);
  }
}

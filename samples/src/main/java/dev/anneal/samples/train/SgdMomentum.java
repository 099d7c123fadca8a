package dev.anneal.samples.train;

/**
 * Stochastic gradient descent with momentum, as {@code torch.optim.SGD} does it (no dampening, no
 * Nesterov): {@code buf = momentum * buf + grad; p -= lr * buf}. The rate and the momentum are
 * given at every step, because a scheduler sets them.
 */
public final class SgdMomentum {

  private final double[] parameters;
  private final double[] gradient;
  private final double[] velocity;

  /**
   * An optimizer for {@code parameters}, reading the gradient from {@code gradient} at each step.
   */
  public SgdMomentum(double[] parameters, double[] gradient) {
    if (parameters.length != gradient.length) {
      throw new IllegalArgumentException(
          parameters.length + " parameters but a gradient of " + gradient.length);
    }
    this.parameters = parameters;
    this.gradient = gradient;
    // PyTorch starts the buffer at the first gradient; from zero, momentum * 0 + grad is the same.
    this.velocity = new double[parameters.length];
  }

  /** Takes one step with rate {@code lr} and momentum {@code momentum}. */
  public void step(double lr, double momentum) {
    for (int i = 0; i < parameters.length; i++) {
      velocity[i] = momentum * velocity[i] + gradient[i];
      parameters[i] -= lr * velocity[i];
    }
  }
}

package dev.anneal.samples.train;

import java.util.Arrays;
import java.util.Random;

/**
 * A two-layer perceptron for classification: {@code inputs -> hidden (tanh) -> classes (softmax)},
 * trained with cross-entropy loss. Written out by hand so that the demo depends on nothing but the
 * JDK, and so that every operation happens in a fixed order: the same seed gives the same bits.
 *
 * <p>All weights and biases live in one flat array, {@link #parameters()}, and the gradient of the
 * last {@link #lossAndGradient} call in another of the same layout, {@link #gradient()}, which is
 * what an optimizer wants.
 */
public final class Network {

  private final int inputs;
  private final int hidden;
  private final int classes;

  // Layout of the flat arrays: w1 (hidden x inputs), b1 (hidden), w2 (classes x hidden), b2
  // (classes).
  private final int b1;
  private final int w2;
  private final int b2;

  private final double[] parameters;
  private final double[] gradient;

  // Scratch space for one example, allocated once: training allocates nothing per step.
  private final double[] activation;
  private final double[] logits;
  private final double[] hiddenDelta;

  /**
   * A network with freshly initialised weights.
   *
   * @param inputs the number of input features
   * @param hidden the width of the hidden layer
   * @param classes the number of classes
   * @param random the source of the initial weights; seeded by the caller for reproducibility
   */
  public Network(int inputs, int hidden, int classes, Random random) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.classes = classes;
    this.b1 = hidden * inputs;
    this.w2 = b1 + hidden;
    this.b2 = w2 + classes * hidden;
    this.parameters = new double[b2 + classes];
    this.gradient = new double[parameters.length];
    this.activation = new double[hidden];
    this.logits = new double[classes];
    this.hiddenDelta = new double[hidden];
    // Xavier initialisation, which suits tanh; biases start at zero.
    double scale1 = Math.sqrt(1.0 / inputs);
    for (int i = 0; i < b1; i++) {
      parameters[i] = scale1 * random.nextGaussian();
    }
    double scale2 = Math.sqrt(1.0 / hidden);
    for (int i = w2; i < b2; i++) {
      parameters[i] = scale2 * random.nextGaussian();
    }
  }

  /** The weights and biases, updated in place by the optimizer. */
  public double[] parameters() {
    return parameters;
  }

  /**
   * A copy of the weights of layer 1 ({@code hidden x inputs}) or 2 ({@code classes x hidden}),
   * row by row: row {@code j} holds the weights into unit {@code j} of the layer, as the weight of
   * PyTorch's {@code nn.Linear} does.
   */
  public double[] weights(int layer) {
    return switch (layer) {
      case 1 -> Arrays.copyOfRange(parameters, 0, b1);
      case 2 -> Arrays.copyOfRange(parameters, w2, b2);
      default -> throw new IllegalArgumentException("layer " + layer + ": the network has 1 and 2");
    };
  }

  /** A copy of the biases of layer 1 ({@code hidden}) or 2 ({@code classes}). */
  public double[] biases(int layer) {
    return switch (layer) {
      case 1 -> Arrays.copyOfRange(parameters, b1, w2);
      case 2 -> Arrays.copyOfRange(parameters, b2, parameters.length);
      default -> throw new IllegalArgumentException("layer " + layer + ": the network has 1 and 2");
    };
  }

  /** The gradient of the loss computed by the last {@link #lossAndGradient} call. */
  public double[] gradient() {
    return gradient;
  }

  /**
   * The mean cross-entropy loss over the examples {@code order[from..to)} of {@code data}, leaving
   * its gradient with respect to {@link #parameters()} in {@link #gradient()}.
   */
  public double lossAndGradient(Dataset data, int[] order, int from, int to) {
    Arrays.fill(gradient, 0.0);
    double scale = 1.0 / (to - from);
    double loss = 0;
    for (int n = from; n < to; n++) {
      int example = order[n];
      double[] x = data.x()[example];
      int label = data.y()[example];
      loss += forward(x, label);
      // Softmax and cross-entropy together have the gradient p - onehot(label) at the logits;
      // forward() left p in logits.
      logits[label] -= 1.0;
      for (int k = 0; k < classes; k++) {
        double delta = logits[k] * scale;
        gradient[b2 + k] += delta;
        int row = w2 + k * hidden;
        for (int j = 0; j < hidden; j++) {
          gradient[row + j] += delta * activation[j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          sum += parameters[w2 + k * hidden + j] * logits[k];
        }
        double a = activation[j];
        hiddenDelta[j] = sum * scale * (1.0 - a * a);
      }
      for (int j = 0; j < hidden; j++) {
        double delta = hiddenDelta[j];
        gradient[b1 + j] += delta;
        int row = j * inputs;
        for (int i = 0; i < inputs; i++) {
          gradient[row + i] += delta * x[i];
        }
      }
    }
    return loss * scale;
  }

  /** The mean cross-entropy loss over all of {@code data}. */
  public double loss(Dataset data) {
    double loss = 0;
    for (int n = 0; n < data.size(); n++) {
      loss += forward(data.x()[n], data.y()[n]);
    }
    return loss / data.size();
  }

  /** The fraction of {@code data} whose most probable class is its label. */
  public double accuracy(Dataset data) {
    int correct = 0;
    for (int n = 0; n < data.size(); n++) {
      forward(data.x()[n], data.y()[n]);
      int best = 0;
      for (int k = 1; k < classes; k++) {
        if (logits[k] > logits[best]) {
          best = k;
        }
      }
      if (best == data.y()[n]) {
        correct++;
      }
    }
    return (double) correct / data.size();
  }

  /**
   * Runs one example forward, leaving the hidden activations in {@code activation} and the class
   * probabilities in {@code logits}, and returns its cross-entropy loss.
   */
  private double forward(double[] x, int label) {
    for (int j = 0; j < hidden; j++) {
      double sum = parameters[b1 + j];
      int row = j * inputs;
      for (int i = 0; i < inputs; i++) {
        sum += parameters[row + i] * x[i];
      }
      // StrictMath rather than Math: bit-identical results on every JVM and CPU.
      activation[j] = StrictMath.tanh(sum);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      double sum = parameters[b2 + k];
      int row = w2 + k * hidden;
      for (int j = 0; j < hidden; j++) {
        sum += parameters[row + j] * activation[j];
      }
      logits[k] = sum;
      max = Math.max(max, sum);
    }
    // Shifting by the largest logit keeps exp() finite whatever the weights.
    double total = 0;
    for (int k = 0; k < classes; k++) {
      logits[k] = StrictMath.exp(logits[k] - max);
      total += logits[k];
    }
    for (int k = 0; k < classes; k++) {
      logits[k] /= total;
    }
    return -StrictMath.log(Math.max(logits[label], Double.MIN_NORMAL));
  }
}

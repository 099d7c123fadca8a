package dev.anneal.processor;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/** The random draws random configs are made of. */
final class Draws {
  private Draws() {}

  @SafeVarargs
  static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  static <T> T pick(Random r, List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }

  static int between(Random r, int low, int high) {
    return low + r.nextInt(high - low + 1);
  }

  static double uniform(Random r, double low, double high) {
    return low + (high - low) * r.nextDouble();
  }

  /** A rate-like positive number spread over several orders of magnitude. */
  static double rate(Random r) {
    return Math.pow(10, uniform(r, -5, 0));
  }

  static double[] perGroup(Random r, int groups, DoubleSupplier value) {
    int length = groups > 1 && r.nextBoolean() ? groups : 1;
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = value.getAsDouble();
    }
    return values;
  }

  static int pickWeighted(Random r, IntSupplier... options) {
    // The first option is the common case; the last, the extreme one, comes one time in ten.
    double p = r.nextDouble();
    if (p < 0.1) {
      return options[options.length - 1].getAsInt();
    }
    return options[p < 0.65 || options.length < 3 ? 0 : 1].getAsInt();
  }
}

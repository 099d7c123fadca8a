package dev.anneal.samples.train;

import java.util.Random;

/**
 * A labelled set of points in the plane, generated in code so the demo needs no download.
 *
 * @param x the points, {@code x[i] = {x0, x1}}
 * @param y the class of each point, from 0 to {@code classes - 1}
 * @param classes the number of classes
 */
public record Dataset(double[][] x, int[] y, int classes) {

  /**
   * Checks that every point has a label. The arrays are shared, not copied: the demo builds each
   * set once and never changes it.
   */
  public Dataset {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " points but " + y.length + " labels");
    }
  }

  /** The number of points. */
  public int size() {
    return y.length;
  }

  /**
   * Interleaved spiral arms, one class per arm: the classic toy problem that a linear model cannot
   * solve and a small hidden layer can, slowly enough for the schedule to matter.
   *
   * <p>Each point lies at a uniform radius {@code r} in (0, 1] on its arm, at an angle that grows
   * by {@code turns} full turns from the centre to the rim, with Gaussian noise of {@code noise}
   * radians on the angle. Points come class by class; the trainer shuffles them.
   *
   * @param pointsPerClass points on each arm
   * @param arms the number of arms, which is the number of classes
   * @param turns how many times each arm winds around the centre
   * @param noise the standard deviation of the angle, in radians
   * @param random the source of randomness; seeded by the caller for a reproducible set
   */
  public static Dataset spirals(
      int pointsPerClass, int arms, double turns, double noise, Random random) {
    int n = pointsPerClass * arms;
    double[][] x = new double[n][];
    int[] y = new int[n];
    int i = 0;
    for (int arm = 0; arm < arms; arm++) {
      double offset = 2 * Math.PI * arm / arms;
      for (int k = 0; k < pointsPerClass; k++) {
        double r = 1.0 - random.nextDouble(); // in (0, 1]: the centre belongs to no arm
        double angle = offset + 2 * Math.PI * turns * r + noise * random.nextGaussian();
        // StrictMath: the same points on every JVM and CPU, so results are reproducible.
        x[i] = new double[] {r * StrictMath.cos(angle), r * StrictMath.sin(angle)};
        y[i] = arm;
        i++;
      }
    }
    return new Dataset(x, y, arms);
  }
}

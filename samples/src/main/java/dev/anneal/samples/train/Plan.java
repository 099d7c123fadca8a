package dev.anneal.samples.train;

/**
 * The fixed setting of the training demo. The schedule lengths in the configs of this package are
 * derived from these constants, so they are compile-time values usable in annotations.
 */
public final class Plan {

  /** Spiral arms, one class each. */
  public static final int CLASSES = 3;

  /** Training points per class. */
  public static final int TRAINING_POINTS_PER_CLASS = 320;

  /** Validation points per class, drawn from the same distribution as the training points. */
  public static final int VALIDATION_POINTS_PER_CLASS = 160;

  /**
   * How many times each arm winds around the centre: one turn is hard enough to need a schedule.
   */
  public static final double TURNS = 1.0;

  /** The noise on each point's angle, in radians. */
  public static final double NOISE = 0.2;

  /** Width of the hidden layer. */
  public static final int HIDDEN = 64;

  /** Examples per optimizer step. */
  public static final int BATCH_SIZE = 32;

  /** Passes over the training set. */
  public static final int EPOCHS = 60;

  /** Optimizer steps per epoch; the batch size divides the training set. */
  public static final int STEPS_PER_EPOCH = CLASSES * TRAINING_POINTS_PER_CLASS / BATCH_SIZE;

  /** Optimizer steps in the whole run. */
  public static final int TOTAL_STEPS = EPOCHS * STEPS_PER_EPOCH;

  /**
   * The highest rate of every run, and the rate of the constant baseline. High on purpose: it is
   * where a schedule, and above all a warm-up, makes the difference.
   */
  public static final double PEAK_LR = 0.5;

  /** The optimizer's momentum where the schedule does not set it. */
  public static final double MOMENTUM = 0.9;

  /**
   * The seed of the data and of the initial weights, unless given on the command line. The outcome
   * varies from seed to seed (the README gives it over seeds 1 to 10); on this one the constant
   * rate ends with the highest training loss, as on five of those ten.
   */
  public static final long DEFAULT_SEED = 6;

  private Plan() {}
}

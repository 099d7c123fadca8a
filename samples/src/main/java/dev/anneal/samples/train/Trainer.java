package dev.anneal.samples.train;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.util.Random;

/**
 * Trains the demo's network under one schedule. Every run of the same seed sees the same data, the
 * same initial weights and the same batches, so runs differ only by their schedule, and a run
 * repeated gives the same bits.
 */
public final class Trainer {

  private final long seed;
  private final Dataset training;
  private final Dataset validation;

  /** A trainer whose data and initial weights come from {@code seed}. */
  public Trainer(long seed) {
    this.seed = seed;
    Random data = new Random(seed);
    this.training =
        Dataset.spirals(Plan.TRAINING_POINTS_PER_CLASS, Plan.CLASSES, Plan.TURNS, Plan.NOISE, data);
    this.validation =
        Dataset.spirals(
            Plan.VALIDATION_POINTS_PER_CLASS, Plan.CLASSES, Plan.TURNS, Plan.NOISE, data);
  }

  /**
   * What one run produced.
   *
   * @param schedule the schedule trained under
   * @param trainingLoss the loss over the whole training set before training (index 0) and after
   *     each epoch
   * @param validationLoss the loss over the validation set, at the same times
   * @param validationAccuracy the accuracy on the validation set after the last epoch
   * @param rates the rate of every optimizer step
   */
  public record Result(
      TrainingSchedule schedule,
      double[] trainingLoss,
      double[] validationLoss,
      double validationAccuracy,
      double[] rates) {

    /** The training loss after the last epoch. */
    public double finalTrainingLoss() {
      return trainingLoss[trainingLoss.length - 1];
    }
  }

  /** The training set. */
  public Dataset training() {
    return training;
  }

  /** The validation set. */
  public Dataset validation() {
    return validation;
  }

  /**
   * What every run of the seed starts from: the initial weights, and the order in which each
   * epoch visits the training examples.
   *
   * @param network a fresh network with the initial weights
   * @param orders for each epoch, the indices of the training examples in the order of its
   *     batches: batch {@code b} of epoch {@code e} is {@code orders[e][b * BATCH_SIZE ..
   *     (b + 1) * BATCH_SIZE)}
   */
  public record Start(Network network, int[][] orders) {}

  /**
   * A fresh start: the same weights and batches for every call, and for every engine that trains
   * the demo's network, so that runs differ only by their schedule (and their engine).
   */
  public Start start() {
    // One stream for the initial weights and then the shuffles, the same for every schedule.
    Random random = new Random(seed + 1);
    Network network = new Network(2, Plan.HIDDEN, Plan.CLASSES, random);
    int[] order = new int[training.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int[][] orders = new int[Plan.EPOCHS][];
    for (int epoch = 0; epoch < Plan.EPOCHS; epoch++) {
      shuffle(order, random);
      orders[epoch] = order.clone();
    }
    return new Start(network, orders);
  }

  /** Trains a fresh network under {@code schedule}. */
  public Result train(TrainingSchedule schedule) {
    Start start = start();
    Network network = start.network();
    SgdMomentum optimizer = new SgdMomentum(network.parameters(), network.gradient());
    LrScheduler scheduler = schedule.factory().get();

    double[] trainingLoss = new double[Plan.EPOCHS + 1];
    double[] validationLoss = new double[Plan.EPOCHS + 1];
    double[] rates = new double[Plan.TOTAL_STEPS];
    trainingLoss[0] = network.loss(training);
    validationLoss[0] = network.loss(validation);
    int step = 0;
    for (int epoch = 1; epoch <= Plan.EPOCHS; epoch++) {
      int[] order = start.orders()[epoch - 1];
      for (int batch = 0; batch < Plan.STEPS_PER_EPOCH; batch++) {
        // The scheduler owns the rate, and for the cyclic schedules the momentum as well.
        double lr = scheduler == null ? Plan.PEAK_LR : scheduler.lr();
        double momentum =
            scheduler instanceof MomentumScheduler cycled ? cycled.momentum() : Plan.MOMENTUM;
        network.lossAndGradient(
            training, order, batch * Plan.BATCH_SIZE, (batch + 1) * Plan.BATCH_SIZE);
        optimizer.step(lr, momentum);
        rates[step++] = lr;
        // As in PyTorch: a step schedule advances once per optimizer step, after it.
        if (scheduler instanceof StepScheduler stepped) {
          stepped.step();
        }
      }
      trainingLoss[epoch] = network.loss(training);
      validationLoss[epoch] = network.loss(validation);
      // ReduceLROnPlateau advances once per epoch, on the metric it watches.
      if (scheduler instanceof MetricScheduler watching) {
        watching.step(validationLoss[epoch]);
      }
    }
    return new Result(schedule, trainingLoss, validationLoss, network.accuracy(validation), rates);
  }

  /** Fisher-Yates, drawing from {@code random} in a fixed order. */
  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}

package dev.anneal.samples.engines.djl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.djl.AnnealTracker;
import dev.anneal.djl.LiveTracker;
import dev.anneal.samples.train.Dataset;
import dev.anneal.samples.train.Engine;
import dev.anneal.samples.train.Network;
import dev.anneal.samples.train.Plan;
import dev.anneal.samples.train.Trainer;
import dev.anneal.samples.train.TrainingSchedule;
import java.util.Optional;

/**
 * The demo's network on DJL's PyTorch engine, in {@code float}, with SGD and momentum: a closed
 * form through {@link AnnealTracker}, which nobody steps, and ReduceLROnPlateau through {@link
 * LiveTracker}, stepped by the loop with each epoch's validation loss, as in PyTorch.
 */
public final class DjlEngine implements Engine {

  private static final String ENGINE = "PyTorch";

  /** Made by {@code Engines.load}; {@link #start()} loads PyTorch. */
  public DjlEngine() {}

  @Override
  public String id() {
    return "djl";
  }

  @Override
  public String name() {
    return "DJL";
  }

  @Override
  public String start() {
    // PyTorch's CPU library comes from its jar on the class path: nothing is to be downloaded,
    // and DJL must not try. The network is tiny: one thread is faster than PyTorch's pool.
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine(ENGINE);
    return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " with PyTorch " + engine.getVersion()
        + " (CPU, float)";
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public String optimizer() {
    return "SGD, momentum " + Plan.MOMENTUM
        + " as DJL applies it (buf = m * buf + lr * grad, the rate inside the velocity)";
  }

  @Override
  public Optional<String> refusal(TrainingSchedule schedule) {
    LrScheduler scheduler = schedule.factory().get();
    if (scheduler instanceof MomentumFunction || scheduler instanceof MomentumScheduler) {
      return Optional.of(
          "it cycles the momentum, which DJL's optimizers take only as a constant (anneal-djl"
              + " refuses it; with cycleMomentum = false it would schedule the rate alone)");
    }
    return Optional.empty();
  }

  @Override
  public Trainer.Result train(Trainer trainer, TrainingSchedule schedule) {
    LrScheduler scheduler = schedule.factory().get();
    Recording tracker = new Recording(tracker(scheduler));
    Trainer.Start start = trainer.start();
    Network initial = start.network();
    SequentialBlock block =
        new SequentialBlock()
            .add(linear(Plan.HIDDEN, initial.weights(1), initial.biases(1)))
            .add(Activation::tanh)
            .add(linear(Plan.CLASSES, initial.weights(2), initial.biases(2)));
    Optimizer sgd =
        Optimizer.sgd()
            .setLearningRateTracker(tracker)
            .optMomentum((float) Plan.MOMENTUM)
            .build();
    try (Model model = Model.newInstance("spirals", ENGINE)) {
      model.setBlock(block);
      try (ai.djl.training.Trainer djl =
          model.newTrainer(
              new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
        djl.initialize(new Shape(Plan.BATCH_SIZE, 2));
        NDManager manager = djl.getManager();
        Dataset training = trainer.training();
        Dataset validation = trainer.validation();
        double[] trainingLoss = new double[Plan.EPOCHS + 1];
        double[] validationLoss = new double[Plan.EPOCHS + 1];
        trainingLoss[0] = evaluate(djl, manager, training)[0];
        validationLoss[0] = evaluate(djl, manager, validation)[0];
        for (int epoch = 1; epoch <= Plan.EPOCHS; epoch++) {
          int[] order = start.orders()[epoch - 1];
          for (int batch = 0; batch < Plan.STEPS_PER_EPOCH; batch++) {
            try (NDManager scope = manager.newSubManager()) {
              int from = batch * Plan.BATCH_SIZE;
              NDArray x =
                  scope.create(points(training, order, from), new Shape(Plan.BATCH_SIZE, 2));
              NDArray y = scope.create(labels(training, order, from));
              try (GradientCollector collector = djl.newGradientCollector()) {
                NDList prediction = djl.forward(new NDList(x));
                collector.backward(djl.getLoss().evaluate(new NDList(y), prediction));
              }
              // The optimizer asks the tracker here, once per parameter.
              djl.step();
            }
          }
          trainingLoss[epoch] = evaluate(djl, manager, training)[0];
          validationLoss[epoch] = evaluate(djl, manager, validation)[0];
          // ReduceLROnPlateau advances once per epoch, on the metric it watches; the next update
          // gets its rate.
          if (scheduler instanceof MetricScheduler watching) {
            watching.step(validationLoss[epoch]);
          }
        }
        double accuracy = evaluate(djl, manager, validation)[1];
        return new Trainer.Result(
            schedule, trainingLoss, validationLoss, accuracy, tracker.rates());
      }
    }
  }

  /** The tracker of {@code scheduler}, or a fixed rate for the constant baseline. */
  private static Tracker tracker(LrScheduler scheduler) {
    if (scheduler == null) {
      return Tracker.fixed((float) Plan.PEAK_LR);
    }
    if (scheduler instanceof MetricScheduler watching) {
      return LiveTracker.of(watching);
    }
    if (scheduler instanceof LrFunction closedForm) {
      return AnnealTracker.of(closedForm);
    }
    return LiveTracker.of((StepScheduler) scheduler);
  }

  /**
   * A dense layer that starts from the built-in network's weights and biases, rounded to floats.
   * DJL's {@code Linear} holds its weight as PyTorch's does, a row per output unit, in the layout
   * of {@link Network#weights}.
   */
  private static Linear linear(int units, double[] weights, double[] biases) {
    Linear linear = Linear.builder().setUnits(units).build();
    linear.setInitializer(values("weight", weights), "weight");
    linear.setInitializer(values("bias", biases), "bias");
    return linear;
  }

  private static Initializer values(String name, double[] values) {
    return (manager, shape, dataType) -> {
      if (shape.size() != values.length) {
        throw new IllegalStateException(
            "DJL's " + name + " has shape " + shape + ", not " + values.length + " values");
      }
      float[] floats = new float[values.length];
      for (int i = 0; i < floats.length; i++) {
        floats[i] = (float) values[i];
      }
      return manager.create(floats, shape);
    };
  }

  /** The mean cross-entropy over {@code data} and the fraction of it classified right. */
  private static double[] evaluate(
      ai.djl.training.Trainer djl, NDManager manager, Dataset data) {
    try (NDManager scope = manager.newSubManager()) {
      int[] all = new int[data.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      NDArray x = scope.create(points(data, all, 0, all.length), new Shape(all.length, 2));
      NDArray y = scope.create(labels(data, all, 0, all.length));
      NDList prediction = djl.evaluate(new NDList(x));
      double loss = djl.getLoss().evaluate(new NDList(y), prediction).getFloat();
      long[] predicted = prediction.singletonOrThrow().argMax(1).toLongArray();
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        if (predicted[i] == data.y()[i]) {
          correct++;
        }
      }
      return new double[] {loss, (double) correct / data.size()};
    }
  }

  private static float[] points(Dataset data, int[] order, int from) {
    return points(data, order, from, from + Plan.BATCH_SIZE);
  }

  private static float[] points(Dataset data, int[] order, int from, int to) {
    float[] points = new float[2 * (to - from)];
    for (int n = from; n < to; n++) {
      double[] point = data.x()[order[n]];
      points[2 * (n - from)] = (float) point[0];
      points[2 * (n - from) + 1] = (float) point[1];
    }
    return points;
  }

  private static float[] labels(Dataset data, int[] order, int from) {
    return labels(data, order, from, from + Plan.BATCH_SIZE);
  }

  private static float[] labels(Dataset data, int[] order, int from, int to) {
    float[] labels = new float[to - from];
    for (int n = from; n < to; n++) {
      labels[n - from] = data.y()[order[n]];
    }
    return labels;
  }

  /**
   * Records the rate each update got: DJL asks once per parameter with the same count, the first
   * call of update {@code numUpdate} is recorded.
   */
  private static final class Recording implements Tracker {
    private final Tracker tracker;
    private final double[] rates = new double[Plan.TOTAL_STEPS];
    private int updates;

    Recording(Tracker tracker) {
      this.tracker = tracker;
    }

    @Override
    public float getNewValue(int numUpdate) {
      float rate = tracker.getNewValue(numUpdate);
      if (numUpdate == updates + 1 && updates < rates.length) {
        rates[updates++] = rate;
      }
      return rate;
    }

    double[] rates() {
      if (updates != rates.length) {
        throw new IllegalStateException(
            "DJL asked for the rates of " + updates + " updates, not " + rates.length);
      }
      return rates.clone();
    }
  }

  @Override
  public void close() {
    // Each run closes its model and trainer; PyTorch stays loaded until the JVM exits.
  }
}

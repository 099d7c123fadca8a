package dev.anneal.samples.engines.dl4j;

import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.dl4j.AnnealSchedule;
import dev.anneal.samples.train.Dataset;
import dev.anneal.samples.train.Engine;
import dev.anneal.samples.train.Network;
import dev.anneal.samples.train.Plan;
import dev.anneal.samples.train.Trainer;
import dev.anneal.samples.train.TrainingSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The demo's network on Deeplearning4j with ND4J's CPU backend, in {@code double}: every schedule
 * with a closed form through {@link AnnealSchedule} per iteration, which Deeplearning4j asks
 * {@code valueAt(iteration, epoch)} and nobody steps; OneCycleLR's and CyclicLR's momentum through
 * the same scheduler. ReduceLROnPlateau, which has no closed form, has no {@code ISchedule}.
 */
public final class Dl4jEngine implements Engine {

  /** Made by {@code Engines.load}; {@link #start()} loads ND4J's backend. */
  public Dl4jEngine() {}

  @Override
  public String id() {
    return "dl4j";
  }

  @Override
  public String name() {
    return "Deeplearning4j";
  }

  @Override
  public String start() {
    Nd4j.create(1);
    // The network is tiny: one OpenMP thread is faster than ND4J's pool, unless the user chose.
    if (System.getenv("OMP_NUM_THREADS") == null) {
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }
    return "Deeplearning4j " + version() + " on ND4J's CPU backend (double)";
  }

  private static String version() {
    try (InputStream in =
        MultiLayerNetwork.class.getResourceAsStream(
            "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "");
      }
    } catch (IOException e) {
      // no version to show
    }
    return "";
  }

  @Override
  public String optimizer() {
    return "SGD with Nesterov momentum " + Plan.MOMENTUM
        + " (Deeplearning4j's Nesterovs: it has no plain momentum)";
  }

  @Override
  public Optional<String> refusal(TrainingSchedule schedule) {
    LrScheduler scheduler = schedule.factory().get();
    if (scheduler instanceof MetricScheduler) {
      return Optional.of(
          "ReduceLROnPlateau has no closed form, and Deeplearning4j's schedules are functions of"
              + " the iteration and epoch alone (valueAt), with no metric: anneal-dl4j has no"
              + " ISchedule for it");
    }
    return Optional.empty();
  }

  @Override
  public Trainer.Result train(Trainer trainer, TrainingSchedule schedule) {
    LrScheduler scheduler = schedule.factory().get();
    double[] rates = new double[Plan.TOTAL_STEPS];
    Nesterovs updater;
    if (scheduler == null) {
      updater = new Nesterovs(new Recording(new FixedSchedule(Plan.PEAK_LR), rates), Plan.MOMENTUM);
    } else {
      AnnealSchedule lr =
          AnnealSchedule.perIteration(
              scheduler.getClass().asSubclass(LrFunction.class), Plan.PEAK_LR);
      updater =
          scheduler instanceof MomentumFunction
              ? new Nesterovs(new Recording(lr, rates), lr.momentum())
              : new Nesterovs(new Recording(lr, rates), Plan.MOMENTUM);
    }
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.DOUBLE)
            .updater(updater)
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(2)
                    .nOut(Plan.HIDDEN)
                    .activation(Activation.TANH)
                    .build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(Plan.HIDDEN)
                    .nOut(Plan.CLASSES)
                    .activation(Activation.SOFTMAX)
                    .build())
            .build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    Trainer.Start start = trainer.start();
    setWeights(network, start.network());

    Dataset training = trainer.training();
    Dataset validation = trainer.validation();
    DataSet trainingSet = dataSet(training, identity(training.size()), 0, training.size());
    DataSet validationSet = dataSet(validation, identity(validation.size()), 0, validation.size());
    double[] trainingLoss = new double[Plan.EPOCHS + 1];
    double[] validationLoss = new double[Plan.EPOCHS + 1];
    trainingLoss[0] = network.score(trainingSet);
    validationLoss[0] = network.score(validationSet);
    for (int epoch = 1; epoch <= Plan.EPOCHS; epoch++) {
      int[] order = start.orders()[epoch - 1];
      for (int batch = 0; batch < Plan.STEPS_PER_EPOCH; batch++) {
        // One update at the network's next iteration, which the schedule turns into its step.
        int from = batch * Plan.BATCH_SIZE;
        network.fit(dataSet(training, order, from, from + Plan.BATCH_SIZE));
      }
      trainingLoss[epoch] = network.score(trainingSet);
      validationLoss[epoch] = network.score(validationSet);
    }
    if (network.getIterationCount() != Plan.TOTAL_STEPS) {
      throw new IllegalStateException(
          "Deeplearning4j counted " + network.getIterationCount() + " iterations, not "
              + Plan.TOTAL_STEPS);
    }
    return new Trainer.Result(
        schedule, trainingLoss, validationLoss, accuracy(network, validationSet), rates);
  }

  /**
   * The built-in network's initial weights. Deeplearning4j's dense layers hold their weight as
   * {@code nIn x nOut}, the transpose of {@link Network#weights}' rows per output unit.
   */
  private static void setWeights(MultiLayerNetwork network, Network initial) {
    int[] inputs = {2, Plan.HIDDEN};
    for (int layer = 1; layer <= 2; layer++) {
      Layer dense = network.getLayer(layer - 1);
      double[] rowPerUnit = initial.weights(layer);
      int nIn = inputs[layer - 1];
      int nOut = rowPerUnit.length / nIn;
      double[][] w = new double[nIn][nOut];
      for (int j = 0; j < nOut; j++) {
        for (int i = 0; i < nIn; i++) {
          w[i][j] = rowPerUnit[j * nIn + i];
        }
      }
      assign(dense, "W", Nd4j.create(w));
      assign(dense, "b", Nd4j.create(initial.biases(layer)));
    }
  }

  private static void assign(Layer layer, String name, INDArray values) {
    INDArray parameter = layer.getParam(name);
    if (parameter.length() != values.length()) {
      throw new IllegalStateException(
          "parameter " + name + " has shape " + java.util.Arrays.toString(parameter.shape())
              + ", not " + values.length() + " values");
    }
    parameter.assign(values.reshape(parameter.shape()));
  }

  private static int[] identity(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The examples {@code order[from..to)} of {@code data}, with one-hot labels. */
  private static DataSet dataSet(Dataset data, int[] order, int from, int to) {
    double[][] x = new double[to - from][];
    double[][] y = new double[to - from][data.classes()];
    for (int n = from; n < to; n++) {
      x[n - from] = data.x()[order[n]];
      y[n - from][data.y()[order[n]]] = 1;
    }
    return new DataSet(Nd4j.create(x), Nd4j.create(y));
  }

  private static double accuracy(MultiLayerNetwork network, DataSet data) {
    INDArray predicted = network.output(data.getFeatures()).argMax(1);
    INDArray actual = data.getLabels().argMax(1);
    int correct = 0;
    for (long i = 0; i < predicted.length(); i++) {
      if (predicted.getLong(i) == actual.getLong(i)) {
        correct++;
      }
    }
    return (double) correct / predicted.length();
  }

  /**
   * Records the rate Deeplearning4j got for each iteration. It asks several times per update (once
   * per updater block and per parameter array) and clones its updaters' schedules: the clones
   * share the record, and equal schedules stay equal, so that the layers keep one updater block.
   */
  private static final class Recording implements ISchedule {
    private static final long serialVersionUID = 1L;
    private final ISchedule schedule;
    private final double[] rates;

    Recording(ISchedule schedule, double[] rates) {
      this.schedule = schedule;
      this.rates = rates;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
      double rate = schedule.valueAt(iteration, epoch);
      if (iteration >= 0 && iteration < rates.length) {
        rates[iteration] = rate;
      }
      return rate;
    }

    @Override
    public ISchedule clone() {
      return new Recording(schedule.clone(), rates);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Recording that
          && schedule.equals(that.schedule)
          && rates == that.rates;
    }

    @Override
    public int hashCode() {
      return Objects.hash(schedule, System.identityHashCode(rates));
    }
  }

  @Override
  public void close() {
    // ND4J stays loaded until the JVM exits.
  }
}

package dev.anneal.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.StepScheduler;
import dev.anneal.integrations.testing.Configs_SpiralRunScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Real training on ND4J's CPU backend: a 2-32-32-2 ReLU network, in doubles, learns two interleaved
 * spirals, which the test makes, for 300 updates under an Anneal schedule through {@link
 * AnnealSchedule}. Each run records every value DL4J asked the schedule for and got, and the end
 * of each update, and checks that every call of update {@code n} asked for its iteration (and
 * epoch) and got the generated scheduler's rate of its step, exactly; with plain SGD the rate the
 * update applied is also read back from the weights' change; and the loss must fall. One run is
 * saved by {@code ModelSerializer} half-way and restored, and must go on exactly as the run that
 * was not.
 */
class TrainingTest {

  private static final int POINTS_PER_ARM = 200;
  private static final int BATCH = 40;
  private static final int BATCHES = 2 * POINTS_PER_ARM / BATCH;
  private static final int EPOCHS = 30;
  private static final int UPDATES = EPOCHS * BATCHES;
  /** Each arm's turns around the centre. */
  private static final double TURNS = 1.0;

  /** A warm-up and cosine per iteration, plain SGD, a loop of {@code fit(DataSet)} per batch. */
  @Test
  void warmupCosinePerIterationWithSgd() {
    AnnealSchedule lr = AnnealSchedule.perIteration(Configs_SpiralRunScheduler.class, 0.5);
    Run run = new Run("warm-up + cosine per iteration, Sgd, fit(DataSet)", "sgd-lr");
    MultiLayerNetwork network = run.network(new Sgd(run.recording(lr)), true);
    run.fitBatches(network, 0, EPOCHS);
    Configs_SpiralRunScheduler reference = new Configs_SpiralRunScheduler(0.5);
    run.assertRates("sgd-lr", k -> reference.lrAt(k), stepped(new Configs_SpiralRunScheduler(0.5)),
        false);
    run.assertReadBack();
    run.assertLossFell(network);
    run.report(network);
  }

  /**
   * OneCycleLR per iteration with the momentum it cycles, through Nesterovs' two schedules, trained
   * by {@code fit(iterator, epochs)}: DL4J's epoch count moves after each pass.
   */
  @Test
  void oneCycleWithItsMomentumThroughNesterovs() {
    AnnealSchedule lr =
        AnnealSchedule.perIteration(Dl4jConfigs_SpiralOneCycleScheduler.class, 0.05);
    Run run = new Run("OneCycleLR per iteration with momentum, Nesterovs, fit(iterator)",
        "nesterovs-lr", "nesterovs-momentum");
    MultiLayerNetwork network =
        run.network(
            new Nesterovs(run.recording(lr), run.recording(lr.momentum(), "nesterovs-momentum")),
            false);
    run.fitEpochs(network, EPOCHS);
    Dl4jConfigs_SpiralOneCycleScheduler reference = new Dl4jConfigs_SpiralOneCycleScheduler(0.05);
    run.assertRates("nesterovs-lr", k -> reference.lrAt(k, 0),
        stepped(new Dl4jConfigs_SpiralOneCycleScheduler(0.05)), true);
    Dl4jConfigs_SpiralOneCycleScheduler momentum = new Dl4jConfigs_SpiralOneCycleScheduler(0.05);
    run.assertRates("nesterovs-momentum", k -> reference.momentumAt(k, 0),
        k -> {
          while (momentum.stepCount() < k) {
            momentum.step();
          }
          return momentum.momentum(0);
        },
        true);
    run.assertLossFell(network);
    run.report(network);
  }

  /** StepLR per epoch, SGD, {@code fit(iterator, epochs)}: every update of epoch e at step e. */
  @Test
  void stepPerEpochWithSgd() {
    AnnealSchedule lr = AnnealSchedule.perEpoch(Dl4jConfigs_SpiralEpochsScheduler.class, 0.5);
    Run run = new Run("StepLR per epoch, Sgd, fit(iterator)", "epoch-lr");
    MultiLayerNetwork network = run.network(new Sgd(run.recording(lr)), true);
    run.fitEpochs(network, EPOCHS);
    Dl4jConfigs_SpiralEpochsScheduler reference = new Dl4jConfigs_SpiralEpochsScheduler(0.5);
    run.assertRatesPerEpoch("epoch-lr", epoch -> reference.lrAt(epoch),
        stepped(new Dl4jConfigs_SpiralEpochsScheduler(0.5)));
    run.assertReadBack();
    run.assertLossFell(network);
    run.report(network);
  }

  /**
   * Saved by ModelSerializer after 150 updates (configuration, parameters, Nesterovs' state) and
   * restored: the restored network asks the schedule the same questions, gets the same rates and
   * ends with the same weights, to the bit, as a run that was never interrupted.
   */
  @Test
  void aRunRestoredHalfWayGoesOnExactly() throws Exception {
    AnnealSchedule lr =
        AnnealSchedule.perIteration(Dl4jConfigs_SpiralOneCycleScheduler.class, 0.05);

    Run straight = new Run("OneCycleLR, Nesterovs, straight", "straight");
    MultiLayerNetwork whole =
        straight.network(new Nesterovs(straight.recording(lr), lr.momentum()), false);
    straight.fitBatches(whole, 0, EPOCHS);
    List<RecordingSchedule.Entry> straightTape = RecordingSchedule.take("straight");

    Run resumed = new Run("OneCycleLR, Nesterovs, saved and restored at update 150", "resumed");
    MultiLayerNetwork first =
        resumed.network(new Nesterovs(resumed.recording(lr), lr.momentum()), false);
    resumed.fitBatches(first, 0, EPOCHS / 2);
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    ModelSerializer.writeModel(first, saved, true);
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(
            new ByteArrayInputStream(saved.toByteArray()), true);
    assertEquals(UPDATES / 2, restored.getIterationCount());
    assertEquals(JsonRoundTripTest.blocks(first), JsonRoundTripTest.blocks(restored));
    restored.setListeners(resumed.observer);
    resumed.fitBatches(restored, EPOCHS / 2, EPOCHS);
    List<RecordingSchedule.Entry> resumedTape = RecordingSchedule.take("resumed");

    assertEquals(straightTape.size(), resumedTape.size());
    assertEquals(straightTape, resumedTape);
    Dl4jConfigs_SpiralOneCycleScheduler reference = new Dl4jConfigs_SpiralOneCycleScheduler(0.05);
    int perUpdate = Run.check(resumedTape, "resumed", k -> reference.lrAt(k, 0), k -> k, false);
    assertArrayEquals(
        whole.params().toDoubleVector(), restored.params().toDoubleVector(),
        "the restored run's weights");
    System.out.printf(
        "DL4J training [saved and restored at update %d]: %d updates, the same %d calls of"
            + " valueAt per update, the same rates and the same weights as without%n",
        UPDATES / 2, UPDATES, perUpdate);
  }

  /** The rate of a scheduler stepped as in PyTorch's loop: step {@code k} after {@code k} steps. */
  private static LongToDoubleFunction stepped(StepScheduler scheduler) {
    return k -> {
      while (scheduler.stepCount() < k) {
        scheduler.step();
      }
      return scheduler.lr(0);
    };
  }

  /** One training run: its tapes, its listener, its data. */
  private static final class Run {
    final String name;
    final String[] tapes;
    final Observer observer;
    final DataSet train = spirals(1);
    final long start = System.nanoTime();
    double lossBefore;
    /** The calls of valueAt per update, by tape. */
    final java.util.Map<String, Integer> perUpdate = new java.util.LinkedHashMap<>();
    double maxReadBack = Double.NaN;

    Run(String name, String... tapes) {
      this.name = name;
      this.tapes = tapes;
      this.observer = new Observer(tapes);
      for (String tape : tapes) {
        RecordingSchedule.take(tape);
      }
    }

    RecordingSchedule recording(AnnealSchedule schedule) {
      return new RecordingSchedule(schedule, tapes[0]);
    }

    RecordingSchedule recording(AnnealSchedule schedule, String tape) {
      return new RecordingSchedule(schedule, tape);
    }

    MultiLayerNetwork network(IUpdater updater, boolean readBack) {
      MultiLayerConfiguration conf =
          new NeuralNetConfiguration.Builder()
              .seed(17)
              .dataType(DataType.DOUBLE)
              .weightInit(WeightInit.XAVIER)
              .updater(updater)
              .list()
              .layer(new DenseLayer.Builder().nIn(2).nOut(32).activation(Activation.RELU).build())
              .layer(new DenseLayer.Builder().nIn(32).nOut(32).activation(Activation.RELU).build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                  .nIn(32).nOut(2).activation(Activation.SOFTMAX).build())
              .build();
      MultiLayerNetwork network = new MultiLayerNetwork(conf);
      network.init();
      lossBefore = network.score(train);
      for (String tape : tapes) {
        RecordingSchedule.take(tape); // calls before the first update, if any, are not updates
      }
      observer.readBack = readBack;
      network.setListeners(observer);
      return network;
    }

    /** Epochs {@code from} to {@code to} by hand, one {@code fit(DataSet)} per shuffled batch. */
    void fitBatches(MultiLayerNetwork network, int from, int to) {
      Random shuffle = new Random(3);
      for (int epoch = 0; epoch < to; epoch++) {
        List<DataSet> batches = batches(train, shuffle);
        if (epoch < from) {
          continue; // the same batches as a run from the start
        }
        for (DataSet batch : batches) {
          network.fit(batch);
        }
      }
    }

    /** {@code epochs} passes of {@code fit(iterator)}, which counts DL4J's epochs. */
    void fitEpochs(MultiLayerNetwork network, int epochs) {
      List<DataSet> examples = train.asList();
      java.util.Collections.shuffle(examples, new Random(3));
      network.fit(new ListDataSetIterator<>(examples, BATCH), epochs);
      assertEquals(epochs, network.getEpochCount());
    }

    /**
     * Every update, in order, ran at its iteration and asked only for it; every call got {@code
     * lrAt} of the update's step exactly, which is the stepped scheduler's to 1e-13.
     */
    void assertRates(String tape, LongToDoubleFunction lrAt, LongToDoubleFunction stepped,
        boolean epochs) {
      List<RecordingSchedule.Entry> entries = RecordingSchedule.take(tape);
      perUpdate.put(tape, check(entries, name, k -> lrAt.applyAsDouble(k), k -> k, epochs));
      for (int k = 0; k < UPDATES; k++) {
        ClosedFormConformanceTest.assertClose(
            stepped.applyAsDouble(k), lrAt.applyAsDouble(k), name + ", update " + k);
      }
    }

    /** As {@link #assertRates}, for a schedule per epoch: update {@code k} at step {@code k / 10}. */
    void assertRatesPerEpoch(String tape, LongToDoubleFunction lrAt, LongToDoubleFunction stepped) {
      List<RecordingSchedule.Entry> entries = RecordingSchedule.take(tape);
      perUpdate.put(tape, check(entries, name, lrAt, k -> k / BATCHES, true));
      for (int e = 0; e < EPOCHS; e++) {
        ClosedFormConformanceTest.assertClose(
            stepped.applyAsDouble(e), lrAt.applyAsDouble(e), name + ", epoch " + e);
      }
    }

    /**
     * Checks a tape of {@link #UPDATES} updates: update {@code k} (its calls, then its mark) ran at
     * iteration {@code k} (and epoch {@code k / 10} where DL4J counted epochs), every call asked
     * for that iteration and epoch and got {@code expected(step(k))}, exactly; every update asked
     * as many times. Returns that number.
     */
    static int check(List<RecordingSchedule.Entry> entries, String name,
        LongToDoubleFunction expected, java.util.function.LongUnaryOperator step,
        boolean epochs) {
      int update = 0;
      int calls = 0;
      int perUpdate = -1;
      for (RecordingSchedule.Entry entry : entries) {
        String where = name + ", update " + update;
        int epoch = epochs ? update / BATCHES : 0;
        assertEquals(update, entry.iteration(), where + ": the iteration asked for");
        assertEquals(epoch, entry.epoch(), where + ": the epoch asked for");
        if (entry.isMark()) {
          assertEquals(update, entry.update(), where);
          assertTrue(calls > 0, where + ": no call");
          if (perUpdate < 0) {
            perUpdate = calls;
          }
          assertEquals(perUpdate, calls, where + ": calls of valueAt");
          update++;
          calls = 0;
        } else {
          assertEquals(expected.applyAsDouble(step.applyAsLong(update)), entry.value(), where);
          calls++;
        }
      }
      assertEquals(0, calls, name + ": calls after the last update");
      assertEquals(UPDATES, update, name + ": updates");
      return perUpdate;
    }

    /** The rate each SGD update applied, read back from the weights, is the one it was given. */
    void assertReadBack() {
      List<double[]> readBack = observer.readBacks;
      assertEquals(UPDATES, readBack.size());
      List<RecordingSchedule.Entry> given = observer.given;
      maxReadBack = 0;
      for (int k = 0; k < UPDATES; k++) {
        double rate = given.get(k).value();
        double applied = readBack.get(k)[0];
        if (rate == 0) {
          assertEquals(0, applied, name + ": update " + k + " moved the weights at rate 0");
          continue;
        }
        double relative = Math.abs(applied - rate) / rate;
        maxReadBack = Math.max(maxReadBack, relative);
        assertTrue(relative < 1e-9,
            name + ": update " + k + " applied " + applied + ", given " + rate);
      }
    }

    void assertLossFell(MultiLayerNetwork network) {
      double lossAfter = network.score(train);
      assertTrue(lossAfter < 0.5 * lossBefore, name + ": loss " + lossBefore + " -> " + lossAfter);
    }

    void report(MultiLayerNetwork network) {
      System.out.printf(
          "DL4J training [%s]: %d updates in %.2f s, loss %.4f -> %.4f, calls of valueAt per"
              + " update %s, each the scheduler's value exactly%s%n",
          name, UPDATES, (System.nanoTime() - start) / 1e9, lossBefore, network.score(train),
          perUpdate,
          Double.isNaN(maxReadBack) ? ""
              : String.format(", the rate read back from the weights within %.2g (relative)",
                  maxReadBack));
    }
  }

  /**
   * Marks the end of each update on the run's tapes; with {@code readBack}, reads the rate each
   * update applied from the change of the weights: for SGD, {@code w - w' = rate * g / batch}.
   */
  private static final class Observer extends BaseTrainingListener {
    final String[] tapes;
    boolean readBack;
    int update;
    INDArray before;
    INDArray gradient;
    final List<double[]> readBacks = new ArrayList<>();
    final List<RecordingSchedule.Entry> given = new ArrayList<>();

    Observer(String[] tapes) {
      this.tapes = tapes;
    }

    @Override
    public void onGradientCalculation(Model model) {
      if (readBack) {
        before = model.params().dup();
        gradient = model.gradient().gradient().dup();
      }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
      if (readBack) {
        INDArray change = before.sub(model.params());
        double rate = change.mul(gradient).sumNumber().doubleValue()
            / gradient.mul(gradient).sumNumber().doubleValue() * model.batchSize();
        readBacks.add(new double[] {rate});
        // The rate given: the last call on the tape before this mark.
        given.add(RecordingSchedule.last(tapes[0]));
      }
      for (String tape : tapes) {
        RecordingSchedule.mark(tape, update, iteration, epoch);
      }
      update++;
    }
  }

  /**
   * Two interleaved spirals of {@link #POINTS_PER_ARM} points each, {@link #TURNS} turns, with a
   * little noise, labels one-hot.
   */
  static DataSet spirals(long seed) {
    Random random = new Random(seed);
    int n = 2 * POINTS_PER_ARM;
    double[][] points = new double[n][2];
    double[][] labels = new double[n][2];
    for (int arm = 0; arm < 2; arm++) {
      for (int i = 0; i < POINTS_PER_ARM; i++) {
        double t = (i + random.nextDouble()) / POINTS_PER_ARM;
        double radius = 0.1 + 0.9 * t;
        double angle = TURNS * 2 * Math.PI * t + arm * Math.PI;
        int k = arm * POINTS_PER_ARM + i;
        points[k][0] = radius * Math.cos(angle) + 0.02 * random.nextGaussian();
        points[k][1] = radius * Math.sin(angle) + 0.02 * random.nextGaussian();
        labels[k][arm] = 1;
      }
    }
    return new DataSet(Nd4j.create(points), Nd4j.create(labels));
  }

  /** An epoch's batches: a fresh shuffle of the examples, cut in {@link #BATCH}es. */
  private static List<DataSet> batches(DataSet data, Random random) {
    int size = data.numExamples();
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    List<DataSet> batches = new ArrayList<>();
    for (int from = 0; from < size; from += BATCH) {
      int[] rows = java.util.Arrays.copyOfRange(order, from, from + BATCH);
      batches.add(new DataSet(
          data.getFeatures().getRows(rows), data.getLabels().getRows(rows)));
    }
    return batches;
  }
}

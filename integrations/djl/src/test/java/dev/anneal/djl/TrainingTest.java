package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import dev.anneal.LrScheduler;
import dev.anneal.integrations.testing.Configs_MultiplicativeScheduler;
import dev.anneal.integrations.testing.Configs_PlateauScheduler;
import dev.anneal.integrations.testing.Configs_SpiralRunScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Real training on DJL's PyTorch engine: a small network learns two interleaved spirals, which the
 * test makes, for 300 updates under an Anneal schedule through each kind of tracker. Each run
 * records every rate DJL asked its tracker for and got, and checks it against the generated
 * scheduler driven as in PyTorch's loop, at every update and for every parameter; and the loss
 * must fall.
 */
class TrainingTest {

  private static final int POINTS_PER_ARM = 200;
  private static final int BATCH = 40;
  /** Each arm's turns around the centre. */
  private static final double TURNS = 1.0;
  private static final int EPOCHS = 30;
  private static final int UPDATES = EPOCHS * 2 * POINTS_PER_ARM / BATCH;

  /** A closed form through {@link AnnealTracker}, plain SGD, a hand-written loop. */
  @Test
  void warmupCosineThroughTheClosedFormTracker() throws Exception {
    Configs_SpiralRunScheduler reference = new Configs_SpiralRunScheduler(0.5);
    Run run =
        train(
            "warm-up + cosine, AnnealTracker, SGD",
            block -> AnnealTracker.of(new Configs_SpiralRunScheduler(0.5)),
            tracker -> Optimizer.sgd().setLearningRateTracker(tracker).build(),
            epoch -> {},
            true);
    run.assertRates(numUpdate -> stepTo(reference, numUpdate), name -> 0);
    run.assertLossFell();
  }

  /**
   * ReduceLROnPlateau through {@link LiveTracker}, stepped by the loop with each epoch's
   * validation loss; SGD with momentum.
   */
  @Test
  void plateauSteppedByTheLoopThroughTheLiveTracker() throws Exception {
    Configs_PlateauScheduler scheduler = new Configs_PlateauScheduler(0.2);
    List<Double> metrics = new ArrayList<>();
    Run run =
        train(
            "ReduceLROnPlateau, LiveTracker, SGD with momentum",
            block -> LiveTracker.of(scheduler),
            tracker -> Optimizer.sgd().setLearningRateTracker(tracker).optMomentum(0.9f).build(),
            validationLoss -> {
              metrics.add(validationLoss);
              scheduler.step(validationLoss);
            },
            false);
    // The reference sees the same metrics after each epoch's updates.
    Configs_PlateauScheduler reference = new Configs_PlateauScheduler(0.2);
    int updatesPerEpoch = UPDATES / EPOCHS;
    run.assertRates(
        numUpdate -> {
          int epochsDone = (numUpdate - 1) / updatesPerEpoch;
          while (reference.stepCount() < epochsDone) {
            reference.step(metrics.get((int) reference.stepCount()));
          }
          return reference;
        },
        name -> 0);
    assertTrue(scheduler.lr() < 0.2, "the plateau never cut the rate: " + metrics);
    run.assertLossFell();
  }

  /**
   * MultiplicativeLR, which has no closed form, through {@link LiveParameterTracker} with the
   * weights and the biases in two groups, trained by {@code EasyTrain.fit}: the tracker steps it.
   */
  @Test
  void multiplicativePerGroupThroughEasyTrain() throws Exception {
    Configs_MultiplicativeScheduler reference = new Configs_MultiplicativeScheduler(0.3, 0.1);
    Run run =
        train(
            "MultiplicativeLR in two groups, LiveParameterTracker, SGD with momentum, EasyTrain",
            block ->
                LiveParameterTracker.of(
                    new Configs_MultiplicativeScheduler(0.3, 0.1),
                    block,
                    Blocks.weightsAndBiases(block)),
            tracker -> Optimizer.sgd().setLearningRateTracker(tracker).optMomentum(0.9f).build(),
            null,
            false);
    run.assertRates(
        numUpdate -> stepTo(reference, numUpdate), name -> name.endsWith("bias") ? 1 : 0);
    run.assertLossFell();
  }

  private static Configs_SpiralRunScheduler stepTo(Configs_SpiralRunScheduler s, int numUpdate) {
    while (s.stepCount() < numUpdate - 1) {
      s.step();
    }
    return s;
  }

  private static Configs_MultiplicativeScheduler stepTo(
      Configs_MultiplicativeScheduler s, int numUpdate) {
    while (s.stepCount() < numUpdate - 1) {
      s.step();
    }
    return s;
  }

  /** Called after each epoch with the validation loss. */
  private interface EpochEnd {
    void after(double validationLoss);
  }

  /**
   * Trains the network on the spirals for {@link #EPOCHS} epochs with the tracker built for its
   * block, recording every rate; by hand, batch by batch, or by {@code EasyTrain.fit} where {@code
   * epochEnd} is null. With {@code readBack}, the rate each update applied to the second layer's
   * weight is also read back from the weight's change (SGD without momentum).
   */
  private static Run train(
      String name,
      Function<Block, ParameterTracker> makeTracker,
      Function<ParameterTracker, Optimizer> makeOptimizer,
      EpochEnd epochEnd,
      boolean readBack)
      throws Exception {
    long start = System.nanoTime();
    Engine.getInstance().setRandomSeed(17);
    Block block = Blocks.mlp(32);
    Map<String, String> nameOfId = new HashMap<>();
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      nameOfId.put(parameter.getValue().getId(), parameter.getKey());
    }
    RecordingTracker recording = new RecordingTracker(makeTracker.apply(block));
    List<double[]> readBackRates = new ArrayList<>();
    try (Model model = Model.newInstance("spirals", "PyTorch")) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(makeOptimizer.apply(recording));
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, 2));
        NDManager manager = trainer.getManager();
        float[][] train = spirals(1);
        float[][] validation = spirals(2);
        double lossBefore = loss(trainer, manager, train);
        if (epochEnd == null) {
          ArrayDataset dataset =
              new ArrayDataset.Builder()
                  .setData(manager.create(train[0], new Shape(train[1].length, 2)))
                  .optLabels(manager.create(train[1]))
                  .setSampling(BATCH, true)
                  .build();
          EasyTrain.fit(trainer, EPOCHS, dataset, null);
        } else {
          Random shuffle = new Random(3);
          Parameter watched = block.getParameters().get("03Linear_weight");
          for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int[] batch : batches(train[1].length, shuffle)) {
              try (NDManager batchManager = manager.newSubManager()) {
                NDArray x = batchManager.create(pick(train[0], batch, 2), new Shape(BATCH, 2));
                NDArray y = batchManager.create(pick(train[1], batch, 1));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                  NDList prediction = trainer.forward(new NDList(x));
                  collector.backward(trainer.getLoss().evaluate(new NDList(y), prediction));
                }
                float[] weight = watched.getArray().toFloatArray();
                float[] gradient = watched.getArray().getGradient().toFloatArray();
                trainer.step();
                if (readBack) {
                  readBackRates.add(
                      impliedRate(weight, gradient, watched.getArray().toFloatArray()));
                }
              }
            }
            epochEnd.after(loss(trainer, manager, validation));
          }
        }
        double lossAfter = loss(trainer, manager, train);
        return new Run(
            name,
            recording.calls(),
            nameOfId,
            readBackRates,
            lossBefore,
            lossAfter,
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** What one training saw. */
  private record Run(
      String name,
      List<RecordingTracker.Call> calls,
      Map<String, String> nameOfId,
      List<double[]> readBack,
      double lossBefore,
      double lossAfter,
      double seconds) {

    /**
     * Every parameter asked once per update, updates 1 to {@link #UPDATES} in order, each given
     * the rate of its group that the scheduler {@code at(numUpdate)} has.
     */
    void assertRates(
        Function<Integer, LrScheduler> at, Function<String, Integer> groupOfName) {
      int parameters = nameOfId.size();
      assertEquals(UPDATES * parameters, calls.size(), name + ": calls");
      double maxDifference = 0;
      double maxRelative = 0;
      for (int i = 0; i < calls.size(); i++) {
        RecordingTracker.Call call = calls.get(i);
        int numUpdate = i / parameters + 1;
        assertEquals(numUpdate, call.numUpdate(), name + ": call " + i);
        LrScheduler scheduler = at.apply(numUpdate);
        double expected = scheduler.lr(groupOfName.apply(nameOfId.get(call.parameterId())));
        double difference = Math.abs(call.rate() - expected);
        ClosedFormConformanceTest.assertFloatPrecision(
            expected, call.rate(), name + ": update " + numUpdate);
        maxDifference = Math.max(maxDifference, difference);
        if (expected != 0) {
          maxRelative = Math.max(maxRelative, difference / Math.abs(expected));
        }
      }
      double maxReadBack = 0;
      for (int n = 0; n < readBack.size(); n++) {
        double given = calls.get(n * parameters).rate();
        double applied = readBack.get(n)[0];
        double relative = Math.abs(applied - given) / given;
        if (given == 0) {
          assertEquals(0, applied, name + ": update " + (n + 1) + " moved the weights at rate 0");
        } else if (readBack.get(n)[1] >= 1e-3) {
          assertTrue(
              relative < 1e-3,
              name + ": update " + (n + 1) + " applied " + applied + ", given " + given);
          maxReadBack = Math.max(maxReadBack, relative);
        }
      }
      System.out.printf(
          "DJL training [%s]: %d updates in %.2f s, loss %.4f -> %.4f, max |rate DJL applied -"
              + " scheduler's| = %.3g (relative %.3g)%s%n",
          name,
          UPDATES,
          seconds,
          lossBefore,
          lossAfter,
          maxDifference,
          maxRelative,
          readBack.isEmpty()
              ? ""
              : String.format(
                  ", rate read back from the weights within %.2g (relative)", maxReadBack));
    }

    void assertLossFell() {
      assertTrue(
          lossAfter < 0.5 * lossBefore, name + ": loss " + lossBefore + " -> " + lossAfter);
    }
  }

  /**
   * The rate SGD applied, read back from the weight's change, least squares over its elements:
   * {@code sum(dw * g) / sum(g * g)}; and the gradient's root mean square, below which the
   * reading is too noisy to hold to.
   */
  private static double[] impliedRate(float[] before, float[] gradient, float[] after) {
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < before.length; i++) {
      dot += ((double) before[i] - after[i]) * gradient[i];
      norm += (double) gradient[i] * gradient[i];
    }
    return new double[] {dot / norm, Math.sqrt(norm / before.length)};
  }

  /** The mean cross-entropy of the network over {@code data}. */
  private static double loss(Trainer trainer, NDManager manager, float[][] data) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(data[0], new Shape(data[1].length, 2));
      NDArray y = scope.create(data[1]);
      NDList prediction = trainer.evaluate(new NDList(x));
      return trainer.getLoss().evaluate(new NDList(y), prediction).getFloat();
    }
  }

  /**
   * Two interleaved spirals of {@link #POINTS_PER_ARM} points each, {@link #TURNS} turns, with a
   * little noise: {@code {x (2 per point), label}}.
   */
  static float[][] spirals(long seed) {
    Random random = new Random(seed);
    int n = 2 * POINTS_PER_ARM;
    float[] points = new float[2 * n];
    float[] labels = new float[n];
    for (int arm = 0; arm < 2; arm++) {
      for (int i = 0; i < POINTS_PER_ARM; i++) {
        double t = (i + random.nextDouble()) / POINTS_PER_ARM;
        double radius = 0.1 + 0.9 * t;
        double angle = TURNS * 2 * Math.PI * t + arm * Math.PI;
        int k = arm * POINTS_PER_ARM + i;
        points[2 * k] = (float) (radius * Math.cos(angle) + 0.02 * random.nextGaussian());
        points[2 * k + 1] = (float) (radius * Math.sin(angle) + 0.02 * random.nextGaussian());
        labels[k] = arm;
      }
    }
    return new float[][] {points, labels};
  }

  /** The epoch's batches: a fresh shuffle of the indices, cut in {@link #BATCH}es. */
  private static List<int[]> batches(int size, Random random) {
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
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < size; from += BATCH) {
      batches.add(Arrays.copyOfRange(order, from, from + BATCH));
    }
    return batches;
  }

  private static float[] pick(float[] values, int[] rows, int width) {
    float[] picked = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(values, rows[r] * width, picked, r * width, width);
    }
    return picked;
  }
}

package dev.anneal.samples.train;

import dev.anneal.samples.chart.TrainingCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The training demo: the same network, data and batches under a constant rate and under several
 * generated schedulers; a table of the outcome, the loss curves as {@code training.png}, and the
 * curves' values as {@code training.csv}. On an {@link Engine}, the same runs through the engine
 * and its Anneal adapter, into {@code training-<engine>.png} and {@code training-<engine>.csv}.
 */
public final class TrainingDemo {

  /** The name of the figure in the output folder. */
  public static final String FIGURE = "training.png";

  /** The name of the loss curves' CSV in the output folder. */
  public static final String CSV = "training.csv";

  private final long seed;
  private final List<TrainingSchedule> schedules;
  private final Engine engine;
  private final Map<String, String> leftOut = new LinkedHashMap<>();

  /** A demo of {@code schedules} on the data and weights of {@code seed}, in plain Java. */
  public TrainingDemo(long seed, List<TrainingSchedule> schedules) {
    this(seed, schedules, null);
  }

  /**
   * A demo of {@code schedules} on the data and weights of {@code seed}, trained by {@code engine}
   * (started by {@link #run}); in plain Java where it is null.
   */
  public TrainingDemo(long seed, List<TrainingSchedule> schedules, Engine engine) {
    this.seed = seed;
    this.schedules = List.copyOf(schedules);
    this.engine = engine;
  }

  /** The figure's file name: {@link #FIGURE}, or {@code training-<engine>.png} on an engine. */
  public static String figure(Engine engine) {
    return engine == null ? FIGURE : "training-" + engine.id() + ".png";
  }

  /** The CSV's file name: {@link #CSV}, or {@code training-<engine>.csv} on an engine. */
  public static String csv(Engine engine) {
    return engine == null ? CSV : "training-" + engine.id() + ".csv";
  }

  /**
   * Trains under every schedule the engine takes, without writing anything; the schedules it
   * refuses are in {@link #leftOut()} afterwards.
   */
  public List<Trainer.Result> train() {
    Trainer trainer = new Trainer(seed);
    List<Trainer.Result> results = new ArrayList<>();
    leftOut.clear();
    for (TrainingSchedule schedule : schedules) {
      if (engine == null) {
        results.add(trainer.train(schedule));
        continue;
      }
      Optional<String> refusal = engine.refusal(schedule);
      if (refusal.isPresent()) {
        leftOut.put(schedule.name(), refusal.get());
      } else {
        results.add(engine.train(trainer, schedule));
      }
    }
    return results;
  }

  /** The schedules the last {@link #train()} left out, by name, with the engine's reason. */
  public Map<String, String> leftOut() {
    return Map.copyOf(leftOut);
  }

  /**
   * Trains, writes the figure and the CSV into {@code output}, and prints the table to {@code out}.
   */
  public List<Trainer.Result> run(Path output, PrintWriter out) throws IOException {
    Files.createDirectories(output);
    if (engine == null) {
      out.printf(
          Locale.ROOT,
          "Training a %d-%d-%d tanh network on %d spiral points (%d classes, seed %d) for %d"
              + " epochs of %d steps: SGD, momentum %s, peak rate %s.%n",
          2,
          Plan.HIDDEN,
          Plan.CLASSES,
          Plan.CLASSES * Plan.TRAINING_POINTS_PER_CLASS,
          Plan.CLASSES,
          seed,
          Plan.EPOCHS,
          Plan.STEPS_PER_EPOCH,
          Plan.MOMENTUM,
          Plan.PEAK_LR);
    } else {
      long start = System.nanoTime();
      String started = engine.start();
      out.printf(
          Locale.ROOT, "Started %s in %.1f s.%n", started, (System.nanoTime() - start) / 1e9);
      out.printf(
          Locale.ROOT,
          "Training the %d-%d-%d tanh network of 'train' on %s, from the same %d spiral points"
              + " (%d classes, seed %d), initial weights and batches, for %d epochs of %d steps:"
              + " %s, peak rate %s.%n",
          2,
          Plan.HIDDEN,
          Plan.CLASSES,
          engine.name(),
          Plan.CLASSES * Plan.TRAINING_POINTS_PER_CLASS,
          Plan.CLASSES,
          seed,
          Plan.EPOCHS,
          Plan.STEPS_PER_EPOCH,
          engine.optimizer(),
          Plan.PEAK_LR);
    }
    long start = System.nanoTime();
    List<Trainer.Result> results = train();
    long millis = (System.nanoTime() - start) / 1_000_000;
    printTable(out, results);
    leftOut.forEach(
        (name, reason) -> out.printf(Locale.ROOT, "Left out %s: %s%n", name, reason));
    out.printf(
        Locale.ROOT,
        "(%d run%s in %.1f s)%n",
        results.size(),
        results.size() == 1 ? "" : "s",
        millis / 1000.0);

    List<TrainingCharts.Curve> curves = new ArrayList<>();
    for (Trainer.Result result : results) {
      curves.add(
          new TrainingCharts.Curve(
              result.schedule().name(),
              result.trainingLoss(),
              result.rates(),
              colour(result.schedule())));
    }
    String figure = figure(engine);
    String csv = csv(engine);
    ImageIO.write(
        TrainingCharts.figure(
            "Two-layer network on three spirals, seed "
                + seed
                + (engine == null ? "" : ", on " + engine.name()),
            curves,
            Plan.EPOCHS,
            Plan.STEPS_PER_EPOCH),
        "png",
        output.resolve(figure).toFile());
    writeCsv(output.resolve(csv), results);
    out.printf(
        Locale.ROOT,
        "%nWrote %s (loss curves and rates) and %s (loss per epoch) to %s%n",
        figure,
        csv,
        output.toAbsolutePath().normalize());
    return results;
  }

  /** The schedule's place in the full list: its colour in every figure. */
  private static int colour(TrainingSchedule schedule) {
    List<TrainingSchedule> all = TrainingSchedule.all();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(schedule.name())) {
        return i;
      }
    }
    return all.size();
  }

  private static void printTable(PrintWriter out, List<Trainer.Result> results) {
    int nameWidth = "schedule".length();
    for (Trainer.Result result : results) {
      nameWidth = Math.max(nameWidth, result.schedule().name().length());
    }
    String row = "%-" + nameWidth + "s  %10s  %10s  %8s  %s%n";
    out.printf(Locale.ROOT, row, "schedule", "train loss", "val loss", "val acc", "as PyTorch");
    for (Trainer.Result result : results) {
      double[] validation = result.validationLoss();
      out.printf(
          Locale.ROOT,
          row,
          result.schedule().name(),
          String.format(Locale.ROOT, "%.4f", result.finalTrainingLoss()),
          String.format(Locale.ROOT, "%.4f", validation[validation.length - 1]),
          String.format(Locale.ROOT, "%.1f%%", 100 * result.validationAccuracy()),
          result.schedule().torchCall());
    }
  }

  /** One row per epoch (0 is before training), one training-loss column per schedule. */
  private static void writeCsv(Path file, List<Trainer.Result> results) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("epoch");
      for (Trainer.Result result : results) {
        writer.write(',');
        writer.write(result.schedule().name());
      }
      writer.write('\n');
      for (int epoch = 0; epoch <= Plan.EPOCHS; epoch++) {
        writer.write(Integer.toString(epoch));
        for (Trainer.Result result : results) {
          writer.write(',');
          writer.write(Double.toString(result.trainingLoss()[epoch]));
        }
        writer.write('\n');
      }
    }
  }
}

package dev.anneal.samples.train;

import dev.anneal.samples.chart.TrainingCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The training demo: the same network, data and batches under a constant rate and under several
 * generated schedulers; a table of the outcome, the loss curves as {@code training.png}, and the
 * curves' values as {@code training.csv}.
 */
public final class TrainingDemo {

  /** The name of the figure in the output folder. */
  public static final String FIGURE = "training.png";

  /** The name of the loss curves' CSV in the output folder. */
  public static final String CSV = "training.csv";

  private final long seed;
  private final List<TrainingSchedule> schedules;

  /** A demo of {@code schedules} on the data and weights of {@code seed}. */
  public TrainingDemo(long seed, List<TrainingSchedule> schedules) {
    this.seed = seed;
    this.schedules = List.copyOf(schedules);
  }

  /** Trains under every schedule, without writing anything. */
  public List<Trainer.Result> train() {
    Trainer trainer = new Trainer(seed);
    List<Trainer.Result> results = new ArrayList<>();
    for (TrainingSchedule schedule : schedules) {
      results.add(trainer.train(schedule));
    }
    return results;
  }

  /**
   * Trains, writes the figure and the CSV into {@code output}, and prints the table to {@code out}.
   */
  public List<Trainer.Result> run(Path output, PrintWriter out) throws IOException {
    Files.createDirectories(output);
    out.printf(
        Locale.ROOT,
        "Training a %d-%d-%d tanh network on %d spiral points (%d classes, seed %d) for %d epochs"
            + " of %d steps: SGD, momentum %s, peak rate %s.%n",
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
    long start = System.nanoTime();
    List<Trainer.Result> results = train();
    long millis = (System.nanoTime() - start) / 1_000_000;
    printTable(out, results);
    out.printf(Locale.ROOT, "(%d runs in %.1f s)%n", results.size(), millis / 1000.0);

    List<TrainingCharts.Curve> curves = new ArrayList<>();
    for (Trainer.Result result : results) {
      curves.add(
          new TrainingCharts.Curve(
              result.schedule().name(), result.trainingLoss(), result.rates()));
    }
    ImageIO.write(
        TrainingCharts.figure(
            "Two-layer network on three spirals, seed " + seed,
            curves,
            Plan.EPOCHS,
            Plan.STEPS_PER_EPOCH),
        "png",
        output.resolve(FIGURE).toFile());
    writeCsv(output.resolve(CSV), results);
    out.printf(
        Locale.ROOT,
        "%nWrote %s (loss curves and rates) and %s (loss per epoch) to %s%n",
        FIGURE,
        CSV,
        output.toAbsolutePath().normalize());
    return results;
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

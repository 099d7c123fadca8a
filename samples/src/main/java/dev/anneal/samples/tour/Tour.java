package dev.anneal.samples.tour;

import dev.anneal.samples.chart.ScheduleCharts;
import java.awt.image.BufferedImage;
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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * The article's tour: every sample's rates over the steps, as one PNG per schedule, a cheat sheet
 * with all of them, a CSV with every value, and a table on the console.
 */
public final class Tour {

  /** The name of the cheat sheet image in the output folder. */
  public static final String CHEAT_SHEET = "cheatsheet.png";

  /** The name of the CSV file in the output folder. */
  public static final String CSV = "schedules.csv";

  private final List<Sample> samples;
  private final int steps;
  private final int stepsPerEpoch;

  /**
   * A tour of {@code samples} over {@code steps} steps, with x-axis labels every {@code
   * stepsPerEpoch} steps.
   */
  public Tour(List<Sample> samples, int steps, int stepsPerEpoch) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no schedule to plot");
    }
    if (steps < 1 || stepsPerEpoch < 1) {
      throw new IllegalArgumentException(
          "steps and steps per epoch must be positive: " + steps + ", " + stepsPerEpoch);
    }
    this.samples = List.copyOf(samples);
    this.steps = steps;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /** The file name of a sample's chart. */
  public static String chartFileName(Sample sample) {
    return sample.id() + ".png";
  }

  /**
   * Computes every schedule, writes the charts, the cheat sheet and the CSV into {@code output}
   * (created if needed), and prints the table and what was written to {@code out}.
   *
   * @return the rates, one array per sample in tour order
   */
  public List<double[]> run(Path output, PrintWriter out) throws IOException {
    Files.createDirectories(output);
    List<double[]> rates = new ArrayList<>();
    for (Sample sample : samples) {
      rates.add(sample.rates(steps));
    }
    // The article's y axis: from 0 to the initial rate plus a tenth of it.
    double yMax = Samples.LEARNING_RATE * 1.1;
    List<XYChart> tiles = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      ScheduleCharts.Compared compared =
          sample.comparison() == null
              ? null
              : new ScheduleCharts.Compared(
                  sample.comparisonRates(steps),
                  sample.comparison().reference(),
                  sample.comparison().curve());
      XYChart chart =
          ScheduleCharts.schedule(
              sample.torchCall(),
              rates.get(i),
              stepsPerEpoch,
              yMax,
              sample.metric(),
              compared,
              false);
      BitmapEncoder.saveBitmap(
          chart, output.resolve(chartFileName(sample)).toString(), BitmapEncoder.BitmapFormat.PNG);
      tiles.add(
          ScheduleCharts.schedule(
              sample.label(), rates.get(i), stepsPerEpoch, yMax, sample.metric(), compared, true));
    }
    BufferedImage sheet =
        ScheduleCharts.cheatSheet(
            "Learning-rate schedules: a visual cheat sheet",
            String.format(
                Locale.ROOT,
                "PyTorch's torch.optim.lr_scheduler, Hugging Face's, timm's, Keras's and optax's schedules,"
                    + " generated at compile time by Anneal."
                    + " Initial rate %s, %d steps, %d per epoch.",
                scientific(Samples.LEARNING_RATE),
                steps,
                stepsPerEpoch),
            tiles);
    ImageIO.write(sheet, "png", output.resolve(CHEAT_SHEET).toFile());
    writeCsv(output.resolve(CSV), rates);

    printTable(out, rates);
    out.printf(
        Locale.ROOT,
        "%nWrote %s, %s and %s to %s%n",
        samples.size() == 1
            ? chartFileName(samples.get(0))
            : samples.size()
                + " charts (one per schedule, such as "
                + chartFileName(samples.get(0))
                + ")",
        CHEAT_SHEET,
        CSV,
        output.toAbsolutePath().normalize());
    return rates;
  }

  /** One row per step, one column per schedule; empty where a schedule has ended. */
  private void writeCsv(Path file, List<double[]> rates) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("step");
      for (Sample sample : samples) {
        writer.write(',');
        writer.write(sample.id());
      }
      writer.write('\n');
      for (int step = 0; step < steps; step++) {
        writer.write(Integer.toString(step));
        for (double[] column : rates) {
          writer.write(',');
          if (!Double.isNaN(column[step])) {
            // Double.toString reads back as exactly the same double.
            writer.write(Double.toString(column[step]));
          }
        }
        writer.write('\n');
      }
    }
  }

  /**
   * The rates at every half epoch and at the last step, in units of a tenth of the initial rate so
   * that every column fits in six characters.
   */
  private void printTable(PrintWriter out, List<double[]> rates) {
    List<Integer> columns = new ArrayList<>();
    int every = Math.max(1, stepsPerEpoch / 2);
    for (int step = 0; step < steps; step += every) {
      columns.add(step);
    }
    if (columns.get(columns.size() - 1) != steps - 1) {
      columns.add(steps - 1);
    }
    int nameWidth = "schedule".length();
    for (Sample sample : samples) {
      nameWidth = Math.max(nameWidth, sample.id().length());
    }
    double unit = Samples.LEARNING_RATE / 10;
    String nameColumn = "%-" + nameWidth + "s";
    out.printf(Locale.ROOT, "Learning rate in units of %s, at step:%n", scientific(unit));
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, nameColumn, "schedule"));
    for (int step : columns) {
      header.append(String.format(Locale.ROOT, "%7d", step));
    }
    out.println(header);
    boolean ended = false;
    for (int i = 0; i < samples.size(); i++) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, nameColumn, samples.get(i).id()));
      for (int step : columns) {
        double rate = rates.get(i)[step];
        ended |= Double.isNaN(rate);
        row.append(
            Double.isNaN(rate)
                ? String.format(Locale.ROOT, "%7s", "-")
                : String.format(Locale.ROOT, "%7.3f", rate / unit));
      }
      out.println(row);
    }
    if (ended) {
      out.println(
          "-: past the end of the schedule (OneCycleLR stops at total_steps, as in PyTorch)");
    }
  }

  /** A rate as PyTorch users write it: {@code 1e-3}, {@code 2.5e-4}. */
  static String scientific(double value) {
    String text = String.format(Locale.ROOT, "%.6e", value);
    int exponent = text.indexOf('e');
    String mantissa = text.substring(0, exponent).replaceAll("\\.?0+$", "");
    return mantissa + "e" + Integer.parseInt(text.substring(exponent + 1));
  }
}

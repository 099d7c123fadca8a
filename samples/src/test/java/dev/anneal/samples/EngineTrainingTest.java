package dev.anneal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.chart.TrainingCharts;
import dev.anneal.samples.train.Plan;
import dev.anneal.samples.train.Trainer;
import dev.anneal.samples.train.TrainingSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train --engine}: the demo's network trained on DJL's PyTorch engine and on Deeplearning4j
 * through Anneal's adapters, one schedule each to keep the build short, with a schedule each
 * engine cannot take, which it leaves out.
 */
class EngineTrainingTest {

  /** The built-in run of the plateau schedule, whose first epoch is at the constant peak rate. */
  static Trainer.Result builtIn;

  @BeforeAll
  static void trainBuiltIn() {
    builtIn =
        new Trainer(Plan.DEFAULT_SEED).train(TrainingSchedule.byName("plateau").orElseThrow());
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /**
   * ReduceLROnPlateau through the live tracker, stepped by the loop after each epoch; OneCycleLR,
   * which cycles the momentum, left out. DJL's SGD moves the rate into the velocity, which is
   * PyTorch's SGD while the rate holds: the first epoch, at the peak rate, ends where the built-in
   * run's does, to float precision, which it could not from other weights, data or batches.
   */
  @Test
  void djlTrainsTheSameNetworkAndDrawsItsChart(@TempDir Path dir) throws IOException {
    assertEquals(
        0,
        run("train", "--engine", "djl", "-s", "plateau,one-cycle", "-o", dir.toString()),
        out + "\n" + err);
    String console = out.toString();
    assertTrue(console.contains("Started DJL 0.36.0 with PyTorch 2.7.1"), console);
    assertLeftOut(console, "one-cycle", "cycles the momentum");
    double[] loss = lossColumn(dir.resolve("training-djl.csv"), "plateau");
    assertEquals(builtIn.trainingLoss()[0], loss[0], 1e-6 * loss[0], "epoch 0");
    assertEquals(builtIn.trainingLoss()[1], loss[1], 1e-5 * loss[1], "epoch 1");
    assertTrue(loss[Plan.EPOCHS] < 0.2 * loss[0], () -> "loss " + loss[0] + " -> " + loss[60]);
    assertChart(dir, "training-djl.png");
  }

  /**
   * OneCycleLR with the momentum it cycles through Nesterovs' two schedules; ReduceLROnPlateau
   * left out. In doubles from the same weights and data, the loss before training is the built-in
   * run's to the last bits.
   */
  @Test
  void dl4jTrainsTheSameNetworkAndDrawsItsChart(@TempDir Path dir) throws IOException {
    assertEquals(
        0,
        run("train", "--engine", "dl4j", "-s", "one-cycle,plateau", "-o", dir.toString()),
        out + "\n" + err);
    String console = out.toString();
    assertTrue(console.contains("Started Deeplearning4j 1.0.0-M2.1"), console);
    assertLeftOut(console, "plateau", "no closed form");
    double[] loss = lossColumn(dir.resolve("training-dl4j.csv"), "one-cycle");
    assertEquals(builtIn.trainingLoss()[0], loss[0], 1e-12 * loss[0], "epoch 0");
    assertTrue(loss[Plan.EPOCHS] < 0.2 * loss[0], () -> "loss " + loss[0] + " -> " + loss[60]);
    assertChart(dir, "training-dl4j.png");
  }

  @Test
  void anUnknownEngineIsAUsageErrorInOneLine(@TempDir Path dir) throws IOException {
    assertEquals(2, run("train", "--engine", "tensorflow", "-o", dir.toString()));
    assertEquals(
        List.of("Unknown engine 'tensorflow' for --engine: djl or dl4j"),
        err.toString().lines().toList());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }

  /**
   * Without {@code --engine}, the demo loads no class of an engine, an adapter or the samples'
   * engine code, although all of them are on this class path: a JVM of its own lists what it loads.
   */
  @Test
  void withoutAnEngineNoEngineClassIsLoaded(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xlog:class+load=info",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "train",
                "-s",
                "constant",
                "-o",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines;
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    }
    assertEquals(0, process.waitFor(), () -> String.join("\n", lines));
    assertTrue(
        lines.stream().anyMatch(line -> line.contains(" dev.anneal.samples.train.Trainer ")),
        "the class loading log lists the demo's classes");
    List<String> engines =
        lines.stream()
            .filter(
                line ->
                    Stream.of(
                            " ai.djl.",
                            " org.nd4j.",
                            " org.deeplearning4j.",
                            " org.bytedeco.",
                            " dev.anneal.djl.",
                            " dev.anneal.dl4j.",
                            " dev.anneal.samples.engines.")
                        .anyMatch(line::contains))
            .toList();
    assertEquals(List.of(), engines);
    assertTrue(Files.isRegularFile(dir.resolve("training.png")));
  }

  /** The console names the schedule left out and why, in one line. */
  private static void assertLeftOut(String console, String schedule, String reason) {
    List<String> lines =
        console.lines().filter(line -> line.startsWith("Left out ")).toList();
    assertEquals(1, lines.size(), console);
    assertTrue(lines.get(0).startsWith("Left out " + schedule + ": "), lines.get(0));
    assertTrue(lines.get(0).contains(reason), lines.get(0));
  }

  /** The loss per epoch of one schedule, the CSV's only column after the epoch. */
  private static double[] lossColumn(Path csv, String schedule) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals("epoch," + schedule, lines.get(0));
    assertEquals(Plan.EPOCHS + 2, lines.size(), "a header and a row per epoch, from epoch 0");
    List<Double> loss = new ArrayList<>();
    for (int epoch = 0; epoch <= Plan.EPOCHS; epoch++) {
      String[] fields = lines.get(epoch + 1).split(",");
      assertEquals(String.valueOf(epoch), fields[0]);
      loss.add(Double.parseDouble(fields[1]));
    }
    return loss.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void assertChart(Path dir, String name) throws IOException {
    Images.assertDrawn(
        dir.resolve(name), 2 * TrainingCharts.PANEL_WIDTH, TrainingCharts.HEIGHT, 10_000);
  }
}

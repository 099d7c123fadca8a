package dev.anneal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.chart.ScheduleCharts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plot} on configs compiled here as a user's build compiles them (the processor on the
 * processor path), loaded from a folder of classes or a jar that the samples do not have.
 */
class PlotCommandTest {

  @TempDir static Path build;

  static Path classes;
  static Path jar;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void compileTheUsersConfigs() throws IOException {
    Path sources = Path.of("src/test/resources/plot");
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
    }
    classes = Files.createDirectories(build.resolve("classes"));
    String classPath = System.getProperty("java.class.path");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-d",
                classes.toString(),
                "-classpath",
                classPath,
                "-processorpath",
                classPath,
                "-processor",
                "dev.anneal.processor.ScheduleProcessor"));
    arguments.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    int exit =
        javac.run(
            null,
            OutputStream.nullOutputStream(),
            new WriterStream(diagnostics),
            arguments.toArray(String[]::new));
    assertEquals(0, exit, diagnostics::toString);
    assertTrue(Files.isRegularFile(classes.resolve("com/example/HalvingScheduler.class")));

    jar = build.resolve("configs.jar");
    try (JarOutputStream stream = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        stream.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        stream.write(Files.readAllBytes(file));
        stream.closeEntry();
      }
    }
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** The only line of the error output. */
  private String oneLine() {
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err::toString);
    return lines.get(0);
  }

  private static double[][] csv(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(header, lines.get(0));
    double[][] rows = new double[lines.size() - 1][];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      assertEquals(Integer.toString(i - 1), cells[0], "step column");
      rows[i - 1] = new double[cells.length - 1];
      for (int c = 1; c < cells.length; c++) {
        rows[i - 1][c - 1] = Double.parseDouble(cells[c]);
      }
    }
    return rows;
  }

  @Test
  void plotsAStepDecayFromAFolderOfClasses(@TempDir Path output) throws IOException {
    int exit =
        run(
            "plot", "com.example.HalvingScheduler",
            "--class-path", classes.toString(),
            "--lr", "0.1",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(0, exit, err::toString);
    Images.assertDrawn(
        output.resolve("HalvingScheduler.png"), ScheduleCharts.WIDTH, ScheduleCharts.HEIGHT, 2000);
    double[][] rows = csv(output.resolve("HalvingScheduler.csv"), "step,HalvingScheduler");
    assertEquals(8, rows.length);
    // StepLR(step_size=2, gamma=0.5): 0.1 * 0.5 ** (step // 2).
    double[] expected = {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125};
    for (int step = 0; step < 8; step++) {
      assertEquals(expected[step], rows[step][0], 1e-15, "step " + step);
    }
    assertTrue(out.toString().contains("HalvingScheduler.png"), out::toString);
    assertTrue(out.toString().contains("HalvingScheduler.csv"), out::toString);
    assertTrue(out.toString().contains("StepLR(step_size=2, gamma=0.5)"), out::toString);
  }

  @Test
  void buildsARecordConfigFromBoundValuesFromAJar(@TempDir Path output) throws IOException {
    int exit =
        run(
            "plot", "com.example.SweepRunScheduler",
            "-cp", jar.toString(),
            "--lr", "0.1",
            "--bind", "etaMin=0.01",
            "--steps", "9",
            "-o", output.toString());
    assertEquals(0, exit, err::toString);
    assertTrue(Files.isRegularFile(output.resolve("SweepRunScheduler.png")));
    double[][] rows = csv(output.resolve("SweepRunScheduler.csv"), "step,SweepRunScheduler");
    assertEquals(9, rows.length);
    // CosineAnnealingLR(T_max=8, eta_min=0.01): the mean of the two at half way, the floor at 8.
    assertEquals(0.1, rows[0][0], 1e-15);
    assertEquals(0.055, rows[4][0], 1e-12);
    assertEquals(0.01, rows[8][0], 1e-12);
  }

  @Test
  void drawsEveryGroupAndWritesAColumnPerGroup(@TempDir Path output) throws IOException {
    int exit =
        run(
            "plot",
            "com.example.TwoGroupsScheduler",
            "-cp",
            classes.toString(),
            "--lr",
            "0.01",
            "--lr",
            "0.002",
            "--steps",
            "9",
            "-o",
            output.toString());
    assertEquals(0, exit, err::toString);
    assertTrue(Files.isRegularFile(output.resolve("TwoGroupsScheduler-group0.png")));
    assertTrue(Files.isRegularFile(output.resolve("TwoGroupsScheduler-group1.png")));
    double[][] rows =
        csv(
            output.resolve("TwoGroupsScheduler.csv"),
            "step,TwoGroupsScheduler-group0,TwoGroupsScheduler-group1");
    // Triangular: from base_lr up to max_lr in 4 steps and back down in 4.
    assertEquals(0.001, rows[0][0], 1e-15);
    assertEquals(0.0001, rows[0][1], 1e-15);
    assertEquals(0.01, rows[4][0], 1e-12);
    assertEquals(0.002, rows[4][1], 1e-12);
    assertEquals(0.001, rows[8][0], 1e-12);
  }

  @Test
  void feedsTheMetricsOfAFileToAPlateauScheduler(@TempDir Path output) throws IOException {
    Path metrics = output.resolve("loss.txt");
    Files.writeString(metrics, "1.0, 1.0, 1.0\n1.0 1.0 1.0\n1.0\n1.0\n");
    int exit =
        run(
            "plot",
            "com.example.PlateauScheduler",
            "-cp",
            classes.toString(),
            "--lr",
            "0.1",
            "--steps",
            "8",
            "--metrics",
            metrics.toString(),
            "-o",
            output.resolve("out").toString());
    assertEquals(0, exit, err::toString);
    double[][] rows = csv(output.resolve("out/PlateauScheduler.csv"), "step,PlateauScheduler");
    // ReduceLROnPlateau(patience=2), factor 0.1: the first loss is the best, the fourth step sees
    // a third bad epoch in a row, more than the patience, and cuts the rate by ten.
    assertEquals(0.1, rows[3][0], 1e-15);
    assertEquals(0.01, rows[4][0], 1e-15);
  }

  @Test
  void aPlateauSchedulerWithoutMetricsIsRefused(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.PlateauScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    assertTrue(oneLine().contains("stepped with a metric"), err::toString);
    assertTrue(oneLine().contains("--metrics"), err::toString);
  }

  @Test
  void tooFewMetricsAreAUsageError(@TempDir Path output) throws IOException {
    Path metrics = output.resolve("loss.txt");
    Files.writeString(metrics, "1.0 0.9 0.8");
    int exit =
        run(
            "plot",
            "com.example.PlateauScheduler",
            "-cp",
            classes.toString(),
            "--lr",
            "0.1",
            "--steps",
            "8",
            "--metrics",
            metrics.toString(),
            "-o",
            output.toString());
    assertEquals(2, exit);
    assertTrue(oneLine().contains("holds 3 metrics for 8 steps"), err::toString);
  }

  @Test
  void aConfigThatIsNotBoundIsNamed(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.SweepRunScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    String line = oneLine();
    assertTrue(line.contains("takes a config, SweepRun"), line);
    assertTrue(line.contains("--bind etaMin=VALUE"), line);
    assertFalse(Files.exists(output.resolve("SweepRunScheduler.csv")));
  }

  @Test
  void theConstructorsRefusalIsOneLine(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.SweepRunScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--bind", "etaMin=NaN",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    String line = oneLine();
    assertTrue(line.startsWith("SweepRunScheduler refuses --lr 0.1 --bind etaMin=NaN: "), line);
    assertTrue(line.contains("etaMin"), line);
    assertTrue(line.contains("NaN"), line);
  }

  @Test
  void aBoundValueThatIsNotANumberIsAUsageError(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.SweepRunScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--bind", "etaMin=low",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    assertEquals("Invalid value for option '--bind': 'etaMin=low' is not a double", oneLine());
  }

  @Test
  void theWrongNumberOfRatesIsOneLine(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.TwoGroupsScheduler",
            "-cp", classes.toString(),
            "--lr", "0.01",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    String line = oneLine();
    assertTrue(line.startsWith("TwoGroupsScheduler refuses --lr 0.01: "), line);
    assertTrue(line.contains("one per parameter group"), line);
  }

  @Test
  void aClassNotFoundNamesTheClassAndTheClassPath(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.NoSuchScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    String line = oneLine();
    assertTrue(line.startsWith("Class 'com.example.NoSuchScheduler' is not found"), line);
    assertTrue(line.contains(classes.toString()), line);
  }

  @Test
  void aConfigMissingFromTheClassPathIsOneLine(@TempDir Path output) throws IOException {
    Path partial = Files.createDirectories(output.resolve("partial/com/example"));
    Files.copy(
        classes.resolve("com/example/SweepRunScheduler.class"),
        partial.resolve("SweepRunScheduler.class"));
    int exit =
        run(
            "plot",
            "com.example.SweepRunScheduler",
            "-cp",
            output.resolve("partial").toString(),
            "--lr",
            "0.1",
            "--bind",
            "etaMin=0.01",
            "--steps",
            "8",
            "-o",
            output.resolve("out").toString());
    assertEquals(1, exit);
    String line = oneLine();
    assertTrue(line.startsWith("com.example.SweepRunScheduler cannot be loaded: "), line);
    assertTrue(line.contains("com/example/SweepRun"), line);
  }

  @Test
  void aConfigIsNotASchedulerAndItsSchedulerIsSuggested(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.Halving",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--steps", "8",
            "-o", output.toString());
    assertEquals(2, exit);
    String line = oneLine();
    assertTrue(line.contains("is not a scheduler"), line);
    assertTrue(line.endsWith("com.example.HalvingScheduler"), line);
  }

  @Test
  void stepsOutOfRangeAreAUsageError(@TempDir Path output) {
    int exit =
        run(
            "plot", "com.example.HalvingScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "--steps", "0",
            "-o", output.toString());
    assertEquals(2, exit);
    assertEquals("Invalid value for option '--steps': 0 is not from 1 to 1000000", oneLine());
  }

  @Test
  void stepsWrittenBeforeTheCommandCount(@TempDir Path output) throws IOException {
    int exit =
        run(
            "--steps", "5",
            "plot", "com.example.HalvingScheduler",
            "-cp", classes.toString(),
            "--lr", "0.1",
            "-o", output.toString());
    assertEquals(0, exit, err::toString);
    assertEquals(5, csv(output.resolve("HalvingScheduler.csv"), "step,HalvingScheduler").length);
  }

  @Test
  void aSchedulerOfTheSamplesNeedsNoClassPath(@TempDir Path output) {
    int exit =
        run(
            "plot", "dev.anneal.samples.tour.CosineAnnealingScheduler",
            "--lr", "1e-3",
            "--steps", "32",
            "-o", output.toString());
    assertEquals(0, exit, err::toString);
    assertTrue(Files.isRegularFile(output.resolve("CosineAnnealingScheduler.png")));
  }

  /** The compiler's diagnostics, kept for the assertion's message. */
  private static final class WriterStream extends OutputStream {
    private final StringWriter writer;

    WriterStream(StringWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }
  }
}

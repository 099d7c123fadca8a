package dev.anneal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.chart.ScheduleCharts;
import dev.anneal.samples.chart.TrainingCharts;
import dev.anneal.samples.tour.Sample;
import dev.anneal.samples.tour.Samples;
import dev.anneal.samples.tour.Tour;
import dev.anneal.samples.train.Plan;
import dev.anneal.samples.train.TrainingDemo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default command, as the README runs it: everything lands in the output folder. */
class SamplesRunTest {

  @TempDir static Path output;

  static int exitCode;
  static String console;

  @BeforeAll
  static void runEverything() {
    StringWriter text = new StringWriter();
    exitCode =
        Main.commandLine().setOut(new PrintWriter(text, true)).execute("-o", output.toString());
    console = text.toString();
  }

  @Test
  void succeedsAndSaysWhatItWroteWhere() {
    assertEquals(0, exitCode, console);
    assertTrue(console.contains("Wrote"), console);
    assertTrue(console.contains(output.toAbsolutePath().normalize().toString()), console);
    for (Sample sample : Samples.all()) {
      assertTrue(console.contains(sample.id()), () -> "table lacks " + sample.id());
    }
  }

  @Test
  void drawsOneChartPerSchedule() throws IOException {
    for (Sample sample : Samples.all()) {
      BufferedImage chart =
          Images.assertDrawn(
              output.resolve(Tour.chartFileName(sample)),
              ScheduleCharts.WIDTH,
              ScheduleCharts.HEIGHT,
              3_000);
      // The curve itself, not only the axes and labels: ink inside the plot area, whose frame
      // lies outside this rectangle.
      int plotInk = Images.ink(chart, 110, 50, 850, 380);
      assertTrue(plotInk > 500, () -> sample.id() + ": only " + plotInk + " pixels in the plot");
    }
  }

  @Test
  void drawsTheCheatSheet() throws IOException {
    int tiles = Samples.all().size();
    int columns = ScheduleCharts.CHEAT_SHEET_COLUMNS;
    int rows = (tiles + columns - 1) / columns;
    Images.assertDrawn(
        output.resolve(Tour.CHEAT_SHEET),
        columns * ScheduleCharts.TILE_WIDTH,
        ScheduleCharts.CHEAT_SHEET_HEADER + rows * ScheduleCharts.TILE_HEIGHT,
        tiles * 2_000);
  }

  @Test
  void writesEveryRateToTheCsv() throws IOException {
    List<String> lines = Files.readAllLines(output.resolve(Tour.CSV), StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>(List.of("step"));
    Samples.all().forEach(sample -> header.add(sample.id()));
    assertEquals(String.join(",", header), lines.get(0));
    int steps = Samples.EPOCHS * Samples.STEPS_PER_EPOCH;
    assertEquals(steps + 1, lines.size(), "a header and a row per step");
    for (int step = 0; step < steps; step++) {
      String[] fields = lines.get(step + 1).split(",", -1);
      assertEquals(header.size(), fields.length, lines.get(step + 1));
      assertEquals(step, Integer.parseInt(fields[0]));
      for (int column = 1; column < fields.length; column++) {
        assertFalse(fields[column].isEmpty(), () -> "blank value in " + String.join(",", fields));
        double rate = Double.parseDouble(fields[column]);
        assertTrue(rate >= 0 && rate <= Samples.LEARNING_RATE, () -> "rate out of range: " + rate);
      }
    }
  }

  @Test
  void drawsTheTrainingFigureAndItsCsv() throws IOException {
    Images.assertDrawn(
        output.resolve(TrainingDemo.FIGURE),
        2 * TrainingCharts.PANEL_WIDTH,
        TrainingCharts.HEIGHT,
        20_000);
    List<String> lines =
        Files.readAllLines(output.resolve(TrainingDemo.CSV), StandardCharsets.UTF_8);
    assertEquals(Plan.EPOCHS + 2, lines.size(), "a header and a row per epoch, from epoch 0");
    assertTrue(console.contains("val acc"), console);
  }
}

package dev.anneal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.tour.Sample;
import dev.anneal.samples.tour.Samples;
import dev.anneal.samples.tour.Tour;
import dev.anneal.samples.train.TrainingDemo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void tourPlotsOnlyTheChosenSchedulesOverTheChosenSteps(@TempDir Path dir) throws IOException {
    assertEquals(
        0, run("tour", "-o", dir.toString(), "-s", "step-lr,cosine-annealing-lr", "--steps", "16"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("cheatsheet.png", "cosine-annealing-lr.png", "schedules.csv", "step-lr.png"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    List<String> csv = Files.readAllLines(dir.resolve(Tour.CSV), StandardCharsets.UTF_8);
    assertEquals("step,step-lr,cosine-annealing-lr", csv.get(0));
    assertEquals(17, csv.size());
  }

  @Test
  void outputFolderMayComeBeforeTheCommand(@TempDir Path dir) {
    assertEquals(0, run("-o", dir.toString(), "tour", "-s", "lambda-lr"));
    assertTrue(Files.isRegularFile(dir.resolve("lambda-lr.png")));
  }

  @Test
  void aOneCycleTourPastItsTotalStepsLeavesTheRestBlank(@TempDir Path dir) throws IOException {
    assertEquals(0, run("tour", "-o", dir.toString(), "-s", "one-cycle-lr-cos", "--steps", "40"));
    List<String> csv = Files.readAllLines(dir.resolve(Tour.CSV), StandardCharsets.UTF_8);
    assertEquals(41, csv.size());
    assertTrue(csv.get(40).endsWith(","), csv.get(40));
  }

  @Test
  void unknownScheduleIsAUsageError(@TempDir Path dir) {
    assertEquals(2, run("tour", "-o", dir.toString(), "-s", "no-such-schedule"));
    assertTrue(err.toString().contains("no-such-schedule"), err.toString());
    assertFalse(Files.exists(dir.resolve(Tour.CSV)));
  }

  @Test
  void anUnknownTrainingScheduleIsAUsageErrorInOneLine(@TempDir Path dir) {
    assertEquals(2, run("train", "-o", dir.toString(), "-s", "cosine,no-such-schedule"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("Unknown schedule 'no-such-schedule' for --schedule: "));
    assertTrue(lines.get(0).contains("warmup-plateau"), lines.get(0));
    assertFalse(Files.exists(dir.resolve(TrainingDemo.CSV)));
  }

  @Test
  void trainHelpNamesTheEnginesAndTheSchedules() {
    assertEquals(0, run("train", "--help"));
    String usage = out.toString();
    for (String word : List.of("--engine", "djl", "dl4j", "--schedule", "one-cycle")) {
      assertTrue(usage.contains(word), () -> "usage lacks " + word + ":\n" + usage);
    }
  }

  @Test
  void helpListsTheCommandsAndOptions() {
    assertEquals(0, run("--help"));
    String usage = out.toString();
    for (String word : List.of("tour", "train", "--output", "--steps", "--schedule", "--seed")) {
      assertTrue(usage.contains(word), () -> "usage lacks " + word + ":\n" + usage);
    }
  }

  @Test
  void listNamesEverySchedule() {
    assertEquals(0, run("tour", "--list"));
    for (Sample sample : Samples.all()) {
      assertTrue(out.toString().contains(sample.id()), sample.id());
    }
  }
}

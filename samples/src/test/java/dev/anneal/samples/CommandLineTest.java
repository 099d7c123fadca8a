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
import org.junit.jupiter.api.Assumptions;
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

  @Test
  void theSeedBeforeTrainIsTheSeedAfterIt(@TempDir Path dir) throws IOException {
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    Path usual = dir.resolve("usual");
    assertEquals(0, run("--seed", "3", "train", "-s", "constant", "-o", before.toString()));
    assertEquals(0, run("train", "--seed", "3", "-s", "constant", "-o", after.toString()));
    assertEquals(0, run("train", "-s", "constant", "-o", usual.toString()));
    List<String> csv = Files.readAllLines(before.resolve(TrainingDemo.CSV));
    assertEquals(Files.readAllLines(after.resolve(TrainingDemo.CSV)), csv);
    assertFalse(
        csv.equals(Files.readAllLines(usual.resolve(TrainingDemo.CSV))),
        "seed 3 trained as the default seed does");
    assertTrue(out.toString().contains("seed 3"), out::toString);
  }

  @Test
  void theTourOptionsBeforeTourAreTheTourOptions(@TempDir Path dir) throws IOException {
    assertEquals(0, run("--steps", "64", "-s", "step-lr", "tour", "-o", dir.toString()));
    List<String> csv = Files.readAllLines(dir.resolve(Tour.CSV), StandardCharsets.UTF_8);
    assertEquals("step,step-lr", csv.get(0));
    assertEquals(65, csv.size());
  }

  @Test
  void anOptionTheCommandDoesNotHaveIsRefusedBeforeIt(@TempDir Path dir) {
    assertEquals(2, run("--seed", "3", "tour", "-o", dir.toString()));
    assertEquals(
        "Option '--seed' written before 'tour' is not an option of tour (see tour --help)",
        oneLine());
    assertFalse(Files.exists(dir.resolve(Tour.CSV)));
  }

  @Test
  void anOptionWrittenOnBothSidesIsRefused(@TempDir Path dir) {
    assertEquals(2, run("--steps", "3", "tour", "--steps", "4", "-o", dir.toString()));
    assertEquals(
        "Option '--steps' is written both before and after 'tour': write it once", oneLine());
  }

  @Test
  void stepsOutOfRangeAreAUsageErrorWhereverWritten(@TempDir Path dir) {
    for (List<String> args :
        List.of(
            List.of("--steps", "0", "tour"),
            List.of("tour", "--steps", "0"),
            List.of("--steps", "0"),
            List.of("tour", "--steps", "1000001"))) {
      err.getBuffer().setLength(0);
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("-o", dir.toString()));
      assertEquals(2, run(all.toArray(String[]::new)), args::toString);
      String line = oneLine();
      assertTrue(line.startsWith("Invalid value for option '--steps': "), line);
      assertTrue(line.endsWith(" is not from 1 to 1000000"), line);
    }
    err.getBuffer().setLength(0);
    assertEquals(2, run("tour", "--steps-per-epoch", "0", "-o", dir.toString()));
    assertEquals("Invalid value for option '--steps-per-epoch': 0 is not at least 1", oneLine());
    assertFalse(Files.exists(dir.resolve(Tour.CSV)));
  }

  @Test
  void anUnknownScheduleBeforeTourIsAUsageError(@TempDir Path dir) {
    assertEquals(2, run("-s", "nope", "tour", "-o", dir.toString()));
    String line = oneLine();
    assertTrue(
        line.startsWith("Invalid value for option '--schedule': 'nope' is not a schedule of the"),
        line);
    assertTrue(line.contains("--list"), line);
  }

  @Test
  void anOutputFolderThatIsAFileIsOneLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "not a folder");
    for (String[] args :
        List.of(
            new String[] {"tour", "-s", "step-lr", "-o", file.toString()},
            new String[] {"train", "-s", "constant", "-o", file.toString()},
            new String[] {"-o", file.toString()},
            new String[] {
              "plot",
              "dev.anneal.samples.tour.StepDecayScheduler",
              "--lr",
              "0.1",
              "--steps",
              "4",
              "-o",
              file.toString()
            })) {
      err.getBuffer().setLength(0);
      assertEquals(1, run(args), String.join(" ", args));
      assertEquals(
          "Cannot write to " + file.toAbsolutePath() + ": it is a file, not a folder", oneLine());
    }
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void anOutputFolderThatCannotBeCreatedIsOneLine() {
    Path folder = Path.of("/proc/anneal-samples");
    Assumptions.assumeTrue(Files.isDirectory(folder.getParent()), "needs Linux's /proc");
    assertEquals(1, run("tour", "-s", "step-lr", "-o", folder.toString()));
    String line = oneLine();
    assertTrue(line.startsWith("Cannot write to " + folder + ": "), line);
    assertFalse(line.contains("Exception"), line);
  }

  /** The only line of the error output. */
  private String oneLine() {
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err::toString);
    return lines.get(0);
  }
}

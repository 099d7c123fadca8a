package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String[] outLines() {
    return out().split("\\R");
  }

  @Test
  void helpExplainsTheCommand() {
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("usage: java -jar anneal-conformance.jar [options] FILE.json..."), out());
  }

  @Test
  void theSuitePassesResumedFromCheckpoints() throws IOException {
    Path suite = dir.resolve("pytorch.json");
    try (InputStream in = getClass().getResourceAsStream("/conformance/pytorch.json")) {
      Files.copy(in, suite);
    }
    assertEquals(0, run("--verbose", "--resume", "--seed", "3", suite.toString()), out());
    assertTrue(out().contains("resumed from a state saved after"), out());
    String[] lines = outLines();
    assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed(, \\d+ skipped \\(.*\\))?"), out());
    assertEquals(2, run("--resume", "--seed", "three", suite.toString()));
  }

  @Test
  void wrongUsageExitsWithTwo() {
    assertEquals(2, run());
    assertEquals(2, run("--frobnicate", "x.json"));
    assertEquals(2, run(dir.resolve("missing.json").toString()));
  }

  @Test
  void theSuitePassesAndSaysSo() throws IOException {
    Path suite = dir.resolve("pytorch.json");
    try (InputStream in = getClass().getResourceAsStream("/conformance/pytorch.json")) {
      Files.copy(in, suite);
    }
    assertEquals(0, run(suite.toString()), out());
    String[] lines = outLines();
    assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed(, \\d+ skipped \\(.*\\))?"), out());
  }

  @Test
  void aFailingCaseIsPrintedAndExitsWithOne() throws IOException {
    Path suite = dir.resolve("wrong.json");
    Files.writeString(suite, """
        {"cases": [
          {"id": "wrong/StepLR", "scheduler": {"type": "StepLR", "args": {"step_size": 2, "gamma": 0.5}},
           "optimizer": {"type": "SGD", "param_groups": [{"lr": 0.1}]}, "steps": 3,
           "expected": {"lr": [[0.1], [0.1], [0.1]]}},
          {"id": "right/StepLR", "scheduler": {"type": "StepLR", "args": {"step_size": 2, "gamma": 0.5}},
           "optimizer": {"type": "SGD", "param_groups": [{"lr": 0.1}]}, "steps": 3,
           "expected": {"lr": [[0.1], [0.1], [0.05]]}}
        ]}
        """);
    assertEquals(1, run(suite.toString()));
    String[] lines = outLines();
    assertTrue(lines[0].startsWith("FAIL wrong/StepLR: step 2, group 0: expected 0.1, actual 0.05 (error "), out());
    assertEquals("1 passed, 1 failed", lines[lines.length - 1]);
  }

  @Test
  void aBrokenFileExitsWithTwo() throws IOException {
    Path suite = dir.resolve("broken.json");
    Files.writeString(suite, "{\"cases\": [{\"id\": \"x\"}]}");
    assertEquals(2, run(suite.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing \"scheduler\""), err.toString(StandardCharsets.UTF_8));
  }
}

package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private int runOnTerminal(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), true);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String[] outLines() {
    return out().split("\\R");
  }

  private String lastLine() {
    String[] lines = outLines();
    return lines[lines.length - 1];
  }

  private Path publicSuite() throws IOException {
    Path suite = dir.resolve("pytorch.json");
    try (InputStream in = getClass().getResourceAsStream("/conformance/pytorch.json")) {
      Files.copy(in, suite);
    }
    return suite;
  }

  private Path suite(String name, String... cases) throws IOException {
    Path suite = dir.resolve(name);
    Files.writeString(suite, "{\"cases\": [" + String.join(",\n", cases).replace('\'', '"') + "]}");
    return suite;
  }

  private static final String STEP_LR = "{'id': 'right/StepLR', 'scheduler': {'type': 'StepLR', 'args':"
      + " {'step_size': 2, 'gamma': 0.5}}, 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.1}]},"
      + " 'steps': 3, 'expected': {'lr': [[0.1], [0.1], [0.05]]}}";

  private static final String WRONG_STEP_LR = "{'id': 'wrong/StepLR', 'scheduler': {'type': 'StepLR', 'args':"
      + " {'step_size': 2, 'gamma': 0.5}}, 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.1}]},"
      + " 'steps': 3, 'expected': {'lr': [[0.1], [0.1], [0.1]]}}";

  private static final String BOGUS_ARGUMENT = "{'id': 'ConstantLR/bogus', 'scheduler': {'type': 'ConstantLR',"
      + " 'args': {'factor': 0.5, 'bogus_arg': 3}}, 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.1}]},"
      + " 'steps': 3, 'expected': {'lr': [[0.05], [0.05], [0.05]]}}";

  @Test
  void helpExplainsTheCommand() {
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("usage: java -jar anneal-conformance.jar [options] FILE.json..."), out());
  }

  @Test
  void theSuitePassesAndItsLineNamesItAndTheMode() throws IOException {
    int cases = Cases.suite("pytorch.json").size();
    assertEquals(0, run(publicSuite().toString()), out());
    assertEquals("pytorch.json (uninterrupted): " + cases + " passed, 0 failed", lastLine(), out());
    assertEquals("", err());
  }

  @Test
  void theSuitePassesResumedFromCheckpointsAndItsLineSaysSo() throws IOException {
    int cases = Cases.suite("pytorch.json").size();
    Path suite = publicSuite();
    assertEquals(0, run("--verbose", "--resume", "--seed", "3", suite.toString()), out());
    assertTrue(out().contains("resumed from a state saved after"), out());
    assertEquals("pytorch.json (resumed, seed 3): " + cases + " passed, 0 failed", lastLine(), out());
    assertEquals(2, run("--resume", "--seed", "three", suite.toString()));
  }

  @Test
  void severalSuitesHaveALineEachThenTheTotalInItsPlainForm() throws IOException {
    Path one = suite("one.json", STEP_LR);
    Path two = suite("two.json", STEP_LR, BOGUS_ARGUMENT);
    assertEquals(0, run("--resume", one.toString(), two.toString()), out());
    String[] lines = outLines();
    assertEquals(List.of(
        "one.json (resumed, seed 1): 1 passed, 0 failed",
        "two.json (resumed, seed 1): 1 passed, 0 failed, 1 skipped",
        "2 passed, 0 failed, 1 skipped"), List.of(lines).subList(lines.length - 3, lines.length), out());
  }

  @Test
  void wrongUsageExitsWithTwo() {
    assertEquals(2, run());
    assertEquals(2, run("--frobnicate", "x.json"));
    assertEquals(2, run(dir.resolve("missing.json").toString()));
    assertTrue(err().contains("no such file: " + dir.resolve("missing.json")), err());
  }

  @Test
  void aFailingCaseIsPrintedAndExitsWithOne() throws IOException {
    Path suite = suite("wrong.json", WRONG_STEP_LR, STEP_LR);
    assertEquals(1, run(suite.toString()));
    String[] lines = outLines();
    assertTrue(lines[0].startsWith("FAIL wrong/StepLR: step 2, group 0: expected 0.1, actual 0.05 (error "), out());
    assertEquals("wrong.json (uninterrupted): 1 passed, 1 failed", lastLine());
  }

  @Test
  void aSkippedCaseSaysWhyWithoutVerbose() throws IOException {
    Path suite = suite("skips.json", BOGUS_ARGUMENT, STEP_LR);
    assertEquals(0, run(suite.toString()), out());
    String[] lines = outLines();
    assertEquals("SKIP ConstantLR/bogus: ConstantLR argument bogus_arg has no attribute in @Schedule", lines[0], out());
    assertEquals("skips.json (uninterrupted): 1 passed, 0 failed, 1 skipped", lastLine(), out());
  }

  @Test
  void aRunWhoseEveryCaseIsSkippedChecksNothingAndExitsWithOne() throws IOException {
    Path suite = suite("skipped.json", BOGUS_ARGUMENT);
    assertEquals(1, run(suite.toString()), out());
    assertTrue(out().contains("SKIP ConstantLR/bogus: ConstantLR argument bogus_arg has no attribute in @Schedule"),
        out());
    assertEquals("skipped.json (uninterrupted): 0 passed, 0 failed, 1 skipped", lastLine());
    assertEquals("nothing was checked: every case was skipped", err().strip());
  }

  @Test
  void aSuiteWithoutACaseChecksNothingAndExitsWithOne() throws IOException {
    Path suite = suite("empty.json");
    assertEquals(1, run(suite.toString()), out());
    assertEquals("empty.json (uninterrupted): 0 passed, 0 failed", lastLine());
    assertEquals("nothing was checked: the suite holds no case", err().strip());
  }

  @Test
  void threadsBelowOneAreAUsageError() throws IOException {
    Path suite = suite("one.json", STEP_LR);
    for (String threads : List.of("0", "-2", "two")) {
      err.reset();
      assertEquals(2, run("--threads", threads, suite.toString()), threads);
      assertEquals("--threads takes a whole number of at least 1, not " + threads, err().strip());
    }
    assertEquals("", out());
    assertEquals(0, run("--threads", "1", suite.toString()), out());
  }

  @Test
  void aDirectoryIsCalledADirectory() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("suites"));
    assertEquals(2, run(folder.toString()));
    assertEquals(folder + " is a directory, not a suite: name the suite files in it", err().strip());
  }

  @Test
  void aDumpDirectoryThatIsAFileIsAUsageError() throws IOException {
    Path suite = suite("one.json", STEP_LR);
    assertEquals(2, run("--dump", suite.toString(), suite.toString()));
    assertEquals("--dump takes a directory, and " + suite + " is a file", err().strip());
  }

  @Test
  void aBrokenFileExitsWithTwo() throws IOException {
    Path suite = dir.resolve("broken.json");
    Files.writeString(suite, "{\"cases\": [{\"id\": \"x\"}]}");
    assertEquals(2, run(suite.toString()));
    assertTrue(err().contains("missing \"scheduler\""), err());
  }

  /** The parser's messages end with the address of its troubleshooting page, which the user has no use for. */
  @Test
  void aFileOfTheWrongShapeIsOneLineWithoutTheParsersAddresses() throws IOException {
    Path numbers = dir.resolve("numbers.json");
    Files.writeString(numbers, "{\"cases\": [1, 2]}");
    assertEquals(2, run(numbers.toString()));
    assertEquals("numbers.json: case 0: not an object but a number", err().strip());

    err.reset();
    Path cut = dir.resolve("cut.json");
    Files.writeString(cut, "{\"cases\": [{\"id\": \"a\"");
    assertEquals(2, run(cut.toString()));
    assertTrue(err().startsWith("cut.json: not a suite: "), err());

    err.reset();
    Path word = dir.resolve("word.json");
    Files.writeString(word, "{\"cases\": [{\"id\": \"a\", \"scheduler\": {\"type\": \"StepLR\"}, \"optimizer\":"
        + " {\"param_groups\": [{\"lr\": 0.1}]}, \"steps\": 1, \"expected\": {\"lr\": [[\"q\"]]}}]}");
    assertEquals(2, run(word.toString()));
    assertEquals("word.json: case 0 (a): expected.lr[0] holds \"q\" where a number belongs", err().strip());

    err.reset();
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xff, '"', '}'});
    assertEquals(2, run(latin1.toString()));
    assertEquals("latin1.json: not a suite: not UTF-8 text", err().strip());
  }

  @Test
  void noErrorCarriesAnAddress() throws IOException {
    for (String text : List.of("{\"cases\": [1]}", "{\"cases\": [[]]}", "{\"cases\": [{\"id\": \"a\"",
        "{\"cases\": [{\"id\": \"a\"}}", "[{]", "{\"cases\": [{\"id\": []}]}")) {
      Path suite = dir.resolve("s.json");
      Files.writeString(suite, text);
      err.reset();
      assertEquals(2, run(suite.toString()), text);
      assertFalse(err().contains("http") || err().contains("See "), err());
      assertEquals(1, err().strip().lines().count(), err());
    }
  }

  @Test
  void verboseSaysHowTheCasesWereCompiledAndKeepsAFailuresShareReadable() throws IOException {
    Path suite = suite("wrong.json", WRONG_STEP_LR);
    assertEquals(1, run("-v", suite.toString()));
    assertTrue(out().contains("FAIL    5.0e-01     >1000%    wrong/StepLR"), out());
    assertTrue(out().contains("compiled 1 case alone ("), out());
    assertFalse(out().matches("(?s).*\\d{5,}%.*"), out());
    assertFalse(out().contains("[]"), out());

    out.reset();
    assertEquals(1, run("-v", suite("skipped.json", BOGUS_ARGUMENT).toString()));
    assertTrue(out().contains("compiled no case; "), out());
  }

  @Test
  void onATerminalProgressIsShownOnOneLineThenErased() throws IOException {
    Path suite = suite("one.json", STEP_LR, WRONG_STEP_LR);
    assertEquals(1, runOnTerminal(suite.toString()));
    String shown = err();
    assertTrue(shown.contains("\rone.json: 2 of 2 cases compiled"), shown);
    assertTrue(shown.contains("\rone.json: 2 of 2 cases checked"), shown);
    assertFalse(shown.contains("\n"), shown);
    // Erased: the last thing written is a carriage return after blanks over the line.
    assertTrue(shown.matches("(?s).*\r {" + "one.json: 2 of 2 cases checked".length() + "}\r"), shown);
    assertTrue(out().startsWith("FAIL wrong/StepLR"), out());
  }

  @Test
  void withoutATerminalNoProgressIsShown() throws IOException {
    Path suite = suite("one.json", STEP_LR);
    assertEquals(0, run(suite.toString()));
    assertEquals("", err());
  }
}

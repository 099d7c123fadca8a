package dev.anneal.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.ScheduleType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessorCost} still measures what it says: every kind of compilation succeeds on the
 * every schedule type of {@link ScheduleType} and yields one scheduler class per config (it throws otherwise), and it
 * reports both costs. How long anything takes is not asserted; that is the tool's output.
 */
class ProcessorCostTest {

  @Test
  void compilesEveryKindAndReportsTheCosts() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int types = ScheduleType.values().length;
      ProcessorCost.main(new String[] {Integer.toString(2 * types), "1", Integer.toString(types), "0"});
    } finally {
      System.setOut(original);
    }
    String report = captured.toString(StandardCharsets.UTF_8);
    for (String line : new String[] {"processor cost", "an empty class per config"}) {
      Matcher figure = Pattern.compile(line + ": (\\S+) ms per config").matcher(report);
      assertTrue(figure.find(), () -> "no \"" + line + "\" in:\n" + report);
      assertTrue(Double.isFinite(Double.parseDouble(figure.group(1))), report);
    }
  }
}

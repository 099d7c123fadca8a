package dev.anneal.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Cases for tests: from JSON text, and from the suites in the test resources. */
final class Cases {

  private Cases() {}

  /** One case from the JSON text of a case object; single quotes stand for double quotes. */
  static ConformanceCase parse(String caseJson) {
    List<ConformanceCase> cases = CaseReader.read("{\"cases\": [" + caseJson.replace('\'', '"') + "]}", "test.json");
    return cases.get(0);
  }

  /** Every case of a suite in the test resources, such as {@code pytorch.json}. */
  static List<ConformanceCase> suite(String name) {
    String resource = "/conformance/" + name;
    try (InputStream in = Cases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return CaseReader.read(reader, name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case of a suite with this id. */
  static ConformanceCase byId(List<ConformanceCase> suite, String id) {
    return suite.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no case " + id));
  }

  /** A copy of {@code c} with other expected values. */
  static ConformanceCase withExpected(ConformanceCase c, ConformanceCase.Expected expected) {
    return new ConformanceCase(c.id(), c.source(), c.scheduler(), c.groups(), c.optimizerType(), c.steps(),
        c.recordMomentum(), c.metrics(), expected);
  }

  /** A deep copy of a matrix of values. */
  static double[][] copy(double[][] values) {
    double[][] out = new double[values.length][];
    for (int t = 0; t < values.length; t++) {
      out[t] = values[t].clone();
    }
    return out;
  }
}

package dev.anneal.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.anneal.conformance.ConformanceCase.Expected;
import dev.anneal.conformance.ConformanceCase.ExpectedError;
import dev.anneal.conformance.ConformanceCase.ParamGroup;
import dev.anneal.conformance.ConformanceCase.SchedulerSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads suites in the {@code lr-schedule-cases} format: a JSON object whose {@code cases} array
 * holds one object per case (see the conformance README).
 *
 * <p>Files come from Python's {@code json} module, which writes non-finite floats as the bare
 * words {@code NaN}, {@code Infinity} and {@code -Infinity}; they are read as the corresponding
 * doubles wherever a number is expected.
 *
 * <p>The expected values, nearly all of a suite's bytes, are streamed straight into arrays; only
 * the small parts of a case (its scheduler, optimizer and error) become JSON trees.
 */
public final class CaseReader {

  /** A "See https://..." pointer, as the parser appends to its messages. */
  private static final Pattern TROUBLESHOOTING = Pattern.compile("\\s*\\bSee https?://\\S+");

  private CaseReader() {}

  /** Reads every case of a suite file. */
  public static List<ConformanceCase> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.getFileName().toString());
    }
  }

  /** Reads every case of a suite given as text; {@code source} names it in messages. */
  public static List<ConformanceCase> read(String json, String source) {
    return read(new StringReader(json), source);
  }

  /**
   * Reads every case of a suite; {@code source} names it in messages.
   *
   * @throws CaseFormatException if the text is not a suite or a case does not follow the format
   */
  public static List<ConformanceCase> read(Reader reader, String source) {
    JsonReader in = new JsonReader(reader);
    // Lenient, as Python's json writes NaN and Infinity unquoted.
    in.setStrictness(Strictness.LENIENT);
    List<ConformanceCase> cases = null;
    try {
      if (in.peek() == JsonToken.BEGIN_ARRAY) {
        cases = readCases(in, source);
      } else if (in.peek() == JsonToken.BEGIN_OBJECT) {
        in.beginObject();
        while (in.hasNext()) {
          if (in.nextName().equals("cases") && in.peek() == JsonToken.BEGIN_ARRAY) {
            cases = readCases(in, source);
          } else {
            in.skipValue();
          }
        }
        in.endObject();
      }
    } catch (CharacterCodingException e) {
      throw new CaseFormatException(source + ": not a suite: not UTF-8 text", e);
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new CaseFormatException(source + ": not a suite: " + describe(e), e);
    }
    if (cases == null) {
      throw new CaseFormatException(source + ": expected an object with a \"cases\" array");
    }
    return cases;
  }

  private static List<ConformanceCase> readCases(JsonReader in, String source) throws IOException {
    List<ConformanceCase> out = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      RawCase raw = new RawCase();
      try {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
          throw new CaseFormatException("not an object but " + describe(in.peek()));
        }
        in.beginObject();
        while (in.hasNext()) {
          String name = in.nextName();
          switch (name) {
            case "expected" -> readExpected(in, raw);
            case "metrics" -> raw.metrics = in.peek() == JsonToken.NULL ? skipNull(in) : numbers(in, "metrics");
            default -> raw.fields.add(name, JsonParser.parseReader(in));
          }
        }
        in.endObject();
        out.add(raw.build(source));
      } catch (CaseFormatException | IllegalStateException | NumberFormatException | JsonParseException e) {
        JsonElement id = raw.fields.get("id");
        String label = id != null && id.isJsonPrimitive() ? " (" + id.getAsString() + ")" : "";
        throw new CaseFormatException(source + ": case " + out.size() + label + ": " + describe(e), e);
      }
    }
    in.endArray();
    return out;
  }

  /** A case as read, before it is checked: the small fields as JSON, the values as arrays. */
  private static final class RawCase {
    final JsonObject fields = new JsonObject();
    JsonElement error;
    boolean hasExpected;
    double[][] lr;
    double[][] momentum;
    double[] metrics;

    ConformanceCase build(String source) {
      String id = string(required(fields, "id"), "id");
      SchedulerSpec scheduler = parseScheduler(object(required(fields, "scheduler"), "scheduler"));
      JsonObject optimizer = object(required(fields, "optimizer"), "optimizer");
      String optimizerType = optimizer.has("type") ? string(optimizer.get("type"), "optimizer.type") : "SGD";
      List<ParamGroup> groups = parseGroups(array(required(optimizer, "param_groups"), "param_groups"), optimizerType);
      if (groups.isEmpty()) {
        throw new CaseFormatException("optimizer.param_groups is empty");
      }
      int steps = integer(required(fields, "steps"), "steps");
      if (steps < 0) {
        throw new CaseFormatException("steps is negative");
      }
      JsonElement record = fields.get("record_momentum");
      boolean recordMomentum = record != null && !record.isJsonNull() && record.getAsBoolean();
      if (!hasExpected) {
        throw new CaseFormatException("missing \"expected\"");
      }
      ExpectedError expectedError = error != null ? parseError(object(error, "expected.error")) : null;
      int rows = expectedError == null ? steps : expectedError.atConstruction() ? 0 : expectedError.step();
      if (expectedError != null && !expectedError.atConstruction()
          && (expectedError.step() < 1 || expectedError.step() > steps)) {
        throw new CaseFormatException("expected.error.step " + expectedError.step() + " is outside 1.." + steps);
      }
      double[][] expectedLr = lr != null ? lr : new double[0][];
      checkShape(expectedLr, rows, groups.size(), "expected.lr");
      double[][] expectedMomentum = null;
      if (recordMomentum) {
        expectedMomentum = momentum != null ? momentum : new double[0][];
        checkShape(expectedMomentum, rows, groups.size(), "expected.momentum");
      }
      if (metrics != null && metrics.length < rows) {
        throw new CaseFormatException("metrics has " + metrics.length + " values for " + rows + " steps");
      }
      OptionalDouble defaultLr = optimizer.has("lr") && !optimizer.get("lr").isJsonNull()
          ? OptionalDouble.of(number(optimizer.get("lr"), "optimizer.lr")) : OptionalDouble.empty();
      return new ConformanceCase(id, source, scheduler, groups, optimizerType, steps, recordMomentum, metrics,
          new Expected(expectedLr, expectedMomentum, expectedError), defaultLr);
    }
  }

  private static void readExpected(JsonReader in, RawCase raw) throws IOException {
    raw.hasExpected = true;
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        continue;
      }
      switch (name) {
        case "lr" -> raw.lr = matrix(in, "expected.lr");
        case "momentum" -> raw.momentum = matrix(in, "expected.momentum");
        case "error" -> raw.error = JsonParser.parseReader(in);
        default -> in.skipValue();
      }
    }
    in.endObject();
  }

  static SchedulerSpec parseScheduler(JsonObject s) {
    String type = string(required(s, "type"), "scheduler.type");
    Map<String, JsonElement> args = new LinkedHashMap<>();
    if (s.has("args") && !s.get("args").isJsonNull()) {
      for (Map.Entry<String, JsonElement> e : object(s.get("args"), "args").entrySet()) {
        args.put(e.getKey(), e.getValue());
      }
    }
    List<SchedulerSpec> children = new ArrayList<>();
    if (s.has("schedulers") && !s.get("schedulers").isJsonNull()) {
      for (JsonElement child : array(s.get("schedulers"), "schedulers")) {
        children.add(parseScheduler(object(child, "scheduler")));
      }
    }
    return new SchedulerSpec(type, args, List.copyOf(children));
  }

  private static List<ParamGroup> parseGroups(JsonArray array, String optimizerType) {
    // The reference reads momentum from "momentum", or from betas[0] for Adam-like optimizers;
    // a group that gives neither keeps the optimizer's default.
    OptionalDouble defaultMomentum = switch (optimizerType) {
      case "SGD" -> OptionalDouble.of(0.0);
      case "Adam", "AdamW" -> OptionalDouble.of(0.9);
      default -> OptionalDouble.empty();
    };
    List<ParamGroup> groups = new ArrayList<>();
    for (JsonElement element : array) {
      JsonObject g = object(element, "param group");
      double lr = number(required(g, "lr"), "lr");
      OptionalDouble momentum = defaultMomentum;
      if (g.has("momentum") && !g.get("momentum").isJsonNull()) {
        momentum = OptionalDouble.of(number(g.get("momentum"), "momentum"));
      } else if (g.has("betas") && !g.get("betas").isJsonNull()) {
        momentum = OptionalDouble.of(number(array(g.get("betas"), "betas").get(0), "betas[0]"));
      }
      // timm multiplies a group's lr_scale into every rate it writes; other references ignore it.
      OptionalDouble lrScale = g.has("lr_scale") && !g.get("lr_scale").isJsonNull()
          ? OptionalDouble.of(number(g.get("lr_scale"), "lr_scale")) : OptionalDouble.empty();
      groups.add(new ParamGroup(lr, momentum, lrScale));
    }
    return List.copyOf(groups);
  }

  private static ExpectedError parseError(JsonObject err) {
    String at = string(required(err, "at"), "expected.error.at");
    boolean atConstruction = switch (at) {
      case "construction" -> true;
      case "step" -> false;
      default -> throw new CaseFormatException("expected.error.at is \"" + at + "\", not construction or step");
    };
    int step = atConstruction ? 0 : integer(required(err, "step"), "expected.error.step");
    String type = err.has("type") ? string(err.get("type"), "expected.error.type") : "error";
    String message = err.has("message") ? string(err.get("message"), "expected.error.message") : "";
    return new ExpectedError(atConstruction, step, type, message);
  }

  private static void checkShape(double[][] values, int rows, int groups, String what) {
    if (values.length != rows) {
      throw new CaseFormatException(what + " has " + values.length + " rows, expected " + rows);
    }
    for (int t = 0; t < values.length; t++) {
      if (values[t].length != groups) {
        throw new CaseFormatException(what + "[" + t + "] has " + values[t].length + " values for " + groups
            + " groups");
      }
    }
  }

  private static double[][] matrix(JsonReader in, String what) throws IOException {
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      throw new CaseFormatException(what + " is not a list");
    }
    List<double[]> rows = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      rows.add(numbers(in, what + "[" + rows.size() + "]"));
    }
    in.endArray();
    return rows.toArray(new double[0][]);
  }

  /** A list of numbers; the lenient reader takes NaN and Infinity too. */
  private static double[] numbers(JsonReader in, String what) throws IOException {
    if (in.peek() != JsonToken.BEGIN_ARRAY) {
      throw new CaseFormatException(what + " is not a list");
    }
    double[] values = new double[4];
    int n = 0;
    in.beginArray();
    while (in.hasNext()) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n++] = number(in, what);
    }
    in.endArray();
    return Arrays.copyOf(values, n);
  }

  /** One number of a list; the lenient reader gives the bare words NaN and Infinity as strings. */
  private static double number(JsonReader in, String what) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NUMBER) {
      return in.nextDouble();
    }
    if (token != JsonToken.STRING) {
      throw new CaseFormatException(what + " holds " + describe(token) + " where a number belongs");
    }
    String text = in.nextString();
    Double special = nonFinite(text);
    if (special != null) {
      return special;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new CaseFormatException(what + " holds \"" + text + "\" where a number belongs", e);
    }
  }

  /** A JSON token as a reader of the file would name it. */
  private static String describe(JsonToken token) {
    return switch (token) {
      case BEGIN_ARRAY -> "a list";
      case BEGIN_OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "the end of the file";
    };
  }

  /**
   * What went wrong, on one line: the parser's messages carry, after a line break, the address of
   * the parser's own troubleshooting page, which says nothing about the suite.
   */
  static String describe(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("");
    return TROUBLESHOOTING.matcher(line).replaceAll("").strip();
  }

  private static double[] skipNull(JsonReader in) throws IOException {
    in.nextNull();
    return null;
  }

  /**
   * A number, including the bare words {@code NaN}, {@code Infinity} and {@code -Infinity} that a
   * lenient parse yields as strings.
   */
  static double number(JsonElement element, String what) {
    if (element.isJsonPrimitive()) {
      JsonPrimitive p = element.getAsJsonPrimitive();
      if (p.isNumber()) {
        return p.getAsDouble();
      }
      if (p.isString()) {
        Double special = nonFinite(p.getAsString());
        if (special != null) {
          return special;
        }
      }
    }
    throw new CaseFormatException(what + " is not a number: " + element);
  }

  /** The value of Python's spelling of a non-finite float, or {@code null} for any other text. */
  static Double nonFinite(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  private static int integer(JsonElement element, String what) {
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
      try {
        return element.getAsBigDecimal().intValueExact();
      } catch (ArithmeticException e) {
        throw new CaseFormatException(what + " is not an int: " + element, e);
      }
    }
    throw new CaseFormatException(what + " is not an int: " + element);
  }

  private static String string(JsonElement element, String what) {
    if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
      return element.getAsString();
    }
    throw new CaseFormatException(what + " is not a string: " + element);
  }

  private static JsonElement required(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw new CaseFormatException("missing \"" + key + "\"");
    }
    return e;
  }

  private static JsonObject object(JsonElement element, String what) {
    if (!element.isJsonObject()) {
      throw new CaseFormatException(what + " is not an object: " + element);
    }
    return element.getAsJsonObject();
  }

  private static JsonArray array(JsonElement element, String what) {
    if (!element.isJsonArray()) {
      throw new CaseFormatException(what + " is not a list: " + element);
    }
    return element.getAsJsonArray();
  }

  /** A suite or a case that does not follow the format. */
  public static final class CaseFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseFormatException(String message) {
      super(message);
    }

    CaseFormatException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import dev.anneal.Warmup;
import dev.anneal.processor.kinds.Kind;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute;
import dev.anneal.processor.model.Attribute.Fallback;
import dev.anneal.processor.model.Param;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The attributes of every schedule type are declared once, in its kind; these tests hold the
 * other places that state them, {@code @Schedule}'s methods and Javadoc and the README's table of
 * schedules, to that declaration.
 */
class AttributeMetadataTest {

  @Test
  void everyTypeHasItsKind() {
    assertEquals(Set.of(), Kinds.missing());
    for (ScheduleType type : ScheduleType.values()) {
      assertEquals(type, Kinds.of(type).type());
    }
  }

  /**
   * A Param without its method, or of another shape, would read nothing from the annotation; the
   * attributes of {@code @Warmup} are Params too, {@code startFactor} LinearLR's.
   */
  @Test
  void paramsAreTheAnnotationsMethods() {
    Set<String> methods = new TreeSet<>();
    List<Method> elements = new ArrayList<>(Arrays.asList(Schedule.class.getDeclaredMethods()));
    elements.addAll(Arrays.asList(Warmup.class.getDeclaredMethods()));
    for (Method method : elements) {
      if (method.getName().equals("type")) {
        continue;
      }
      methods.add(method.getName());
      Param param = Param.forAttribute(method.getName())
          .orElseThrow(() -> new AssertionError("@Schedule." + method.getName() + " has no Param"));
      // A double[] is a per-group list or a list of the schedule's own: the annotation reads both alike.
      Param.Shape shape = param.shape == Param.Shape.DOUBLES ? Param.Shape.GROUP_DOUBLES : param.shape;
      assertEquals(shapeOf(method.getReturnType()), shape, "the shape of " + param);
    }
    Set<String> params = Arrays.stream(Param.values()).map(p -> p.attribute).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(methods, params);
  }

  @Test
  void everyParamIsTakenBySomeType() {
    Set<Param> taken = EnumSet.noneOf(Param.class);
    Kinds.all().forEach(kind -> kind.attributes().all().forEach(a -> taken.add(a.param())));
    Kinds.warmup().attributes().all().forEach(a -> taken.add(a.param()));
    assertEquals(EnumSet.allOf(Param.class), taken);
  }

  @Test
  void scheduleJavadocStatesEachDefault() throws IOException {
    String source = Files.readString(Path.of("../runtime/src/main/java/dev/anneal/Schedule.java"),
        StandardCharsets.UTF_8);
    List<String> wrong = new ArrayList<>();
    for (Kind kind : Kinds.all()) {
      for (Attribute attribute : kind.attributes().all()) {
        String doc = javadocOf(source, attribute.param().attribute);
        if (attribute.fallback() instanceof Fallback.Default fallback) {
          if (attribute.param().shape == Param.Shape.METHOD) {
            continue; // No method named: the mode's amplitude.
          }
          if (!defaultsIn(doc).stream().anyMatch(stated -> same(fallback.value(), stated))) {
            wrong.add(kind.type() + "." + attribute.param() + ": default " + fallback.value() + " not in " + doc);
          }
        } else if (attribute.fallback() instanceof Fallback.SameAs same) {
          if (!doc.contains("default: {@code " + same.other().attribute + "}")) {
            wrong.add(kind.type() + "." + attribute.param() + ": does not say it defaults to " + same.other());
          }
        } else if (attribute.required() && !doc.toLowerCase(java.util.Locale.ROOT).contains("required")) {
          wrong.add(kind.type() + "." + attribute.param() + ": does not say it is required");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void readmeTableStatesEachAttributeAndDefault() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    List<String> wrong = new ArrayList<>();
    for (Kind kind : Kinds.all()) {
      String row = readme.stream().filter(line -> line.startsWith("| ") && line.contains("| `" + kind.type() + "` |"))
          .findFirst().orElse(null);
      if (row == null) {
        fail("README has no row for " + kind.type());
      }
      String cell = row.substring(row.indexOf("| `" + kind.type() + "` |") + kind.type().name().length() + 6);
      Set<String> named = new TreeSet<>();
      Matcher ticked = Pattern.compile("`(\\w+)`").matcher(cell);
      while (ticked.find()) {
        if (Param.forAttribute(ticked.group(1)).isPresent()) {
          named.add(ticked.group(1));
        }
      }
      Set<String> declared = kind.attributes().all().stream().map(a -> a.param().attribute)
          .collect(Collectors.toCollection(TreeSet::new));
      if (!named.equals(declared)) {
        wrong.add(kind.type() + ": README names " + named + ", the kind declares " + declared);
      }
      for (Attribute attribute : kind.attributes().all()) {
        String stated = parenthesisAfter(cell, "`" + attribute.param().attribute + "`");
        if (attribute.required()) {
          if (stated == null || !stated.contains("required")) {
            wrong.add(kind.type() + "." + attribute.param() + ": README does not say required");
          }
        } else if (attribute.fallback() instanceof Fallback.SameAs) {
          if (stated == null || !stated.startsWith("=")) {
            wrong.add(kind.type() + "." + attribute.param() + ": README does not give the attribute it defaults to");
          }
        } else if (attribute.fallback() instanceof Fallback.Default fallback
            && attribute.param().shape != Param.Shape.METHOD) {
          String first = stated == null ? "" : stated.split("[,;]")[0].replace("`", "").trim();
          if (!same(fallback.value(), first)) {
            wrong.add(kind.type() + "." + attribute.param() + ": README says (" + stated + "), the default is "
                + fallback.value());
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static Param.Shape shapeOf(Class<?> type) {
    if (type == int.class) {
      return Param.Shape.INT;
    } else if (type == double.class) {
      return Param.Shape.DOUBLE;
    } else if (type == double[].class) {
      return Param.Shape.GROUP_DOUBLES;
    } else if (type == int[].class) {
      return Param.Shape.INTS;
    } else if (type == boolean.class) {
      return Param.Shape.BOOLEAN;
    } else if (type.isEnum()) {
      return Param.Shape.ENUM;
    } else if (type == String.class) {
      return Param.Shape.METHOD;
    } else if (type == String[].class) {
      return Param.Shape.METHODS;
    }
    throw new AssertionError("no shape for " + type);
  }

  /** The Javadoc comment just before the method {@code name} of the annotation's source. */
  private static String javadocOf(String source, String name) {
    Matcher method = Pattern.compile("\\s" + name + "\\(\\) default").matcher(source);
    assertTrue(method.find(), "no method " + name);
    int end = source.lastIndexOf("*/", method.start());
    int start = source.lastIndexOf("/**", end);
    return source.substring(start, end).replaceAll("\\s*\\n\\s*\\*", " ");
  }

  /** The values a Javadoc states after "default": {@code (default 0.9 and 0.95)} gives both. */
  private static List<String> defaultsIn(String doc) {
    List<String> values = new ArrayList<>();
    Matcher matcher = Pattern.compile("default ([^,;)]+(?: and [^,;)]+)?)").matcher(doc);
    while (matcher.find()) {
      for (String value : matcher.group(1).split(" and ")) {
        values.add(value.trim());
      }
    }
    return values;
  }

  /** The text inside the first parentheses after {@code name} in {@code cell}, or null. */
  private static String parenthesisAfter(String cell, String name) {
    int at = cell.indexOf(name);
    if (at < 0) {
      return null;
    }
    int open = cell.indexOf('(', at);
    if (open < 0) {
      return null;
    }
    int close = cell.indexOf(')', open);
    return cell.substring(open + 1, close).trim();
  }

  /** Whether {@code stated}, as a reader writes it ({@code 1/3}, {@code 1e4}, {@code 0}), is {@code value}. */
  private static boolean same(Object value, String stated) {
    if (value instanceof Enum<?> constant) {
      return constant.name().equals(stated);
    }
    if (value instanceof Boolean flag) {
      return flag.toString().equals(stated);
    }
    if (value instanceof int[] || value instanceof double[]) {
      return stated.equals("{}") && java.lang.reflect.Array.getLength(value) == 0;
    }
    double number = ((Number) value).doubleValue();
    try {
      if (stated.matches("\\d+/\\d+")) {
        String[] parts = stated.split("/");
        return number == Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
      }
      return number == Double.parseDouble(stated);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

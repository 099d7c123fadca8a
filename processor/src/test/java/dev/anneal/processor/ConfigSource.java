package dev.anneal.processor;

import static dev.anneal.processor.Draws.pick;

import dev.anneal.processor.ConfigDescription.Attr;
import dev.anneal.processor.ConfigDescription.Bound;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Kind;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.Method;
import dev.anneal.processor.ConfigDescription.Warmup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The source text of random configs: their values, written in the many ways Java allows, and
 * the compilation unit that holds them.
 */
final class ConfigSource {
  private ConfigSource() {}

  static String lit(Random r, double v) {
    if (Double.isNaN(v)) {
      return pick(r, "Double.NaN", "0.0 / 0.0", "Double.POSITIVE_INFINITY - Double.POSITIVE_INFINITY");
    }
    if (v == Double.POSITIVE_INFINITY) {
      return pick(r, "Double.POSITIVE_INFINITY", "1.0 / 0.0", "1e308 * 10", "Double.MAX_VALUE * 2");
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return pick(r, "Double.NEGATIVE_INFINITY", "-1.0 / 0.0", "-1e308 * 10");
    }
    if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) {
      return pick(r, "-0.0", "-0.0d", "-0.0 * 1");
    }
    if (v == Double.MAX_VALUE) {
      return pick(r, "Double.MAX_VALUE", Double.toString(v));
    }
    if (v == Double.MIN_VALUE) {
      return pick(r, "Double.MIN_VALUE", Double.toString(v));
    }
    if (v == (double) Long.MAX_VALUE) {
      return pick(r, "Long.MAX_VALUE", Double.toString(v));
    }
    int variant = r.nextInt(10);
    if (variant == 0 && v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    if (variant == 1 && (double) (float) v == v && Float.isFinite((float) v)) {
      return Float.toString((float) v) + "f";
    }
    if (variant == 2 && v > 0) {
      return "+" + v;
    }
    return Double.toString(v);
  }

  static String lit(Random r, int v) {
    if (v == Integer.MAX_VALUE) {
      return pick(r, "Integer.MAX_VALUE", "2147483647", "0x7fffffff", "Integer.MIN_VALUE - 1");
    }
    if (v == Integer.MIN_VALUE) {
      return pick(r, "Integer.MIN_VALUE", "-2147483648", "Integer.MAX_VALUE + 1", "0x80000000");
    }
    int variant = r.nextInt(12);
    if (variant == 0 && v >= 0) {
      return "0x" + Integer.toHexString(v);
    }
    if (variant == 1 && v >= 1000) {
      String digits = Integer.toString(v);
      return digits.substring(0, digits.length() - 3) + "_" + digits.substring(digits.length() - 3);
    }
    if (variant == 2) {
      return "(int) " + v + ".75";
    }
    if (variant == 3 && v >= 'A' && v <= 'Z') {
      return "'" + (char) v + "'";
    }
    if (variant == 4 && v < 0) {
      return "-(" + (-(long) v) + ")";
    }
    return Integer.toString(v);
  }

  static String lit(Random r, double[] values) {
    if (values.length == 1 && r.nextBoolean()) {
      return lit(r, values[0]);
    }
    return "{" + Arrays.stream(values).mapToObj(v -> lit(r, v)).collect(Collectors.joining(", ")) + "}";
  }

  static String lit(Random r, int[] values) {
    if (values.length == 1 && r.nextBoolean()) {
      return lit(r, values[0]);
    }
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(i % 24 == 0 ? ",\n        " : ", ");
      }
      text.append(lit(r, values[i]));
    }
    return text.append("}").toString();
  }

  static String names(Random r, String[] names) {
    if (names.length == 1 && r.nextBoolean()) {
      return "\"" + names[0] + "\"";
    }
    return Arrays.stream(names).map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "{", "}"));
  }

  static String modeSource(Random r, String mode) {
    return r.nextBoolean() ? mode : "Mode." + mode;
  }

  /** Writes {@code configs} as nested types of {@code outer}, setting each one's line range. */
  static List<String> compilationUnit(String outer, List<Config> configs) {
    List<String> lines = new ArrayList<>(Sources.HEADER);
    lines.add("final class " + outer + " {");
    for (Config config : configs) {
      if (config.holder != null) {
        lines.add("  " + (config.privateHolder ? "private " : "") + "static final class " + config.holder + " {");
      }
      config.firstLine = lines.size() + 1;
      lines.addAll(lines(config));
      config.lastLine = lines.size();
      if (config.holder != null) {
        lines.add("  }");
      }
    }
    lines.add("}");
    return lines;
  }

  /** The lines of one config: its annotations and its type, indented for where it stands. */
  static List<String> lines(Config config) {
    String indent = config.holder != null ? "    " : "  ";
    String prefix = config.qualified ? "@dev.anneal." : "@";
    List<String> text = new ArrayList<>();
    if (config.warmup != null) {
      // In front of the schedules, as a run goes through them.
      text.add(warmup(config.warmup, prefix));
    }
    if (config.explicitContainer) {
      text.add(prefix + "Schedule.List({");
      for (int i = 0; i < config.members.size(); i++) {
        String annotation = annotation(config.members.get(i), prefix);
        text.add("    " + annotation.replace("\n", "\n    ") + (i < config.members.size() - 1 ? "," : ""));
      }
      text.add("})");
    } else {
      for (Member m : config.members) {
        text.add(annotation(m, prefix));
      }
    }
    if (config.combinator == Combinator.SEQUENTIAL || config.combinator == Combinator.BOTH) {
      text.add(prefix + "Sequential(milestones = "
          + (config.milestonesSource == null ? "{}" : config.milestonesSource) + ")");
    }
    if (config.combinator == Combinator.CHAINED || config.combinator == Combinator.BOTH) {
      text.add(prefix + "Chained");
    }
    if (config.deprecated) {
      text.add("@Deprecated");
    }
    text.add(declaration(config, prefix));
    List<String> members = new ArrayList<>();
    for (Method method : config.methods.values()) {
      members.add(method.text());
    }
    if (config.kind != Kind.RECORD) {
      for (Bound bound : config.bound) {
        members.add(accessor(bound, config.kind, prefix));
      }
    }
    if (config.kind == Kind.ENUM) {
      text.add("  ONLY;");
      for (String member : members) {
        text.add("  " + member.replace("\n", " "));
      }
    } else {
      for (String member : members) {
        text.add("  " + member.replace("\n", "\n  "));
      }
    }
    text.add("}");
    return text.stream().flatMap(block -> Arrays.stream(block.split("\n", -1)))
        .map(line -> indent + line).toList();
  }

  private static String declaration(Config config, String prefix) {
    switch (config.kind) {
      case RECORD:
        return "record " + config.name + "(" + config.bound.stream()
            .map(b -> prefix + b.annotation() + " " + b.javaType() + " " + b.member())
            .collect(Collectors.joining(", ")) + ") {";
      case GENERIC_CLASS:
        return "static final class " + config.name + "<T extends Comparable<T>> {";
      case INTERFACE:
        return "interface " + config.name + " {";
      case ENUM:
        return "enum " + config.name + " {";
      case ANNOTATION:
        return "@interface " + config.name + " {";
      case PRIVATE_CLASS:
        return "private static final class " + config.name + " {";
      default:
        return "static final class " + config.name + " {";
    }
  }

  /** A bound value's accessor, as the config's kind declares one; a record binds components instead. */
  private static String accessor(Bound bound, Kind kind, String prefix) {
    String signature = bound.javaType() + " " + bound.member() + "()";
    switch (kind) {
      case ANNOTATION:
        return prefix + bound.annotation() + " " + signature + " default " + bound.source() + ";";
      case INTERFACE:
        return prefix + bound.annotation() + "\ndefault " + signature + " {\n  return " + bound.source() + ";\n}";
      default:
        return prefix + bound.annotation() + "\n" + signature + " {\n  return " + bound.source() + ";\n}";
    }
  }

  private static String warmup(Warmup warmup, String prefix) {
    if (warmup.attrs.isEmpty()) {
      return prefix + "Warmup";
    }
    return prefix + "Warmup(" + warmup.attrs.entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue().source()).collect(Collectors.joining(", ")) + ")";
  }

  private static String annotation(Member m, String prefix) {
    List<String> parts = new ArrayList<>();
    if (m.typeSource != null) {
      parts.add("type = " + m.typeSource);
    }
    for (Map.Entry<String, Attr> e : m.attrs.entrySet()) {
      parts.add(e.getKey() + " = " + e.getValue().source());
    }
    parts.addAll(m.rawAttrs);
    if (parts.isEmpty()) {
      return prefix + "Schedule";
    }
    return prefix + "Schedule(" + String.join(",\n    ", parts) + ")";
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.ScheduleType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which schedule types a set of test configs reaches, so that a test claiming "every schedule
 * type" asserts it against {@link ScheduleType#values()} and a new type without coverage fails it.
 */
final class TypeCoverage {
  private static final Pattern TYPE = Pattern.compile("\\btype\\s*=\\s*(?:ScheduleType\\.)?([A-Z][A-Z_0-9]*)");

  private TypeCoverage() {}

  /** The types named by {@code type = ...} in the configs' source lines. */
  static Set<ScheduleType> typesIn(Collection<String[]> configs) {
    Set<ScheduleType> types = EnumSet.noneOf(ScheduleType.class);
    for (String[] lines : configs) {
      Matcher matcher = TYPE.matcher(String.join("\n", lines));
      while (matcher.find()) {
        types.add(ScheduleType.valueOf(matcher.group(1)));
      }
    }
    return types;
  }

  /** Fails unless the configs reach every schedule type but {@code except}. */
  static void assertEveryType(String what, Collection<String[]> configs, ScheduleType... except) {
    Set<ScheduleType> expected = EnumSet.allOf(ScheduleType.class);
    expected.removeAll(List.of(except));
    assertEquals(expected, typesIn(configs), what + " must reach every schedule type but " + List.of(except));
  }
}

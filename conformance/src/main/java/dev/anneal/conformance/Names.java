package dev.anneal.conformance;

import java.util.Locale;
import java.util.regex.Pattern;

/** Converts between the reference's snake_case argument names and the annotation's camelCase. */
final class Names {

  private Names() {}

  /**
   * The annotation attribute for a reference argument: the first word in lower case, each further
   * word capitalized ({@code T_max} is {@code tMax}, {@code T_0} is {@code t0}, {@code eta_min}
   * is {@code etaMin}).
   */
  static String camel(String snake) {
    String[] words = snake.split("_+");
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() == 0) {
        out.append(word.toLowerCase(Locale.ROOT));
      } else {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  /**
   * The reference's spelling of an attribute, up to case ({@code stepsPerEpoch} is
   * {@code steps_per_epoch}, {@code t0} is {@code t_0}).
   */
  static String snake(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      boolean boundary = i > 0
          && (Character.isUpperCase(c)
              || (Character.isDigit(c) && !Character.isDigit(camel.charAt(i - 1))));
      if (boundary) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * Whether {@code text} contains {@code name} as a whole identifier, ignoring case: {@code mode}
   * is named by "class Mode" and "mode is invalid", not by "thresholdMode"; {@code eps} is not
   * named by "steps".
   */
  static boolean mentions(String text, String name) {
    if (name.isEmpty()) {
      return false;
    }
    Pattern word = Pattern.compile(
        "(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])",
        Pattern.CASE_INSENSITIVE);
    return word.matcher(text).find();
  }
}

package dev.anneal.internal;

import dev.anneal.LrScheduler;
import dev.anneal.MomentumScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated scheduler's {@link LrScheduler#parameters()} and {@code toString()}: its parameters
 * by the reference's names, those of the schedules of a combination under {@code
 * schedulers[i].name}, as PyTorch's SequentialLR and ChainedScheduler hold their schedulers.
 */
public final class Parameters {
  private static final String SCHEDULERS = "schedulers[";

  private Parameters() {}

  /** An unmodifiable map in the order given, from names and values in turn. */
  public static Map<String, Object> of(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The values, as an unmodifiable list. */
  public static List<Integer> list(int... values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int value : values) {
      list.add(value);
    }
    return Collections.unmodifiableList(list);
  }

  /** The values, as an unmodifiable list. */
  public static List<Double> list(double... values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(value);
    }
    return Collections.unmodifiableList(list);
  }

  /** {@link #describe(String, String, String[], Map, LrScheduler)} of a single schedule. */
  public static String describe(String config, String reference, Map<String, Object> parameters,
      LrScheduler scheduler) {
    return describe(config, reference, new String[] {reference}, parameters, scheduler);
  }

  /**
   * The ints written, comma-separated, across {@code chunks}, as an unmodifiable list: how a
   * generated class holds a long list, whose values as code would crowd its constructor.
   */
  public static List<Integer> ints(String... chunks) {
    String[] values = String.join("", chunks).split(",");
    List<Integer> list = new ArrayList<>(values.length);
    for (String value : values) {
      list.add(Integer.parseInt(value));
    }
    return Collections.unmodifiableList(list);
  }

  /** The doubles written as {@link Double#toString} writes them, as {@link #ints} reads ints. */
  public static List<Double> doubles(String... chunks) {
    String[] values = String.join("", chunks).split(",");
    List<Double> list = new ArrayList<>(values.length);
    for (String value : values) {
      list.add(Double.parseDouble(value));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * One line for a training log: the config, the reference schedule with its parameters, the step
   * and every group's rate (and momentum, where the scheduler drives it), e.g. {@code ResNetRun:
   * CosineAnnealingLR(T_max=32, eta_min=1.0E-4) at step 5, lr [0.0098, 0.0049]}.
   *
   * @param schedules the reference names of the schedules of a combination, in order; one name
   *     for a single schedule
   */
  public static String describe(String config, String reference, String[] schedules, Map<String, Object> parameters,
      LrScheduler scheduler) {
    StringBuilder line = new StringBuilder(config).append(": ");
    appendCall(line, reference, parameters, "");
    if (schedules.length > 1) {
      line.setLength(line.length() - 1);
      line.append(parameters.keySet().stream().anyMatch(name -> !name.startsWith(SCHEDULERS)) ? ", " : "")
          .append("schedulers=[");
      for (int i = 0; i < schedules.length; i++) {
        appendCall(line.append(i == 0 ? "" : ", "), schedules[i], parameters, SCHEDULERS + i + "].");
      }
      line.append("])");
    }
    line.append(" at step ").append(scheduler.stepCount()).append(", lr ");
    appendGroups(line, scheduler, false);
    if (scheduler instanceof MomentumScheduler) {
      appendGroups(line.append(", momentum "), scheduler, true);
    }
    return line.toString();
  }

  /** {@code name(a=1, b=2)} of the parameters under {@code prefix}, those of a combination's schedules left out. */
  private static void appendCall(StringBuilder line, String name, Map<String, Object> parameters, String prefix) {
    line.append(name).append('(');
    String separator = "";
    for (Map.Entry<String, Object> entry : parameters.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix) || (prefix.isEmpty() && key.startsWith(SCHEDULERS))) {
        continue;
      }
      line.append(separator).append(key, prefix.length(), key.length()).append('=').append(entry.getValue());
      separator = ", ";
    }
    line.append(')');
  }

  private static void appendGroups(StringBuilder line, LrScheduler scheduler, boolean momentum) {
    line.append('[');
    for (int g = 0; g < scheduler.groupCount(); g++) {
      line.append(g == 0 ? "" : ", ")
          .append(momentum ? ((MomentumScheduler) scheduler).momentum(g) : scheduler.lr(g));
    }
    line.append(']');
  }
}

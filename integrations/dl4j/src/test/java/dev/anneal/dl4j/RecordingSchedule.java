package dev.anneal.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A schedule in front of another that records every question DL4J asks and the answer it gets, on
 * a tape named in its JSON: a network restored by ModelSerializer records on the same tape. The
 * training listener marks the end of each update on the tape.
 */
final class RecordingSchedule implements ISchedule {

  private static final long serialVersionUID = 1L;

  /** One call ({@code update} is -1), or the end of an update ({@code update} its index). */
  record Entry(int iteration, int epoch, double value, int update) {
    boolean isMark() {
      return update >= 0;
    }
  }

  private static final Map<String, List<Entry>> TAPES = new ConcurrentHashMap<>();

  @JsonProperty("schedule")
  private final ISchedule schedule;

  @JsonProperty("tape")
  private final String tape;

  @JsonCreator
  RecordingSchedule(
      @JsonProperty("schedule") ISchedule schedule, @JsonProperty("tape") String tape) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.tape = Objects.requireNonNull(tape, "tape");
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    double value = schedule.valueAt(iteration, epoch);
    record(tape, new Entry(iteration, epoch, value, -1));
    return value;
  }

  /** Marks the end of update {@code update}, which DL4J ran at {@code iteration} and {@code epoch}. */
  static void mark(String tape, int update, int iteration, int epoch) {
    record(tape, new Entry(iteration, epoch, Double.NaN, update));
  }

  private static void record(String tape, Entry entry) {
    List<Entry> entries = TAPES.computeIfAbsent(tape, t -> new ArrayList<>());
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /** The tape's last entry. */
  static Entry last(String tape) {
    List<Entry> entries = TAPES.get(tape);
    synchronized (entries) {
      return entries.get(entries.size() - 1);
    }
  }

  /** The tape's entries, which are forgotten. */
  static List<Entry> take(String tape) {
    List<Entry> entries = TAPES.remove(tape);
    if (entries == null) {
      return List.of();
    }
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  ISchedule schedule() {
    return schedule;
  }

  @Override
  public ISchedule clone() {
    return new RecordingSchedule(schedule.clone(), tape);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordingSchedule
        && ((RecordingSchedule) other).schedule.equals(schedule)
        && ((RecordingSchedule) other).tape.equals(tape);
  }

  @Override
  public int hashCode() {
    return 31 * schedule.hashCode() + tape.hashCode();
  }
}

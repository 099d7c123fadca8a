package dev.anneal.benchmarks;

/**
 * The step that a stateless query is asked about next: 1, 2, ... up to the schedule's length,
 * then back to 1, so that random-access queries (the generated {@code lrAt}, DJL's trackers,
 * ND4J's schedules) cover the same steps as the stepped variants.
 */
public abstract class Cursor {

  private final int length;
  private int step;

  /** A cursor over steps 1 to {@code length}. */
  protected Cursor(int length) {
    this.length = length;
  }

  /** The next step to query. */
  public final int next() {
    int s = step + 1;
    step = s == length ? 0 : s;
    return s;
  }
}

package dev.anneal.conformance;

import java.io.PrintStream;

/**
 * Shows on a terminal how far a run is, on one line that each update overwrites and that
 * {@link #clear()} erases, so that none of it stays among the results. Only for a terminal: in a
 * log every update would be a line of its own.
 */
final class TerminalProgress implements ConformanceRunner.Progress {

  /** At most ten updates a second: a terminal redrawn for every case of a long suite slows the run. */
  private static final long INTERVAL_NANOS = 100_000_000L;

  private final PrintStream terminal;
  private final String label;
  private long lastUpdate;
  /** The length of the text on the line, 0 when there is none. */
  private int shown;

  /**
   * @param terminal where to draw the line
   * @param label what runs, such as a suite's file name
   */
  TerminalProgress(PrintStream terminal, String label) {
    this.terminal = terminal;
    this.label = label;
  }

  @Override
  public void compiled(int done, int total) {
    show(done == total, label + ": " + done + " of " + total + " cases compiled");
  }

  @Override
  public void checked(int done, int total) {
    show(done == total, label + ": " + done + " of " + total + " cases checked");
  }

  private void show(boolean last, String text) {
    long now = System.nanoTime();
    if (!last && shown > 0 && now - lastUpdate < INTERVAL_NANOS) {
      return;
    }
    lastUpdate = now;
    terminal.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    terminal.flush();
    shown = text.length();
  }

  /** Erases the line, leaving the cursor where it began. */
  void clear() {
    if (shown > 0) {
      terminal.print("\r" + " ".repeat(shown) + "\r");
      terminal.flush();
      shown = 0;
    }
  }
}

package dev.anneal.conformance;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code java -jar anneal-conformance.jar [--verbose] [--resume [--seed N]] FILE.json...}.
 *
 * <p>Prints one line per failing case, one per reason for skipping cases, the largest error of a
 * passing case, and a closing line per suite, {@code pytorch.json (uninterrupted): N passed, M
 * failed[, K skipped]}, followed with several suites by the total {@code N passed, M failed[, K
 * skipped]}. Exits 0 when a case was checked and none failed, 1 when one failed or none was checked,
 * 2 when the command line or a file is wrong.
 */
public final class Main {

  private static final String USAGE = """
      usage: java -jar anneal-conformance.jar [options] FILE.json...

      Checks Anneal's generated schedulers against reference suites in the lr-schedule-cases
      format. For each case it writes the annotated config a user would write, compiles it with
      the Anneal processor, runs the generated scheduler under the reference loop and compares
      every rate (and momentum) with |actual - expected| <= 1e-10 |expected| + 1e-14 peak.

      Prints one line per failing case (FAIL), one per reason for skipping cases (SKIP: a
      schedule or argument that the annotations or the processor do not have), then a closing
      line per suite, naming the mode,
        pytorch.json (uninterrupted): N passed, M failed[, K skipped]
      and, with several suites, the total
        N passed, M failed[, K skipped]
      On a terminal, a line that goes away at the end shows how far a long run is.
      Exit status: 0 if a case was checked and none failed; 1 if any failed, or if none was
      checked (every case skipped); 2 on a usage or file error.

      options:
        -v, --verbose     also print every case's result, its largest error (as a multiple of
                          its group's peak) and the share of the bound it used, and how the
                          cases were compiled
        --resume          cut every case at a step drawn from the seed: save the scheduler's
                          state, restore it into a new instance and go on with that one; the
                          resumed run must pass as an uninterrupted one does
        --seed N          the seed of --resume's cuts (default 1)
        --dump DIR        write each case's config and the generated sources under DIR
        --threads N       compile on N threads, N >= 1 (default: up to 2)
        -h, --help        print this help
      """;

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, onTerminal()));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, false);
  }

  /**
   * Runs the command line, printing to {@code out} and {@code err}, and, where {@code terminal},
   * how far the run is to {@code err}; returns the exit status.
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    boolean verbose = false;
    Path dump = null;
    int threads = -1;
    boolean resume = false;
    long seed = 1;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          out.print(USAGE);
          return 0;
        }
        case "-v", "--verbose" -> verbose = true;
        case "--resume" -> resume = true;
        case "--dump", "--threads", "--seed" -> {
          if (i + 1 == args.length) {
            err.println(arg + " needs a value\n");
            err.print(USAGE);
            return 2;
          }
          String value = args[++i];
          if (arg.equals("--dump")) {
            dump = Path.of(value);
          } else if (arg.equals("--seed")) {
            try {
              seed = Long.parseLong(value);
            } catch (NumberFormatException e) {
              err.println("--seed takes a number, not " + value);
              return 2;
            }
          } else {
            try {
              threads = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              threads = 0;
            }
            if (threads < 1) {
              err.println("--threads takes a whole number of at least 1, not " + value);
              return 2;
            }
          }
        }
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            err.println("unknown option " + arg + "\n");
            err.print(USAGE);
            return 2;
          }
          files.add(Path.of(arg));
        }
      }
    }
    if (files.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        err.println(file + " is a directory, not a suite: name the suite files in it");
        return 2;
      }
      if (!Files.exists(file)) {
        err.println("no such file: " + file);
        return 2;
      }
    }
    if (dump != null) {
      if (Files.exists(dump) && !Files.isDirectory(dump)) {
        err.println("--dump takes a directory, and " + dump + " is a file");
        return 2;
      }
      // Before the run, not after it: the sources are written once every case is compiled.
      try {
        Files.createDirectories(dump);
      } catch (IOException e) {
        err.println("cannot create the --dump directory " + dump + ": " + reason(e));
        return 2;
      }
    }
    List<ConformanceCase> cases = new ArrayList<>();
    List<String> suites = new ArrayList<>();
    for (Path file : files) {
      try {
        cases.addAll(CaseReader.read(file));
      } catch (CaseReader.CaseFormatException e) {
        err.println(e.getMessage());
        return 2;
      } catch (IOException e) {
        err.println("cannot read " + file + ": " + reason(e));
        return 2;
      }
      suites.add(file.getFileName().toString());
    }
    ConformanceRunner runner;
    try {
      runner = new ConformanceRunner();
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (threads > 0) {
      runner.threads(threads);
    }
    if (resume) {
      runner.resume(seed);
    }
    if (dump != null) {
      runner.dumpTo(dump);
    }
    TerminalProgress progress = null;
    if (terminal) {
      progress = new TerminalProgress(err, suites.size() == 1 ? suites.get(0) : suites.size() + " suites");
      runner.progress(progress);
    }
    RunReport report;
    try {
      report = runner.run(suites, cases);
    } catch (IOException e) {
      err.println("cannot write the sources under " + dump + ": " + reason(e));
      return 2;
    } finally {
      if (progress != null) {
        progress.clear();
      }
    }
    for (String line : report.lines(verbose)) {
      out.println(line);
    }
    out.flush();
    if (report.failed() > 0) {
      return 1;
    }
    if (report.nothingChecked()) {
      err.println("nothing was checked: " + (report.results().isEmpty()
          ? (suites.size() == 1 ? "the suite holds no case" : "the suites hold no case")
          : "every case was skipped"));
      return 1;
    }
    return 0;
  }

  /** Why a file could not be read or written, in words: the exceptions of the file system often carry only a path. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f) {
      String where = f.getFile() == null ? "" : " (" + f.getFile() + ")";
      return (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()) + where;
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * Whether the output is a terminal, where progress can be drawn on one line. From Java 22 on
   * {@link System#console()} returns a console for redirected output too, and
   * {@code Console.isTerminal()} tells.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}

package dev.anneal.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code java -jar anneal-conformance.jar [--verbose] [--resume [--seed N]] FILE.json...}.
 *
 * <p>Prints one line per failing case, the largest error of a passing case, and the closing line
 * {@code N passed, M failed[, K skipped (Type: n, ...)]}. Exits 0 when no case failed, 1 when
 * one did, 2 when the command line or a file is wrong.
 */
public final class Main {

  private static final String USAGE = """
      usage: java -jar anneal-conformance.jar [options] FILE.json...

      Checks Anneal's generated schedulers against reference suites in the lr-schedule-cases
      format. For each case it writes the annotated config a user would write, compiles it with
      the Anneal processor, runs the generated scheduler under the reference loop and compares
      every rate (and momentum) with |actual - expected| <= 1e-10 |expected| + 1e-14 peak.

      Prints one line per failing case, then the closing line
        N passed, M failed[, K skipped (Type: n, ...)]
      Cases whose schedule the processor does not support yet are skipped, listed by type.
      Exit status: 0 if no case failed, 1 if any did, 2 on a usage or file error.

      options:
        -v, --verbose     also print every case's result, its largest error (as a multiple of
                          its group's peak) and the share of the bound it used, and how the
                          cases were compiled
        --resume          cut every case at a step drawn from the seed: save the scheduler's
                          state, restore it into a new instance and go on with that one; the
                          resumed run must pass as an uninterrupted one does
        --seed N          the seed of --resume's cuts (default 1)
        --dump DIR        write each case's config and the generated sources under DIR
        --threads N       compile on N threads (default: up to 2)
        -h, --help        print this help
      """;

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
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
              err.println("--threads takes a number, not " + value);
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
      if (!Files.isRegularFile(file)) {
        err.println("no such file: " + file);
        return 2;
      }
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
    RunReport report;
    try {
      report = runner.runFiles(files);
    } catch (CaseReader.CaseFormatException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("cannot read: " + e.getMessage());
      return 2;
    }
    for (String line : report.lines(verbose)) {
      out.println(line);
    }
    out.flush();
    return report.failed() > 0 ? 1 : 0;
  }
}

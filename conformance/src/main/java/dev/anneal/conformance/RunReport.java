package dev.anneal.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results of a run, and how the command line prints them: one line per failing case, one per
 * reason for skipping cases, the largest error, and the closing lines: one per suite,
 * {@code pytorch.json (uninterrupted): N passed, M failed[, K skipped]}, and with several suites
 * the total {@code N passed, M failed[, K skipped]}.
 */
public final class RunReport {

  /** The mode of a run that is not resumed from checkpoints. */
  static final String UNINTERRUPTED = "uninterrupted";

  private final List<String> suites;
  private final String mode;
  private final List<CaseResult> results;
  private final List<CaseCompiler.Batch> compilations;
  private final long nanos;

  /**
   * @param suites the suites run, in order, each named as its cases' {@link CaseResult#source()}
   *     (a suite without a case has no result to name it)
   * @param mode how the cases ran, for the closing lines: {@link #UNINTERRUPTED} or
   *     {@code resumed, seed N}
   */
  RunReport(List<String> suites, String mode, List<CaseResult> results, List<CaseCompiler.Batch> compilations,
      long nanos) {
    Set<String> named = new LinkedHashSet<>(suites);
    for (CaseResult r : results) {
      named.add(r.source());
    }
    this.suites = List.copyOf(named);
    this.mode = mode;
    this.results = List.copyOf(results);
    this.compilations = List.copyOf(compilations);
    this.nanos = nanos;
  }

  /** Every case's result, in the order given. */
  public List<CaseResult> results() {
    return results;
  }

  /** The suites run, in order. */
  public List<String> suites() {
    return suites;
  }

  /** How the cases ran: {@code uninterrupted}, or {@code resumed, seed N}. */
  public String mode() {
    return mode;
  }

  /** How many cases passed. */
  public int passed() {
    return count(null, CaseResult.Status.PASSED);
  }

  /** How many cases failed. */
  public int failed() {
    return count(null, CaseResult.Status.FAILED);
  }

  /** How many cases were skipped. */
  public int skipped() {
    return count(null, CaseResult.Status.SKIPPED);
  }

  /** Whether no case was checked: every case was skipped, or there was none. */
  public boolean nothingChecked() {
    return passed() + failed() == 0;
  }

  /** The passing case with the largest error as a multiple of its peak, among those that compared values. */
  public Optional<CaseResult> largestPassingError() {
    return largestPassing(Comparator.comparingDouble(CaseResult::maxError));
  }

  /** The passing case that came closest to the bound, among those that compared values. */
  public Optional<CaseResult> closestToBound() {
    return largestPassing(Comparator.comparingDouble(CaseResult::maxShare));
  }

  private Optional<CaseResult> largestPassing(Comparator<CaseResult> order) {
    return results.stream()
        .filter(r -> r.status() == CaseResult.Status.PASSED && r.compared() > 0)
        .max(order);
  }

  /** The count over every suite: {@code N passed, M failed}, then {@code , K skipped} if any. */
  public String closingLine() {
    return counts(null);
  }

  /** The closing line of one suite: {@code pytorch.json (resumed, seed 1): N passed, M failed[, K skipped]}. */
  public String suiteLine(String suite) {
    return suite + " (" + mode + "): " + counts(suite);
  }

  /** The closing lines: one per suite, and the total after them when there are several. */
  public List<String> closingLines() {
    List<String> out = new ArrayList<>();
    for (String suite : suites) {
      out.add(suiteLine(suite));
    }
    if (suites.size() != 1) {
      out.add(closingLine());
    }
    return out;
  }

  /**
   * One line per reason for skipping, with the cases it skipped: {@code SKIP <id>: <reason>}, or
   * {@code SKIP <id> and 3 more: <reason>} where several cases share it.
   */
  public List<String> skipLines() {
    boolean severalFiles = suites.size() > 1;
    Map<String, List<CaseResult>> byReason = new LinkedHashMap<>();
    for (CaseResult r : results) {
      if (r.status() == CaseResult.Status.SKIPPED) {
        byReason.computeIfAbsent(r.detail() == null ? "no reason given" : r.detail(), k -> new ArrayList<>()).add(r);
      }
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((reason, cases) -> out.add("SKIP " + name(cases.get(0), severalFiles)
        + (cases.size() > 1 ? " and " + (cases.size() - 1) + " more" : "") + ": " + reason));
    return out;
  }

  /** What the command line prints; with {@code verbose}, every case's result and error too. */
  public List<String> lines(boolean verbose) {
    boolean severalFiles = suites.size() > 1;
    List<String> out = new ArrayList<>();
    for (CaseResult r : results) {
      if (r.status() == CaseResult.Status.FAILED) {
        out.add("FAIL " + name(r, severalFiles) + ": " + r.detail());
      }
    }
    out.addAll(skipLines());
    if (verbose) {
      out.add("");
      out.add("status  error/peak  of bound  case");
      for (CaseResult r : results) {
        boolean compared = r.compared() > 0;
        String error = compared ? CaseCheck.formatError(r.maxError()) : "-";
        String share = compared ? percent(r.maxShare()) : "-";
        String note = r.status() == CaseResult.Status.FAILED || r.detail() == null ? "" : "  (" + r.detail() + ")";
        out.add(String.format(Locale.ROOT, "%-6s  %-10s  %-8s  %s%s", r.status().name().substring(0, 4), error,
            share, name(r, severalFiles), note));
      }
      out.add(compilationSummary());
    }
    Optional<CaseResult> largest = largestPassingError();
    Optional<CaseResult> closest = closestToBound();
    if (largest.isPresent() && closest.isPresent()) {
      out.add("largest error of a passing case: " + CaseCheck.formatError(largest.get().maxError()) + " x peak ("
          + name(largest.get(), severalFiles) + "); closest to the bound: " + percent(closest.get().maxShare())
          + " of it (" + name(closest.get(), severalFiles) + ")");
    }
    out.addAll(closingLines());
    return out;
  }

  /**
   * How the cases were compiled: the compilations of several cases together, the cases compiled
   * alone (a case the reference refuses, or one taken out of a failed batch), and the time of each.
   */
  String compilationSummary() {
    long batchNanos = 0;
    long aloneNanos = 0;
    int alone = 0;
    List<String> batchSizes = new ArrayList<>();
    for (CaseCompiler.Batch b : compilations) {
      if (b.cases() == 1) {
        alone++;
        aloneNanos += b.nanos();
      } else {
        batchNanos += b.nanos();
        batchSizes.add(b.cases() + (b.success() ? "" : " (failed, split)"));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!batchSizes.isEmpty()) {
      String sizes = batchSizes.size() == 1 ? batchSizes.get(0)
          : String.join(", ", batchSizes.subList(0, batchSizes.size() - 1)) + " and "
              + batchSizes.get(batchSizes.size() - 1);
      parts.add(String.format(Locale.ROOT, "in %d batch%s of %s cases (%.1f s)", batchSizes.size(),
          batchSizes.size() == 1 ? "" : "es", sizes, batchNanos / 1e9));
    }
    if (alone > 0) {
      parts.add(String.format(Locale.ROOT, "%d case%s alone (%.1f s)", alone, alone == 1 ? "" : "s",
          aloneNanos / 1e9));
    }
    String compiled = parts.isEmpty() ? "compiled no case" : "compiled " + String.join(" and ", parts);
    return String.format(Locale.ROOT, "%s; %.1f s in all", compiled, nanos / 1e9);
  }

  /**
   * A share of the bound as a percentage, with the precision that a small share needs. A failing
   * value's share can be any size; past ten times the bound its size says nothing more than the
   * error beside it.
   */
  static String percent(double share) {
    if (share == 0) {
      return "0%";
    }
    if (Double.isNaN(share)) {
      return "NaN";
    }
    if (share > 10) {
      return ">1000%";
    }
    double p = share * 100;
    return p >= 1 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1g%%", p);
  }

  private static String name(CaseResult r, boolean withFile) {
    return withFile ? r.source() + ": " + r.id() : r.id();
  }

  /** {@code N passed, M failed[, K skipped]} of one suite, or of all where {@code suite} is null. */
  private String counts(String suite) {
    String line = count(suite, CaseResult.Status.PASSED) + " passed, " + count(suite, CaseResult.Status.FAILED)
        + " failed";
    int skipped = count(suite, CaseResult.Status.SKIPPED);
    return skipped > 0 ? line + ", " + skipped + " skipped" : line;
  }

  private int count(String suite, CaseResult.Status status) {
    int n = 0;
    for (CaseResult r : results) {
      if (r.status() == status && (suite == null || suite.equals(r.source()))) {
        n++;
      }
    }
    return n;
  }
}

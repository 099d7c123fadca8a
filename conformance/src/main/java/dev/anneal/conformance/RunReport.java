package dev.anneal.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The results of a run, and how the command line prints them: one line per failing case, the
 * largest error, and the closing line {@code N passed, M failed[, K skipped (Type: n, ...)]}.
 */
public final class RunReport {

  private final List<CaseResult> results;
  private final List<CaseCompiler.Batch> compilations;
  private final long nanos;

  RunReport(List<CaseResult> results, List<CaseCompiler.Batch> compilations, long nanos) {
    this.results = List.copyOf(results);
    this.compilations = List.copyOf(compilations);
    this.nanos = nanos;
  }

  /** Every case's result, in the order given. */
  public List<CaseResult> results() {
    return results;
  }

  /** How many cases passed. */
  public int passed() {
    return count(CaseResult.Status.PASSED);
  }

  /** How many cases failed. */
  public int failed() {
    return count(CaseResult.Status.FAILED);
  }

  /** How many cases were skipped. */
  public int skipped() {
    return count(CaseResult.Status.SKIPPED);
  }

  /** The skipped cases counted by scheduler type, by type name. */
  public Map<String, Integer> skippedByType() {
    Map<String, Integer> out = new TreeMap<>();
    for (CaseResult r : results) {
      if (r.status() == CaseResult.Status.SKIPPED) {
        out.merge(r.type(), 1, Integer::sum);
      }
    }
    return out;
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

  /** The closing line: {@code N passed, M failed}, then {@code , K skipped (Type: n, ...)} if any. */
  public String closingLine() {
    StringBuilder line = new StringBuilder();
    line.append(passed()).append(" passed, ").append(failed()).append(" failed");
    if (skipped() > 0) {
      line.append(", ").append(skipped()).append(" skipped (");
      List<String> parts = new ArrayList<>();
      skippedByType().forEach((type, n) -> parts.add(type + ": " + n));
      line.append(String.join(", ", parts)).append(')');
    }
    return line.toString();
  }

  /** What the command line prints; with {@code verbose}, every case's result and error too. */
  public List<String> lines(boolean verbose) {
    boolean severalFiles = results.stream().map(CaseResult::source).distinct().count() > 1;
    List<String> out = new ArrayList<>();
    for (CaseResult r : results) {
      if (r.status() == CaseResult.Status.FAILED) {
        out.add("FAIL " + name(r, severalFiles) + ": " + r.detail());
      }
    }
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
    out.add(closingLine());
    return out;
  }

  /** How the cases were compiled: the batches, the cases compiled alone, and the time of each. */
  private String compilationSummary() {
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
        batchSizes.add(b.cases() + (b.success() ? "" : " (failed)"));
      }
    }
    return String.format(Locale.ROOT,
        "compiled together in %d batch%s of [%s] cases (%.1f s) and %d alone (%.1f s); %.1f s in all",
        batchSizes.size(), batchSizes.size() == 1 ? "" : "es", String.join(", ", batchSizes), batchNanos / 1e9,
        alone, aloneNanos / 1e9, nanos / 1e9);
  }

  /** A share of the bound as a percentage, with the precision that a small share needs. */
  private static String percent(double share) {
    if (share == 0) {
      return "0%";
    }
    if (Double.isInfinite(share)) {
      return "inf";
    }
    double p = share * 100;
    return p >= 1 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1g%%", p);
  }

  private static String name(CaseResult r, boolean withFile) {
    return withFile ? r.source() + ": " + r.id() : r.id();
  }

  private int count(CaseResult.Status status) {
    int n = 0;
    for (CaseResult r : results) {
      if (r.status() == status) {
        n++;
      }
    }
    return n;
  }
}

package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.conformance.CaseResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static CaseResult result(String id, String type, Status status, String detail, double error) {
    // A share of the bound that orders the cases the other way round from their errors.
    double share = error == 0 ? 0 : 1e-18 / error;
    return new CaseResult(id, "suite.json", type, status, detail, error, share, status == Status.SKIPPED ? 0 : 10);
  }

  @Test
  void closingLineCountsAndListsSkipsByType() {
    RunReport report = new RunReport(List.of(
        result("a", "StepLR", Status.PASSED, null, 1e-16),
        result("b", "CyclicLR", Status.SKIPPED, "not supported yet", 0),
        result("c", "OneCycleLR", Status.SKIPPED, "not supported yet", 0),
        result("d", "CyclicLR", Status.SKIPPED, "not supported yet", 0),
        result("e", "StepLR", Status.FAILED, "step 3, group 0: expected 0.1, actual 0.2", 1)), List.of(), 0);
    assertEquals("1 passed, 1 failed, 3 skipped (CyclicLR: 2, OneCycleLR: 1)", report.closingLine());
  }

  @Test
  void closingLineWithoutSkipsIsThePlainCount() {
    RunReport report = new RunReport(List.of(result("a", "StepLR", Status.PASSED, null, 0)), List.of(), 0);
    assertEquals("1 passed, 0 failed", report.closingLine());
  }

  @Test
  void printsOneLinePerFailureThenTheLargestErrorThenTheClosingLine() {
    RunReport report = new RunReport(List.of(
        result("a", "StepLR", Status.PASSED, null, 2e-16),
        result("b", "StepLR", Status.PASSED, null, 3e-15),
        result("e", "StepLR", Status.FAILED, "step 3, group 0: expected 0.1, actual 0.2", 1)), List.of(), 0);
    assertEquals(List.of(
        "FAIL e: step 3, group 0: expected 0.1, actual 0.2",
        "largest error of a passing case: 3.0e-15 x peak (b); closest to the bound: 0.5% of it (a)",
        "2 passed, 1 failed"), report.lines(false));
  }

  @Test
  void verboseListsEveryCase() {
    RunReport report = new RunReport(List.of(
        result("a", "StepLR", Status.PASSED, null, 2e-16),
        result("b", "CyclicLR", Status.SKIPPED, "not supported yet", 0)), List.of(), 0);
    String all = String.join("\n", report.lines(true));
    assertTrue(all.contains("PASS    2.0e-16     0.5%      a"), all);
    assertTrue(all.contains("SKIP    -           -         b  (not supported yet)"), all);
  }
}

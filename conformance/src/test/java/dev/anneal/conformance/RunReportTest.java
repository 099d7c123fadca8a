package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.conformance.CaseCompiler.Batch;
import dev.anneal.conformance.CaseResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static CaseResult result(String id, String type, Status status, String detail, double error) {
    return result("suite.json", id, type, status, detail, error);
  }

  private static CaseResult result(String source, String id, String type, Status status, String detail,
      double error) {
    // A share of the bound that orders the cases the other way round from their errors.
    double share = error == 0 ? 0 : 1e-18 / error;
    return new CaseResult(id, source, type, status, detail, error, share, status == Status.SKIPPED ? 0 : 10);
  }

  private static RunReport report(CaseResult... results) {
    return new RunReport(List.of(), RunReport.UNINTERRUPTED, List.of(results), List.of(), 0);
  }

  @Test
  void closingLineCountsSkipsWithoutNamingTheirTypes() {
    RunReport report = report(
        result("a", "StepLR", Status.PASSED, null, 1e-16),
        result("b", "CyclicLR", Status.SKIPPED, "not supported yet", 0),
        result("c", "OneCycleLR", Status.SKIPPED, "not supported yet", 0),
        result("d", "CyclicLR", Status.SKIPPED, "not supported yet", 0),
        result("e", "StepLR", Status.FAILED, "step 3, group 0: expected 0.1, actual 0.2", 1));
    assertEquals("1 passed, 1 failed, 3 skipped", report.closingLine());
    assertEquals("suite.json (uninterrupted): 1 passed, 1 failed, 3 skipped", report.suiteLine("suite.json"));
  }

  @Test
  void closingLineWithoutSkipsIsThePlainCount() {
    RunReport report = report(result("a", "StepLR", Status.PASSED, null, 0));
    assertEquals("1 passed, 0 failed", report.closingLine());
  }

  @Test
  void everySkipIsPrintedWithItsReasonOncePerReason() {
    RunReport report = report(
        result("ConstantLR/bogus", "ConstantLR", Status.SKIPPED,
            "ConstantLR argument bogus_arg has no attribute in @Schedule", 0),
        result("ConstantLR/plain", "ConstantLR", Status.PASSED, null, 1e-16),
        result("keras/a", "keras.CosineDecay", Status.SKIPPED, "no ScheduleType is keras.CosineDecay", 0),
        result("keras/b", "keras.CosineDecay", Status.SKIPPED, "no ScheduleType is keras.CosineDecay", 0),
        result("keras/c", "keras.CosineDecay", Status.SKIPPED, "no ScheduleType is keras.CosineDecay", 0));
    assertEquals(List.of(
        "SKIP ConstantLR/bogus: ConstantLR argument bogus_arg has no attribute in @Schedule",
        "SKIP keras/a and 2 more: no ScheduleType is keras.CosineDecay"), report.skipLines());
    List<String> lines = report.lines(false);
    assertTrue(lines.containsAll(report.skipLines()), String.join("\n", lines));
    assertEquals("suite.json (uninterrupted): 1 passed, 0 failed, 4 skipped", lines.get(lines.size() - 1));
  }

  @Test
  void printsOneLinePerFailureThenTheLargestErrorThenTheSuitesLine() {
    RunReport report = new RunReport(List.of("suite.json"), "resumed, seed 7", List.of(
        result("a", "StepLR", Status.PASSED, null, 2e-16),
        result("b", "StepLR", Status.PASSED, null, 3e-15),
        result("e", "StepLR", Status.FAILED, "step 3, group 0: expected 0.1, actual 0.2", 1)), List.of(), 0);
    assertEquals(List.of(
        "FAIL e: step 3, group 0: expected 0.1, actual 0.2",
        "largest error of a passing case: 3.0e-15 x peak (b); closest to the bound: 0.5% of it (a)",
        "suite.json (resumed, seed 7): 2 passed, 1 failed"), report.lines(false));
  }

  @Test
  void severalSuitesEachHaveTheirLineThenTheTotal() {
    RunReport report = new RunReport(List.of("one.json", "empty.json", "two.json"), "resumed, seed 1", List.of(
        result("one.json", "a", "StepLR", Status.PASSED, null, 0),
        result("two.json", "b", "StepLR", Status.PASSED, null, 0),
        result("two.json", "c", "WarmupLR", Status.SKIPPED, "no ScheduleType is WarmupLR", 0),
        result("two.json", "d", "StepLR", Status.FAILED, "step 1, group 0: expected 0.1, actual 0.2", 1)),
        List.of(), 0);
    List<String> lines = report.lines(false);
    assertEquals(List.of(
        "one.json (resumed, seed 1): 1 passed, 0 failed",
        "empty.json (resumed, seed 1): 0 passed, 0 failed",
        "two.json (resumed, seed 1): 1 passed, 1 failed, 1 skipped",
        "2 passed, 1 failed, 1 skipped"), lines.subList(lines.size() - 4, lines.size()));
    assertTrue(lines.contains("FAIL two.json: d: step 1, group 0: expected 0.1, actual 0.2"), String.join("\n", lines));
    assertTrue(lines.contains("SKIP two.json: c: no ScheduleType is WarmupLR"), String.join("\n", lines));
  }

  @Test
  void nothingIsCheckedWhenEveryCaseIsSkippedOrThereIsNone() {
    assertTrue(report(result("b", "WarmupLR", Status.SKIPPED, "no ScheduleType is WarmupLR", 0)).nothingChecked());
    assertTrue(report().nothingChecked());
    assertFalse(report(result("e", "StepLR", Status.FAILED, "wrong", 1)).nothingChecked());
    assertFalse(report(result("a", "StepLR", Status.PASSED, null, 0)).nothingChecked());
  }

  @Test
  void verboseListsEveryCase() {
    RunReport report = report(
        result("a", "StepLR", Status.PASSED, null, 2e-16),
        result("b", "CyclicLR", Status.SKIPPED, "not supported yet", 0));
    String all = String.join("\n", report.lines(true));
    assertTrue(all.contains("PASS    2.0e-16     0.5%      a"), all);
    assertTrue(all.contains("SKIP    -           -         b  (not supported yet)"), all);
  }

  @Test
  void aFailureFarOutOfTheBoundIsNotGivenAsAHugePercentage() {
    CaseResult far = new CaseResult("e", "suite.json", "StepLR", Status.FAILED, "wrong", 0.5, 4.9995e9, 3);
    CaseResult near = new CaseResult("f", "suite.json", "StepLR", Status.FAILED, "wrong", 2e-10, 1.5, 3);
    String all = String.join("\n", report(far, near).lines(true));
    assertTrue(all.contains("FAIL    5.0e-01     >1000%    e"), all);
    assertTrue(all.contains("FAIL    2.0e-10     150%      f"), all);
    assertFalse(all.contains("499950"), all);
  }

  @Test
  void theCompilationSummarySaysWhatWasCompiled() {
    assertEquals("compiled no case; 0.0 s in all", report().compilationSummary());
    RunReport alone = new RunReport(List.of(), RunReport.UNINTERRUPTED, List.of(),
        List.of(new Batch(1, 700_000_000L, true)), 800_000_000L);
    assertEquals("compiled 1 case alone (0.7 s); 0.8 s in all", alone.compilationSummary());
    RunReport both = new RunReport(List.of(), RunReport.UNINTERRUPTED, List.of(), List.of(
        new Batch(228, 4_500_000_000L, true), new Batch(228, 5_000_000_000L, true),
        new Batch(1, 1_000_000_000L, false), new Batch(1, 900_000_000L, true)), 6_100_000_000L);
    assertEquals("compiled in 2 batches of 228 and 228 cases (9.5 s) and 2 cases alone (1.9 s); 6.1 s in all",
        both.compilationSummary());
    RunReport split = new RunReport(List.of(), RunReport.UNINTERRUPTED, List.of(), List.of(
        new Batch(40, 1_000_000_000L, false), new Batch(39, 1_000_000_000L, true), new Batch(1, 0, false)),
        2_000_000_000L);
    assertEquals("compiled in 2 batches of 40 (failed, split) and 39 cases (2.0 s) and 1 case alone (0.0 s);"
        + " 2.0 s in all", split.compilationSummary());
    RunReport one = new RunReport(List.of(), RunReport.UNINTERRUPTED, List.of(),
        List.of(new Batch(59, 1_200_000_000L, true)), 1_500_000_000L);
    assertEquals("compiled in 1 batch of 59 cases (1.2 s); 1.5 s in all", one.compilationSummary());
  }
}

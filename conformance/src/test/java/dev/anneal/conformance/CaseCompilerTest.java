package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaseCompilerTest {

  private static final String SOURCE =
      "@Schedule(type = ScheduleType.CYCLIC, maxLr = {0.01, 0.002}, tMult = 1.5)\n"
          + "public final class Config {\n"
          + "  static double f(long epoch) {\n"
          + "    return epoch == 0 ? 1 : 2;\n"
          + "  }\n"
          + "}\n";

  @Test
  void findsTheAttributeWhoseValueADiagnosticPointsAt() {
    assertEquals("tMult", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("1.5")));
    assertEquals("maxLr", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("0.002")));
    assertEquals("type", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf("ScheduleType")));
  }

  @Test
  void aComparisonIsNoAssignment() {
    // Past the annotation the last assignment is still tMult: "epoch == 0" is skipped.
    assertEquals("tMult", CaseCompiler.attributeAt(SOURCE, SOURCE.indexOf(" 0 ?")));
  }

  @Test
  void aPositionOutsideTheSourceNamesNothing() {
    assertEquals("", CaseCompiler.attributeAt(SOURCE, -1));
    assertEquals("", CaseCompiler.attributeAt(SOURCE, SOURCE.length() + 1));
    assertEquals("", CaseCompiler.attributeAt(SOURCE, 0));
  }
}

package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseReaderTest {

  @Test
  void readsACase() {
    ConformanceCase c = Cases.parse("{'id': 'a/StepLR', 'scheduler': {'type': 'StepLR', 'args': {'step_size': 2}},"
        + " 'optimizer': {'type': 'SGD', 'param_groups': [{'lr': 0.1}, {'lr': 0.01, 'momentum': 0.8}]},"
        + " 'steps': 3, 'expected': {'lr': [[0.1, 0.01], [0.1, 0.01], [0.01, 0.001]]}}");
    assertEquals("a/StepLR", c.id());
    assertEquals("test.json", c.source());
    assertEquals("StepLR", c.scheduler().type());
    assertEquals(2, c.scheduler().args().get("step_size").getAsInt());
    assertEquals(3, c.steps());
    assertFalse(c.recordMomentum());
    assertNull(c.metrics());
    assertEquals(0.001, c.expected().lr()[2][1]);
    assertNull(c.expected().error());
    // SGD's default momentum is 0; a group's own value wins.
    assertEquals(0.0, c.groups().get(0).momentum().getAsDouble());
    assertEquals(0.8, c.groups().get(1).momentum().getAsDouble());
  }

  @Test
  void readsPythonsNonFiniteFloats() {
    ConformanceCase c = Cases.parse("{'id': 'x', 'scheduler': {'type': 'StepLR', 'args': {'gamma': Infinity}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 3,"
        + " 'expected': {'lr': [[0.1], [NaN], [-Infinity]]}}");
    assertTrue(Double.isNaN(c.expected().lr()[1][0]));
    assertEquals(Double.NEGATIVE_INFINITY, c.expected().lr()[2][0]);
    assertEquals("Infinity", c.scheduler().args().get("gamma").getAsString());
  }

  @Test
  void readsAdamsBetaAsMomentum() {
    ConformanceCase c = Cases.parse("{'id': 'x', 'scheduler': {'type': 'OneCycleLR', 'args': {}},"
        + " 'optimizer': {'type': 'Adam', 'param_groups': [{'lr': 0.1, 'betas': [0.85, 0.999]}, {'lr': 0.1}]},"
        + " 'steps': 0, 'record_momentum': true, 'expected': {'lr': [], 'momentum': []}}");
    assertEquals(0.85, c.groups().get(0).momentum().getAsDouble());
    assertEquals(0.9, c.groups().get(1).momentum().getAsDouble());
  }

  @Test
  void readsExpectedErrors() {
    ConformanceCase atStep = Cases.parse("{'id': 'x', 'scheduler': {'type': 'OneCycleLR', 'args': {}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 5,"
        + " 'expected': {'lr': [[0.1], [0.2]], 'error': {'at': 'step', 'step': 2, 'type': 'ValueError',"
        + " 'message': 'Tried to step'}}}");
    assertFalse(atStep.expected().error().atConstruction());
    assertEquals(2, atStep.expected().error().step());
    assertEquals("on call 2 of step() (ValueError: Tried to step)", atStep.expected().error().describe());

    ConformanceCase atConstruction = Cases.parse("{'id': 'x', 'scheduler': {'type': 'StepLR', 'args': {}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 5,"
        + " 'expected': {'error': {'at': 'construction', 'type': 'ValueError', 'message': 'no'}}}");
    assertTrue(atConstruction.expected().error().atConstruction());
    assertEquals(0, atConstruction.expected().lr().length);
  }

  @Test
  void readsChildrenAndMetrics() {
    ConformanceCase c = Cases.parse("{'id': 'x', 'scheduler': {'type': 'SequentialLR', 'args': {'milestones': [2]},"
        + " 'schedulers': [{'type': 'ConstantLR', 'args': {}}, {'type': 'ExponentialLR', 'args': {'gamma': 0.5}}]},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'metrics': [0.5, 0.4],"
        + " 'expected': {'lr': [[0.1]]}}");
    assertEquals(List.of("ConstantLR", "ExponentialLR"),
        c.scheduler().children().stream().map(ConformanceCase.SchedulerSpec::type).toList());
    assertEquals(0.4, c.metrics()[1]);
  }

  @Test
  void refusesCasesThatBreakTheFormat() {
    // Fewer rows than steps.
    assertThrows(CaseReader.CaseFormatException.class, () -> Cases.parse("{'id': 'x',"
        + " 'scheduler': {'type': 'StepLR'}, 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 3,"
        + " 'expected': {'lr': [[0.1]]}}"));
    // A row with a value per group missing.
    assertThrows(CaseReader.CaseFormatException.class, () -> Cases.parse("{'id': 'x',"
        + " 'scheduler': {'type': 'StepLR'}, 'optimizer': {'param_groups': [{'lr': 0.1}, {'lr': 0.2}]},"
        + " 'steps': 1, 'expected': {'lr': [[0.1]]}}"));
    // Momentum recorded but not given.
    assertThrows(CaseReader.CaseFormatException.class, () -> Cases.parse("{'id': 'x',"
        + " 'scheduler': {'type': 'StepLR'}, 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1,"
        + " 'record_momentum': true, 'expected': {'lr': [[0.1]]}}"));
    // No scheduler.
    assertThrows(CaseReader.CaseFormatException.class, () -> Cases.parse("{'id': 'x',"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'expected': {'lr': [[0.1]]}}"));
    assertThrows(CaseReader.CaseFormatException.class, () -> CaseReader.read("not json {", "bad.json"));
  }

  @Test
  void readsThePublicSuite() {
    List<ConformanceCase> suite = Cases.suite("pytorch.json");
    assertEquals(59, suite.size());
    ConformanceCase cyclic = Cases.byId(suite, "article/CyclicLR-triangular");
    assertTrue(cyclic.recordMomentum());
    assertEquals(32, cyclic.expected().momentum().length);
  }
}

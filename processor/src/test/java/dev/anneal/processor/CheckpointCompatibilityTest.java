package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.SchedulerStateException.Reason;
import dev.anneal.SchedulerStateException;
import dev.anneal.processor.CheckpointStates.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * States saved by schedulers that the processor generated before its rebuild (commit d77eb46, in
 * {@code states/before-rebuild.txt}) restore into the schedulers that today's processor generates
 * from the same configs, and go on with the very rates and momentum, bit for bit; a scheduler of
 * another configuration refuses them. The checkpoint form and the configurations' fingerprints are
 * thereby fixed across versions of the processor.
 *
 * <p>The file is only read here. {@link CheckpointStates} holds the configs and writes it with a
 * given build of the processor; see CONTRIBUTING.md.
 */
class CheckpointCompatibilityTest {
  private static final String RESOURCE = "/states/before-rebuild.txt";

  /** The header's length, where the state values begin, and the fingerprint's place. */
  private static final int VALUES = 34;

  private static final int FINGERPRINT = 10;

  /** One saved state and the readings that follow it, as the file holds them. */
  private record Saved(String name, String sourceId, String initialLrs, String bound, int steps, byte[] state,
      Map<Integer, double[]> lrs, Map<Integer, double[]> momentums) {}

  /**
   * Configs that differ from one of {@link CheckpointStates#RUNS} in a single value, with the same
   * number of groups and the same layout of their state: a state of the original must be refused
   * as another configuration by its fingerprint, not by its size.
   */
  private static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

  private record Variant(String of, String from, String to) {}

  static {
    VARIANTS.put("StepDecayGamma", new Variant("StepDecay", "gamma = 0.5", "gamma = 0.6"));
    VARIANTS.put("MultiStepDecayMilestone", new Variant("MultiStepDecay", "{2, 5, 5, 9}", "{2, 5, 5, 10}"));
    VARIANTS.put("CosineAnnealingTMax", new Variant("CosineAnnealing", "tMax = 6", "tMax = 7"));
    VARIANTS.put("TwoLambdasSwapped", new Variant("TwoLambdas", "{\"stairs\", \"decay\"}", "{\"decay\", \"stairs\"}"));
    VARIANTS.put("Triangular2CyclicTriangular", new Variant("Triangular2Cyclic", "mode = TRIANGULAR2", "mode = TRIANGULAR"));
    VARIANTS.put("ExpRangeCyclicGamma", new Variant("ExpRangeCyclic", "gamma = 0.9", "gamma = 0.91"));
    VARIANTS.put("ThreePhaseOneCycleTwoPhases", new Variant("ThreePhaseOneCycle", "threePhase = true", "threePhase = false"));
    VARIANTS.put("MinPlateauCooldown", new Variant("MinPlateau", "cooldown = 1", "cooldown = 2"));
    VARIANTS.put("MaxPlateauMin", new Variant("MaxPlateau", "mode = MAX", "mode = MIN"));
    VARIANTS.put("WarmupCosineStepMilestones", new Variant("WarmupCosineStep", "{3, 8}", "{3, 9}"));
    VARIANTS.put("ChainedDecayGamma", new Variant("ChainedDecay", "gamma = 0.9", "gamma = 0.95"));
  }

  private static final Map<String, Run> RUNS = new LinkedHashMap<>();
  private static final List<Saved> SAVED = new ArrayList<>();
  private static ClassLoader loader;

  @BeforeAll
  static void readAndCompile() throws IOException {
    for (Run run : CheckpointStates.RUNS) {
      RUNS.put(run.name(), run);
    }
    SAVED.addAll(read());
    List<JavaFileObject> sources = new ArrayList<>();
    for (Run run : RUNS.values()) {
      sources.add(JavaFileObjects.forSourceLines(CheckpointStates.PACKAGE + "." + run.name(), run.lines()));
    }
    VARIANTS.forEach((name, variant) -> sources.add(
        JavaFileObjects.forSourceLines(CheckpointStates.PACKAGE + "." + name, variantLines(name, variant))));
    Compilation compilation = Sources.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    loader = Sources.loader(compilation);
  }

  /** {@code variant}'s source: its original's with one value replaced and the class renamed. */
  private static List<String> variantLines(String name, Variant variant) {
    Run run = RUNS.get(variant.of());
    String source = run.source();
    assertTrue(source.contains(variant.from()), name + ": " + variant.of() + " has no " + variant.from());
    return List.of(source.replace(variant.from(), variant.to()).replace(" " + run.name() + " ", " " + name + " ")
        .split("\n", -1));
  }

  @Test
  void everyConfigHasItsSavedStateAndIsTheConfigItWasSavedFrom() {
    assertEquals(List.copyOf(RUNS.keySet()), SAVED.stream().map(Saved::name).toList(),
        "a record per config of CheckpointStates.RUNS, in order");
    for (Saved saved : SAVED) {
      Run run = RUNS.get(saved.name());
      assertEquals(run.sourceId(), saved.sourceId(), saved.name() + ": its source is not the one its state was "
          + "saved from; a run of CheckpointStates is never edited, a new one is added");
      assertEquals(run.initialLrsText(), saved.initialLrs(), saved.name() + ": initial rates");
      assertEquals(run.boundText(), saved.bound(), saved.name() + ": bound values");
      assertEquals(run.steps(), saved.steps(), saved.name() + ": steps");
    }
    // Every type the schedulers that saved these states had; a type added since has its states in a
    // file of its own commit.
    TypeCoverage.assertEveryType("CheckpointStates.RUNS",
        RUNS.values().stream().map(run -> run.body()).toList(), ScheduleType.HF_INVERSE_SQRT,
        ScheduleType.HF_CONSTANT, ScheduleType.HF_CONSTANT_WITH_WARMUP, ScheduleType.HF_LINEAR, ScheduleType.HF_COSINE,
        ScheduleType.HF_COSINE_WITH_RESTARTS, ScheduleType.HF_POLYNOMIAL, ScheduleType.HF_COSINE_WITH_MIN_LR,
        ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT,
        ScheduleType.HF_WARMUP_STABLE_DECAY, ScheduleType.TIMM_COSINE, ScheduleType.TIMM_TANH, ScheduleType.TIMM_POLY,
        ScheduleType.TIMM_STEP, ScheduleType.TIMM_MULTI_STEP, ScheduleType.TIMM_WSD, ScheduleType.TIMM_PLATEAU,
        ScheduleType.KERAS_EXPONENTIAL_DECAY, ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY,
        ScheduleType.KERAS_POLYNOMIAL_DECAY, ScheduleType.KERAS_INVERSE_TIME_DECAY, ScheduleType.KERAS_COSINE_DECAY,
        ScheduleType.KERAS_COSINE_DECAY_RESTARTS, ScheduleType.OPTAX_CONSTANT, ScheduleType.OPTAX_LINEAR, ScheduleType.OPTAX_POLYNOMIAL, ScheduleType.OPTAX_EXPONENTIAL_DECAY, ScheduleType.OPTAX_COSINE_DECAY, ScheduleType.OPTAX_WARMUP_COSINE_DECAY, ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, ScheduleType.OPTAX_WARMUP_CONSTANT, ScheduleType.OPTAX_PIECEWISE_CONSTANT, ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, ScheduleType.OPTAX_LINEAR_ONECYCLE, ScheduleType.OPTAX_COSINE_ONECYCLE);
    List<String> sources = RUNS.values().stream().map(Run::source).toList();
    for (String shape : List.of("@Sequential", "@Chained", "@Bind", "ScaleMode.CYCLE", "ScaleMode.ITERATIONS",
        "EXP_RANGE", "TRIANGULAR2", "threePhase = true", "mode = MAX")) {
      assertTrue(sources.stream().anyMatch(source -> source.contains(shape)), "no config with " + shape);
    }
    assertEquals(List.of(1, 2, 3), RUNS.values().stream().map(run -> run.initialLrs().length).distinct().sorted()
        .toList(), "one, two and three parameter groups");
  }

  /**
   * Each saved state restores into a fresh scheduler of today's processor, which then has the
   * saved step count, saves back the very same bytes, and gives the recorded rates and momentum at
   * that step and the steps after it, bit for bit: restoring and stepping are exact, no tolerance.
   */
  @Test
  void statesSavedBeforeTheRebuildRestoreAndGoOnWithTheSameRates() {
    for (Saved saved : SAVED) {
      Run run = RUNS.get(saved.name());
      LrScheduler restored = CheckpointStates.scheduler(loader, run, run.initialLrs());
      restored.restoreState(saved.state());
      assertEquals(saved.steps(), restored.stepCount(), saved.name() + ": step count after restoring");
      assertArrayEquals(saved.state(), restored.saveState(), saved.name() + ": saved back after restoring");
      assertEquals(!saved.momentums().isEmpty(), restored instanceof MomentumScheduler,
          saved.name() + ": drives momentum");
      assertEquals(run.name().contains("Plateau"), restored instanceof MetricScheduler, saved.name() + ": metrics");
      for (int t = saved.steps(); ; t++) {
        double[][] readings = CheckpointStates.readings(restored);
        assertBitsEqual(saved.lrs().get(t), readings[0], saved.name() + ": rates at step " + t);
        if (readings.length > 1) {
          assertBitsEqual(saved.momentums().get(t), readings[1], saved.name() + ": momentum at step " + t);
        }
        if (t == saved.steps() + CheckpointStates.FOLLOWING) {
          break;
        }
        CheckpointStates.step(restored, t);
      }
      assertEquals(saved.steps() + CheckpointStates.FOLLOWING, restored.stepCount(), saved.name());
    }
  }

  /**
   * A scheduler of today's processor stepped as far as the saved one saves the very same bytes:
   * the form, the fingerprint and every saved value are those of the processor before the rebuild.
   */
  @Test
  void schedulersOfTodaySaveTheSameStateAtTheSameStep() {
    for (Saved saved : SAVED) {
      Run run = RUNS.get(saved.name());
      LrScheduler scheduler = CheckpointStates.scheduler(loader, run, run.initialLrs());
      for (int t = 0; t < saved.steps(); t++) {
        CheckpointStates.step(scheduler, t);
      }
      byte[] state = scheduler.saveState();
      assertEquals(fingerprint(saved.state()), fingerprint(state), saved.name() + ": fingerprint");
      assertEquals(HexFormat.of().formatHex(saved.state()), HexFormat.of().formatHex(state), saved.name());
    }
  }

  /**
   * A saved state is refused, as another configuration and by its fingerprint, by a scheduler of
   * the same config built with other initial rates (or other bound values), by one of a config
   * that differs in a single value, and by every other config of as many groups.
   */
  @Test
  void restoringIsRefusedForAnotherConfiguration() {
    int refusals = 0;
    for (Saved saved : SAVED) {
      Run run = RUNS.get(saved.name());
      double[] otherLrs = Arrays.stream(run.initialLrs()).map(lr -> lr * 2).toArray();
      assertRefusedByFingerprint(saved, CheckpointStates.scheduler(loader, run, otherLrs), "other initial rates");
      refusals++;
      for (Run other : RUNS.values()) {
        if (other != run && other.initialLrs().length == run.initialLrs().length) {
          assertRefusedByFingerprint(saved, CheckpointStates.scheduler(loader, other, other.initialLrs()),
              other.name());
          refusals++;
        }
      }
    }
    Saved bound = saved("BoundCosine");
    assertRefusedByFingerprint(bound, CheckpointStates.scheduler(loader, "BoundCosine", new Object[] {7, 1e-3},
        RUNS.get("BoundCosine").initialLrs()), "tMax bound to 7");
    assertRefusedByFingerprint(bound, CheckpointStates.scheduler(loader, "BoundCosine", new Object[] {6, 2e-3},
        RUNS.get("BoundCosine").initialLrs()), "etaMin bound to 0.002");
    for (Map.Entry<String, Variant> variant : VARIANTS.entrySet()) {
      Saved saved = saved(variant.getValue().of());
      LrScheduler scheduler = CheckpointStates.scheduler(loader, variant.getKey(), new Object[0],
          RUNS.get(saved.name()).initialLrs());
      assertEquals(saved.state().length, scheduler.saveState().length, variant.getKey() + ": a state of the same size");
      assertRefusedByFingerprint(saved, scheduler, variant.getKey());
    }
    assertTrue(refusals > 2 * SAVED.size(), "every state refused by several other configs");
  }

  private static void assertRefusedByFingerprint(Saved saved, LrScheduler scheduler, String what) {
    String context = saved.name() + "'s state restored into " + what;
    byte[] before = scheduler.saveState();
    assertNotEquals(fingerprint(saved.state()), fingerprint(before), context + ": the same fingerprint");
    SchedulerStateException e =
        assertThrows(SchedulerStateException.class, () -> scheduler.restoreState(saved.state()), context);
    assertEquals(Reason.CONFIGURATION, e.reason(), context + ": " + e.getMessage());
    if (scheduler.groupCount() == RUNS.get(saved.name()).initialLrs().length) {
      assertTrue(e.getMessage().contains("fingerprint " + Long.toHexString(fingerprint(saved.state()))),
          context + ": " + e.getMessage());
    }
    assertArrayEquals(before, scheduler.saveState(), context + ": left unchanged");
  }

  private static long fingerprint(byte[] state) {
    return java.nio.ByteBuffer.wrap(state).getLong(FINGERPRINT);
  }

  private static Saved saved(String name) {
    return SAVED.stream().filter(saved -> saved.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no saved state of " + name));
  }

  private static void assertBitsEqual(double[] expected, double[] actual, String what) {
    assertNotNull(expected, what + ": not recorded");
    assertEquals(expected.length, actual.length, what + ": groups");
    for (int g = 0; g < expected.length; g++) {
      if (Double.doubleToRawLongBits(expected[g]) != Double.doubleToRawLongBits(actual[g])) {
        fail(what + ", group " + g + ": recorded " + Double.toHexString(expected[g]) + " (" + expected[g]
            + "), restored " + Double.toHexString(actual[g]) + " (" + actual[g] + ")");
      }
    }
  }

  // Reading the file.

  private static List<Saved> read() throws IOException {
    String text;
    try (InputStream in = CheckpointCompatibilityTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE + " is not on the test class path");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Saved> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    for (String line : (text + "\n").split("\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!record.isEmpty()) {
          records.add(parse(record));
          record.clear();
        }
        continue;
      }
      record.add(line);
    }
    return records;
  }

  private static Saved parse(List<String> lines) {
    String name = null;
    String sourceId = null;
    String initialLrs = null;
    String bound = "";
    Integer steps = null;
    byte[] state = null;
    Map<Integer, double[]> lrs = new TreeMap<>();
    Map<Integer, double[]> momentums = new TreeMap<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      String rest = line.substring(fields[0].length()).trim();
      switch (fields[0]) {
        case "config" -> {
          name = fields[1];
          assertEquals("source", fields[2], line);
          sourceId = fields[3];
        }
        case "lrs" -> initialLrs = rest;
        case "bound" -> bound = rest;
        case "steps" -> steps = Integer.parseInt(rest);
        case "state" -> state = HexFormat.of().parseHex(rest);
        case "lr", "momentum" -> {
          double[] values = Arrays.stream(fields).skip(2).mapToDouble(Double::parseDouble).toArray();
          double[] previous = (fields[0].equals("lr") ? lrs : momentums).put(Integer.parseInt(fields[1]), values);
          assertEquals(null, previous, "twice: " + line);
        }
        default -> fail("not a line of a record: " + line);
      }
    }
    String record = String.join("\n", lines);
    assertNotNull(name, "a record without its config:\n" + record);
    assertNotNull(initialLrs, record);
    assertNotNull(steps, record);
    assertNotNull(state, record);
    int first = steps;
    assertEquals(
        java.util.stream.IntStream.rangeClosed(first, first + CheckpointStates.FOLLOWING).boxed()
            .collect(Collectors.toList()),
        List.copyOf(lrs.keySet()), name + ": the steps whose rates are recorded");
    assertTrue(momentums.isEmpty() || momentums.keySet().equals(lrs.keySet()), name + ": the steps of its momentum");
    return new Saved(name, sourceId, initialLrs, bound, steps, state, lrs, momentums);
  }
}

package dev.anneal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrFunction;
import dev.anneal.Mode;
import dev.anneal.integrations.testing.Configs;
import dev.anneal.integrations.testing.Configs_BoundWarmupStepScheduler;
import dev.anneal.integrations.testing.Configs_CyclicWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_MultiStepScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_PlateauScheduler;
import dev.anneal.integrations.testing.Configs_SpiralRunScheduler;
import dev.anneal.integrations.testing.Configs_StepScheduler;
import dev.anneal.integrations.testing.Configs_WarmupCosineScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * DL4J's JSON and Java serialization of an {@link AnnealSchedule}: what is written, that it comes
 * back equal with the same rates (alone, in a {@code MultiLayerConfiguration}, through {@code
 * ModelSerializer}), and that a JSON that cannot rebuild the scheduler is refused with a message
 * naming the class and what is missing, never read back as a schedule of other rates or NaN.
 */
class JsonRoundTripTest {

  private static final ObjectMapper MAPPER = NeuralNetConfiguration.mapper();
  private static final String STEP = Configs_StepScheduler.class.getName();

  @Test
  void theJsonHoldsWhatRebuildsTheScheduler() throws Exception {
    AnnealSchedule schedule =
        AnnealSchedule.perEpoch(Configs_StepScheduler.class, 0.1, 1.0 / 3).group(1);
    JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString((ISchedule) schedule));
    assertEquals(
        List.of("@class", "scheduler", "initialLrs", "config", "group", "scheduleType", "value"),
        fieldNames(json));
    assertEquals("dev.anneal.dl4j.AnnealSchedule", json.get("@class").asText());
    assertEquals(STEP, json.get("scheduler").asText());
    assertEquals(0.1, json.get("initialLrs").get(0).asDouble());
    assertEquals(1.0 / 3, json.get("initialLrs").get(1).asDouble()); // every bit of the double
    assertTrue(json.get("config").isNull());
    assertEquals(1, json.get("group").asInt());
    assertEquals("EPOCH", json.get("scheduleType").asText());
    assertEquals("LEARNING_RATE", json.get("value").asText());

    ISchedule restored = ClosedFormConformanceTest.throughJson(schedule);
    assertEquals(schedule, restored);
    assertEquals(schedule.hashCode(), restored.hashCode());
    Configs_StepScheduler reference = new Configs_StepScheduler(0.1, 1.0 / 3);
    for (int epoch = 0; epoch < 200; epoch++) {
      assertEquals(reference.lrAt(epoch, 1), restored.valueAt(17, epoch));
    }
  }

  @Test
  void aBoundConfigIsWrittenComponentByComponent() throws Exception {
    Dl4jConfigs.BoundCyclic config =
        new Dl4jConfigs.BoundCyclic(new double[] {1e-3, 2e-4}, new double[] {0.2, 1.0 / 3}, "run 7",
            Long.MAX_VALUE, Mode.EXP_RANGE);
    AnnealSchedule schedule =
        AnnealSchedule.perIteration(Dl4jConfigs_BoundCyclicScheduler.class, config, 0.1, 0.03);
    JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString((ISchedule) schedule));
    JsonNode written = json.get("config");
    assertEquals(List.of("baseLr", "maxLr", "label", "seed", "unused"), fieldNames(written));
    assertEquals(1.0 / 3, written.get("maxLr").get(1).asDouble());
    assertEquals("run 7", written.get("label").asText());
    assertEquals(Long.MAX_VALUE, written.get("seed").asLong());
    assertEquals("EXP_RANGE", written.get("unused").asText());

    AnnealSchedule restored = (AnnealSchedule) ClosedFormConformanceTest.throughJson(schedule);
    assertEquals(schedule, restored);
    assertEquals(schedule.hashCode(), restored.hashCode());
    Dl4jConfigs_BoundCyclicScheduler reference =
        new Dl4jConfigs_BoundCyclicScheduler(config, 0.1, 0.03);
    for (int k = 0; k < 300; k++) {
      assertEquals(reference.lrAt(k, 0), restored.valueAt(k, 0));
      assertEquals(reference.lrAt(k, 1), restored.group(1).valueAt(k, 0));
    }
    assertTrue(restored.toString().contains(
        "config {baseLr=[0.001, 2.0E-4], maxLr=[0.2, 0.3333333333333333], label=run 7,"
            + " seed=9223372036854775807, unused=EXP_RANGE}"), restored.toString());
  }

  /**
   * A network's configuration with the schedule in two layers' updaters, the second with
   * Nesterovs' momentum from the same scheduler: {@code toJson()} and {@code fromJson()} give an
   * equal configuration whose updaters have the same rates and momentum at every iteration.
   */
  @Test
  void aNetworkConfigurationComesBackWithTheSameRates() {
    AnnealSchedule lr =
        AnnealSchedule.perIteration(Configs_OneCycleWithMomentumScheduler.class, 0.1, 0.05);
    MultiLayerConfiguration conf = network(new Sgd(lr), new Nesterovs(lr.group(1),
        lr.group(1).momentum()));
    String json = conf.toJson();
    assertTrue(json.contains("\"scheduler\" : \"" + Configs_OneCycleWithMomentumScheduler.class
        .getName() + "\""), json);
    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(json);
    assertEquals(conf, restored);
    assertEquals(json, restored.toJson());

    IUpdater first = updater(restored, 0);
    Nesterovs second = (Nesterovs) updater(restored, 1);
    assertNotSame(lr, ((Sgd) first).getLearningRateSchedule());
    assertEquals(lr, ((Sgd) first).getLearningRateSchedule());
    assertEquals(lr.group(1).momentum(), second.getMomentumISchedule());
    Configs_OneCycleWithMomentumScheduler reference =
        new Configs_OneCycleWithMomentumScheduler(0.1, 0.05);
    for (int k = 0; k < 300; k++) {
      assertEquals(reference.lrAt(k, 0), first.getLearningRate(k, 0));
      assertEquals(reference.lrAt(k, 1), second.getLearningRate(k, 0));
      assertEquals(reference.momentumAt(k, 1), second.currentMomentum(k, 0));
    }
  }

  /** A computation graph's configuration goes through the same mapper. */
  @Test
  void aComputationGraphConfigurationComesBackWithTheSameRates() {
    AnnealSchedule lr = AnnealSchedule.perEpoch(Configs_WarmupCosineScheduler.class, 0.1);
    ComputationGraphConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .updater(new Sgd(lr))
            .graphBuilder()
            .addInputs("in")
            .addLayer("hidden", new DenseLayer.Builder().nIn(2).nOut(4).build(), "in")
            .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4)
                .nOut(1).activation(Activation.IDENTITY).build(), "hidden")
            .setOutputs("out")
            .build();
    ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(conf.toJson());
    assertEquals(conf, restored);
    IUpdater updater =
        ((BaseLayer) ((LayerVertex) restored.getVertices().get("hidden")).getLayerConf()
            .getLayer()).getIUpdater();
    assertEquals(lr, ((Sgd) updater).getLearningRateSchedule());
    Configs_WarmupCosineScheduler reference = new Configs_WarmupCosineScheduler(0.1);
    for (int epoch = 0; epoch < 300; epoch++) {
      assertEquals(reference.lrAt(epoch), updater.getLearningRate(5, epoch));
    }
  }

  /**
   * Through {@code ModelSerializer}, the restored network's updater has its blocks as before: the
   * restored layers each read their own copy of the schedule, equal by value.
   */
  @Test
  void modelSerializerKeepsTheScheduleAndTheUpdaterBlocks() throws Exception {
    AnnealSchedule lr = AnnealSchedule.perIteration(Configs_SpiralRunScheduler.class, 0.5);
    MultiLayerNetwork network = new MultiLayerNetwork(network(new Sgd(lr), new Sgd(lr)));
    network.init();
    network.setIterationCount(123);
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, saved, true);
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved.toByteArray()),
            true);
    assertEquals(123, restored.getIterationCount());
    assertEquals(1, blocks(network));
    assertEquals(1, blocks(restored));
    ISchedule first = ((Sgd) updater(restored.getLayerWiseConfigurations(), 0))
        .getLearningRateSchedule();
    ISchedule second = ((Sgd) updater(restored.getLayerWiseConfigurations(), 1))
        .getLearningRateSchedule();
    assertEquals(lr, first);
    assertNotSame(first, second);
    assertEquals(first, second);
  }

  /**
   * The control: a schedule that survives the JSON but compares by identity splits the restored
   * network's updater, one block per layer, and DL4J asks it once more per update.
   */
  @Test
  void aScheduleEqualByIdentitySplitsTheRestoredUpdater() throws Exception {
    IdentitySchedule lr = new IdentitySchedule(0.1);
    MultiLayerNetwork network = new MultiLayerNetwork(network(new Sgd(lr), new Sgd(lr)));
    network.init();
    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, saved, true);
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved.toByteArray()),
            true);
    assertEquals(1, blocks(network));
    assertEquals(2, blocks(restored));
  }

  /** A schedule whose value is written to JSON, without value-based equality. */
  static final class IdentitySchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @org.nd4j.shade.jackson.annotation.JsonProperty("value")
    private final double value;

    IdentitySchedule(@org.nd4j.shade.jackson.annotation.JsonProperty("value") double value) {
      this.value = value;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
      return value;
    }

    @Override
    public ISchedule clone() {
      return this;
    }
  }

  /** Without value-based equality, the restored network's updater would split into two blocks. */
  @Test
  void equalityIsByValue() {
    AnnealSchedule a = AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1, 0.03);
    AnnealSchedule b = AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1, 0.03);
    assertNotSame(a.scheduler(), b.scheduler());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    AnnealSchedule clone = a.clone();
    assertNotSame(a, clone);
    assertEquals(a, clone);
    assertSame(a.scheduler(), clone.scheduler());
    assertNotEquals(a, a.group(1));
    assertNotEquals(a, AnnealSchedule.perEpoch(Configs_StepScheduler.class, 0.1, 0.03));
    assertNotEquals(a, AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1, 0.031));
    assertNotEquals(a, AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1));
    assertNotEquals(a, AnnealSchedule.perIteration(Configs_MultiStepScheduler.class, 0.1, 0.03));
    AnnealSchedule cyclic =
        AnnealSchedule.perIteration(Configs_CyclicWithMomentumScheduler.class, 0.1);
    assertNotEquals(cyclic, cyclic.momentum());
    assertEquals(cyclic.momentum(), cyclic.momentum());
    Configs.BoundWarmupStep five = new Configs.BoundWarmupStep(5);
    assertEquals(
        AnnealSchedule.perIteration(Configs_BoundWarmupStepScheduler.class, five, 0.1),
        AnnealSchedule.perIteration(
            Configs_BoundWarmupStepScheduler.class, new Configs.BoundWarmupStep(5), 0.1));
    assertNotEquals(
        AnnealSchedule.perIteration(Configs_BoundWarmupStepScheduler.class, five, 0.1),
        AnnealSchedule.perIteration(
            Configs_BoundWarmupStepScheduler.class, new Configs.BoundWarmupStep(6), 0.1));
    Dl4jConfigs.BoundCyclic x = new Dl4jConfigs.BoundCyclic(
        new double[] {1e-3}, new double[] {0.2}, "a", 1, Mode.TRIANGULAR);
    Dl4jConfigs.BoundCyclic y = new Dl4jConfigs.BoundCyclic(
        new double[] {1e-3}, new double[] {0.2}, "a", 1, Mode.TRIANGULAR);
    AnnealSchedule bx = AnnealSchedule.perIteration(Dl4jConfigs_BoundCyclicScheduler.class, x, 0.1);
    AnnealSchedule by = AnnealSchedule.perIteration(Dl4jConfigs_BoundCyclicScheduler.class, y, 0.1);
    assertEquals(bx, by);
    assertEquals(bx.hashCode(), by.hashCode());
  }

  @Test
  void javaSerializationRebuildsTheScheduler() throws Exception {
    Configs.BoundWarmupStep config = new Configs.BoundWarmupStep(25);
    AnnealSchedule schedule =
        AnnealSchedule.perIteration(Configs_BoundWarmupStepScheduler.class, config, 0.1, 0.03)
            .group(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(schedule);
    }
    AnnealSchedule restored;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (AnnealSchedule) in.readObject();
    }
    assertEquals(schedule, restored);
    assertNotNull(restored.scheduler());
    assertNotSame(schedule.scheduler(), restored.scheduler());
    for (int k = 0; k < 200; k++) {
      assertEquals(schedule.valueAt(k, 0), restored.valueAt(k, 0));
    }
  }

  // ---- JSON that cannot rebuild the scheduler -------------------------------------------------

  /** The probe's case: a schedule written as an empty object. */
  @Test
  void anEmptyObjectIsRefused() {
    assertRefused(
        "{\"@class\": \"dev.anneal.dl4j.AnnealSchedule\"}",
        "cannot rebuild an Anneal scheduler: the generated scheduler's class (\"scheduler\") is"
            + " missing");
  }

  /** In a whole network's configuration, as {@code fromJson} and ModelSerializer read it. */
  @Test
  void anEmptyObjectInANetworkIsRefusedByFromJson() throws Exception {
    AnnealSchedule lr = AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1);
    ObjectNode json = (ObjectNode) MAPPER.readTree(network(new Sgd(lr), new Sgd(0.1)).toJson());
    ObjectNode sgd = (ObjectNode) json.get("confs").get(0).get("layer").get("iupdater");
    ObjectNode empty = MAPPER.createObjectNode();
    empty.put("@class", AnnealSchedule.class.getName());
    sgd.set("learningRateSchedule", empty);
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> MultiLayerConfiguration.fromJson(MAPPER.writeValueAsString(json)));
    assertEquals(
        "cannot rebuild an Anneal scheduler: the generated scheduler's class (\"scheduler\") is"
            + " missing",
        refusal(e).getMessage());
  }

  @Test
  void eachMissingPropertyIsNamed() throws Exception {
    String whole = json(AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1, 0.03));
    assertRefused(
        without(whole, "initialLrs"),
        "cannot rebuild the Anneal scheduler " + STEP + ": the optimizer's initial rates"
            + " (\"initialLrs\", one per parameter group) are missing");
    assertRefused(
        without(whole, "group"),
        "cannot rebuild the Anneal scheduler " + STEP + ": its schedule's \"group\" (the"
            + " parameter group whose rate it gives) is missing");
    assertRefused(
        without(whole, "scheduleType"),
        "cannot rebuild the Anneal scheduler " + STEP + ": its schedule's \"scheduleType\""
            + " (ITERATION or EPOCH) is missing");
    assertRefused(
        without(whole, "value"),
        "cannot rebuild the Anneal scheduler " + STEP + ": its schedule's \"value\""
            + " (LEARNING_RATE or MOMENTUM) is missing");
    assertRefused(
        without(whole, "scheduler"),
        "cannot rebuild an Anneal scheduler: the generated scheduler's class (\"scheduler\") is"
            + " missing");
  }

  @Test
  void aClassThatIsNotThereOrNoSchedulerIsRefused() throws Exception {
    String whole = json(AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1));
    assertRefused(
        with(whole, "scheduler", "\"com.example.GoneScheduler\""),
        "cannot rebuild the Anneal scheduler com.example.GoneScheduler: no such class on the class"
            + " path: the generated scheduler is compiled with the config it was generated from,"
            + " which must be on the class path where the network is restored");
    assertRefused(
        with(whole, "scheduler", "\"" + Configs_PlateauScheduler.class.getName() + "\""),
        "cannot rebuild the Anneal scheduler " + Configs_PlateauScheduler.class.getName()
            + ": it is stepped with a metric (ReduceLROnPlateau) and has no closed form: a DL4J"
            + " schedule is a function of the iteration or the epoch alone");
    assertRefused(
        with(whole, "scheduler", "\"java.lang.String\""),
        "cannot rebuild the Anneal scheduler java.lang.String: it is not a generated scheduler"
            + " with a closed form (an dev.anneal.LrFunction): a DL4J schedule is a function of"
            + " the iteration or the epoch alone");
  }

  @Test
  void valuesTheSchedulerRefusesAreRefused() throws Exception {
    String whole = json(AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1, 0.03));
    assertRefused(
        with(whole, "initialLrs", "[0.1, -0.03]"),
        "cannot rebuild the Anneal scheduler " + STEP + ": its constructor refuses the values:"
            + " initialLrs[1] = -0.03 must be >= 0 and finite (the optimizer's initial learning"
            + " rate of group 1)");
    assertRefused(
        with(whole, "initialLrs", "[]"),
        "cannot rebuild the Anneal scheduler " + STEP + ": its constructor refuses the values:"
            + " initialLrs: expected one initial learning rate per parameter group, got none");
    assertRefused(
        with(whole, "group", "2"),
        "cannot rebuild the Anneal scheduler " + STEP + ": it has 2 parameter groups (one per"
            + " initial rate), no group 2");
    assertRefused(
        with(whole, "value", "\"MOMENTUM\""),
        STEP + " does not cycle the momentum (only CyclicLR and OneCycleLR with cycleMomentum ="
            + " true do): give the updater a constant momentum");
    assertRefused(
        with(whole, "config", "{\"gamma\": 0.5}"),
        "cannot rebuild the Anneal scheduler " + STEP + ": it takes no config (no @Bind members),"
            + " but a config was given: [gamma]");
  }

  @Test
  void aBoundConfigThatIsMissingOrWrongIsRefused() throws Exception {
    String bound = Configs_BoundWarmupStepScheduler.class.getName();
    String config = Configs.BoundWarmupStep.class.getName();
    String whole =
        json(AnnealSchedule.perIteration(
            Configs_BoundWarmupStepScheduler.class, new Configs.BoundWarmupStep(25), 0.1));
    assertRefused(
        with(whole, "config", "null"),
        "cannot rebuild the Anneal scheduler " + bound + ": it takes a config, " + config
            + ", whose @Bind members supply parameters, and its values (\"config\") are missing");
    assertRefused(
        with(whole, "config", "{}"),
        "cannot rebuild the Anneal scheduler " + bound + ": the value of component warmupSteps"
            + " of its config " + config + " (\"config\": {\"warmupSteps\": ...}) is missing");
    assertRefused(
        with(whole, "config", "{\"warmupSteps\": 2.5}"),
        "cannot rebuild the Anneal scheduler " + bound + ": component warmupSteps of its config "
            + config + " should be a int, not Double 2.5");
    assertRefused(
        with(whole, "config", "{\"warmupSteps\": 25, \"etaMin\": 0}"),
        "cannot rebuild the Anneal scheduler " + bound + ": its config " + config + " has no"
            + " component etaMin; its components are [warmupSteps]");
    assertRefused(
        with(whole, "config", "{\"warmupSteps\": -3}"),
        "cannot rebuild the Anneal scheduler " + bound + ": its constructor refuses the values:"
            + " Warmup: steps (num_warmup_steps) = -3 must be >= 1");
    // An int written as 25.0 is still 25.
    AnnealSchedule read = (AnnealSchedule) MAPPER.readValue(
        with(whole, "config", "{\"warmupSteps\": 25.0}"), ISchedule.class);
    assertEquals(AnnealSchedule.perIteration(
        Configs_BoundWarmupStepScheduler.class, new Configs.BoundWarmupStep(25), 0.1), read);
  }

  // ---- schedules that cannot be made -----------------------------------------------------------

  @Test
  void whatCannotBeWrittenIsRefusedWhenTheScheduleIsMade() {
    IllegalArgumentException notARecord =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnealSchedule.perIteration(Dl4jConfigs_BoundByAccessorScheduler.class, 0.1));
    assertEquals(
        "cannot rebuild the Anneal scheduler "
            + Dl4jConfigs_BoundByAccessorScheduler.class.getName() + ": its config, "
            + Dl4jConfigs.BoundByAccessor.class.getName() + ", is not a record: an"
            + " AnnealSchedule writes a config's record components to DL4J's JSON and rebuilds it"
            + " with the record's constructor, and cannot rebuild a class with @Bind accessors;"
            + " make the config a record",
        notARecord.getMessage());
    IllegalArgumentException object =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnealSchedule.perIteration(Dl4jConfigs_BoundWithAnObjectScheduler.class,
                new Dl4jConfigs.BoundWithAnObject(0.9, List.of("a")), 0.1));
    assertEquals(
        "cannot rebuild the Anneal scheduler "
            + Dl4jConfigs_BoundWithAnObjectScheduler.class.getName()
            + ": component tags of its config " + Dl4jConfigs.BoundWithAnObject.class.getName()
            + " is a java.util.List, which an AnnealSchedule cannot write to JSON (numbers,"
            + " booleans, strings, enums and arrays of double, int or long can be)",
        object.getMessage());
    IllegalArgumentException unbound =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnnealSchedule.perIteration(Configs_StepScheduler.class,
                new Configs.BoundWarmupStep(3), 0.1));
    assertEquals(
        "cannot rebuild the Anneal scheduler " + STEP + ": it takes no config (no @Bind members),"
            + " but a config was given: [warmupSteps]",
        unbound.getMessage());
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<? extends LrFunction> plateau = (Class) Configs_PlateauScheduler.class;
    IllegalArgumentException metric =
        assertThrows(
            IllegalArgumentException.class, () -> AnnealSchedule.perEpoch(plateau, 0.1));
    assertTrue(metric.getMessage().contains("has no closed form"), metric.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1).group(1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnealSchedule.perIteration(Configs_StepScheduler.class, 0.1).momentum());
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnealSchedule.perIteration(Configs_StepScheduler.class, Double.NaN));
  }

  /** A class with @Bind accessors: its values could be read, but not rebuilt from JSON. */
  @Test
  void aConfigThatIsNotARecordIsRefused() {
    // The factory takes a Record; a class config reaches the check only through JSON.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SchedulerRecipe.read(
                Dl4jConfigs_BoundByAccessorScheduler.class.getName(), new double[] {0.1},
                java.util.Map.of("gamma", 0.9)));
    assertEquals(
        "cannot rebuild the Anneal scheduler "
            + Dl4jConfigs_BoundByAccessorScheduler.class.getName() + ": its config, "
            + Dl4jConfigs.BoundByAccessor.class.getName() + ", is not a record: an"
            + " AnnealSchedule writes a config's record components to DL4J's JSON and rebuilds it"
            + " with the record's constructor, and cannot rebuild a class with @Bind accessors;"
            + " make the config a record",
        e.getMessage());
  }

  @Test
  void theRateIsNeverNaN() {
    // The schedules of every case are finite and non-negative at every step; valueAt never
    // stands in with NaN for a failure, it throws.
    AnnealSchedule oneCycle = AnnealSchedule.perIteration(Configs_OneCycleScheduler.class, 0.1, 0.05);
    IllegalArgumentException past =
        assertThrows(IllegalArgumentException.class, () -> oneCycle.valueAt(301, 0));
    assertFalse(past.getMessage().isEmpty());
    assertThrows(ArithmeticException.class, () -> oneCycle.valueAt(-5, 0));
    for (ClosedFormConformanceTest.Case c : ClosedFormConformanceTest.cases()) {
      AnnealSchedule schedule = c.perIteration();
      for (int k = 0; k < 300; k++) {
        double value = schedule.valueAt(k, 0);
        assertTrue(Double.isFinite(value) && value >= 0, c + ": " + value);
      }
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static MultiLayerConfiguration network(IUpdater first, IUpdater second) {
    return new NeuralNetConfiguration.Builder()
        .seed(1)
        .list()
        .layer(new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH)
            .updater(first).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2)
            .activation(Activation.SOFTMAX).updater(second).build())
        .build();
  }

  private static IUpdater updater(MultiLayerConfiguration conf, int layer) {
    return ((BaseLayer) conf.getConf(layer).getLayer()).getIUpdater();
  }

  static int blocks(MultiLayerNetwork network) {
    return ((MultiLayerUpdater) network.getUpdater()).getUpdaterBlocks().size();
  }

  private static String json(ISchedule schedule) throws Exception {
    return MAPPER.writeValueAsString(schedule);
  }

  private static String without(String json, String field) throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(json);
    assertNotNull(node.remove(field), field);
    return MAPPER.writeValueAsString(node);
  }

  private static String with(String json, String field, String value) throws Exception {
    ObjectNode node = (ObjectNode) MAPPER.readTree(json);
    node.set(field, MAPPER.readTree(value));
    return MAPPER.writeValueAsString(node);
  }

  private static void assertRefused(String json, String message) {
    Exception e =
        assertThrows(Exception.class, () -> MAPPER.readValue(json, ISchedule.class), json);
    assertEquals(message, refusal(e).getMessage(), json);
  }

  /** The schedule's own exception in the chain Jackson and DL4J wrap it in. */
  static IllegalArgumentException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          && t.getStackTrace().length > 0
          && t.getStackTrace()[0].getClassName().startsWith("dev.anneal.dl4j.")) {
        return (IllegalArgumentException) t;
      }
    }
    throw new AssertionError("no refusal of the schedule in the chain", e);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

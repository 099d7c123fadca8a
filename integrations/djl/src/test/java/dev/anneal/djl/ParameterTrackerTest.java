package dev.anneal.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.nn.Block;
import ai.djl.training.tracker.ParameterTracker;
import dev.anneal.integrations.testing.Configs_CosineScheduler;
import dev.anneal.integrations.testing.Configs_CyclicScheduler;
import dev.anneal.integrations.testing.Configs_OneCycleWithMomentumScheduler;
import dev.anneal.integrations.testing.Configs_PlateauScheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParameterTrackerTest {

  private final Block block = Blocks.mlp(4);

  @Test
  void eachParameterGetsTheRateOfItsGroup() {
    Configs_CyclicScheduler reference = new Configs_CyclicScheduler(0.1, 0.1);
    ParameterTracker closed =
        AnnealParameterTracker.of(
            new Configs_CyclicScheduler(0.1, 0.1), block, Blocks.weightsAndBiases(block));
    ParameterTracker live =
        LiveParameterTracker.of(
            new Configs_CyclicScheduler(0.1, 0.1), block, Blocks.weightsAndBiases(block));
    for (int numUpdate = 1; numUpdate <= 120; numUpdate++) {
      for (String name : Blocks.weightsAndBiases(block).keySet()) {
        String id = Blocks.id(block, name);
        float expected = (float) reference.lr(name.endsWith("bias") ? 1 : 0);
        assertEquals(expected, closed.getNewValue(id, numUpdate), name + " at " + numUpdate);
        assertEquals(expected, live.getNewValue(id, numUpdate), name + " at " + numUpdate);
      }
      reference.step();
    }
    // The groups differ: CyclicLR's per-group bounds.
    assertEquals(
        (float) reference.lrAt(10, 1),
        closed.getNewValue(Blocks.id(block, "03Linear_bias"), 11));
  }

  @Test
  void aParameterWithoutGroupIsRefused() {
    Map<String, Integer> groups = new HashMap<>(Blocks.weightsAndBiases(block));
    groups.remove("03Linear_bias");
    groups.remove("01Linear_weight");
    assertRefused(
        groups,
        "groups gives no group to the block's parameters [01Linear_weight, 03Linear_bias]; every"
            + " parameter needs one (the block's parameters are [01Linear_weight, 01Linear_bias,"
            + " 03Linear_weight, 03Linear_bias, 05Linear_weight, 05Linear_bias])");
  }

  @Test
  void aNameThatIsNoParameterIsRefused() {
    Map<String, Integer> groups = new HashMap<>(Blocks.weightsAndBiases(block));
    groups.put("02Linear_weight", 0);
    groups.put("weight", 0);
    assertRefused(
        groups,
        "groups names [02Linear_weight, weight], which are not parameters of the block; its"
            + " parameters are [01Linear_weight, 01Linear_bias, 03Linear_weight, 03Linear_bias,"
            + " 05Linear_weight, 05Linear_bias]");
  }

  @Test
  void aGroupTheSchedulerLacksIsRefused() {
    Map<String, Integer> groups = new HashMap<>(Blocks.weightsAndBiases(block));
    groups.put("05Linear_bias", 2);
    assertRefused(
        groups,
        "groups puts parameter 05Linear_bias in group 2: group 2 does not exist: the scheduler"
            + " has 2 parameter groups, numbered from 0");
  }

  @Test
  void aParameterOfAnotherBlockIsRefused() {
    ParameterTracker tracker =
        AnnealParameterTracker.of(
            new Configs_CosineScheduler(0.1, 0.1), block, Blocks.weightsAndBiases(block));
    Block other = Blocks.mlp(4);
    String stranger = Blocks.id(other, "01Linear_weight");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tracker.getNewValue(stranger, 1));
    assertEquals(
        "DJL asks for the rate of parameter " + stranger + ", which is none of the block's"
            + " parameters [01Linear_bias, 01Linear_weight, 03Linear_bias, 03Linear_weight,"
            + " 05Linear_bias, 05Linear_weight] (by their ids): build the tracker from the block"
            + " the trainer trains",
        e.getMessage());
  }

  @Test
  void aSchedulerThatCyclesTheMomentumIsRefused() {
    Map<String, Integer> groups = Blocks.weightsAndBiases(block);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AnnealParameterTracker.of(
                new Configs_OneCycleWithMomentumScheduler(0.1, 0.1), block, groups));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LiveParameterTracker.of(
                new Configs_OneCycleWithMomentumScheduler(0.1, 0.1), block, groups));
  }

  private void assertRefused(Map<String, Integer> groups, String message) {
    for (Function<Map<String, Integer>, ParameterTracker> make :
        java.util.List.<Function<Map<String, Integer>, ParameterTracker>>of(
            g -> AnnealParameterTracker.of(new Configs_CosineScheduler(0.1, 0.1), block, g),
            g -> LiveParameterTracker.of(new Configs_CosineScheduler(0.1, 0.1), block, g),
            g -> LiveParameterTracker.of(new Configs_PlateauScheduler(0.1, 0.1), block, g))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> make.apply(groups));
      assertEquals(message, e.getMessage());
    }
  }
}

package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refusal of optax's that involves a bound value cannot be a compile error: the generated
 * constructor makes it, with the reference's reason, before the scheduler hands out a rate; the
 * same values written are refused at compile time (FunctionValidationTest).
 */
class FunctionBoundRefusalTest {
  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("BoundOptaxWarmupCosine", new String[] {
        "@Schedule(type = OPTAX_WARMUP_COSINE_DECAY, initValue = 0.0, warmupSteps = 10)",
        "record BoundOptaxWarmupCosine(@Bind int decaySteps) {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  @Test
  void aBoundValueTheReferenceRefusesIsRefusedWhenTheSchedulerIsBuilt() {
    StepScheduler accepted = classes.boundScheduler("BoundOptaxWarmupCosine",
        classes.config("BoundOptaxWarmupCosine", 30), StepScheduler.class, 0.1);
    assertEquals(0.0, accepted.lr());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> classes.boundScheduler("BoundOptaxWarmupCosine", classes.config("BoundOptaxWarmupCosine", 10),
            StepScheduler.class, 0.1));
    assertEquals(true, refused.getMessage().contains(
        "decay_steps = 10 is not above warmup_steps = 10 (decay_steps counts the warm-up)"), refused.getMessage());
  }
}

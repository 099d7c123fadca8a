package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.ScheduleType;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The random configs' knowledge of schedule types is complete: a type added to
 * {@link ScheduleType} without its {@link TypeOracle} fails here rather than deep in a run of the
 * property test.
 */
class TypeOracleTest {

  @Test
  void everyScheduleTypeHasItsOracle() {
    assertEquals(EnumSet.allOf(ScheduleType.class), TypeOracle.registry().keySet());
    for (ScheduleType type : ScheduleType.values()) {
      assertEquals(type, TypeOracle.of(type).type);
    }
  }

  @Test
  void everyOracleDescribesOnlyAttributesThatExist() {
    for (TypeOracle oracle : TypeOracle.values()) {
      assertTrue(ConfigDescription.ATTRIBUTES.containsAll(oracle.attributes()),
          oracle + " takes an attribute without a shape: " + oracle.attributes());
      assertTrue(oracle.attributes().containsAll(oracle.required()),
          oracle + " requires what it does not take");
      assertEquals(oracle.takes("mode"), !oracle.modes().isEmpty(),
          oracle + " takes mode exactly if it has modes");
      assertTrue(ConfigDescription.MODES.containsAll(oracle.modes()), oracle + " has a mode Mode lacks");
      assertTrue(oracle.factorCatalogue().isEmpty() || oracle.takes("lrLambda"),
          oracle + " has factor methods but takes no lrLambda");
    }
  }
}

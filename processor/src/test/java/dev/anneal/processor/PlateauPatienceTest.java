package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.MetricScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ReduceLROnPlateau keeps PyTorch's order of tests (improvement, cooldown, patience), so that it
 * follows PyTorch's {@code step} (ported below) bit for bit for every patience, including a
 * negative one, which PyTorch accepts and which reduces on every step: folding the patience test
 * into the no-improvement branch, as a hand-written loop might, breaks that case.
 */
class PlateauPatienceTest {

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    put("PatienceMinusOne", -1, 0);
    put("PatienceZero", 0, 0);
    put("PatienceTwo", 2, 0);
    put("PatienceTwoCooldown", 2, 3);
  }

  private static void put(String name, int patience, int cooldown) {
    CONFIGS.put(name, new String[] {
        "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = " + patience + ", cooldown = "
            + cooldown + ", minLr = 1e-4)",
        "final class " + name + " {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PatienceMinusOne, -1, 0", "PatienceZero, 0, 0", "PatienceTwo, 2, 0",
      "PatienceTwoCooldown, 2, 3"})
  void followsPyTorchsStep(String config, int patience, int cooldown) {
    MetricScheduler scheduler = classes.scheduler(config, MetricScheduler.class, 0.1);
    double lr = 0.1;
    double best = Double.POSITIVE_INFINITY;
    int badEpochs = 0;
    int cooldownCounter = 0;
    for (int step = 1; step <= 200; step++) {
      // Improves for 7 steps, then stalls for 5, over and over.
      double metric = step % 12 < 7 ? 1.0 / step : 1.0;
      scheduler.step(metric);

      if (metric < best * (1 - 1e-4)) {
        best = metric;
        badEpochs = 0;
      } else {
        badEpochs++;
      }
      if (cooldownCounter > 0) {
        cooldownCounter--;
        badEpochs = 0;
      }
      if (badEpochs > patience) {
        double reduced = Math.max(lr * 0.5, 1e-4);
        if (lr - reduced > 1e-8) {
          lr = reduced;
        }
        cooldownCounter = cooldown;
        badEpochs = 0;
      }
      assertEquals(lr, scheduler.lr(), 0.0, config + " after step " + step);
      assertEquals(lr, scheduler.lr(0), 0.0, config + " after step " + step);
    }
  }
}

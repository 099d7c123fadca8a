package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anneal.LrFunction;
import dev.anneal.StepScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A later schedule of {@code @Sequential} with {@code totalIters <= 0}, which PyTorch runs: at its
 * milestone {@code SequentialLR.step} calls {@code scheduler.step(0)}, which sets the schedule to
 * its closed form ({@code _get_closed_form_lr}) at its step 0; the steps after go through its
 * chainable {@code get_lr}, which for {@code total_iters <= 0} leaves the rate as it is. The
 * expected rates are PyTorch's formulas worked by hand:
 *
 * <ul>
 *   <li>ConstantLR: {@code base_lr * (factor + (0 >= total_iters) * (1 - factor))}, then
 *       unchanged ({@code last_epoch != total_iters});
 *   <li>LinearLR: {@code base_lr * (start_factor + (end_factor - start_factor) *
 *       min(total_iters, 0) / total_iters)}, then unchanged ({@code last_epoch > total_iters});
 *   <li>PolynomialLR: {@code base_lr * (1 - min(total_iters, 0) / total_iters) ** power}, then
 *       unchanged ({@code last_epoch > total_iters}).
 * </ul>
 *
 * Each runs ExponentialLR ({@code gamma = 0.9}) for steps 0 to 2, then the later schedule from
 * milestone 3.
 */
@DisplayName("Later schedules of @Sequential with totalIters <= 0, as PyTorch runs them")
class SequentialRestartTest {
  private static final double[] GROUPS = {0.1, 0.05};
  private static final int MILESTONE = 3;

  private static final Map<String, String[]> CONFIGS = new LinkedHashMap<>();

  static {
    later("ConstantZero", "@Schedule(type = CONSTANT, factor = 0.25, totalIters = 0)");
    later("ConstantNegative", "@Schedule(type = CONSTANT, factor = 0.3, totalIters = -2)");
    later("LinearNegative", "@Schedule(type = LINEAR, startFactor = 0.5, endFactor = 0.8, totalIters = -2)");
    later("PolynomialNegative", "@Schedule(type = POLYNOMIAL, totalIters = -1, power = 2.0)");
    later("PolynomialPowerZero", "@Schedule(type = POLYNOMIAL, totalIters = -4, power = 0.0)");
    CONFIGS.put("BoundLinearNegative", new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "@Schedule(type = LINEAR, startFactor = 0.5, endFactor = 0.8)",
        "@Sequential(milestones = " + MILESTONE + ")",
        "record BoundLinearNegative(@Bind(schedule = 1) int totalIters) {}"});
  }

  private static void later(String name, String schedule) {
    CONFIGS.put(name, new String[] {
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        schedule,
        "@Sequential(milestones = " + MILESTONE + ")",
        "final class " + name + " {}"});
  }

  private static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = new GeneratedClasses(CONFIGS, List.of());
  }

  /**
   * Steps {@code scheduler} 12 steps past the milestone and asserts each group's rate: {@code
   * base_lr * 0.9^t} before the milestone, {@code base_lr * factor} from it on; {@code lrAt} agrees.
   */
  private static void assertRun(StepScheduler scheduler, double factor) {
    for (int t = 0; t < MILESTONE + 12; t++) {
      for (int g = 0; g < GROUPS.length; g++) {
        double expected = t < MILESTONE ? GROUPS[g] * Math.pow(0.9, t) : GROUPS[g] * factor;
        assertEquals(expected, scheduler.lr(g), 1e-15 * GROUPS[g], "step " + t + ", group " + g);
        assertEquals(expected, ((LrFunction) scheduler).lrAt(t, g), 1e-15 * GROUPS[g],
            "lrAt(" + t + ", " + g + ")");
      }
      scheduler.step();
    }
  }

  private static StepScheduler build(String config) {
    return classes.scheduler(config, StepScheduler.class, GROUPS);
  }

  @Test
  @DisplayName("ConstantLR, totalIters 0: the closed form at step 0 restores base_lr, which stays")
  void constantZero() {
    assertRun(build("ConstantZero"), 0.25 + 1 * (1 - 0.25));
  }

  @Test
  @DisplayName("ConstantLR, totalIters -2: base_lr from the milestone on")
  void constantNegative() {
    assertRun(build("ConstantNegative"), 0.3 + 1 * (1 - 0.3));
  }

  @Test
  @DisplayName("LinearLR, totalIters -2: end_factor from the milestone on")
  void linearNegative() {
    assertRun(build("LinearNegative"), 0.5 + (0.8 - 0.5) * Math.min(-2, 0) / -2.0);
  }

  @Test
  @DisplayName("LinearLR, totalIters -2 bound: the same rates")
  void linearNegativeBound() {
    StepScheduler scheduler = classes.boundScheduler("BoundLinearNegative",
        classes.config("BoundLinearNegative", -2), StepScheduler.class, GROUPS);
    assertRun(scheduler, 0.5 + (0.8 - 0.5) * Math.min(-2, 0) / -2.0);
  }

  @Test
  @DisplayName("PolynomialLR, totalIters -1, power 2: (1 - 1)^2 = 0 from the milestone on")
  void polynomialNegative() {
    assertRun(build("PolynomialNegative"), Math.pow(1 - Math.min(-1, 0) / -1.0, 2.0));
    assertEquals(0.0, Math.pow(1 - Math.min(-1, 0) / -1.0, 2.0));
  }

  @Test
  @DisplayName("PolynomialLR, totalIters -4, power 0: 0^0 = 1, base_lr from the milestone on")
  void polynomialPowerZero() {
    assertRun(build("PolynomialPowerZero"), Math.pow(1 - Math.min(-4, 0) / -4.0, 0.0));
  }
}

package dev.anneal.processor;

import dev.anneal.processor.ConfigDescription.Bound;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.Warmup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/** The {@link PlainPyTorch} scheduler of an accepted random config, to compare its numbers with. */
final class PlainPyTorchModel {
  private PlainPyTorchModel() {}

  /**
   * Builds PyTorch's scheduler for {@code config} over {@code optimizer}, with PyTorch's defaults.
   * A {@code @Warmup} is, as documented, the first phase of a SequentialLR whose milestones are its
   * length and those of {@code @Sequential} moved by it, built before the schedules so that its
   * rates start from the optimizer's; in front of a schedule stepped with a metric, the documented
   * warm-up that records the best metric.
   */
  static Object of(Config config, PlainPyTorch.Optimizer optimizer) {
    List<PlainPyTorch.LRScheduler> schedulers = new ArrayList<>();
    long warmupSteps = 0;
    LongToDoubleFunction warmup = null;
    if (config.warmup != null) {
      warmupSteps = (Integer) warmupValue(config, "steps", null);
      warmup = PlainPyTorch.warmup(warmupSteps, (Double) warmupValue(config, "startFactor", 0.0),
          (String) warmupValue(config, "shape", "LINEAR"));
      if (!TypeOracle.of(config.members.get(0).type).stepsWithMetric()) {
        schedulers.add(new PlainPyTorch.LambdaLR(optimizer, warmup));
      }
    }
    for (Member m : config.members) {
      Object scheduler = TypeOracle.of(m.type).toPlainPyTorch(m, optimizer);
      if (scheduler instanceof PlainPyTorch.Plateau plateau) {
        return warmup == null ? plateau : new PlainPyTorch.WarmupThenPlateau(optimizer, warmupSteps, warmup, plateau);
      }
      schedulers.add((PlainPyTorch.LRScheduler) scheduler);
    }
    if (warmup != null) {
      long[] milestones = new long[config.members.size()];
      milestones[0] = warmupSteps;
      for (int i = 1; i < milestones.length; i++) {
        milestones[i] = warmupSteps + config.milestones[i - 1];
      }
      return new PlainPyTorch.SequentialLR(optimizer, schedulers, milestones);
    }
    switch (config.combinator) {
      case SEQUENTIAL:
        return new PlainPyTorch.SequentialLR(optimizer, schedulers,
            Arrays.stream(config.milestones).asLongStream().toArray());
      case CHAINED:
        return new PlainPyTorch.ChainedScheduler(schedulers);
      default:
        return schedulers.get(0);
    }
  }

  /** The value of an attribute of the config's {@code @Warmup}: written, bound, or its default. */
  static Object warmupValue(Config config, String attribute, Object otherwise) {
    Warmup warmup = config.warmup;
    if (warmup.has(attribute)) {
      return warmup.value(attribute);
    }
    for (Bound bound : config.bound) {
      if (attribute.equals(ConfigDescription.WARMUP_BINDS.get(bound.attribute()))) {
        return bound.value();
      }
    }
    return otherwise;
  }

  /** Whether the generated class must cycle momentum: one schedule alone that does. */
  static boolean cyclesMomentum(Config config) {
    return config.members.size() == 1 && config.combinator == Combinator.NONE
        && TypeOracle.of(config.members.get(0).type).cyclesMomentum(config.members.get(0));
  }
}

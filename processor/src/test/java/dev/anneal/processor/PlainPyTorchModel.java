package dev.anneal.processor;

import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@link PlainPyTorch} scheduler of an accepted random config, to compare its numbers with. */
final class PlainPyTorchModel {
  private PlainPyTorchModel() {}

  /** Builds PyTorch's scheduler for {@code config} over {@code optimizer}, with PyTorch's defaults. */
  static Object of(Config config, PlainPyTorch.Optimizer optimizer) {
    List<PlainPyTorch.LRScheduler> schedulers = new ArrayList<>();
    for (Member m : config.members) {
      Object scheduler = TypeOracle.of(m.type).toPlainPyTorch(m, optimizer);
      if (scheduler instanceof PlainPyTorch.ReduceLROnPlateau plateau) {
        return plateau;
      }
      schedulers.add((PlainPyTorch.LRScheduler) scheduler);
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

  /** Whether the generated class must cycle momentum: one schedule alone that does. */
  static boolean cyclesMomentum(Config config) {
    return config.members.size() == 1 && config.combinator == Combinator.NONE
        && TypeOracle.of(config.members.get(0).type).cyclesMomentum(config.members.get(0));
  }
}

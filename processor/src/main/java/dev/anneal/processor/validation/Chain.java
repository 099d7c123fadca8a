package dev.anneal.processor.validation;

import dev.anneal.processor.kinds.InChain;
import dev.anneal.processor.reading.ConfigInput;
import java.util.Optional;
import java.util.function.IntFunction;

/** The schedules of one {@code @Chained} config, as a kind sees them when it checks its own. */
public final class Chain {
  private final ConfigInput input;
  private final IntFunction<ScheduleCheck> checks;

  Chain(ConfigInput input, IntFunction<ScheduleCheck> checks) {
    this.input = input;
    this.checks = checks;
  }

  ScheduleCheck check(int index) {
    return checks.apply(index);
  }

  /** Whether a schedule after {@code index} sets the rate whatever it was, and so has the last word. */
  public boolean setAfter(int index) {
    return input.schedules().stream()
        .anyMatch(s -> s.index() > index && s.kind().inChain() == InChain.ABSOLUTE);
  }

  /**
   * The reference's name of a schedule other than {@code index} that may take the rate lower after
   * step 0 ({@link dev.anneal.processor.kinds.Kind#mayLowerInChain}), the first one; empty if none.
   */
  public Optional<String> lowering(int index) {
    return input.schedules().stream()
        .filter(s -> s.index() != index && s.kind().mayLowerInChain(checks.apply(s.index())))
        .map(s -> s.torchName())
        .findFirst();
  }
}

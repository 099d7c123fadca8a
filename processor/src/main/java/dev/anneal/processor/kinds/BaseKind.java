package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Attributes;

/** What every kind states once, given when it is made; the rest a kind overrides. */
abstract class BaseKind implements Kind {
  private final ScheduleType type;
  private final Stepping stepping;
  private final InChain inChain;
  private final Attributes attributes;

  BaseKind(ScheduleType type, Stepping stepping, InChain inChain, Attributes attributes) {
    this.type = type;
    this.stepping = stepping;
    this.inChain = inChain;
    this.attributes = attributes;
  }

  @Override
  public final ScheduleType type() {
    return type;
  }

  @Override
  public final Stepping stepping() {
    return stepping;
  }

  @Override
  public final InChain inChain() {
    return inChain;
  }

  @Override
  public final Attributes attributes() {
    return attributes;
  }
}

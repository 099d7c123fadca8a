package dev.anneal.tests.modular;

import static dev.anneal.ScheduleType.COSINE;

import dev.anneal.Schedule;

/** A config of the module; the processor generates {@code RunScheduler} beside it. */
@Schedule(type = COSINE, tMax = 4)
public final class Run {
  private Run() {}
}

package com.example;

import dev.anneal.Bind;
import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** A config whose floor arrives at run time. */
@Schedule(type = ScheduleType.COSINE, tMax = 8)
public record SweepRun(@Bind double etaMin) {}

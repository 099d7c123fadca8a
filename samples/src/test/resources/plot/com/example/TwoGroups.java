package com.example;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** A cycle with a range per parameter group: it takes exactly two groups. */
@Schedule(
    type = ScheduleType.CYCLIC,
    baseLr = {0.001, 0.0001},
    maxLr = {0.01, 0.002},
    stepSizeUp = 4)
public final class TwoGroups {}

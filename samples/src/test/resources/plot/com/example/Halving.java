package com.example;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** Halves the rate every two steps. */
@Schedule(type = ScheduleType.STEP, stepSize = 2, gamma = 0.5)
public final class Halving {}

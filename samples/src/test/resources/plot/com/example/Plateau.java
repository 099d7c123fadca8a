package com.example;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** ReduceLROnPlateau, stepped with a validation loss. */
@Schedule(type = ScheduleType.REDUCE_ON_PLATEAU, patience = 2)
public final class Plateau {}

package dev.anneal.samples.tour;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;

/** {@code PolynomialLR(optimizer, total_iters=8, power=2)}: a parabola down to zero in 8 steps. */
@Schedule(type = ScheduleType.POLYNOMIAL, totalIters = 8, power = 2)
final class PolynomialQuadratic {
  private PolynomialQuadratic() {}
}

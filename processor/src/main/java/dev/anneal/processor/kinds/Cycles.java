package dev.anneal.processor.kinds;

import dev.anneal.math.TimmScheduler;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.ScheduleCheck;
import java.util.List;

/** The cycles of timm's cosine, tanh and polynomial schedulers: their refusals and warnings. */
final class Cycles {
  private Cycles() {}

  static final String FORMULA = "(t less warmup_t where warmup_prefix; cycle_mul == 1: i = t // t_initial,"
      + " t_i = t_initial, t_curr = t - t_initial * i;\n"
      + " otherwise i = floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul)),"
      + " t_i = cycle_mul ** i * t_initial,\n"
      + " t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial)";

  static final TimmKind.Refusal CYCLE_MUL = new TimmKind.Refusal(TimmScheduler.class, "cycleMulRefusal",
      List.of(Param.T_INITIAL, Param.CYCLE_MUL, Param.WARMUP_T, Param.WARMUP_PREFIX), Param.CYCLE_MUL);

  static final TimmKind.Refusal K_DECAY = new TimmKind.Refusal(TimmScheduler.class, "kDecayRefusal",
      List.of(Param.K_DECAY, Param.CYCLE_LIMIT, Param.WARMUP_T, Param.WARMUP_PREFIX), Param.K_DECAY);

  static final List<TimmKind.Refusal> REFUSALS = List.of(CYCLE_MUL, K_DECAY);

  /**
   * The reference's warning that a single cycle of one update changes nothing (cosine and
   * polynomial), and a {@code k_decay} that does not decay.
   */
  static void check(ScheduleCheck check, TimmKind kind, boolean warnsOfNoEffect) {
    if (warnsOfNoEffect && check.number(Param.T_INITIAL) == 1 && check.number(Param.CYCLE_MUL) == 1
        && check.number(Param.CYCLE_DECAY) == 1) {
      check.warning(check.written(Param.T_INITIAL), Message.TIMM_NO_EFFECT, kind.torchName());
    }
    if (kind.attributes().takes(Param.K_DECAY)) {
      double kDecay = check.number(Param.K_DECAY);
      Object limit = check.known(Param.CYCLE_LIMIT);
      Object warmupT = check.known(Param.WARMUP_T);
      Object prefix = check.known(Param.WARMUP_PREFIX);
      boolean refused = limit != null && warmupT != null && prefix != null
          && TimmScheduler.kDecayRefusal(kDecay, (Integer) limit, (Integer) warmupT, (Boolean) prefix) != null;
      if (kDecay <= 0 && !refused) {
        check.warning(check.written(Param.K_DECAY), Message.TIMM_NOT_DECAYING, kind.torchName(),
            "kDecay (k_decay) = " + kDecay + " is not above 0: t_curr ** k_decay / t_i ** k_decay does not rise"
                + " from 0 to 1 over a cycle, so the rate does not decay from its peak to lrMin; the numbers are"
                + " the reference's all the same");
      }
    }
  }
}

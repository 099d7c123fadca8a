package dev.anneal.processor;

import static dev.anneal.processor.ConfigSource.lit;
import static dev.anneal.processor.ConfigSource.modeSource;
import static dev.anneal.processor.ConfigSource.names;
import static dev.anneal.processor.Draws.between;
import static dev.anneal.processor.Draws.chance;
import static dev.anneal.processor.Draws.perGroup;
import static dev.anneal.processor.Draws.pick;
import static dev.anneal.processor.Draws.pickWeighted;
import static dev.anneal.processor.Draws.rate;
import static dev.anneal.processor.Draws.uniform;

import dev.anneal.ScheduleType;
import dev.anneal.WsdType;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Fn;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.ScaleFn;
import dev.anneal.processor.ConfigDescription.Shape;
import dev.anneal.processor.ConfigGenerator.Role;
import dev.anneal.processor.OutcomeOracle.Placement;
import dev.anneal.processor.OutcomeOracle.Rule;
import dev.anneal.processor.OutcomeOracle.Verdict;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/**
 * What the random configs know of each schedule type, one constant per type: the attributes it
 * takes with their documented rules and values that break them, how a user would write one, the
 * values PyTorch runs to surprising numbers, the mistakes only it can have, the rules only it
 * follows, and PyTorch's scheduler for it. What every type shares is {@link ConfigGenerator}'s,
 * {@link ConfigMutator}'s, {@link OutcomeOracle}'s and {@link ConfigSource}'s.
 *
 * <p>The constants stand in the order combinations draw their schedules from, so that a seed
 * keeps giving the same configs.
 */
enum TypeOracle {
  STEP(ScheduleType.STEP, Combining.ANYWHERE,
      required("stepSize", Rule.NON_ZERO, r -> 0), optional("gamma")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int stepSize = pickWeighted(r,
          () -> between(r, 1, 20), () -> between(r, 20, 400),
          () -> pick(r, Integer.MAX_VALUE, 65_536, 1_000_000));
      if (warnings && chance(r, 0.2)) {
        stepSize = chance(r, 0.1) ? Integer.MIN_VALUE : -between(r, 1, 20);
      }
      m.put("stepSize", lit(r, stepSize), stepSize);
      gamma(r, m, Math.abs((long) stepSize) >= 20 ? 2.0 : 1.0);
    }

    @Override
    String odd(Random r, Member m) {
      return negativeGamma(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      verdict.warnIf(m.has("stepSize") && m.i("stepSize", 1) < 0);
      verdict.warnIf(m.has("stepSize") && Math.abs((long) m.i("stepSize", 1)) >= placement.phaseLength());
      verdict.warnIf(grows(m));
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.StepLR(o, m.i("stepSize", 0), m.d("gamma", 0.1));
    }
  },

  MULTI_STEP(ScheduleType.MULTI_STEP, Combining.ANYWHERE, required("milestones"), optional("gamma")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int[] milestones;
      double kind = r.nextDouble();
      if (kind < 0.1) {
        milestones = new int[between(r, 1000, 4000)];
        for (int i = 0; i < milestones.length; i++) {
          milestones[i] = r.nextInt(6000);
        }
      } else if (kind < 0.18) {
        milestones = new int[0];
      } else if (kind < 0.25) {
        milestones = new int[] {0, Integer.MAX_VALUE, between(r, 1, 50)};
      } else {
        milestones = new int[between(r, 1, 8)];
        for (int i = 0; i < milestones.length; i++) {
          milestones[i] = chance(r, 0.2) && i > 0 ? milestones[i - 1] : r.nextInt(300);
        }
      }
      if (warnings && chance(r, 0.25) && milestones.length > 0) {
        milestones[r.nextInt(milestones.length)] = chance(r, 0.2) ? Integer.MIN_VALUE : -between(r, 1, 50);
      }
      m.put("milestones", lit(r, milestones), milestones);
      gamma(r, m, milestones.length > 50 ? 1.0 : 2.0);
    }

    @Override
    String odd(Random r, Member m) {
      return negativeGamma(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      if (m.has("milestones")) {
        int[] milestones = (int[]) m.value("milestones");
        verdict.warnIf(Arrays.stream(milestones).anyMatch(v -> v < 0));
        verdict.warnIf(Arrays.stream(milestones).anyMatch(v -> v >= placement.phaseLength()));
        // No milestone: the rate never changes.
        verdict.warnIf(milestones.length == 0);
      }
      verdict.warnIf(grows(m));
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.MultiStepLR(o,
          Arrays.stream((int[]) m.value("milestones")).asLongStream().toArray(), m.d("gamma", 0.1));
    }
  },

  CONSTANT(ScheduleType.CONSTANT, Combining.ANYWHERE,
      optional("factor", Rule.OPEN_UNIT, r -> pick(r, 0.0, -0.0, -0.25, 1.5, Math.nextUp(1.0))),
      optional("totalIters")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      if (chance(r, 0.7)) {
        double factor = pick(r, 0.5, 1.0, 0.25, uniform(r, 0.01, 1), 1e-3, 1.0 / 3);
        m.put("factor", lit(r, factor), factor);
      }
      totalIters(r, m, warnings, true);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      verdict.warnIf(m.has("totalIters") && m.i("totalIters", 5) <= 0);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.ConstantLR(o, m.d("factor", 1.0 / 3), m.i("totalIters", 5));
    }
  },

  LINEAR(ScheduleType.LINEAR, Combining.ANYWHERE,
      optional("startFactor", Rule.OPEN_UNIT,
          r -> pick(r, 0.0, -0.0, -0.5, 1.5, Math.nextUp(1.0), Double.MAX_VALUE)),
      optional("endFactor", Rule.UNIT_INTERVAL, TypeOracle::outsideUnitInterval),
      optional("totalIters")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      if (chance(r, 0.7)) {
        double start = pick(r, 1.0, 0.1, uniform(r, 1e-3, 1), 0.5);
        m.put("startFactor", lit(r, start), start);
      }
      if (chance(r, 0.6)) {
        double end = pick(r, 0.0, -0.0, 1.0, uniform(r, 0, 1), 0.5);
        m.put("endFactor", lit(r, end), end);
      }
      totalIters(r, m, warnings, role != Role.SEQUENTIAL_LATER);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      judgeTotalIters(m, placement, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LinearLR(o, m.d("startFactor", 1.0 / 3), m.d("endFactor", 1.0),
          m.i("totalIters", 5));
    }
  },

  EXPONENTIAL(ScheduleType.EXPONENTIAL, Combining.ANYWHERE, required("gamma")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      double gamma = pick(r, uniform(r, 0.9, 1), 0.5, 1.0, 0.0, 0.999, 1.001, uniform(r, 0, 1));
      m.put("gamma", lit(r, gamma), gamma);
    }

    @Override
    String odd(Random r, Member m) {
      return negativeGamma(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      verdict.warnIf(grows(m));
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.ExponentialLR(o, m.d("gamma", Double.NaN));
    }
  },

  POLYNOMIAL(ScheduleType.POLYNOMIAL, Combining.ANYWHERE, optional("totalIters"),
      optional("power", Rule.NON_NEGATIVE, r -> pick(r, -0.5, -Double.MIN_VALUE, -1e300))) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      totalIters(r, m, warnings, role != Role.SEQUENTIAL_LATER);
      if (chance(r, 0.7)) {
        double power = pick(r, 0.0, 0.5, 1.0, 2.0, uniform(r, 0, 3), -0.0);
        m.put("power", lit(r, power), power);
      }
    }

    @Override
    String odd(Random r, Member m) {
      double power = pick(r, 50.0, 1e-300, 1000.0);
      m.put("power", lit(r, power), power);
      return "power " + power;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      judgeTotalIters(m, placement, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.PolynomialLR(o, m.i("totalIters", 5), m.d("power", 1.0));
    }
  },

  COSINE(ScheduleType.COSINE, Combining.ANYWHERE,
      required("tMax", Rule.NON_ZERO, r -> 0), optional("etaMin")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int tMax = pickWeighted(r, () -> between(r, 1, 500), () -> -between(r, 1, 500),
          () -> pick(r, Integer.MAX_VALUE, Integer.MIN_VALUE, 100_000, 1));
      m.put("tMax", lit(r, tMax), tMax);
      etaMin(r, m);
    }

    @Override
    String odd(Random r, Member m) {
      return oddEtaMin(r, m);
    }

    /**
     * PyTorch's chained recurrence can overshoot below 0 where another schedule lowers the rate
     * or a group starts below etaMin.
     */
    @Override
    boolean mayTurnNegativeInChain(Member m) {
      return m.d("etaMin", 0) > 0;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.CosineAnnealingLR(o, m.i("tMax", 0), m.d("etaMin", 0.0));
    }
  },

  COSINE_WARM_RESTARTS(ScheduleType.COSINE_WARM_RESTARTS, Combining.ANYWHERE,
      required("t0", Rule.POSITIVE, TypeOracle::notPositive),
      optional("tMult", Rule.AT_LEAST_ONE, r -> pick(r, 0, -1, Integer.MIN_VALUE)), optional("etaMin")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int t0 = pickWeighted(r, () -> between(r, 1, 100), () -> between(r, 1, 5),
          () -> pick(r, Integer.MAX_VALUE, 1_000_000));
      m.put("t0", lit(r, t0), t0);
      if (chance(r, 0.6)) {
        int tMult = pickWeighted(r, () -> between(r, 1, 3), () -> between(r, 1, 3),
            () -> pick(r, Integer.MAX_VALUE, 1 << 20, 46_341));
        m.put("tMult", lit(r, tMult), tMult);
      }
      etaMin(r, m);
    }

    @Override
    String odd(Random r, Member m) {
      return oddEtaMin(r, m);
    }

    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.CosineAnnealingWarmRestarts(o, m.i("t0", 0), m.i("tMult", 1),
          m.d("etaMin", 0.0));
    }
  },

  LAMBDA(ScheduleType.LAMBDA, Combining.ANYWHERE, required("lrLambda")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      factorMethods(r, config, m, ConfigMethods.LAMBDAS, true);
    }

    @Override
    List<Fn> factorCatalogue() {
      return ConfigMethods.LAMBDAS;
    }

    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, factors(m));
    }
  },

  MULTIPLICATIVE(ScheduleType.MULTIPLICATIVE, Combining.ANYWHERE, required("lrLambda")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      factorMethods(r, config, m, ConfigMethods.MULTIPLIERS, false);
    }

    @Override
    List<Fn> factorCatalogue() {
      return ConfigMethods.MULTIPLIERS;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.MultiplicativeLR(o, factors(m));
    }
  },

  CYCLIC(ScheduleType.CYCLIC, Combining.ANYWHERE, required("baseLr"), required("maxLr"),
      optional("stepSizeUp", Rule.POSITIVE, TypeOracle::notPositive),
      optional("stepSizeDown", Rule.NON_NEGATIVE, r -> pick(r, -1, Integer.MIN_VALUE)),
      optional("mode"), optional("gamma"), optional("scaleFn"), optional("scaleMode"),
      optional("cycleMomentum"), optional("baseMomentum"), optional("maxMomentum")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int groups = config.groups;
      double[] base = perGroup(r, groups, () -> rate(r) / 10);
      double[] max = perGroup(r, groups, () -> chance(r, 0.1) ? rate(r) / 100 : rate(r));
      if (chance(r, 0.05)) {
        base = new double[] {0.0};
      }
      m.put("baseLr", lit(r, base), base);
      m.put("maxLr", lit(r, max), max);
      if (chance(r, 0.8)) {
        int up = pickWeighted(r, () -> between(r, 1, 10), () -> between(r, 10, 60),
            () -> pick(r, Integer.MAX_VALUE, 2000));
        m.put("stepSizeUp", lit(r, up), up);
      }
      if (chance(r, 0.5)) {
        int down = pickWeighted(r, () -> between(r, 0, 10), () -> between(r, 10, 60),
            () -> pick(r, Integer.MAX_VALUE, 0));
        m.put("stepSizeDown", lit(r, down), down);
      }
      boolean scaleFn = chance(r, 0.2);
      if (scaleFn) {
        ScaleFn fn = pick(r, ConfigMethods.SCALES);
        m.put("scaleFn", "\"" + fn.name() + "\"", fn.name());
        config.methods.put(fn.name(), fn.method());
        if (chance(r, 0.6)) {
          String scaleMode = pick(r, "CYCLE", "ITERATIONS");
          m.put("scaleMode", "ScaleMode." + scaleMode, scaleMode);
        }
        if (warnings && chance(r, 0.3)) {
          String mode = pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
          m.put("mode", modeSource(r, mode), mode);
        }
      } else {
        if (chance(r, 0.7)) {
          String mode = pick(r, "TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
          m.put("mode", modeSource(r, mode), mode);
          if (mode.equals("EXP_RANGE") && chance(r, 0.7)) {
            double gamma = pick(r, uniform(r, 0.9, 1), 1.0, 0.5, 0.0);
            m.put("gamma", lit(r, gamma), gamma);
          }
        }
        if (warnings && chance(r, 0.1)) {
          String scaleMode = pick(r, "CYCLE", "ITERATIONS");
          m.put("scaleMode", "ScaleMode." + scaleMode, scaleMode);
        }
      }
      momentum(r, config, m, role != Role.ALONE, warnings);
    }

    @Override
    String odd(Random r, Member m) {
      double[] base = {-uniform(r, 0, 0.1)};
      m.put("baseLr", lit(r, base), base);
      return "negative baseLr";
    }

    @Override
    List<String> modes() {
      return List.of("TRIANGULAR", "TRIANGULAR2", "EXP_RANGE");
    }

    @Override
    boolean cyclesMomentum(Member m) {
      return m.b("cycleMomentum", true);
    }

    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      boolean scaleFn = m.has("scaleFn");
      verdict.warnIf(!scaleFn && m.e("mode", "").equals("EXP_RANGE") && grows(m));
      verdict.warnIf(scaleFn && maxBelowBase(m));
      verdict.warnIf(scaleFn && m.has("mode"));
      verdict.warnIf(!scaleFn && m.has("scaleMode"));
      verdict.warnIf(!m.b("cycleMomentum", true) && (m.has("baseMomentum") || m.has("maxMomentum")));
    }

    /**
     * Some group's maxLr below its baseLr: a scaleFn above 1 takes the rate below maxLr, with
     * [anneal.negative-rate].
     */
    private boolean maxBelowBase(Member m) {
      if (!(m.value("baseLr") instanceof double[] base) || !(m.value("maxLr") instanceof double[] max)
          || base.length == 0 || max.length == 0) {
        return false;
      }
      for (int g = 0; g < Math.max(base.length, max.length); g++) {
        if (max[max.length == 1 ? 0 : Math.min(g, max.length - 1)]
            < base[base.length == 1 ? 0 : Math.min(g, base.length - 1)]) {
          return true;
        }
      }
      return false;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      String scaleFn = m.e("scaleFn", null);
      return new PlainPyTorch.CyclicLR(o, m.ds("baseLr", Double.NaN), m.ds("maxLr", Double.NaN),
          m.i("stepSizeUp", 2000), m.l("stepSizeDown"),
          PlainPyTorch.CyclicMode.valueOf(m.e("mode", "TRIANGULAR")), m.d("gamma", 1.0),
          scaleFn == null ? null : ConfigMethods.SCALE_FUNCTIONS.get(scaleFn),
          m.e("scaleMode", "CYCLE").equals("CYCLE"), m.b("cycleMomentum", true),
          m.ds("baseMomentum", 0.8), m.ds("maxMomentum", 0.9));
    }
  },

  ONE_CYCLE(ScheduleType.ONE_CYCLE, Combining.FIRST, required("maxLr"),
      optional("totalSteps", Rule.POSITIVE, TypeOracle::notPositive),
      optional("epochs", Rule.POSITIVE, TypeOracle::notPositive),
      optional("stepsPerEpoch", Rule.POSITIVE, TypeOracle::notPositive),
      optional("pctStart", Rule.UNIT_INTERVAL, TypeOracle::outsideUnitInterval),
      optional("annealStrategy"), optional("cycleMomentum"), optional("baseMomentum"),
      optional("maxMomentum"),
      optional("divFactor", Rule.NON_ZERO, r -> pick(r, 0.0, -0.0)),
      optional("finalDivFactor", Rule.NON_ZERO, r -> pick(r, 0.0, -0.0)), optional("threePhase")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      double[] max = perGroup(r, config.groups, () -> chance(r, 0.05) ? 0.0 : rate(r));
      m.put("maxLr", lit(r, max), max);
      long total;
      boolean both = warnings && chance(r, 0.1);
      if (chance(r, 0.6) || both) {
        int steps = pickWeighted(r, () -> between(r, 1, 50), () -> between(r, 50, 600),
            () -> pick(r, Integer.MAX_VALUE, 1_000_000));
        m.put("totalSteps", lit(r, steps), steps);
        total = steps;
      } else {
        int epochs = between(r, 1, 20);
        int perEpoch = between(r, 1, 30);
        m.put("epochs", lit(r, epochs), epochs);
        m.put("stepsPerEpoch", lit(r, perEpoch), perEpoch);
        total = (long) epochs * perEpoch;
      }
      if (both) {
        int epochs = between(r, 1, 20);
        m.put("epochs", lit(r, epochs), epochs);
        if (r.nextBoolean()) {
          m.put("stepsPerEpoch", lit(r, 7), 7);
        }
      }
      boolean threePhase = chance(r, 0.3);
      if (threePhase || chance(r, 0.2)) {
        m.put("threePhase", Boolean.toString(threePhase), threePhase);
      }
      for (int attempt = 0; attempt < 20; attempt++) {
        double pct = chance(r, 0.4) ? 0.3 : pick(r, 0.0, uniform(r, 0, 1), 0.5, 0.25, 1.0, Double.MIN_VALUE);
        if (!failsEarly(total, pct) && !lastPhaseEmpty(total, pct, threePhase)) {
          if (pct != 0.3 || chance(r, 0.3)) {
            m.put("pctStart", lit(r, pct), pct);
          }
          break;
        }
      }
      if (chance(r, 0.4)) {
        String strategy = pick(r, "COS", "LINEAR");
        m.put("annealStrategy", "AnnealStrategy." + strategy, strategy);
      }
      if (chance(r, 0.3)) {
        double div = pick(r, 1.0, 0.5, uniform(r, 1, 100), 10.0);
        m.put("divFactor", lit(r, div), div);
      }
      if (chance(r, 0.3)) {
        double div = pick(r, 1.0, uniform(r, 1, 1e5), 100.0);
        m.put("finalDivFactor", lit(r, div), div);
      }
      momentum(r, config, m, role != Role.ALONE, warnings);
      // PyTorch refuses to step past the total.
      config.maxSteps = Math.min(config.maxSteps, total - 1);
    }

    @Override
    String odd(Random r, Member m) {
      String attribute = pick(r, "divFactor", "finalDivFactor");
      double div = pick(r, -25.0, -uniform(r, 1, 100), 1e-300);
      m.put(attribute, lit(r, div), div);
      return attribute + " " + div;
    }

    @Override
    List<Mistake> mistakes() {
      return List.of(
          (r, config, m) -> {
            m.attrs.remove("totalSteps");
            m.attrs.remove(r.nextBoolean() ? "epochs" : "stepsPerEpoch");
            if (r.nextBoolean()) {
              m.attrs.remove("epochs");
              m.attrs.remove("stepsPerEpoch");
            }
            config.tags.add("one-cycle-length");
            return "OneCycleLR without a length";
          },
          (r, config, m) -> {
            int[][] exact = {{10, 10}, {4, 4}, {8, 8}, {1, 1}, {20, 20}, {100, 100}, {5, 5}, {2, 2}};
            int[] pair = pick(r, exact);
            int total = pair[0];
            double pct = 1.0 / pair[1];
            if (pct * total != 1.0) {
              return null;
            }
            m.attrs.remove("epochs");
            m.attrs.remove("stepsPerEpoch");
            m.put("totalSteps", lit(r, total), total);
            m.put("pctStart", lit(r, pct), pct);
            config.tags.add("one-cycle-phase");
            return "OneCycleLR totalSteps = " + total + ", pctStart = " + pct;
          });
    }

    @Override
    boolean cyclesMomentum(Member m) {
      return m.b("cycleMomentum", true);
    }

    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      Config config = placement.config();
      int index = placement.index();
      int count = config.members.size();
      if (placement.sequential() && config.milestones.length == count - 1
          && index < config.milestones.length) {
        long total = m.has("totalSteps") ? m.i("totalSteps", 0)
            : m.has("epochs") && m.has("stepsPerEpoch") && m.i("epochs", 0) > 0 && m.i("stepsPerEpoch", 0) > 0
                ? (long) m.i("epochs", 0) * m.i("stepsPerEpoch", 0) : 0;
        long start = index == 0 ? 0 : config.milestones[index - 1];
        if (total > 0 && total <= Integer.MAX_VALUE && config.milestones[index] > start + total + 1) {
          verdict.error("sequential-unreached");
        }
      }
      verdict.warnIf(m.has("cycleMomentum") && !m.b("cycleMomentum", true)
          && (m.has("baseMomentum") || m.has("maxMomentum")));
      boolean total = m.has("totalSteps");
      boolean epochs = m.has("epochs") && m.has("stepsPerEpoch");
      if (!total && !epochs) {
        verdict.error("one-cycle-length");
        return;
      }
      verdict.warnIf(total && (m.has("epochs") || m.has("stepsPerEpoch")));
      long steps = total ? m.i("totalSteps", 0) : (long) m.i("epochs", 0) * m.i("stepsPerEpoch", 0);
      if (!total && m.i("epochs", 0) > 0 && m.i("stepsPerEpoch", 0) > 0 && steps > Integer.MAX_VALUE) {
        verdict.either();
        return;
      }
      double pct = m.d("pctStart", 0.3);
      if (steps > 0 && OutcomeOracle.holds(Rule.UNIT_INTERVAL, pct)) {
        if (failsEarly(steps, pct)) {
          verdict.error("one-cycle-phase");
        } else if (lastPhaseEmpty(steps, pct, m.b("threePhase", false))) {
          verdict.either();
        }
      }
    }

    /** PyTorch divides by zero at step 0: {@code pct_start * total_steps - 1 == 0}. */
    private boolean failsEarly(long total, double pct) {
      return pct * total - 1 == 0;
    }

    /** The last phase has no length: PyTorch divides by zero at step {@code total_steps}. */
    private boolean lastPhaseEmpty(long total, double pct, boolean threePhase) {
      double previousEnd = threePhase ? 2 * pct * total - 2 : pct * total - 1;
      return previousEnd == total - 1;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.OneCycleLR(o, m.ds("maxLr", Double.NaN), m.l("totalSteps"),
          m.l("epochs"), m.l("stepsPerEpoch"), m.d("pctStart", 0.3),
          m.e("annealStrategy", "COS").equals("LINEAR"), m.b("cycleMomentum", true),
          m.ds("baseMomentum", 0.85), m.ds("maxMomentum", 0.95), m.d("divFactor", 25.0),
          m.d("finalDivFactor", 1e4), m.b("threePhase", false));
    }
  },

  REDUCE_ON_PLATEAU(ScheduleType.REDUCE_ON_PLATEAU, Combining.NEVER, optional("mode"),
      optional("factor", Rule.BELOW_ONE, r -> pick(r, 1.0, 1.5, Double.MAX_VALUE)),
      optional("patience"), optional("threshold"), optional("thresholdMode"), optional("cooldown"),
      optional("minLr"), optional("eps")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      if (chance(r, 0.5)) {
        String mode = pick(r, "MIN", "MAX");
        m.put("mode", modeSource(r, mode), mode);
      }
      if (chance(r, 0.6)) {
        double factor = pick(r, uniform(r, 0, 0.99), 0.0, 0.5, -0.0, 0.1);
        m.put("factor", lit(r, factor), factor);
      }
      if (chance(r, 0.6)) {
        int patience = pickWeighted(r, () -> between(r, 0, 5), () -> between(r, 5, 20),
            () -> pick(r, Integer.MAX_VALUE, 0));
        m.put("patience", lit(r, patience), patience);
      }
      if (chance(r, 0.5)) {
        double threshold = pick(r, 0.0, 1e-4, uniform(r, 0, 0.1), 0.5);
        m.put("threshold", lit(r, threshold), threshold);
      }
      if (chance(r, 0.5)) {
        String mode = pick(r, "REL", "ABS");
        m.put("thresholdMode", "ThresholdMode." + mode, mode);
      }
      if (chance(r, 0.5)) {
        int cooldown = pick(r, 0, between(r, 0, 10), Integer.MAX_VALUE);
        m.put("cooldown", lit(r, cooldown), cooldown);
      }
      if (chance(r, 0.5)) {
        double[] minLr = perGroup(r, config.groups, () -> pick(r, 0.0, uniform(r, 0, 1e-3), 1e-6));
        m.put("minLr", lit(r, minLr), minLr);
      }
      if (chance(r, 0.4)) {
        double eps = pick(r, 1e-8, 0.0, 1e-3, Double.MIN_VALUE);
        m.put("eps", lit(r, eps), eps);
      }
    }

    @Override
    String odd(Random r, Member m) {
      double factor = pick(r, -0.5, -2.0, -1e300);
      m.put("factor", lit(r, factor), factor);
      if (r.nextBoolean()) {
        int patience = pick(r, -1, Integer.MIN_VALUE);
        m.put("patience", lit(r, patience), patience);
      }
      if (r.nextBoolean()) {
        double threshold = pick(r, -0.1, 2.0, 1.0);
        m.put("threshold", lit(r, threshold), threshold);
      }
      if (r.nextBoolean()) {
        double eps = pick(r, -1.0, 1e300);
        m.put("eps", lit(r, eps), eps);
      }
      return "odd plateau";
    }

    @Override
    List<String> modes() {
      return List.of("MIN", "MAX");
    }

    @Override
    boolean stepsWithMetric() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.ReduceLROnPlateau(o, m.e("mode", "MIN").equals("MAX"),
          m.d("factor", 0.1), m.i("patience", 10), m.d("threshold", 1e-4),
          m.e("thresholdMode", "REL").equals("ABS"), m.i("cooldown", 0), m.ds("minLr", 0.0),
          m.d("eps", 1e-8));
    }
  },

  HF_INVERSE_SQRT(ScheduleType.HF_INVERSE_SQRT, Combining.ANYWHERE, required("numWarmupSteps"),
      optional("timescale", Rule.POSITIVE, r -> pick(r, 0, -1, Integer.MIN_VALUE))) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int warmup = pickWeighted(r, () -> between(r, 0, 20), () -> between(r, 20, 2000),
          () -> pick(r, 0, 1, Integer.MAX_VALUE));
      m.put("numWarmupSteps", lit(r, warmup), warmup);
      if (chance(r, 0.5)) {
        int timescale = pick(r, between(r, 1, 100), between(r, 100, 100_000), 1, Integer.MAX_VALUE);
        m.put("timescale", lit(r, timescale), timescale);
      }
    }

    /** No warm-up where it is negative, given a time scale of its own. */
    @Override
    String odd(Random r, Member m) {
      int warmup = pick(r, -1, -between(r, 2, 500), Integer.MIN_VALUE);
      m.put("numWarmupSteps", lit(r, warmup), warmup);
      int timescale = pick(r, between(r, 1, 1000), Integer.MAX_VALUE);
      m.put("timescale", lit(r, timescale), timescale);
      return "negative numWarmupSteps";
    }

    /** Without a time scale the reference takes a negative warm-up as one, and divides by zero at step 0. */
    @Override
    List<Mistake> mistakes() {
      return List.of((r, config, m) -> {
        m.attrs.remove("timescale");
        int warmup = pick(r, -1, -between(r, 2, 500), Integer.MIN_VALUE);
        m.put("numWarmupSteps", lit(r, warmup), warmup);
        config.tags.add("invalid-value");
        return "negative numWarmupSteps without timescale";
      });
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      if (m.value("numWarmupSteps") instanceof Integer warmup && warmup < 0 && !m.has("timescale")) {
        verdict.error("invalid-value");
      }
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      int warmup = m.i("numWarmupSteps", 0);
      Integer timescale = m.has("timescale") ? m.i("timescale", 0) : null;
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.inverseSqrtSchedule(warmup, timescale));
    }
  },

  HF_CONSTANT(ScheduleType.HF_CONSTANT, Combining.ANYWHERE) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {}

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.constantSchedule());
    }
  },

  HF_CONSTANT_WITH_WARMUP(ScheduleType.HF_CONSTANT_WITH_WARMUP, Combining.ANYWHERE, required("numWarmupSteps")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      warmup(r, m);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.constantScheduleWithWarmup(m.i("numWarmupSteps", 0)));
    }
  },
  HF_LINEAR(ScheduleType.HF_LINEAR, Combining.ANYWHERE, required("numWarmupSteps"), required("numTrainingSteps")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      trainingSteps(r, m, warmup(r, m));
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o,
          PlainPyTorch.linearScheduleWithWarmup(m.i("numWarmupSteps", 0), m.i("numTrainingSteps", 0)));
    }
  },
  HF_COSINE(ScheduleType.HF_COSINE, Combining.ANYWHERE, required("numWarmupSteps"), required("numTrainingSteps"),
      optional("numCycles")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      trainingSteps(r, m, warmup(r, m));
      numCycles(r, m);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.cosineScheduleWithWarmup(m.i("numWarmupSteps", 0),
          m.i("numTrainingSteps", 0), m.d("numCycles", 0.5)));
    }
  },

  HF_COSINE_WITH_RESTARTS(ScheduleType.HF_COSINE_WITH_RESTARTS, Combining.ANYWHERE, required("numWarmupSteps"),
      required("numTrainingSteps"), optional("numCycles")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      trainingSteps(r, m, warmup(r, m));
      numCycles(r, m);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.cosineWithHardRestartsScheduleWithWarmup(
          m.i("numWarmupSteps", 0), m.i("numTrainingSteps", 0), m.d("numCycles", 1.0)));
    }
  },
  HF_POLYNOMIAL(ScheduleType.HF_POLYNOMIAL, Combining.ANYWHERE, required("numWarmupSteps"),
      required("numTrainingSteps"), optional("lrEnd"), optional("power"),
      required("lrInit", Rule.NON_ZERO, r -> pick(r, 0.0, -0.0))) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int warmup = warmup(r, m);
      int training = trainingSteps(r, m, warmup);
      if (training == warmup) {
        training = warmup == Integer.MAX_VALUE ? warmup - 1 : warmup + 1;
        m.put("numTrainingSteps", lit(r, training), training);
      }
      double lrInit = pick(r, 1e-3, 0.1, uniform(r, 1e-5, 1), 5e-5, -1e-3);
      m.put("lrInit", lit(r, lrInit), lrInit);
      // lr_end below lr_init, as the reference requires; left out only where its default 1e-7 is.
      if (chance(r, 0.6) || lrInit <= 1e-7) {
        double lrEnd = pick(r, 0.0, lrInit / 10, lrInit * uniform(r, 0, 1), Math.nextDown(lrInit));
        if (!(lrInit > lrEnd)) {
          lrEnd = lrInit - Math.abs(lrInit);
        }
        m.put("lrEnd", lit(r, lrEnd), lrEnd);
      }
      if (chance(r, 0.5)) {
        double power = pick(r, 1.0, 2.0, 0.5, 0.0, uniform(r, 0, 4));
        m.put("power", lit(r, power), power);
      }
    }

    /** A negative lrEnd below a positive lrInit: the rate ends below 0. */
    @Override
    String odd(Random r, Member m) {
      double lrInit = pick(r, 1e-3, 0.1, uniform(r, 1e-5, 1));
      m.put("lrInit", lit(r, lrInit), lrInit);
      double lrEnd = pick(r, -1e-4, -lrInit, -uniform(r, 0, 1));
      m.put("lrEnd", lit(r, lrEnd), lrEnd);
      return "negative lrEnd";
    }

    /** The reference raises a ValueError, or divides by zero at the end of the decay. */
    @Override
    List<Mistake> mistakes() {
      return List.of((r, config, m) -> {
        double lrInit = m.d("lrInit", 1e-3);
        // Not below lrInit whatever its sign: twice a negative lrInit is below it.
        double lrEnd = pick(r, lrInit, lrInit + Math.abs(lrInit), lrInit + 1);
        m.put("lrEnd", lit(r, lrEnd), lrEnd);
        config.tags.add("invalid-value");
        return "lrEnd not below lrInit";
      }, (r, config, m) -> {
        int warmup = m.i("numWarmupSteps", 0);
        m.put("numTrainingSteps", lit(r, warmup), warmup);
        config.tags.add("invalid-value");
        return "numTrainingSteps equal to numWarmupSteps";
      }, (r, config, m) -> {
        int warmup = m.i("numWarmupSteps", 0);
        if (warmup == Integer.MAX_VALUE) {
          return null;
        }
        int training = warmup + 1;
        m.put("numTrainingSteps", lit(r, training), training);
        double power = pick(r, -1.0, -0.5, -uniform(r, 0.01, 3));
        m.put("power", lit(r, power), power);
        config.tags.add("invalid-value");
        return "negative power";
      });
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      if (m.value("lrInit") instanceof Double lrInit && Double.isFinite(lrInit)) {
        double lrEnd = m.has("lrEnd") ? m.value("lrEnd") instanceof Double d ? d : Double.NaN : 1e-7;
        if (Double.isFinite(lrEnd) && !(lrInit > lrEnd)) {
          verdict.error("invalid-value");
        }
        verdict.warnIf(Double.isFinite(lrEnd) && lrEnd < 0 && lrInit > 0 && lrInit > lrEnd);
      }
      if (m.value("numWarmupSteps") instanceof Integer warmup
          && m.value("numTrainingSteps") instanceof Integer training) {
        if (training.equals(warmup)) {
          verdict.error("invalid-value");
        }
        double power = m.has("power") ? m.value("power") instanceof Double d ? d : Double.NaN : 1.0;
        if (training > warmup && power < 0) {
          verdict.error("invalid-value");
        }
      }
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.polynomialDecayScheduleWithWarmup(m.i("numWarmupSteps", 0),
          m.i("numTrainingSteps", 0), m.d("lrEnd", 1e-7), m.d("power", 1.0), m.d("lrInit", 0)));
    }
  },
  HF_COSINE_WITH_MIN_LR(ScheduleType.HF_COSINE_WITH_MIN_LR, Combining.ANYWHERE, required("numWarmupSteps"),
      required("numTrainingSteps"), optional("numCycles"), optional("minLrRate"), optional("minLr"),
      optional("lrInit", Rule.NON_ZERO, r -> pick(r, 0.0, -0.0))) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      trainingSteps(r, m, warmup(r, m));
      numCycles(r, m);
      minLrRateOrMinLr(r, m);
    }

    @Override
    List<Mistake> mistakes() {
      return MIN_LR_MISTAKES;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      judgeMinLr(m, verdict);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.cosineWithMinLrScheduleWithWarmup(m.i("numWarmupSteps", 0),
          m.i("numTrainingSteps", 0), m.d("numCycles", 0.5), oneMinLr(m), given(m, "minLrRate"),
          m.d("lrInit", Double.NaN)));
    }
  },
  HF_COSINE_WARMUP_WITH_MIN_LR(ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR, Combining.ANYWHERE,
      required("numWarmupSteps"), required("numTrainingSteps"), optional("numCycles"), optional("minLrRate"),
      optional("minLr"), optional("lrInit", Rule.NON_ZERO, r -> pick(r, 0.0, -0.0)), optional("warmupLrRate")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      trainingSteps(r, m, warmup(r, m));
      numCycles(r, m);
      minLrRateOrMinLr(r, m);
      if (chance(r, 0.5)) {
        double rate = pick(r, 0.0, 0.2, uniform(r, 0, 1), 1.0, -0.5);
        m.put("warmupLrRate", lit(r, rate), rate);
      }
    }

    @Override
    List<Mistake> mistakes() {
      return MIN_LR_MISTAKES;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      judgeMinLr(m, verdict);
      // A warm-up from below 0 turns the rate negative.
      verdict.warnIf(m.value("warmupLrRate") instanceof Double rate && rate < 0);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.cosineWithMinLrScheduleWithWarmupLrRate(
          m.i("numWarmupSteps", 0), m.i("numTrainingSteps", 0), m.d("numCycles", 0.5), oneMinLr(m),
          given(m, "minLrRate"), given(m, "warmupLrRate"), m.d("lrInit", Double.NaN)));
    }
  },
  HF_WARMUP_STABLE_DECAY(ScheduleType.HF_WARMUP_STABLE_DECAY, Combining.ANYWHERE, required("numWarmupSteps"),
      required("numDecaySteps"), optional("numTrainingSteps"), optional("numStableSteps"), optional("warmupType"),
      optional("decayType"), optional("minLrRatio"), optional("numCycles")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int warmup = warmup(r, m);
      int decay = pickWeighted(r, () -> between(r, 0, 50), () -> between(r, 50, 5000),
          () -> pick(r, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
      m.put("numDecaySteps", lit(r, decay), decay);
      boolean both = warnings && chance(r, 0.1);
      if (r.nextBoolean() || both) {
        int stable = pickWeighted(r, () -> between(r, 0, 50), () -> between(r, 50, 5000),
            () -> pick(r, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
        m.put("numStableSteps", lit(r, stable), stable);
      }
      if (!m.has("numStableSteps") || both) {
        trainingSteps(r, m, warmup);
      }
      for (String curve : List.of("warmupType", "decayType")) {
        if (chance(r, 0.6)) {
          String type = pick(r, "LINEAR", "COSINE", "ONE_MINUS_SQRT");
          m.put(curve, "WsdType." + type, type);
        }
      }
      if (chance(r, 0.5)) {
        double ratio = pick(r, 0.0, 0.1, uniform(r, 0, 1), 1.0, 2.0);
        m.put("minLrRatio", lit(r, ratio), ratio);
      }
      numCycles(r, m);
    }

    /** A negative min_lr_ratio: the rate ends below 0. */
    @Override
    String odd(Random r, Member m) {
      double ratio = pick(r, -0.1, -uniform(r, 0, 1));
      m.put("minLrRatio", lit(r, ratio), ratio);
      return "negative minLrRatio";
    }

    /** The reference's ValueError without either length of the stable phase. */
    @Override
    List<Mistake> mistakes() {
      return List.of((r, config, m) -> {
        m.attrs.remove("numTrainingSteps");
        m.attrs.remove("numStableSteps");
        config.tags.add("wsd-length");
        return "neither numTrainingSteps nor numStableSteps";
      });
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      boolean training = m.has("numTrainingSteps");
      boolean stable = m.has("numStableSteps");
      if (!training && !stable) {
        verdict.error("wsd-length");
      }
      verdict.warnIf(training && stable);
      verdict.warnIf(m.value("minLrRatio") instanceof Double ratio && ratio < 0);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.wsdSchedule(m.i("numWarmupSteps", 0), m.i("numDecaySteps", 0),
          m.value("numTrainingSteps") instanceof Integer t ? t : null,
          m.value("numStableSteps") instanceof Integer s ? s : null,
          WsdType.valueOf(m.e("warmupType", "LINEAR")).torchName(),
          WsdType.valueOf(m.e("decayType", "COSINE")).torchName(), m.d("minLrRatio", 0.0), m.d("numCycles", 0.5)));
    }
  },
  DIFFUSERS_PIECEWISE_CONSTANT(ScheduleType.DIFFUSERS_PIECEWISE_CONSTANT, Combining.ANYWHERE, optional("ruleSteps"),
      optional("ruleFactors", Rule.FINITE, null), required("lastFactor")) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int count = pick(r, 0, 1, 3, between(r, 2, 8));
      int[] steps = new int[count];
      double[] factors = new double[count];
      int step = pick(r, 0, -5, between(r, 1, 20));
      for (int i = 0; i < count; i++) {
        step += pickWeighted(r, () -> between(r, 1, 30), () -> between(r, 30, 3000));
        steps[i] = step;
        factors[i] = pick(r, 1.0, 0.1, 0.5, uniform(r, 0, 2), 0.0);
      }
      // Written out of order, or a step twice, which the reference runs sorted, with a warning.
      if (warnings && count > 1 && chance(r, 0.3)) {
        int i = between(r, 1, count - 1);
        steps[i] = chance(r, 0.5) ? steps[i - 1] : steps[i - 1] - between(r, 1, 10);
      }
      if (count > 0 || chance(r, 0.5)) {
        m.put("ruleSteps", lit(r, steps), steps);
        m.put("ruleFactors", lit(r, factors), factors);
      }
      double last = pick(r, 0.005, 0.01, uniform(r, 0, 1), 0.0);
      m.put("lastFactor", lit(r, last), last);
    }

    /** A negative factor turns the rate negative. */
    @Override
    String odd(Random r, Member m) {
      double last = pick(r, -0.5, -uniform(r, 0, 1));
      m.put("lastFactor", lit(r, last), last);
      return "negative lastFactor";
    }

    /** Lists of different lengths, which no string of rules can say. */
    @Override
    List<Mistake> mistakes() {
      return List.of((r, config, m) -> {
        int[] steps = {10, 20};
        m.put("ruleSteps", lit(r, steps), steps);
        double[] factors = pick(r, new double[] {1.0}, new double[] {1.0, 0.5, 0.1}, new double[0]);
        m.put("ruleFactors", lit(r, factors), factors);
        config.tags.add("rule-lengths");
        return "ruleSteps and ruleFactors of different lengths";
      });
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      int[] steps = m.value("ruleSteps") instanceof int[] written ? written : new int[0];
      double[] factors = m.value("ruleFactors") instanceof double[] written ? written : new double[0];
      if (steps.length != factors.length) {
        verdict.error("rule-lengths");
        return;
      }
      for (int i = 1; i < steps.length; i++) {
        verdict.warnIf(steps[i] <= steps[i - 1]);
      }
      for (double factor : factors) {
        verdict.warnIf(factor < 0);
      }
      verdict.warnIf(m.value("lastFactor") instanceof Double last && last < 0);
    }

    /** Its reference is a LambdaLR. */
    @Override
    boolean setsTheRate() {
      return true;
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      int[] steps = m.value("ruleSteps") instanceof int[] written ? written : new int[0];
      double[] factors = m.value("ruleFactors") instanceof double[] written ? written : new double[0];
      return new PlainPyTorch.LambdaLR(o, PlainPyTorch.piecewiseConstantSchedule(steps, factors,
          m.d("lastFactor", Double.NaN)));
    }
  },
  TIMM_COSINE(ScheduleType.TIMM_COSINE, Combining.NEVER, TimmOracle.cycles(true, false, true)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      TimmOracle.sensibleCycles(r, m, true, false, warnings);
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.odd(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeCycles(m, verdict, "cosine");
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.cycles(m, o, "cosine");
    }
  },
  TIMM_TANH(ScheduleType.TIMM_TANH, Combining.NEVER, TimmOracle.cycles(false, true, false)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      TimmOracle.sensibleCycles(r, m, false, true, warnings);
    }

    @Override
    String odd(Random r, Member m) {
      return null;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeCycles(m, verdict, "tanh");
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.cycles(m, o, "tanh");
    }
  },
  TIMM_POLY(ScheduleType.TIMM_POLY, Combining.NEVER, TimmOracle.poly()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      TimmOracle.sensibleCycles(r, m, true, false, warnings);
      if (chance(r, 0.5)) {
        double power = pick(r, 0.5, 1.0, 2.0, uniform(r, 0.1, 4));
        m.put("power", lit(r, power), power);
      }
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.odd(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeCycles(m, verdict, "poly");
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.cycles(m, o, "poly");
    }
  },
  TIMM_STEP(ScheduleType.TIMM_STEP, Combining.NEVER, TimmOracle.steps()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int[] decayT = {pickWeighted(r, () -> between(r, 1, 30), () -> between(r, 30, 300))};
      m.put("decayT", pick(r, lit(r, decayT), Integer.toString(decayT[0])), decayT);
      TimmOracle.sensibleSteps(r, m, warnings);
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.odd(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeStep(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.step(m, o, false);
    }
  },
  TIMM_MULTI_STEP(ScheduleType.TIMM_MULTI_STEP, Combining.NEVER, TimmOracle.steps()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      int[] decayT = new int[between(r, 0, 5)];
      int at = 0;
      for (int i = 0; i < decayT.length; i++) {
        at += between(r, 0, 60);
        decayT[i] = at;
      }
      if (warnings && decayT.length > 1 && chance(r, 0.3)) {
        int i = between(r, 1, decayT.length - 1);
        decayT[i] = decayT[i - 1] - between(r, 1, 10);
      }
      m.put("decayT", lit(r, decayT), decayT);
      TimmOracle.sensibleSteps(r, m, warnings);
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.odd(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeMultiStep(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.step(m, o, true);
    }
  },
  TIMM_WSD(ScheduleType.TIMM_WSD, Combining.NEVER, TimmOracle.wsd()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      TimmOracle.sensibleWsd(r, m);
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.odd(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgeWsd(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.wsd(m, o);
    }
  },
  TIMM_PLATEAU(ScheduleType.TIMM_PLATEAU, Combining.NEVER, TimmOracle.plateau()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      TimmOracle.sensiblePlateau(r, m);
    }

    @Override
    String odd(Random r, Member m) {
      return TimmOracle.oddPlateau(r, m);
    }

    @Override
    List<String> modes() {
      return List.of("MIN", "MAX");
    }

    @Override
    boolean stepsWithMetric() {
      return true;
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      TimmOracle.judgePlateau(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return TimmOracle.plateau(m, o);
    }
  },
  KERAS_EXPONENTIAL_DECAY(ScheduleType.KERAS_EXPONENTIAL_DECAY, Combining.NEVER, FunctionOracle.kerasDecay()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleDecay(r, m);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.exponential(m, o);
    }
  },
  KERAS_PIECEWISE_CONSTANT_DECAY(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, Combining.NEVER, FunctionOracle.kerasPiecewise()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensiblePiecewise(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgePiecewise(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.piecewise(m, o);
    }
  },
  KERAS_POLYNOMIAL_DECAY(ScheduleType.KERAS_POLYNOMIAL_DECAY, Combining.NEVER, FunctionOracle.kerasPolynomial()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensiblePolynomial(r, m);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.polynomial(m, o);
    }
  },
  KERAS_INVERSE_TIME_DECAY(ScheduleType.KERAS_INVERSE_TIME_DECAY, Combining.NEVER, FunctionOracle.kerasDecay()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleDecay(r, m);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.inverseTime(m, o);
    }
  },
  KERAS_COSINE_DECAY(ScheduleType.KERAS_COSINE_DECAY, Combining.NEVER, FunctionOracle.kerasCosine()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleCosine(r, m);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.cosine(m, o);
    }
  },
  KERAS_COSINE_DECAY_RESTARTS(ScheduleType.KERAS_COSINE_DECAY_RESTARTS, Combining.NEVER, FunctionOracle.kerasRestarts()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleRestarts(r, m);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.restarts(m, o);
    }
  },
  OPTAX_CONSTANT(ScheduleType.OPTAX_CONSTANT, Combining.SEQUENTIAL, FunctionOracle.optaxConstant()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_LINEAR(ScheduleType.OPTAX_LINEAR, Combining.SEQUENTIAL, FunctionOracle.optaxLinear()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_POLYNOMIAL(ScheduleType.OPTAX_POLYNOMIAL, Combining.SEQUENTIAL, FunctionOracle.optaxPolynomial()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_EXPONENTIAL_DECAY(ScheduleType.OPTAX_EXPONENTIAL_DECAY, Combining.SEQUENTIAL, FunctionOracle.optaxExponential()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_COSINE_DECAY(ScheduleType.OPTAX_COSINE_DECAY, Combining.SEQUENTIAL, FunctionOracle.optaxCosine()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_WARMUP_COSINE_DECAY(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, Combining.SEQUENTIAL, FunctionOracle.optaxWarmupCosine()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_WARMUP_EXPONENTIAL_DECAY(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, Combining.SEQUENTIAL, FunctionOracle.optaxWarmupExponential()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_WARMUP_CONSTANT(ScheduleType.OPTAX_WARMUP_CONSTANT, Combining.SEQUENTIAL, FunctionOracle.optaxWarmupConstant()) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_PIECEWISE_CONSTANT(ScheduleType.OPTAX_PIECEWISE_CONSTANT, Combining.SEQUENTIAL, FunctionOracle.optaxPiecewise(false)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_PIECEWISE_INTERPOLATE(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, Combining.SEQUENTIAL, FunctionOracle.optaxPiecewise(true)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_LINEAR_ONECYCLE(ScheduleType.OPTAX_LINEAR_ONECYCLE, Combining.SEQUENTIAL, FunctionOracle.optaxOnecycle(true)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  },
  OPTAX_COSINE_ONECYCLE(ScheduleType.OPTAX_COSINE_ONECYCLE, Combining.SEQUENTIAL, FunctionOracle.optaxOnecycle(false)) {
    @Override
    void sensible(Random r, Config config, Member m, Role role, boolean warnings) {
      FunctionOracle.sensibleOptax(r, m);
    }

    @Override
    void judge(Member m, Placement placement, Verdict verdict) {
      FunctionOracle.judgeOptax(m, verdict);
    }

    @Override
    Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o) {
      return FunctionOracle.optax(m, o);
    }
  };

  /** The cosine-with-min-lr schedules' mistakes: both ends given, or neither, or minLr alone. */
  private static final List<Mistake> MIN_LR_MISTAKES = List.of((r, config, m) -> {
    double rate = pick(r, 0.1, 0.0);
    m.put("minLrRate", lit(r, rate), rate);
    double[] minLr = {pick(r, 1e-5, 0.0)};
    m.put("minLr", lit(r, minLr), minLr);
    config.tags.add("min-lr-conflict");
    return "minLr and minLrRate";
  }, (r, config, m) -> {
    m.attrs.remove("minLrRate");
    m.attrs.remove("minLr");
    config.tags.add("min-lr-missing");
    return "neither minLr nor minLrRate";
  }, (r, config, m) -> {
    m.attrs.remove("minLrRate");
    m.attrs.remove("lrInit");
    double[] minLr = {pick(r, 1e-5, 0.0)};
    m.put("minLr", lit(r, minLr), minLr);
    config.tags.add("required");
    return "minLr without lrInit";
  }, (r, config, m) -> {
    m.attrs.remove("minLrRate");
    double[] minLr = {1e-5, 2e-5};
    m.put("minLr", lit(r, minLr), minLr);
    m.put("lrInit", lit(r, 1e-3), 1e-3);
    config.tags.add("one-value");
    return "minLr per group";
  });

  /** Where a type may stand in {@code @Sequential} or {@code @Chained}. */
  enum Combining {
    ANYWHERE,
    /** First only, and without cycling momentum. */
    FIRST,
    /** Anywhere in {@code @Sequential}, never in {@code @Chained}: optax's schedules, which join_schedules joins. */
    SEQUENTIAL,
    NEVER
  }

  /**
   * An attribute a type takes: its documented rule (null where it has no range) and a draw of
   * values that break the rule (null where none can).
   */
  record Taken(String name, boolean required, Rule rule, Function<Random, Object> badValue) {}

  /** A mistake only one type can have: applies it and tags it, or returns null where it cannot. */
  interface Mistake {
    String apply(Random r, Config config, Member m);
  }

  private static final Map<ScheduleType, TypeOracle> BY_TYPE = new EnumMap<>(ScheduleType.class);

  static {
    for (TypeOracle oracle : values()) {
      BY_TYPE.put(oracle.type, oracle);
    }
  }

  static TypeOracle of(ScheduleType type) {
    TypeOracle oracle = BY_TYPE.get(type);
    if (oracle == null) {
      throw new AssertionError("no oracle for " + type);
    }
    return oracle;
  }

  /** The types with an oracle. */
  static Map<ScheduleType, TypeOracle> registry() {
    return Collections.unmodifiableMap(BY_TYPE);
  }

  final ScheduleType type;
  final Combining combining;
  private final List<Taken> attributes;

  TypeOracle(ScheduleType type, Combining combining, Taken... attributes) {
    this.type = type;
    this.combining = combining;
    this.attributes = List.of(attributes);
  }

  /** The attributes the type takes, in the order the generator and the rules go through them. */
  List<String> attributes() {
    return attributes.stream().map(Taken::name).toList();
  }

  boolean takes(String attribute) {
    return taken(attribute) != null;
  }

  List<String> required() {
    return attributes.stream().filter(Taken::required).map(Taken::name).toList();
  }

  /** The documented rule of {@code attribute}; null where it has none or the type does not take it. */
  Rule rule(String attribute) {
    Taken taken = taken(attribute);
    return taken == null ? null : taken.rule();
  }

  /** A value that breaks the rule of {@code attribute}, or null where it has none to break. */
  Object badValue(Random r, String attribute) {
    Taken taken = taken(attribute);
    return taken == null || taken.badValue() == null ? null : taken.badValue().apply(r);
  }

  private Taken taken(String attribute) {
    for (Taken taken : attributes) {
      if (taken.name().equals(attribute)) {
        return taken;
      }
    }
    return null;
  }

  /** Fills {@code m} as a user would write it, adding the methods it names to {@code config}. */
  abstract void sensible(Random r, Config config, Member m, Role role, boolean warnings);

  /**
   * Writes into {@code m} a value PyTorch runs to surprising numbers, such as a negative rate,
   * and says which; null where the type has none.
   */
  String odd(Random r, Member m) {
    return null;
  }

  /** The constants of {@code Mode} the type takes; none where it takes no mode. */
  List<String> modes() {
    return List.of();
  }

  /** The factor methods a config of this type names; none where it names no factor method. */
  List<Fn> factorCatalogue() {
    return List.of();
  }

  /** The mistakes only this type can have. */
  List<Mistake> mistakes() {
    return List.of();
  }

  boolean cyclesMomentum(Member m) {
    return false;
  }

  /** Whether the scheduler is stepped with a metric, a {@code MetricScheduler}, rather than by the step alone. */
  boolean stepsWithMetric() {
    return false;
  }

  /** In {@code @Chained}, whether it sets the rate rather than scaling the rate it is given. */
  boolean setsTheRate() {
    return false;
  }

  /**
   * In {@code @Chained} with no schedule after it that sets the rate, whether it may turn the
   * rate negative: the documented rule of [anneal.negative-rate].
   */
  boolean mayTurnNegativeInChain(Member m) {
    return false;
  }

  /** Adds the type's own errors and warnings beyond the rules every type follows. */
  void judge(Member m, Placement placement, Verdict verdict) {}

  /** PyTorch's scheduler for {@code m}, with PyTorch's defaults. */
  abstract Object toPlainPyTorch(Member m, PlainPyTorch.Optimizer o);

  // ---------------------------------------------------------------------------------------------
  // What several types share.

  static Taken optional(String name) {
    return new Taken(name, false, numberRule(name), null);
  }

  static Taken required(String name) {
    return new Taken(name, true, numberRule(name), null);
  }

  static Taken optional(String name, Rule rule, Function<Random, Object> badValue) {
    return new Taken(name, false, rule, badValue);
  }

  static Taken required(String name, Rule rule, Function<Random, Object> badValue) {
    return new Taken(name, true, rule, badValue);
  }

  /** A number without a documented range must still be finite. */
  private static Rule numberRule(String name) {
    Shape shape = ConfigDescription.SHAPES.get(name);
    return shape == Shape.INT || shape == Shape.DOUBLE || shape == Shape.DOUBLES ? Rule.FINITE : null;
  }

  static Object notPositive(Random r) {
    return pick(r, 0, -1, Integer.MIN_VALUE, -between(r, 2, 1000));
  }

  private static Object outsideUnitInterval(Random r) {
    return pick(r, -Double.MIN_VALUE, -0.5, Math.nextUp(1.0), 2.0, (double) Long.MAX_VALUE);
  }

  private static void gamma(Random r, Member m, double most) {
    if (chance(r, 0.3)) {
      return;
    }
    double gamma = pick(r, 0.1, 0.5, 0.9, 1.0, 0.0, -0.0, uniform(r, 0, 1), 1e-3, Double.MIN_VALUE,
        uniform(r, 1, most));
    m.put("gamma", lit(r, gamma), gamma);
  }

  private static String negativeGamma(Random r, Member m) {
    double gamma = pick(r, -0.5, -uniform(r, 0, 1), -1.0);
    m.put("gamma", lit(r, gamma), gamma);
    return "negative gamma";
  }

  /** A written gamma above 1 in magnitude: the rate grows, with [anneal.growing-rate]. */
  private static boolean grows(Member m) {
    return m.value("gamma") instanceof Double gamma && Double.isFinite(gamma) && Math.abs(gamma) > 1;
  }

  /**
   * {@code totalIters}: non-positive values (which warn) where {@code nonPositive}, 0 among them
   * only where {@code zero} (a later phase of @Sequential of LinearLR or PolynomialLR cannot start
   * with 0).
   */
  private static void totalIters(Random r, Member m, boolean nonPositive, boolean zero) {
    if (chance(r, 0.3)) {
      return;
    }
    int total = pickWeighted(r, () -> between(r, 1, 50), () -> between(r, 50, 400),
        () -> pick(r, Integer.MAX_VALUE, 1));
    if (nonPositive && chance(r, 0.3)) {
      total = zero ? pick(r, 0, -1, -between(r, 2, 100), Integer.MIN_VALUE)
          : pick(r, -1, -between(r, 2, 100), Integer.MIN_VALUE);
    }
    m.put("totalIters", lit(r, total), total);
  }

  private static void judgeTotalIters(Member m, Placement placement, Verdict verdict) {
    if (placement.startsThroughClosedForm() && m.has("totalIters") && m.i("totalIters", 5) == 0) {
      // PyTorch starts a later schedule, or the one behind a warm-up, through its closed form,
      // which divides by total_iters.
      verdict.error("invalid-value");
    }
    verdict.warnIf(m.has("totalIters") && m.i("totalIters", 5) <= 0);
  }

  /**
   * The end of a cosine-with-min-lr schedule: {@code minLrRate}, or {@code minLr} with the
   * optimizer's rate {@code lrInit}, as a user writes one or the other.
   */
  private static void minLrRateOrMinLr(Random r, Member m) {
    if (r.nextBoolean()) {
      double rate = pick(r, 0.1, 0.0, 0.05, uniform(r, 0, 1), 1.0, -0.1);
      m.put("minLrRate", lit(r, rate), rate);
    } else {
      double lrInit = pick(r, 1e-3, 0.1, uniform(r, 1e-5, 1), -1e-3);
      double[] minLr = {pick(r, 0.0, 1e-5, lrInit * uniform(r, 0, 1), lrInit)};
      m.put("minLr", lit(r, minLr), minLr);
      m.put("lrInit", lit(r, lrInit), lrInit);
    }
  }

  /**
   * The reference's ValueErrors on {@code min_lr} and {@code min_lr_rate}, {@code lrInit} where the
   * reference reads it, and {@code min_lr} as the one number it is there.
   */
  private static void judgeMinLr(Member m, Verdict verdict) {
    boolean rate = m.has("minLrRate");
    boolean minLr = m.has("minLr");
    boolean lrInit = m.has("lrInit");
    if (rate && minLr) {
      verdict.error("min-lr-conflict");
    } else if (!rate && !minLr) {
      verdict.error("min-lr-missing");
    } else if (minLr && !lrInit) {
      verdict.error("required");
    }
    verdict.warnIf(rate && !minLr && lrInit);
    if (m.value("minLr") instanceof double[] values && values.length > 1) {
      verdict.error("one-value");
    }
    if (!rate && m.value("minLr") instanceof double[] values && values.length == 1 && Double.isFinite(values[0])
        && m.value("lrInit") instanceof Double init && Double.isFinite(init) && init != 0
        && Double.isInfinite(values[0] / init)) {
      verdict.error("invalid-value");
    }
  }

  /** {@code minLr}'s one value, or null where it is not given. */
  private static Double oneMinLr(Member m) {
    return m.value("minLr") instanceof double[] values ? values[0] : null;
  }

  /** The value of a double attribute, or null, Python's None, where it is not given. */
  private static Double given(Member m, String attribute) {
    return m.value(attribute) instanceof Double value ? value : null;
  }

  /**
   * {@code numWarmupSteps} of transformers' schedules: mostly short, sometimes none, negative or
   * the largest int, all of which the reference runs.
   */
  private static int warmup(Random r, Member m) {
    int warmup = pickWeighted(r, () -> between(r, 0, 20), () -> between(r, 20, 2000),
        () -> pick(r, 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
    m.put("numWarmupSteps", lit(r, warmup), warmup);
    return warmup;
  }

  /**
   * {@code numTrainingSteps} after a warm-up of {@code warmup}: mostly after it, sometimes at it or
   * before it, which the reference runs as well.
   */
  private static int trainingSteps(Random r, Member m, int warmup) {
    long after = (long) warmup + pickWeighted(r, () -> between(r, 1, 50), () -> between(r, 50, 5000));
    int training = chance(r, 0.85) ? (int) Math.min(Integer.MAX_VALUE, after)
        : pick(r, warmup, 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE);
    m.put("numTrainingSteps", lit(r, training), training);
    return training;
  }

  /** {@code numCycles}: left out, whole or fractional, sometimes 0 or negative. */
  private static void numCycles(Random r, Member m) {
    if (chance(r, 0.4)) {
      return;
    }
    double cycles = pick(r, 0.5, 1.0, 2.0, 3.0, uniform(r, 0, 5), 0.0, -1.0, 0.25);
    m.put("numCycles", lit(r, cycles), cycles);
  }

  private static void etaMin(Random r, Member m) {
    if (chance(r, 0.4)) {
      return;
    }
    double etaMin = pick(r, 0.0, -0.0, uniform(r, 0, 1e-3), 1e-6, 0.5, Double.MIN_VALUE);
    m.put("etaMin", lit(r, etaMin), etaMin);
  }

  private static String oddEtaMin(Random r, Member m) {
    double etaMin = pick(r, -1e-3, -uniform(r, 0, 1), (double) Long.MAX_VALUE, 1e6);
    m.put("etaMin", lit(r, etaMin), etaMin);
    return "etaMin " + etaMin;
  }

  private static void momentum(Random r, Config config, Member m, boolean combined, boolean warnings) {
    boolean cycle = combined ? false : chance(r, 0.7);
    if (combined || !cycle || chance(r, 0.4)) {
      m.put("cycleMomentum", Boolean.toString(cycle), cycle);
    }
    if (cycle || (warnings && chance(r, 0.15))) {
      if (chance(r, 0.4)) {
        double[] base = perGroup(r, config.groups, () -> uniform(r, 0.5, 0.9));
        m.put("baseMomentum", lit(r, base), base);
      }
      if (chance(r, 0.4)) {
        double[] max = perGroup(r, config.groups, () -> uniform(r, 0.85, 0.99));
        m.put("maxMomentum", lit(r, max), max);
      }
    }
  }

  /** {@code lrLambda}: one method of {@code catalogue}, or one per group. */
  private static void factorMethods(Random r, Config config, Member m, List<Fn> catalogue,
      boolean mayBeGeneric) {
    int groups = config.groups;
    int count = groups > 1 && chance(r, 0.5) ? groups : 1;
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      if (mayBeGeneric && chance(r, 0.05)) {
        names[i] = ConfigMethods.GENERIC_FACTOR.name();
        config.methods.put(ConfigMethods.GENERIC_FACTOR.name(), ConfigMethods.GENERIC_FACTOR);
      } else {
        Fn fn = pick(r, catalogue);
        names[i] = fn.name();
        config.methods.put(fn.name(), fn.method(chance(r, 0.1)
            ? pick(r, " throws IllegalStateException", " throws ArithmeticException, AssertionError")
            : "", false));
      }
    }
    m.put("lrLambda", names(r, names), names);
  }

  private static LongToDoubleFunction[] factors(Member m) {
    String[] names = (String[]) m.value("lrLambda");
    LongToDoubleFunction[] functions = new LongToDoubleFunction[names.length];
    for (int i = 0; i < names.length; i++) {
      functions[i] = ConfigMethods.FACTOR_FUNCTIONS.get(names[i]);
    }
    return functions;
  }
}

package dev.anneal.processor;

import static dev.anneal.processor.ConfigSource.lit;
import static dev.anneal.processor.Draws.between;
import static dev.anneal.processor.Draws.chance;
import static dev.anneal.processor.Draws.pick;
import static dev.anneal.processor.Draws.uniform;

import dev.anneal.TimmDecayFn;
import dev.anneal.TimmStableFn;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.OutcomeOracle.Rule;
import dev.anneal.processor.OutcomeOracle.Verdict;
import dev.anneal.processor.TypeOracle.Taken;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the random configs know of timm's schedulers, shared by their {@link TypeOracle}
 * constants: their attributes and rules, configs a user would write (noised now and then), the
 * reference's refusals and warnings, and the plain port.
 */
final class TimmOracle {
  private TimmOracle() {}

  private static Object negative(Random r) {
    return pick(r, -1e-3, -Double.MIN_VALUE, -1.0);
  }

  private static Object negativeInt(Random r) {
    return pick(r, -1, -between(r, 2, 100), Integer.MIN_VALUE);
  }

  private static Object notPositiveDouble(Random r) {
    return pick(r, 0.0, -0.5, -1.0);
  }

  private static List<Taken> noiseAndScale(List<Taken> taken) {
    taken.add(TypeOracle.optional("noiseRangeT"));
    taken.add(TypeOracle.optional("noisePct"));
    taken.add(TypeOracle.optional("noiseStd"));
    taken.add(TypeOracle.optional("noiseSeed"));
    taken.add(TypeOracle.optional("lrScale"));
    return taken;
  }

  /** The attributes of the cosine ({@code kDecay}), the tanh ({@code lb}, {@code ub}) or the polynomial. */
  static Taken[] cycles(boolean kDecay, boolean tanh, boolean polyOrCosine) {
    List<Taken> taken = new ArrayList<>();
    taken.add(TypeOracle.required("tInitial", Rule.POSITIVE, TypeOracle::notPositive));
    if (tanh) {
      taken.add(TypeOracle.optional("lb"));
      taken.add(TypeOracle.optional("ub"));
    }
    taken.add(TypeOracle.optional("lrMin", Rule.NON_NEGATIVE, TimmOracle::negative));
    taken.add(TypeOracle.optional("cycleMul"));
    taken.add(TypeOracle.optional("cycleDecay"));
    if (tanh) {
      taken.add(TypeOracle.optional("cycleLimit", Rule.NON_NEGATIVE, TimmOracle::negativeInt));
      taken.add(TypeOracle.optional("warmupT", Rule.NON_NEGATIVE, TimmOracle::negativeInt));
      taken.add(TypeOracle.optional("warmupLrInit", Rule.NON_NEGATIVE, TimmOracle::negative));
    } else {
      taken.add(TypeOracle.optional("cycleLimit"));
      taken.add(TypeOracle.optional("warmupT"));
      taken.add(TypeOracle.optional("warmupLrInit"));
    }
    taken.add(TypeOracle.optional("warmupPrefix"));
    if (kDecay) {
      taken.add(TypeOracle.optional("kDecay"));
    }
    if (polyOrCosine && !kDecay) {
      throw new AssertionError();
    }
    List<Taken> all = noiseAndScale(taken);
    // The polynomial's power: taken by the polynomial alone, which the caller adds through cyclesPoly.
    return all.toArray(Taken[]::new);
  }

  static Taken[] poly() {
    List<Taken> taken = new ArrayList<>(List.of(cycles(true, false, true)));
    taken.add(1, TypeOracle.optional("power"));
    return taken.toArray(Taken[]::new);
  }

  static Taken[] steps() {
    List<Taken> taken = new ArrayList<>();
    taken.add(TypeOracle.required("decayT"));
    taken.add(TypeOracle.optional("decayRate"));
    taken.add(TypeOracle.optional("warmupT"));
    taken.add(TypeOracle.optional("warmupLrInit"));
    taken.add(TypeOracle.optional("warmupPrefix"));
    return noiseAndScale(taken).toArray(Taken[]::new);
  }

  static Taken[] wsd() {
    List<Taken> taken = new ArrayList<>();
    taken.add(TypeOracle.required("tInitial", Rule.POSITIVE, TypeOracle::notPositive));
    taken.add(TypeOracle.required("decayT"));
    taken.add(TypeOracle.optional("lrMin", Rule.NON_NEGATIVE, TimmOracle::negative));
    taken.add(TypeOracle.optional("stableFn"));
    taken.add(TypeOracle.optional("stableTimescale"));
    taken.add(TypeOracle.optional("stablePower", Rule.POSITIVE, TimmOracle::notPositiveDouble));
    taken.add(TypeOracle.optional("decayFn"));
    taken.add(TypeOracle.optional("decayPower", Rule.POSITIVE, TimmOracle::notPositiveDouble));
    taken.add(TypeOracle.optional("decayRatio"));
    taken.add(TypeOracle.optional("warmupT"));
    taken.add(TypeOracle.optional("warmupLrInit"));
    return noiseAndScale(taken).toArray(Taken[]::new);
  }

  static Taken[] plateau() {
    List<Taken> taken = new ArrayList<>();
    taken.add(TypeOracle.optional("decayRate", Rule.BELOW_ONE, r -> pick(r, 1.0, 1.5, Double.MAX_VALUE)));
    taken.add(TypeOracle.optional("patienceT"));
    taken.add(TypeOracle.optional("threshold"));
    taken.add(TypeOracle.optional("cooldownT"));
    taken.add(TypeOracle.optional("warmupT"));
    taken.add(TypeOracle.optional("warmupLrInit"));
    taken.add(TypeOracle.optional("lrMin"));
    taken.add(TypeOracle.optional("mode"));
    taken.add(TypeOracle.optional("noiseType"));
    return noiseAndScale(taken).toArray(Taken[]::new);
  }

  // ---------------------------------------------------------------------------------------------
  // Configs a user would write.

  private static void warmup(Random r, Member m, boolean prefix, boolean nonNegative) {
    if (chance(r, 0.5)) {
      int warmupT = pick(r, 1, 5, between(r, 1, 40), 0);
      m.put("warmupT", lit(r, warmupT), warmupT);
      if (chance(r, 0.7)) {
        double init = pick(r, 0.0, 1e-6, 1e-5, uniform(r, 0, 1e-3));
        m.put("warmupLrInit", lit(r, init), init);
      }
    }
    if (prefix && chance(r, 0.4)) {
      boolean value = r.nextBoolean();
      m.put("warmupPrefix", Boolean.toString(value), value);
    }
  }

  private static void scale(Random r, Member m) {
    if (chance(r, 0.3)) {
      double[] scale = chance(r, 0.5) ? new double[] {pick(r, 0.5, 2.0, 1.0)}
          : new double[] {1.0, pick(r, 0.1, 0.5, 2.0)};
      m.put("lrScale", lit(r, scale), scale);
    }
  }

  /**
   * timm's noise now and then, as a user would set it: a range of one value or two, and maybe its
   * size, spread and seed; below 1 in size, so that it never turns a rate negative.
   */
  private static void noise(Random r, Member m) {
    if (!chance(r, 0.3)) {
      return;
    }
    int from = pick(r, between(r, 0, 8), between(r, 8, 60));
    int[] range = chance(r, 0.4) ? new int[] {from} : new int[] {from, from + between(r, 1, 100)};
    m.put("noiseRangeT", lit(r, range), range);
    if (chance(r, 0.5)) {
      double pct = pick(r, 0.1, 0.3, uniform(r, 0.01, 0.99));
      m.put("noisePct", lit(r, pct), pct);
    }
    if (chance(r, 0.4)) {
      double std = pick(r, 0.5, 2.0, uniform(r, 0.1, 3.0));
      m.put("noiseStd", lit(r, std), std);
    }
    if (chance(r, 0.5)) {
      int seed = pick(r, between(r, 0, 1000), between(r, 0, Integer.MAX_VALUE - 100_000));
      m.put("noiseSeed", lit(r, seed), seed);
    }
  }

  /** The noise a member draws, or null where it draws none. */
  private static PlainPyTorch.Noise noiseOf(Member m) {
    int[] range = m.value("noiseRangeT") instanceof int[] written ? written : new int[0];
    if (range.length == 0) {
      return null;
    }
    return new PlainPyTorch.Noise(range, m.e("noiseType", "NORMAL").equals("NORMAL"), m.d("noisePct", 0.67),
        m.d("noiseStd", 1.0), m.i("noiseSeed", 42));
  }

  private static PlainPyTorch.Timm noised(PlainPyTorch.Timm scheduler, Member m) {
    scheduler.noise = noiseOf(m);
    return scheduler;
  }

  static void sensibleCycles(Random r, Member m, boolean kDecay, boolean tanh, boolean warnings) {
    int tInitial = pick(r, between(r, 2, 30), between(r, 30, 400), 1);
    m.put("tInitial", lit(r, tInitial), tInitial);
    if (chance(r, 0.5)) {
      double lrMin = pick(r, 0.0, 1e-6, 1e-5, uniform(r, 0, 1e-4));
      m.put("lrMin", lit(r, lrMin), lrMin);
    }
    if (chance(r, 0.3)) {
      double cycleMul = pick(r, 1.0, 1.5, 2.0, uniform(r, 1, 3));
      m.put("cycleMul", lit(r, cycleMul), cycleMul);
    }
    if (chance(r, 0.3)) {
      double cycleDecay = pick(r, 1.0, 0.5, 0.8, uniform(r, 0, 1));
      m.put("cycleDecay", lit(r, cycleDecay), cycleDecay);
    }
    if (chance(r, 0.4)) {
      int cycleLimit = pick(r, 1, 2, 3, between(r, 1, 10), 0);
      m.put("cycleLimit", lit(r, cycleLimit), cycleLimit);
    }
    warmup(r, m, true, tanh);
    if (kDecay && chance(r, 0.3)) {
      double k = pick(r, 1.0, 2.0, 0.5, uniform(r, 0.1, 3));
      m.put("kDecay", lit(r, k), k);
    }
    if (tanh && chance(r, 0.4)) {
      double lb = pick(r, -7.0, -6.0, uniform(r, -10, 0));
      double ub = pick(r, 3.0, 4.0, uniform(r, 0, 10));
      m.put("lb", lit(r, lb), lb);
      m.put("ub", lit(r, ub), ub);
    }
    scale(r, m);
    noise(r, m);
  }

  static void sensibleSteps(Random r, Member m, boolean warnings) {
    if (chance(r, 0.7)) {
      double rate = pick(r, 0.1, 0.5, 0.9, uniform(r, 0, 1), warnings ? 1.5 : 1.0);
      m.put("decayRate", lit(r, rate), rate);
    }
    warmup(r, m, true, false);
    scale(r, m);
    noise(r, m);
  }

  static void sensibleWsd(Random r, Member m) {
    int tInitial = between(r, 2, 400);
    int decayT = between(r, 1, tInitial);
    m.put("tInitial", lit(r, tInitial), tInitial);
    m.put("decayT", pick(r, lit(r, new int[] {decayT}), Integer.toString(decayT)), new int[] {decayT});
    if (chance(r, 0.5)) {
      double lrMin = pick(r, 0.0, 1e-6, uniform(r, 0, 1e-4));
      m.put("lrMin", lit(r, lrMin), lrMin);
    }
    warmup(r, m, false, false);
    if (chance(r, 0.5)) {
      String fn = pick(r, "CONSTANT", "RSQRT", "POWER");
      m.put("stableFn", "TimmStableFn." + fn, fn);
      if (!fn.equals("CONSTANT") && (m.i("warmupT", 0) <= 0 || chance(r, 0.3))) {
        double timescale = pick(r, 10.0, uniform(r, 1, 100));
        m.put("stableTimescale", lit(r, timescale), timescale);
      }
      if (fn.equals("POWER") && chance(r, 0.5)) {
        double power = pick(r, 0.3, 1.0, uniform(r, 0.1, 2));
        m.put("stablePower", lit(r, power), power);
      }
    }
    if (chance(r, 0.6)) {
      String fn = pick(r, "LINEAR", "ONE_MINUS_SQRT", "COSINE", "POWER", "EXP");
      m.put("decayFn", "TimmDecayFn." + fn, fn);
      if (fn.equals("POWER") && chance(r, 0.5)) {
        double power = pick(r, 2.0, 1.0, uniform(r, 0.1, 3));
        m.put("decayPower", lit(r, power), power);
      }
      if (fn.equals("EXP") && chance(r, 0.5)) {
        double ratio = pick(r, 0.05, uniform(r, 0.01, 0.99));
        m.put("decayRatio", lit(r, ratio), ratio);
      }
    }
    scale(r, m);
    noise(r, m);
  }

  /**
   * timm's plateau as a user would write it: the plateau's arguments, a warm-up in epochs, a floor,
   * a scale, noise now and then, of either type.
   */
  static void sensiblePlateau(Random r, Member m) {
    if (chance(r, 0.5)) {
      String mode = pick(r, "MIN", "MAX");
      m.put("mode", ConfigSource.modeSource(r, mode), mode);
    }
    if (chance(r, 0.6)) {
      double rate = pick(r, uniform(r, 0, 0.99), 0.0, 0.5, -0.0, 0.1);
      m.put("decayRate", lit(r, rate), rate);
    }
    if (chance(r, 0.6)) {
      int patience = pick(r, between(r, 0, 5), between(r, 5, 20), 0, Integer.MAX_VALUE);
      m.put("patienceT", lit(r, patience), patience);
    }
    if (chance(r, 0.5)) {
      double threshold = pick(r, 0.0, 1e-4, uniform(r, 0, 0.1), 0.5);
      m.put("threshold", lit(r, threshold), threshold);
    }
    if (chance(r, 0.5)) {
      int cooldown = pick(r, 0, between(r, 0, 10), Integer.MAX_VALUE);
      m.put("cooldownT", lit(r, cooldown), cooldown);
    }
    if (chance(r, 0.5)) {
      double lrMin = pick(r, 0.0, 1e-6, uniform(r, 0, 1e-3));
      m.put("lrMin", lit(r, lrMin), lrMin);
    }
    warmup(r, m, false, false);
    if (chance(r, 0.1)) {
      String noiseType = pick(r, "NORMAL", "UNIFORM");
      m.put("noiseType", "TimmNoiseType." + noiseType, noiseType);
    }
    scale(r, m);
    noise(r, m);
  }

  /** A negative decay rate with a negative floor, a negative scale or a warm-up from below 0. */
  static String oddPlateau(Random r, Member m) {
    if (chance(r, 0.4)) {
      double rate = -pick(r, 0.5, 2.0, 1e300);
      m.put("decayRate", lit(r, rate), rate);
      double lrMin = -pick(r, 1e-3, 1.0);
      m.put("lrMin", lit(r, lrMin), lrMin);
      return "negative decayRate and lrMin";
    }
    return odd(r, m);
  }

  /** A negative scale or a warm-up from below 0: the rate turns negative, which the reference runs. */
  static String odd(Random r, Member m) {
    if (r.nextBoolean()) {
      double[] scale = {-pick(r, 1.0, 0.5)};
      m.put("lrScale", lit(r, scale), scale);
      return "negative lrScale";
    }
    double init = -pick(r, 1e-3, 1e-5);
    m.put("warmupT", lit(r, 3), 3);
    m.put("warmupLrInit", lit(r, init), init);
    return "negative warmupLrInit";
  }

  // ---------------------------------------------------------------------------------------------
  // The reference's refusals and warnings, beyond single rules.

  private static boolean finite(Member m, String attribute) {
    return !(m.value(attribute) instanceof Double d) || Double.isFinite(d);
  }

  private static void judgeCommon(Member m, Verdict verdict, boolean decayRateSign) {
    int[] range = m.value("noiseRangeT") instanceof int[] written ? written : new int[0];
    if (range.length > 0) {
      double pct = m.d("noisePct", 0.67);
      if (Double.isFinite(pct) && !(pct > 0)) {
        verdict.error("invalid-value");
      }
      verdict.warnIf(range.length > 2);
    }
    verdict.warnIf(m.value("warmupLrInit") instanceof Double init && init < 0);
    verdict.warnIf(m.value("lrScale") instanceof double[] scale && java.util.Arrays.stream(scale).anyMatch(v -> v < 0));
    verdict.warnIf(decayRateSign && m.value("decayRate") instanceof Double rate && rate < 0);
  }

  static void judgeCycles(Member m, Verdict verdict, String kind) {
    judgeCommon(m, verdict, false);
    boolean tanh = kind.equals("tanh");
    int tInitial = m.i("tInitial", 0);
    double cycleMul = m.d("cycleMul", 1.0);
    int warmupT = m.i("warmupT", 0);
    boolean prefix = m.b("warmupPrefix", false);
    int cycleLimit = m.i("cycleLimit", 1);
    boolean rulesHold = tInitial > 0 && Double.isFinite(cycleMul) && (!tanh || warmupT >= 0);
    if (rulesHold && cycleMul < 1 && m.has("tInitial")) {
      verdict.error("invalid-value");
    }
    if (tanh) {
      double lb = m.d("lb", -7.0);
      double ub = m.d("ub", 3.0);
      if (Double.isFinite(lb) && Double.isFinite(ub) && !(lb < ub)) {
        verdict.error("invalid-value");
      }
      return;
    }
    double kDecay = m.d("kDecay", 1.0);
    boolean kRefused = Double.isFinite(kDecay) && kDecay < 0 && (cycleLimit > 1 || (prefix && warmupT >= 1));
    if (kRefused) {
      verdict.error("invalid-value");
    }
    if (kind.equals("poly") && Double.isFinite(kDecay) && finite(m, "power") && kDecay == 0
        && m.d("power", 0.5) < 0) {
      verdict.error("invalid-value");
    }
    verdict.warnIf(tInitial == 1 && cycleMul == 1 && m.d("cycleDecay", 1.0) == 1);
    verdict.warnIf(kDecay <= 0 && !kRefused);
  }

  static void judgeStep(Member m, Verdict verdict) {
    int[] decayT = m.value("decayT") instanceof int[] written ? written : null;
    if (decayT != null && decayT.length != 1) {
      verdict.error("one-value");
      return;
    }
    judgeCommon(m, verdict, true);
    double rate = m.d("decayRate", 1.0);
    if (decayT == null || !Double.isFinite(rate)) {
      return;
    }
    if (decayT[0] == 0 || decayT[0] < 0 && rate == 0) {
      verdict.error("invalid-value");
      return;
    }
    verdict.warnIf(decayT[0] > 0 ? Math.abs(rate) > 1 : Math.abs(rate) < 1 && rate != 0);
  }

  static void judgeMultiStep(Member m, Verdict verdict) {
    judgeCommon(m, verdict, true);
    int[] decayT = m.value("decayT") instanceof int[] written ? written : null;
    if (decayT == null) {
      return;
    }
    double rate = m.d("decayRate", 1.0);
    if (Double.isFinite(rate) && !Double.isFinite(Math.pow(rate, decayT.length))) {
      verdict.error("invalid-value");
    }
    verdict.warnIf(decayT.length == 0);
    for (int i = 1; i < decayT.length; i++) {
      verdict.warnIf(decayT[i] < decayT[i - 1]);
    }
  }

  /**
   * timm's plateau: torch's ReduceLROnPlateau refuses a factor of 1 or more (the attribute's
   * rule); the 'normal' noise's endless loop on a noise_pct of 0 or less; negative rates pointed
   * out as ReduceLROnPlateau's are, on a negative decay rate too.
   */
  static void judgePlateau(Member m, Verdict verdict) {
    int[] range = m.value("noiseRangeT") instanceof int[] written ? written : new int[0];
    if (range.length > 0) {
      double pct = m.d("noisePct", 0.67);
      if (m.e("noiseType", "NORMAL").equals("NORMAL") && Double.isFinite(pct) && !(pct > 0)) {
        verdict.error("invalid-value");
      }
      verdict.warnIf(range.length > 2);
    }
    verdict.warnIf(m.value("warmupLrInit") instanceof Double init && init < 0);
    verdict.warnIf(m.value("lrScale") instanceof double[] scale && java.util.Arrays.stream(scale).anyMatch(v -> v < 0));
    verdict.warnIf(m.value("decayRate") instanceof Double rate && rate < 0);
  }

  static void judgeWsd(Member m, Verdict verdict) {
    int[] decayT = m.value("decayT") instanceof int[] written ? written : null;
    if (decayT != null && decayT.length != 1) {
      verdict.error("one-value");
      return;
    }
    judgeCommon(m, verdict, false);
    int tInitial = m.i("tInitial", 0);
    int warmupT = m.i("warmupT", 0);
    double timescale = m.d("stableTimescale", warmupT);
    double ratio = m.d("decayRatio", 0.1);
    if (decayT == null || !m.has("tInitial") || tInitial <= 0 || !Double.isFinite(timescale)
        || !Double.isFinite(ratio)) {
      return;
    }
    String stableFn = m.e("stableFn", "CONSTANT");
    if (!(0 < decayT[0] && decayT[0] <= tInitial) || !(0 < ratio && ratio < 1)
        || !stableFn.equals("CONSTANT") && !(timescale > 0)) {
      verdict.error("invalid-value");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // timm's schedulers, plainly.

  private static double[] scale(Member m) {
    return m.ds("lrScale", 1.0);
  }

  static Object cycles(Member m, PlainPyTorch.Optimizer o, String kind) {
    return noised(new PlainPyTorch.TimmCycles(o, kind, m.i("tInitial", 0), m.d("lrMin", 0.0), m.d("cycleMul", 1.0),
        m.d("cycleDecay", 1.0), m.i("cycleLimit", 1), m.i("warmupT", 0), m.d("warmupLrInit", 0.0),
        m.b("warmupPrefix", false), m.d("kDecay", 1.0), m.d("power", 0.5), m.d("lb", -7.0), m.d("ub", 3.0), scale(m)), m);
  }

  static Object step(Member m, PlainPyTorch.Optimizer o, boolean multi) {
    return noised(new PlainPyTorch.TimmStep(o, (int[]) m.value("decayT"), multi, m.d("decayRate", 1.0),
        m.i("warmupT", 0), m.d("warmupLrInit", 0.0), m.b("warmupPrefix", true), scale(m)), m);
  }

  static Object plateau(Member m, PlainPyTorch.Optimizer o) {
    PlainPyTorch.TimmPlateau plateau = new PlainPyTorch.TimmPlateau(o, m.d("decayRate", 0.1), m.i("patienceT", 10),
        m.d("threshold", 1e-4), m.i("cooldownT", 0), m.i("warmupT", 0), m.d("warmupLrInit", 0.0), m.d("lrMin", 0.0),
        m.e("mode", "MAX").equals("MAX"), scale(m));
    plateau.noise = noiseOf(m);
    return plateau;
  }

  static Object wsd(Member m, PlainPyTorch.Optimizer o) {
    return noised(new PlainPyTorch.TimmWsd(o, m.i("tInitial", 0), ((int[]) m.value("decayT"))[0], m.d("lrMin", 0.0),
        TimmStableFn.valueOf(m.e("stableFn", "CONSTANT")).torchName(),
        m.value("stableTimescale") instanceof Double d ? d : null, m.d("stablePower", 0.5),
        TimmDecayFn.valueOf(m.e("decayFn", "ONE_MINUS_SQRT")).torchName(), m.d("decayPower", 0.5),
        m.d("decayRatio", 0.1), m.i("warmupT", 0), m.d("warmupLrInit", 0.0), scale(m)), m);
  }
}

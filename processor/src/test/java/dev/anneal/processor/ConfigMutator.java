package dev.anneal.processor;

import static dev.anneal.processor.ConfigDescription.MODES;
import static dev.anneal.processor.ConfigDescription.SHAPES;
import static dev.anneal.processor.ConfigSource.lit;
import static dev.anneal.processor.ConfigSource.modeSource;
import static dev.anneal.processor.ConfigSource.names;
import static dev.anneal.processor.Draws.between;
import static dev.anneal.processor.Draws.chance;
import static dev.anneal.processor.Draws.pick;

import dev.anneal.ScheduleType;
import dev.anneal.processor.ConfigDescription.Attr;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Expect;
import dev.anneal.processor.ConfigDescription.Fn;
import dev.anneal.processor.ConfigDescription.Kind;
import dev.anneal.processor.ConfigDescription.Member;
import dev.anneal.processor.ConfigDescription.Method;
import dev.anneal.processor.ConfigDescription.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invalid configs: a sensible config with one mistake, whose tag is known (in a schedule, a
 * combination, a {@code @Warmup} or what {@code @Bind} binds of one), or with a name javac cannot
 * resolve.
 */
final class ConfigMutator {
  private ConfigMutator() {}

  /** How the recipe of a config that javac itself must refuse starts. */
  static final String WRONG_TYPE = "javac: ";

  /** How the description of a mistake in a {@code @Warmup}, or in what binds one, starts. */
  static final String WARMUP_MISTAKE = "warm-up: ";

  /** A method declared twice, which no name can pick. */
  private static final String OVERLOADED = "overloaded";

  static Config broken(Random r, String name) {
    while (true) {
      Config config = ConfigGenerator.sensible(r, name, r.nextBoolean());
      String recipe = mutate(r, config);
      if (recipe == null) {
        continue;
      }
      config.expect = Expect.INVALID;
      if (recipe.startsWith(WRONG_TYPE)) {
        config.recipe = recipe;
        return config;
      }
      config.recipe = "invalid: " + recipe;
      Set<String> errors = new LinkedHashSet<>();
      if (OutcomeOracle.classify(config, errors) != Expect.INVALID
          || errors.stream().noneMatch(config.tags::contains)) {
        throw new AssertionError("a mistake that the rules do not refuse: " + recipe + " " + errors
            + "\n" + String.join("\n", ConfigSource.lines(config)));
      }
      return config;
    }
  }

  /** Applies one mistake; returns what it was, or null if none applied to this config. */
  private static String mutate(Random r, Config config) {
    Member m = pick(r, config.members);
    TypeOracle type = TypeOracle.of(m.type);
    int choice = r.nextInt(22);
    switch (choice) {
      case 0:
      case 1:
      case 2: {
        // A value out of its range.
        List<String> ranged = new ArrayList<>();
        for (String a : type.attributes()) {
          if (type.badValue(r, a) != null) {
            ranged.add(a);
          }
        }
        if (ranged.isEmpty()) {
          return null;
        }
        String a = pick(r, ranged);
        Object bad = type.badValue(r, a);
        m.put(a, bad instanceof Integer i ? lit(r, i) : lit(r, (Double) bad), bad);
        config.tags.add("invalid-value");
        return m.type + " " + a + " = " + bad;
      }
      case 3:
      case 4: {
        // NaN or an infinity in any number.
        List<String> doubles = new ArrayList<>();
        for (String a : type.attributes()) {
          if (SHAPES.get(a) == Shape.DOUBLE || SHAPES.get(a) == Shape.DOUBLES) {
            doubles.add(a);
          }
        }
        if (doubles.isEmpty()) {
          return null;
        }
        String a = pick(r, doubles);
        double bad = pick(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        if (SHAPES.get(a) == Shape.DOUBLE) {
          m.put(a, lit(r, bad), bad);
        } else {
          double[] list = m.has(a) ? ((double[]) m.value(a)).clone() : new double[] {0.1};
          if (chance(r, 0.2)) {
            list = new double[between(r, 1000, 3000)];
            Arrays.fill(list, 0.01);
          }
          list[r.nextInt(list.length)] = bad;
          m.put(a, lit(r, list), list);
        }
        config.tags.add("invalid-value");
        return m.type + " " + a + " = " + bad;
      }
      case 5: {
        List<String> required = type.required();
        if (required.isEmpty()) {
          return null;
        }
        String a = pick(r, required);
        m.attrs.remove(a);
        config.tags.add("required");
        return m.type + " without " + a;
      }
      case 6: {
        List<String> others = new ArrayList<>(ConfigDescription.ATTRIBUTES);
        others.removeAll(type.attributes());
        String a = pick(r, others);
        Attr value = wellTyped(r, a);
        m.attrs.put(a, value);
        config.tags.add("not-applicable");
        return a + " on " + m.type;
      }
      case 7: {
        if (type.modes().isEmpty()) {
          return null;
        }
        List<String> others = new ArrayList<>(MODES);
        others.removeAll(type.modes());
        String mode = pick(r, others);
        m.put("mode", modeSource(r, mode), mode);
        config.tags.add("invalid-mode");
        return m.type + " mode = " + mode;
      }
      case 8: {
        List<String> lists = new ArrayList<>();
        for (String a : type.attributes()) {
          if (SHAPES.get(a) == Shape.DOUBLES || SHAPES.get(a) == Shape.NAMES) {
            lists.add(a);
          }
        }
        if (lists.isEmpty()) {
          return null;
        }
        String a = pick(r, lists);
        m.put(a, "{}", SHAPES.get(a) == Shape.NAMES ? new String[0] : new double[0]);
        config.tags.add("list-empty");
        return m.type + " " + a + " = {}";
      }
      case 9: {
        List<String> lists = new ArrayList<>();
        for (String a : type.attributes()) {
          if (SHAPES.get(a) == Shape.DOUBLES) {
            lists.add(a);
          }
        }
        if (lists.size() < 2) {
          return null;
        }
        Collections.shuffle(lists, r);
        double[] two = {0.01, 0.02};
        double[] three = {0.01, 0.02, 0.03};
        m.put(lists.get(0), lit(r, two), two);
        m.put(lists.get(1), lit(r, three), three);
        config.tags.add("list-lengths");
        return m.type + " " + lists.get(0) + " 2 values, " + lists.get(1) + " 3";
      }
      case 10:
      case 11: {
        // A method name that names no fitting method.
        String attribute = type.attributes().stream()
            .filter(a -> SHAPES.get(a) == Shape.NAME || SHAPES.get(a) == Shape.NAMES)
            .findFirst().orElse(null);
        if (attribute == null) {
          return null;
        }
        boolean scale = SHAPES.get(attribute) == Shape.NAME;
        String name;
        String tag;
        int kind = r.nextInt(3);
        if (kind == 0) {
          name = pick(r, "missing", "decay", "", "warmup ten", "Stairs");
          tag = "method-missing";
        } else if (kind == 1) {
          // Two overloads that both fit a factor; a scale function has one shape, so it cannot.
          if (scale) {
            return null;
          }
          name = OVERLOADED;
          config.methods.put(OVERLOADED + "#1", new Method(OVERLOADED, "static double " + OVERLOADED
              + "(long step) {\n  return 0.5;\n}", true, false, "double", List.of("long")));
          config.methods.put(OVERLOADED + "#2", new Method(OVERLOADED, "static double " + OVERLOADED
              + "(int step) {\n  return 0.5;\n}", true, false, "double", List.of("int")));
          tag = "method-ambiguous";
        } else {
          Method decoy = pick(r, ConfigMethods.DECOYS);
          if (!scale && decoy.name().equals("longScale")) {
            return null;
          }
          name = decoy.name();
          config.methods.put(decoy.name(), decoy);
          tag = "method-signature";
        }
        if (scale) {
          m.put(attribute, "\"" + name.replace("\\", "\\\\") + "\"", name);
        } else {
          String[] names = ((String[]) m.value(attribute)).clone();
          names[r.nextInt(names.length)] = name;
          m.put(attribute, names(r, names), names);
        }
        config.tags.add(tag);
        return m.type + " names \"" + name + "\"";
      }
      case 12:
      case 13: {
        // The mistakes only the member's type can have, one to a draw.
        List<TypeOracle.Mistake> own = type.mistakes();
        int slot = choice - 12;
        return slot < own.size() ? own.get(slot).apply(r, config, m) : null;
      }
      case 14:
        return mutateCombination(r, config);
      case 15: {
        if (chance(r, 0.3)) {
          config.kind = Kind.CLASS;
          config.holder = "Holder" + config.name;
          config.privateHolder = true;
          config.tags.add("config-private");
          return "config in a private class";
        }
        if (chance(r, 0.3) && !type.factorCatalogue().isEmpty()) {
          String[] names = ((String[]) m.value("lrLambda")).clone();
          Fn fn = pick(r, type.factorCatalogue());
          for (int i = 0; i < names.length; i++) {
            if (i == 0 || chance(r, 0.5)) {
              names[i] = fn.name();
            }
          }
          m.put("lrLambda", names(r, names), names);
          config.methods.put(fn.name(), fn.method(pick(r, " throws Exception",
              " throws java.io.IOException", " throws IllegalStateException, InterruptedException"), true));
          config.tags.add("method-throws");
          return m.type + " names " + fn.name() + ", which throws a checked exception";
        }
        Kind kind = pick(r, Kind.INTERFACE, Kind.ENUM, Kind.ANNOTATION, Kind.PRIVATE_CLASS);
        if (kind == Kind.ANNOTATION && !config.methods.isEmpty()) {
          return null;
        }
        config.kind = kind;
        config.holder = null;
        config.tags.add(kind == Kind.PRIVATE_CLASS ? "config-private" : "config-kind");
        return "@Schedule on " + kind;
      }
      case 16:
      case 17: {
        String what = mutateWarmup(r, config);
        return what == null ? null : WARMUP_MISTAKE + what;
      }
      default:
        // In repeated @Schedule an unresolved name also breaks the container javac writes, and
        // then javac runs no processor at all: such configs belong with the mistyped ones.
        return config.members.size() > 1 ? null : WRONG_TYPE + unresolved(r, config, m);
    }
  }

  /** Any well-typed value for {@code attribute}, in range. */
  static Attr wellTyped(Random r, String attribute) {
    switch (SHAPES.get(attribute)) {
      case INT: {
        int v = between(r, 1, 10);
        return new Attr(lit(r, v), v);
      }
      case DOUBLE: {
        double v = 0.5;
        return new Attr(lit(r, v), v);
      }
      case DOUBLES: {
        double[] v = {0.5};
        return new Attr(lit(r, v), v);
      }
      case FACTORS: {
        double[] v = {0.5, 0.25};
        return new Attr(lit(r, v), v);
      }
      case INTS: {
        int[] v = {3, 6};
        return new Attr(lit(r, v), v);
      }
      case BOOLEAN:
        return new Attr("false", false);
      case MODE:
        return new Attr("TRIANGULAR", "TRIANGULAR");
      case SCALE_MODE:
        return new Attr("ScaleMode.CYCLE", "CYCLE");
      case ANNEAL:
        return new Attr("AnnealStrategy.COS", "COS");
      case THRESHOLD_MODE:
        return new Attr("ThresholdMode.REL", "REL");
      case WSD_TYPE:
        return new Attr("WsdType.LINEAR", "LINEAR");
      case TIMM_STABLE_FN:
        return new Attr("TimmStableFn.CONSTANT", "CONSTANT");
      case TIMM_DECAY_FN:
        return new Attr("TimmDecayFn.LINEAR", "LINEAR");
      case TIMM_NOISE_TYPE:
        return new Attr("TimmNoiseType.UNIFORM", "UNIFORM");
      case OPTAX_INTERPOLATE_TYPE:
        return new Attr("OptaxInterpolateType.COSINE", "COSINE");
      case NAME:
        return new Attr("\"flat\"", "flat");
      case NAMES:
        return new Attr("\"keep\"", new String[] {"keep"});
      default:
        throw new AssertionError(attribute);
    }
  }

  private static String mutateCombination(Random r, Config config) {
    int count = config.members.size();
    switch (r.nextInt(9)) {
      case 0:
        if (count < 2) {
          return null;
        }
        config.combinator = Combinator.NONE;
        config.milestonesSource = null;
        config.tags.add("combinator-missing");
        return count + " @Schedule without a combinator";
      case 1:
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        if (config.combinator == Combinator.CHAINED) {
          config.milestones = new int[count - 1];
          for (int i = 0; i < count - 1; i++) {
            config.milestones[i] = 10 * (i + 1);
          }
          config.milestonesSource = lit(r, config.milestones);
        }
        config.combinator = Combinator.BOTH;
        config.tags.add("combinator-conflict");
        return "@Sequential and @Chained";
      case 2: {
        config.members.clear();
        config.methods.clear();
        boolean sequential = r.nextBoolean();
        config.combinator = sequential ? Combinator.SEQUENTIAL : Combinator.CHAINED;
        config.milestonesSource = sequential ? pick(r, "{}", "{5}", "3") : null;
        config.tags.add("combinator-alone");
        return (sequential ? "@Sequential" : "@Chained") + " without @Schedule";
      }
      case 3: {
        if (config.combinator != Combinator.SEQUENTIAL) {
          return null;
        }
        int[] wrong = new int[r.nextBoolean() ? count : count + 1];
        for (int i = 0; i < wrong.length; i++) {
          wrong[i] = 10 * (i + 1);
        }
        config.milestones = wrong;
        config.milestonesSource = lit(r, wrong);
        config.tags.add("sequential-count");
        return wrong.length + " milestones for " + count + " schedules";
      }
      case 4: {
        if (config.combinator != Combinator.SEQUENTIAL || count < 2) {
          return null;
        }
        int[] wrong = config.milestones.clone();
        int i = r.nextInt(wrong.length);
        if (i > 0 && r.nextBoolean()) {
          wrong[i] = wrong[i - 1] - r.nextInt(3);
          config.tags.add("sequential-order");
        } else {
          wrong[i] = pick(r, 0, -1, Integer.MIN_VALUE);
          config.tags.add("sequential-range");
          config.tags.add("sequential-order");
        }
        config.milestones = wrong;
        config.milestonesSource = lit(r, wrong);
        return "@Sequential milestones " + Arrays.toString(wrong);
      }
      case 5: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member plateau = new Member(ScheduleType.REDUCE_ON_PLATEAU);
        config.members.add(r.nextInt(count + 1), plateau);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return "ReduceLROnPlateau in " + config.combinator;
      }
      case 6: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member cycling = new Member(pick(r, ScheduleType.CYCLIC, ScheduleType.ONE_CYCLE));
        if (cycling.type == ScheduleType.CYCLIC) {
          cycling.put("baseLr", "0.001", new double[] {0.001}).put("maxLr", "0.01", new double[] {0.01});
        } else {
          cycling.put("maxLr", "0.01", new double[] {0.01}).put("totalSteps", "100", 100);
        }
        if (r.nextBoolean()) {
          cycling.put("cycleMomentum", "true", true);
        }
        config.members.add(0, cycling);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return cycling.type + " cycling momentum in " + config.combinator;
      }
      case 7: {
        if (config.combinator == Combinator.NONE) {
          return null;
        }
        Member oneCycle = new Member(ScheduleType.ONE_CYCLE)
            .put("maxLr", "0.01", new double[] {0.01}).put("totalSteps", "1000", 1000)
            .put("cycleMomentum", "false", false);
        config.members.add(1 + r.nextInt(count), oneCycle);
        fixMilestones(r, config);
        config.tags.add("not-combinable");
        return "OneCycleLR after another schedule";
      }
      default: {
        if (config.combinator != Combinator.SEQUENTIAL) {
          return null;
        }
        ScheduleType type = pick(r, ScheduleType.LINEAR, ScheduleType.POLYNOMIAL);
        Member later = new Member(type).put("totalIters", lit(r, 0), 0);
        config.members.add(1 + r.nextInt(count), later);
        fixMilestones(r, config);
        config.tags.add("invalid-value");
        return type + " totalIters = 0 as a later phase";
      }
    }
  }

  /**
   * A mistake in a {@code @Warmup} or in what {@code @Bind} binds of one, each refused by a rule of
   * its Javadoc or the README; the config is given a valid warm-up first where the mistake needs one.
   */
  private static String mutateWarmup(Random r, Config config) {
    // The mistakes only a combination can have come up more often where the config has one.
    int choice = config.combinator == Combinator.SEQUENTIAL && chance(r, 0.3) ? 6
        : config.combinator == Combinator.CHAINED && chance(r, 0.3) ? 3 : r.nextInt(12);
    switch (choice) {
      case 0: {
        if (!warmedUp(r, config)) {
          return null;
        }
        int steps = pick(r, 0, -1, Integer.MIN_VALUE, -between(r, 2, 1000));
        config.unbind("warmupSteps");
        config.warmup.put("steps", lit(r, steps), steps);
        config.tags.add("invalid-value");
        return "@Warmup steps = " + steps;
      }
      case 1: {
        if (!warmedUp(r, config)) {
          return null;
        }
        double startFactor = pick(r, -0.5, -Double.MIN_VALUE, Math.nextUp(1.0), 2.0, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        config.unbind("warmupStartFactor");
        config.warmup.put("startFactor", lit(r, startFactor), startFactor);
        config.tags.add("invalid-value");
        return "@Warmup startFactor = " + startFactor;
      }
      case 2: {
        if (!warmedUp(r, config)) {
          return null;
        }
        config.warmup.attrs.remove("steps");
        config.unbind("warmupSteps");
        config.tags.add("required");
        return "@Warmup without steps";
      }
      case 3: {
        if (config.combinator != Combinator.CHAINED) {
          return null;
        }
        ConfigGenerator.writeWarmup(r, config, false);
        config.tags.add("warmup-chained");
        return "@Warmup in front of @Chained";
      }
      case 4: {
        if (config.combinator == Combinator.CHAINED) {
          return null;
        }
        boolean sequential = config.combinator == Combinator.SEQUENTIAL;
        Member oneCycle = new Member(ScheduleType.ONE_CYCLE)
            .put("maxLr", "0.01", new double[] {0.01}).put("totalSteps", "100000", 100_000);
        if (sequential || r.nextBoolean()) {
          oneCycle.put("cycleMomentum", "false", false);
        }
        config.members.set(0, oneCycle);
        if (config.warmup == null) {
          ConfigGenerator.writeWarmup(r, config, true);
        }
        config.tags.add("warmup-not-before");
        return "@Warmup in front of OneCycleLR";
      }
      case 5: {
        if (config.combinator != Combinator.NONE) {
          return null;
        }
        Member cyclic = new Member(ScheduleType.CYCLIC)
            .put("baseLr", "0.001", new double[] {0.001}).put("maxLr", "0.01", new double[] {0.01});
        if (r.nextBoolean()) {
          cyclic.put("cycleMomentum", "true", true);
        }
        config.members.set(0, cyclic);
        if (config.warmup == null) {
          ConfigGenerator.writeWarmup(r, config, true);
        }
        config.tags.add("warmup-not-before");
        return "@Warmup in front of a CyclicLR that cycles the momentum";
      }
      case 6: {
        if (config.combinator != Combinator.SEQUENTIAL || config.milestones.length == 0 || !warmedUp(r, config)) {
          return null;
        }
        int last = config.milestones[config.milestones.length - 1];
        int steps = chance(r, 0.3) ? Integer.MAX_VALUE : Integer.MAX_VALUE - last + between(r, 1, Math.min(last, 1000));
        config.unbind("warmupSteps");
        config.warmup.put("steps", lit(r, steps), steps);
        config.tags.add("invalid-value");
        return "@Warmup steps = " + steps + " moves milestone " + last + " past the largest int";
      }
      case 7: {
        if (config.combinator == Combinator.CHAINED) {
          return null;
        }
        ScheduleType type = pick(r, ScheduleType.LINEAR, ScheduleType.POLYNOMIAL);
        config.members.set(0, new Member(type).put("totalIters", lit(r, 0), 0));
        if (config.warmup == null) {
          ConfigGenerator.writeWarmup(r, config, true);
        }
        config.tags.add("invalid-value");
        return type + " totalIters = 0 behind @Warmup";
      }
      case 8: {
        config.warmup = null;
        // Without @Warmup, @Bind warmupSteps binds a schedule's own warmupSteps where it has one
        // (Keras's CosineDecay, optax's warm-ups): a mistake only for warmupStartFactor there.
        boolean ownWarmupSteps = config.members.stream().anyMatch(m -> TypeOracle.of(m.type).takes("warmupSteps"));
        String attribute = ownWarmupSteps ? "warmupStartFactor" : pick(r, "warmupSteps", "warmupStartFactor");
        if (config.binding(attribute) == null) {
          boolean steps = attribute.equals("warmupSteps");
          ConfigGenerator.bind(r, config, attribute, steps ? "int" : "double", steps ? "5" : "0.5", steps ? 5 : 0.5);
        }
        config.tags.add("bind-no-warmup");
        return "@Bind " + attribute + " without @Warmup";
      }
      case 9: {
        if (!warmedUp(r, config)) {
          return null;
        }
        boolean steps = config.combinator == Combinator.NONE && r.nextBoolean();
        String attribute = steps ? "warmupSteps" : "warmupStartFactor";
        config.warmup.attrs.remove(steps ? "steps" : "startFactor");
        String[] typed = steps
            ? pick(r, new String[] {"long", "5L"}, new String[] {"double", "5.0"}, new String[] {"short", "5"},
                new String[] {"Integer", "5"}, new String[] {"String", "\"5\""})
            : pick(r, new String[] {"float", "0.5f"}, new String[] {"int", "0"}, new String[] {"long", "0L"},
                new String[] {"Double", "0.5"}, new String[] {"double[]", "new double[] {0.5}"});
        ConfigGenerator.bind(r, config, attribute, typed[0], typed[1], null);
        config.tags.add("bind-type");
        return "@Bind " + typed[0] + " " + attribute;
      }
      case 10: {
        if (!warmedUp(r, config)) {
          return null;
        }
        boolean steps = config.combinator == Combinator.NONE && r.nextBoolean();
        if (steps) {
          int value = between(r, 1, 50);
          config.warmup.put("steps", lit(r, value), value);
          ConfigGenerator.bind(r, config, "warmupSteps", "int", lit(r, value), value);
        } else {
          double value = 0.25;
          config.warmup.put("startFactor", lit(r, value), value);
          ConfigGenerator.bind(r, config, "warmupStartFactor", "double", lit(r, value), value);
        }
        config.tags.add("bind-also-written");
        return "@Warmup " + (steps ? "steps" : "startFactor") + " written and bound";
      }
      default: {
        config.members.clear();
        config.methods.clear();
        config.combinator = Combinator.NONE;
        config.milestonesSource = null;
        if (config.warmup == null) {
          ConfigGenerator.writeWarmup(r, config, true);
        }
        config.tags.add("warmup-alone");
        return "@Warmup without @Schedule";
      }
    }
  }

  /**
   * Whether the config has a {@code @Warmup}, given it a valid one where the rules let it take one.
   */
  private static boolean warmedUp(Random r, Config config) {
    if (config.warmup == null) {
      if (!ConfigGenerator.mayWarmUp(config)) {
        return false;
      }
      ConfigGenerator.writeWarmup(r, config, true);
    }
    return true;
  }

  private static void fixMilestones(Random r, Config config) {
    if (config.combinator != Combinator.SEQUENTIAL && config.combinator != Combinator.BOTH) {
      return;
    }
    int[] milestones = new int[config.members.size() - 1];
    for (int i = 0; i < milestones.length; i++) {
      milestones[i] = 7 * (i + 1);
    }
    config.milestones = milestones;
    config.milestonesSource = lit(r, milestones);
  }

  /**
   * A name javac cannot resolve, in a value or as an attribute. javac reports it and still runs
   * the processor over the compilation unit, with an erroneous value in the annotation.
   */
  private static String unresolved(Random r, Config config, Member m) {
    config.tags.clear();
    switch (r.nextInt(7)) {
      case 0: {
        String a = pick(r, "stepSize", "tMax", "t0", "totalIters", "stepSizeUp", "totalSteps", "patience");
        String text = pick(r, "NOPE", "NOPE + 1", "Missing.VALUE", "-NOPE");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 1: {
        String a = pick(r, "gamma", "etaMin", "factor", "pctStart", "eps", "power");
        String text = pick(r, "NOPE", "Missing.VALUE * 2", "1.0 / NOPE");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 2: {
        String a = pick(r, "milestones", "baseLr", "maxLr", "minLr");
        String text = pick(r, "{1, NOPE}", "{NOPE}", "NOPE", "{NOPE, 2, 3}");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 3: {
        String a = pick(r, "lrLambda", "scaleFn");
        String text = a.equals("lrLambda") ? pick(r, "NOPE", "{\"keep\", NOPE}", "\"keep\" + NOPE")
            : pick(r, "NOPE", "\"flat\" + NOPE", "Missing.NAME");
        m.put(a, text, null);
        return a + " = " + text;
      }
      case 4: {
        String a = pick(r, "cycleMomentum", "threePhase");
        m.put(a, "NOPE", null);
        return a + " = NOPE";
      }
      case 5: {
        if (config.warmup == null) {
          ConfigGenerator.writeWarmup(r, config, true);
        }
        // Not shape: an unresolved enum constant keeps javac from running the processor at all.
        String a = pick(r, "steps", "startFactor");
        String text = a.equals("steps") ? pick(r, "NOPE", "NOPE + 1", "Missing.STEPS")
            : pick(r, "NOPE", "1.0 / NOPE", "Missing.VALUE");
        config.warmup.put(a, text, null);
        return "@Warmup " + a + " = " + text;
      }
      default: {
        String raw = pick(r, "foo = 1", "stepsize = 3", "T_max = 10", "lr = 0.1", "value = 2");
        m.rawAttrs.add(raw);
        return "unknown attribute " + raw;
      }
    }
  }

}

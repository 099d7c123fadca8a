package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.LrFunction;
import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumFunction;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.StepScheduler;
import dev.anneal.processor.ConfigDescription.Bound;
import dev.anneal.processor.ConfigDescription.Combinator;
import dev.anneal.processor.ConfigDescription.Config;
import dev.anneal.processor.ConfigDescription.Expect;
import dev.anneal.processor.ConfigDescription.Kind;
import dev.anneal.processor.ConfigDescription.Member;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The processor over thousands of random configs, many to a compilation unit: it never fails
 * inside, refuses every config the documented rules refuse with an error on that config's own
 * lines, and for every config it accepts generates code that compiles without a warning and steps
 * through PyTorch's rates, as {@link PlainPyTorch} computes them, within the conformance rule
 * {@code |actual - expected| <= 1e-10 |expected| + 1e-14 peak}.
 *
 * <p>A share of the configs carry a {@code @Warmup}, its steps and start factor written or bound
 * with {@code @Bind}: the documented warm-up, then SequentialLR handing over to the schedules (or
 * ReduceLROnPlateau's step against the best metric of the warm-up). A bound value out of its range
 * compiles, and building the scheduler must refuse it.
 *
 * <p>The configs come from {@link ConfigGenerator} and {@link ConfigMutator}. What each must give
 * is decided by {@link OutcomeOracle} and {@link PlainPyTorchModel} from the documented rules and
 * PyTorch's formulas, never from the processor or the classes it generates. The counts of what a
 * run exercised are printed at the end.
 */
class ProcessorRobustnessPropertyTest {

  /** Lint on, all of it: a config without a problem compiles without a warning. */
  private static final List<String> OPTIONS =
      List.of("-Xlint:all", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000");

  private static final AtomicInteger UNITS = new AtomicInteger();

  /** What a run exercised, printed once at the end. */
  private static final Map<String, Long> COUNTS = new TreeMap<>();

  private static synchronized void count(String what, long n) {
    COUNTS.merge(what, n, Long::sum);
  }

  @AfterContainer
  static void printCounts() {
    StringBuilder text = new StringBuilder("ProcessorRobustnessPropertyTest exercised:");
    COUNTS.forEach((what, n) -> text.append(String.format(Locale.ROOT, "%n  %8d  %s", n, what)));
    System.out.println(text);
  }

  /**
   * A known departure from what this test demands, with the configs it applies to and the text
   * by which its failure is recognised. A failure that matches is counted and printed instead of
   * failing the property, so that everything else is still held to the rule.
   */
  record KnownIssue(String description, Predicate<Config> applies, List<String> symptoms) {
    KnownIssue(String description, Predicate<Config> applies, String symptom) {
      this(description, applies, List.of(symptom));
    }

    boolean explains(Config config, String failure) {
      return applies.test(config) && symptoms.stream().anyMatch(failure::contains);
    }
  }

  static final List<KnownIssue> KNOWN_ISSUES = List.of(
      new KnownIssue("CosineAnnealingLR with etaMin below 0 or above a group's starting rate:"
          + " PyTorch's recurrence magnifies the rounding of the cosine's argument near a trough into"
          + " an error of about 1e-12 |etaMin|, beyond the rule where the rate passes close to zero",
          c -> c.members.stream().anyMatch(m -> m.type == ScheduleType.COSINE
              && (m.d("etaMin", 0) < 0 || m.d("etaMin", 0) > lowestStart(c))), "PyTorch gives"),
      new KnownIssue("CyclicLR where PyTorch's x = 1 + t / total_size - cycle rounds beyond the"
          + " rule and Anneal counts the position in whole steps, exactly: over a cycle of 2^20 steps"
          + " or more (few digits left of a small t / total_size), or where a half ends on a rate"
          + " ten times or more below the amplitude (maxLr far below baseLr in magnitude, a negative"
          + " baseLr included: an error of ulp(cycle) in x is then large beside the rate)",
          c -> c.members.stream().anyMatch(m -> m.type == ScheduleType.CYCLIC
              && (cycle(m) >= 1 << 20 || 10 * Arrays.stream(m.ds("maxLr", 0)).map(Math::abs).min().orElse(0)
                  < Arrays.stream(m.ds("baseLr", 0)).map(Math::abs).max().orElse(0))),
          "PyTorch gives"),
      new KnownIssue("LinearLR decaying to endFactor 0 in a @Chained config: PyTorch's last factor,"
          + " 1 + (end - start) / (start * total + (total - 1) * (end - start)), is 0 only to the rounding"
          + " of its denominator, so PyTorch leaves about 1e-14 of the rate before it where Anneal reaches"
          + " 0 exactly; after a chain's other factors that rate can be the run's peak, and the residue"
          + " then passes the rule's 1e-14 peak",
          c -> c.combinator == Combinator.CHAINED && c.members.stream()
              .anyMatch(m -> m.type == ScheduleType.LINEAR && m.d("endFactor", 1.0) == 0),
          "the generated scheduler 0.0 ("));

  /** The configs a known issue explained a failure of, each counted once. */
  private static final Map<KnownIssue, Set<Config>> EXPLAINED = new IdentityHashMap<>();

  private static synchronized boolean known(Config config, String failure) {
    for (KnownIssue issue : KNOWN_ISSUES) {
      if (issue.explains(config, failure)) {
        Set<Config> configs =
            EXPLAINED.computeIfAbsent(issue, i -> Collections.newSetFromMap(new IdentityHashMap<>()));
        if (configs.add(config)) {
          count("configs departing by a known issue: " + issue.description(), 1);
        }
        return true;
      }
    }
    return false;
  }

  /** The lowest rate a schedule of the config may start a group from. */
  private static double lowestStart(Config config) {
    double lowest = Arrays.stream(config.initialLrs).min().orElse(0);
    for (Member m : config.members) {
      if (m.type == ScheduleType.CYCLIC) {
        lowest = Math.min(lowest, Arrays.stream(m.ds("baseLr", 0)).min().orElse(0));
      } else if (m.type == ScheduleType.ONE_CYCLE) {
        double div = m.d("divFactor", 25);
        lowest = Math.min(lowest, Arrays.stream(m.ds("maxLr", 0)).map(v -> v / div).min().orElse(0));
      }
    }
    return lowest;
  }

  private static long cycle(Member cyclic) {
    long up = cyclic.i("stepSizeUp", 2000);
    return up + (cyclic.has("stepSizeDown") ? cyclic.i("stepSizeDown", 0) : up);
  }

  /** The nested configs of one compilation unit. */
  record Unit(String outer, List<Config> configs) {
    Unit without(List<Config> left) {
      List<Config> kept = new ArrayList<>(configs);
      kept.removeAll(left);
      return new Unit(outer, kept);
    }

    @Override
    public String toString() {
      return outer + " (" + configs.size() + " configs)";
    }
  }

  @Provide
  Arbitrary<Unit> acceptedUnits() {
    return Arbitraries.randomValue(random -> {
      String outer = "Accepted" + UNITS.incrementAndGet();
      List<Config> configs = new ArrayList<>();
      int size = 80 + random.nextInt(31);
      for (int i = 0; i < size; i++) {
        double p = random.nextDouble();
        String name = "C" + i;
        configs.add(p < 0.7 ? ConfigGenerator.sensible(random, name, false)
            : p < 0.88 ? ConfigGenerator.sensible(random, name, true)
            : ConfigGenerator.odd(random, name));
      }
      return new Unit(outer, configs);
    }).withoutEdgeCases();
  }

  @Provide
  Arbitrary<Unit> chainedUnits() {
    return Arbitraries.randomValue(random -> {
      String outer = "Chained" + UNITS.incrementAndGet();
      List<Config> configs = new ArrayList<>();
      int size = 50 + random.nextInt(21);
      for (int i = 0; i < size; i++) {
        configs.add(ConfigGenerator.chained(random, "C" + i));
      }
      return new Unit(outer, configs);
    }).withoutEdgeCases();
  }

  /**
   * Random @Chained pairs and triples with valid values, a third of them CosineAnnealingLR: a
   * config without a warning never gives a negative, NaN or infinite rate (the README's promise;
   * PyTorch's chained cosine recurrence can overshoot below 0 where another schedule lowers the
   * rate under eta_min, and exactly those get [anneal.negative-rate]), and every rate is PyTorch's.
   */
  @Property(tries = 3, seed = "20261205", shrinking = ShrinkingMode.OFF)
  void chainedConfigsWithoutAWarningNeverGiveANegativeRate(@ForAll("chainedUnits") Unit unit) {
    compileAndCheckAccepted(unit);
  }

  @Provide
  Arbitrary<Unit> mixedUnits() {
    return Arbitraries.randomValue(random -> {
      String outer = "Mixed" + UNITS.incrementAndGet();
      List<Config> configs = new ArrayList<>();
      int size = 100 + random.nextInt(51);
      for (int i = 0; i < size; i++) {
        double p = random.nextDouble();
        String name = "C" + i;
        configs.add(p < 0.55 ? ConfigMutator.broken(random, name)
            : p < 0.85 ? ConfigGenerator.junk(random, name)
            : ConfigGenerator.sensible(random, name, random.nextBoolean()));
      }
      return new Unit(outer, configs);
    }).withoutEdgeCases();
  }

  @Provide
  Arbitrary<Unit> mistypedUnits() {
    return Arbitraries.randomValue(random -> {
      String outer = "Mistyped" + UNITS.incrementAndGet();
      List<Config> configs = new ArrayList<>();
      int size = 40 + random.nextInt(21);
      for (int i = 0; i < size; i++) {
        String name = "C" + i;
        configs.add(random.nextDouble() < 0.7 ? ConfigGenerator.mistyped(random, name)
            : ConfigGenerator.sensible(random, name, random.nextBoolean()));
      }
      return new Unit(outer, configs);
    }).withoutEdgeCases();
  }

  /**
   * Accepted configs (schedules alone and in {@code @Sequential} and {@code @Chained}, with
   * extreme but valid values) compile without a diagnostic beyond the processor's own warnings on
   * their lines, and their generated schedulers give PyTorch's rates and momentum, stepped and
   * through {@code lrAt}.
   */
  @Property(tries = 12, seed = "20261128", shrinking = ShrinkingMode.OFF)
  void acceptedConfigsCompileCleanlyAndGivePyTorchsRates(@ForAll("acceptedUnits") Unit unit) {
    compileAndCheckAccepted(unit);
  }

  private static void compileAndCheckAccepted(Unit unit) {
    JavaFileObject source = source(unit);
    Compilation compilation = compile(unit, source);
    List<Config> failedInside = failedInside(unit, source, compilation);
    if (failedInside.isEmpty()) {
      checkAccepted(unit, source, compilation);
    } else {
      // A known failure inside stops the whole compilation: compile the others again.
      Unit rest = unit.without(failedInside);
      JavaFileObject restSource = source(rest);
      Compilation again = compile(rest, restSource);
      failedInside(rest, restSource, again);
      checkAccepted(rest, restSource, again);
    }
  }

  private static void checkAccepted(Unit unit, JavaFileObject source, Compilation compilation) {
    List<String> failures = new ArrayList<>();
    if (compilation.status() != Compilation.Status.SUCCESS) {
      failures.add("the compilation failed");
    }
    List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>(compilation.diagnostics());
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      Config config = configAt(unit, source, d);
      boolean inSource = d.getSource() != null && d.getSource().toUri().equals(source.toUri());
      boolean processorWarning = isWarning(d) && inSource && message(d).startsWith("[anneal.");
      if (config != null && !inSource && isWarning(d) && known(config, message(d))) {
        continue;
      }
      if (config == null || !processorWarning
          || (config.expect != Expect.WARNED && config.expect != Expect.ODD)) {
        failures.add("unexpected " + describe(d) + (config == null ? "" : "\n  on " + config));
      }
    }
    for (Config config : unit.configs()) {
      count("accepted configs: " + config.expect + (config.combinator == Combinator.NONE
          ? " " + config.members.get(0).type + " alone" : " " + config.combinator), 1);
      if (config.warmup != null) {
        count("configs with @Warmup, all properties", 1);
        count("accepted configs with @Warmup: in front of " + (config.combinator == Combinator.SEQUENTIAL
            ? "@Sequential" : TypeOracle.of(config.members.get(0).type).stepsWithMetric()
                ? config.members.get(0).type.torchName() : "one other schedule") + ", "
            + (config.bound.isEmpty() ? "written" : "bound"), 1);
      }
      if (config.expect == Expect.WARNED && diagnostics.stream()
          .noneMatch(d -> isWarning(d) && message(d).startsWith("[anneal.") && configAt(unit, source, d) == config)) {
        failures.add("no warning on " + config + "\n" + text(unit, config));
      }
    }
    if (failures.isEmpty()) {
      ClassLoader loader = Sources.loader(compilation);
      for (Config config : unit.configs()) {
        String failure = run(unit, config, loader);
        if (failure != null && !known(config, failure)) {
          failures.add(failure + "\n" + text(unit, config));
        }
      }
    }
    report(unit, failures);
  }

  /**
   * Refused configs (one mistake each in an otherwise sensible config, names javac cannot
   * resolve, and random attributes and values thrown together), with accepted ones among them:
   * every refused config has an error on its own lines, carrying the tag of its mistake where the
   * processor reports it; no accepted config has one; and the processor never fails inside.
   */
  @Property(tries = 10, seed = "20261128", shrinking = ShrinkingMode.OFF)
  void everyRefusedConfigHasAnErrorOnItsOwnLines(@ForAll("mixedUnits") Unit unit) {
    checkRefusals(unit);
  }

  /**
   * Values of the wrong type, repeated attributes, a missing type: javac refuses them itself and
   * then runs no processor over the compilation unit, which must still end in errors on those
   * configs and nothing from inside the processor.
   */
  @Property(tries = 4, seed = "20261128", shrinking = ShrinkingMode.OFF)
  void valuesOfTheWrongTypeAreJavacErrorsOnTheirOwnLines(@ForAll("mistypedUnits") Unit unit) {
    checkRefusals(unit);
  }

  private static void checkRefusals(Unit unit) {
    JavaFileObject source = source(unit);
    Compilation compilation = compile(unit, source);
    failedInside(unit, source, compilation);
    List<String> failures = new ArrayList<>();
    Map<Config, List<String>> errors = new IdentityHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Config config = configAt(unit, source, d);
      if (config == null || !d.getSource().toUri().equals(source.toUri())) {
        failures.add("an error outside every config: " + describe(d)
            + (config == null ? "" : "\n  in the class generated for " + config));
      } else {
        errors.computeIfAbsent(config, c -> new ArrayList<>()).add(message(d));
      }
    }
    for (Config config : unit.configs()) {
      List<String> own = errors.getOrDefault(config, List.of());
      String category = config.recipe.startsWith(ConfigMutator.WRONG_TYPE)
          ? (unit.outer().startsWith("Mistyped") ? "wrong type (javac runs no processor)" : "unresolved name")
          : config.recipe.startsWith("junk") ? "junk, " + config.expect : "one mistake or none, " + config.expect;
      count("refusal units: " + category, 1);
      if (config.warmup != null) {
        count("configs with @Warmup, all properties", 1);
        count("refusal units with @Warmup: " + category, 1);
      }
      if (config.recipe.startsWith("invalid: " + ConfigMutator.WARMUP_MISTAKE)) {
        count("refusal units: a warm-up mistake, tagged " + config.tags, 1);
      }
      for (String message : own) {
        if (message.startsWith("[anneal.") && message.contains("\"<error>\"")) {
          failures.add("the processor reads javac's placeholder for an erroneous value as a name: "
              + message + " on " + config + "\n" + text(unit, config));
        }
      }
      switch (config.expect) {
        case INVALID:
          if (own.isEmpty()) {
            failures.add("no error on " + config + ", which the rules refuse: " + config.tags
                + "\n" + text(unit, config));
          } else if (!config.tags.isEmpty() && own.stream()
              .noneMatch(m -> config.tags.stream().anyMatch(t -> m.contains("[anneal." + t + "]")))) {
            failures.add("no error tagged " + config.tags + " on " + config + ", only " + own
                + "\n" + text(unit, config));
          }
          break;
        case VALID:
        case WARNED:
        case ACCEPTED:
          if (own.stream().anyMatch(m -> !(m.contains("[anneal.internal]") && known(config, m)))) {
            failures.add("errors on " + config + ", which the rules accept: " + own + "\n" + text(unit, config));
          }
          break;
        default:
          break;
      }
    }
    if (!failures.isEmpty()) {
      // An error javac cannot recover from keeps it from running the processor at all.
      failures.add("javac's own errors in " + unit + ": " + compilation.errors().stream()
          .filter(d -> !message(d).startsWith("[anneal."))
          .map(ProcessorRobustnessPropertyTest::describe).limit(8).toList());
    }
    report(unit, failures);
  }

  // ---------------------------------------------------------------------------------------------

  private static JavaFileObject source(Unit unit) {
    return JavaFileObjects.forSourceLines(Sources.PACKAGE + "." + unit.outer(),
        ConfigSource.compilationUnit(unit.outer(), unit.configs()));
  }

  /** Compiles with the processor; an exception out of javac is a failure of the processor. */
  private static Compilation compile(Unit unit, JavaFileObject source) {
    try {
      Compilation compilation = Sources.compiler().withOptions(OPTIONS).compile(source);
      count("compilation units", 1);
      return compilation;
    } catch (RuntimeException e) {
      throw new AssertionError("an exception escaped javac on " + unit, e);
    }
  }

  /**
   * The configs on which the processor failed inside; fails unless every such failure is a known
   * issue of its config.
   */
  private static List<Config> failedInside(Unit unit, JavaFileObject source, Compilation compilation) {
    List<Config> failed = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (message(d).contains("[anneal.internal]")) {
        Config config = configAt(unit, source, d);
        if (config == null || !known(config, message(d))) {
          fail("the processor failed inside on " + (config == null ? unit : config) + ": " + describe(d)
              + (config == null ? "" : "\n" + text(unit, config)));
        }
        failed.add(config);
      }
    }
    return failed;
  }

  /**
   * The config whose lines hold the diagnostic, or whose generated class does; null if none
   * does.
   */
  private static Config configAt(Unit unit, JavaFileObject source, Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return null;
    }
    if (!d.getSource().toUri().equals(source.toUri())) {
      String file = d.getSource().getName();
      for (Config config : unit.configs()) {
        if (file.endsWith("/" + config.schedulerName(unit.outer()) + ".java")) {
          return config;
        }
      }
      return null;
    }
    long line = d.getLineNumber();
    for (Config config : unit.configs()) {
      if (line >= config.firstLine && line <= config.lastLine) {
        return config;
      }
    }
    return null;
  }

  private static boolean isWarning(Diagnostic<?> d) {
    return d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
  }

  private static String message(Diagnostic<?> d) {
    return d.getMessage(Locale.ROOT);
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    return d.getKind() + " in " + (d.getSource() == null ? "no file" : d.getSource().getName()) + ":"
        + d.getLineNumber() + ": " + message(d);
  }

  /** The source of one config, as it stands in its compilation unit. */
  private static String text(Unit unit, Config config) {
    return unit.outer() + ", lines " + config.firstLine + "-" + config.lastLine + ":\n"
        + String.join("\n", ConfigSource.lines(config));
  }

  private static void report(Unit unit, List<String> failures) {
    if (!failures.isEmpty()) {
      StringBuilder text = new StringBuilder(failures.size() + " failures in " + unit + ":");
      failures.stream().limit(12).forEach(f -> text.append("\n\n").append(f));
      if (failures.size() > 12) {
        text.append("\n\n").append(failures.get(failures.size() - 1));
      }
      fail(text.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running an accepted config against the model.

  /** Runs the generated scheduler of {@code config} against the model; returns what went wrong. */
  private static String run(Unit unit, Config config, ClassLoader loader) {
    List<String> refused = OutcomeOracle.refusedWhenBuilt(config);
    if (!refused.isEmpty()) {
      return refusedWhenBuilt(unit, config, loader, refused);
    }
    int groups = config.groups;
    PlainPyTorch.Optimizer optimizer = new PlainPyTorch.Optimizer(config.initialLrs.clone());
    Object model;
    try {
      model = PlainPyTorchModel.of(config, optimizer);
    } catch (PlainPyTorch.PythonError e) {
      return "PyTorch refuses " + config + ", accepted by the rules: " + e.getMessage();
    }
    boolean momentum = PlainPyTorchModel.cyclesMomentum(config);
    boolean plateau = TypeOracle.of(config.members.get(0).type).stepsWithMetric();
    int steps = config.steps;
    double[][] expected = new double[steps + 1][groups];
    double[][] expectedMomentum = new double[steps + 1][groups];
    for (int t = 0; t <= steps; t++) {
      for (int g = 0; g < groups; g++) {
        expected[t][g] = optimizer.lr(g);
        expectedMomentum[t][g] = optimizer.momentum(g);
      }
      if (t == steps) {
        break;
      }
      try {
        if (plateau) {
          ((PlainPyTorch.MetricStepped) model).step(config.metrics[t]);
        } else {
          ((PlainPyTorch.Scheduler) model).step();
        }
      } catch (PlainPyTorch.PythonError e) {
        // PyTorch itself stops here (a power that overflows after a thousand cycles): compare
        // the steps it ran.
        count("runs cut short where PyTorch raises", 1);
        steps = t;
        break;
      }
    }
    count("steps run", steps);
    if (steps >= 1000) {
      count("runs of 1000 to 5000 steps", 1);
    }
    double[] peak = peaks(expected, steps, groups);
    double[] momentumPeak = peaks(expectedMomentum, steps, groups);

    if (config.warmup != null) {
      count("warm-up configs run: in front of " + (plateau ? config.members.get(0).type.torchName()
          : "other schedules"), 1);
      count("steps run within a warm-up", Math.min(steps, (Integer) PlainPyTorchModel.warmupValue(config, "steps", 0)));
    }
    String name = Sources.PACKAGE + "." + config.schedulerName(unit.outer());
    LrScheduler scheduler;
    try {
      scheduler = build(unit, config, loader);
    } catch (InvocationTargetException e) {
      return "new " + name + "(" + describeArguments(config) + ") threw " + e.getCause();
    } catch (ReflectiveOperationException | ClassCastException e) {
      return "cannot build " + name + ": " + e;
    }
    if (scheduler.groupCount() != groups) {
      return "groupCount() = " + scheduler.groupCount() + ", expected " + groups;
    }
    if (plateau != scheduler instanceof MetricScheduler || plateau == scheduler instanceof StepScheduler) {
      return "plateau " + plateau + " but " + scheduler.getClass().getInterfaces().length + " interfaces: "
          + List.of(scheduler.getClass().getInterfaces());
    }
    if (momentum != scheduler instanceof MomentumScheduler) {
      return "momentum cycles: " + momentum + ", but MomentumScheduler: " + (scheduler instanceof MomentumScheduler);
    }
    boolean odd = config.expect == Expect.ODD;
    double[][] actual = new double[steps + 1][groups];
    double[][] actualMomentum = new double[steps + 1][groups];
    for (int t = 0; t <= steps; t++) {
      if (scheduler.stepCount() != t) {
        return "stepCount() = " + scheduler.stepCount() + " after " + t + " steps";
      }
      for (int g = 0; g < groups; g++) {
        double lr = scheduler.lr(g);
        actual[t][g] = lr;
        if (config.expect == Expect.VALID && !(lr >= 0 && lr <= Double.MAX_VALUE)
            && !timmWarmupResidue(config, lr, expected[t][g], peak[g])) {
          return "a config that compiles without a warning gave the rate " + lr + " at step " + t + ", group " + g
              + " (PyTorch: " + expected[t][g] + ")";
        }
        String wrong = check("lr", t, g, expected[t][g], lr, peak[g], odd);
        if (wrong != null) {
          return wrong;
        }
        if (momentum) {
          double m = ((MomentumScheduler) scheduler).momentum(g);
          actualMomentum[t][g] = m;
          wrong = check("momentum", t, g, expectedMomentum[t][g], m, momentumPeak[g], odd);
          if (wrong != null) {
            return wrong;
          }
        }
      }
      if (t == steps) {
        break;
      }
      try {
        if (plateau) {
          ((MetricScheduler) scheduler).step(config.metrics[t]);
        } else {
          ((StepScheduler) scheduler).step();
        }
      } catch (RuntimeException e) {
        return "step " + (t + 1) + " threw " + e;
      }
    }
    if (scheduler instanceof LrFunction function) {
      for (int t = 0; t <= steps; t++) {
        for (int g = 0; g < groups; g++) {
          String wrong;
          try {
            wrong = check("lrAt", t, g, actual[t][g], function.lrAt(t, g), peak[g], true);
          } catch (RuntimeException e) {
            wrong = "lrAt(" + t + ", " + g + ") threw " + e;
          }
          if (wrong != null) {
            return wrong;
          }
        }
      }
      count("lrAt calls checked", (long) (steps + 1) * groups);
    }
    if (momentum && scheduler instanceof MomentumFunction function) {
      for (int t = 0; t <= steps; t++) {
        for (int g = 0; g < groups; g++) {
          String wrong = check("momentumAt", t, g, actualMomentum[t][g], function.momentumAt(t, g),
              momentumPeak[g], true);
          if (wrong != null) {
            return wrong;
          }
        }
      }
    }
    return null;
  }

  /**
   * The one negative rate of a config without a warning that the README documents: timm's plateau
   * ends its warm-up at {@code warmup_lr_init + warmup_t * s}, {@code s = (base_lr -
   * warmup_lr_init) / warmup_t}, which rounding can put a hair below a group's initial rate of 0
   * (-1.7e-21 from 1e-5 over 5 epochs), and keeps it there, as timm does: the reference's very
   * number, a rounding of the group's largest rate.
   */
  private static boolean timmWarmupResidue(Config config, double lr, double reference, double peak) {
    return config.members.get(0).type == ScheduleType.TIMM_PLATEAU
        && Double.doubleToLongBits(lr) == Double.doubleToLongBits(reference) && Math.abs(lr) <= 1e-12 * peak;
  }

  /**
   * Builds the generated scheduler of {@code config}: from the initial rates, and where the config
   * binds values, from an instance of the config first, holding those values.
   */
  private static LrScheduler build(Unit unit, Config config, ClassLoader loader) throws ReflectiveOperationException {
    Class<?> type = Class.forName(Sources.PACKAGE + "." + config.schedulerName(unit.outer()), true, loader);
    if (config.bound.isEmpty()) {
      return (LrScheduler) type.getDeclaredConstructor(double[].class).newInstance((Object) config.initialLrs.clone());
    }
    Class<?> configType = Class.forName(Sources.PACKAGE + "." + config.binaryName(unit.outer()), true, loader);
    Constructor<?> constructor = configType.getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    // A record takes the bound values as its components, in order; an accessor returns its own.
    Object instance = config.kind == Kind.RECORD
        ? constructor.newInstance(config.bound.stream().map(Bound::value).toArray()) : constructor.newInstance();
    return (LrScheduler) type.getDeclaredConstructor(configType, double[].class)
        .newInstance(instance, config.initialLrs.clone());
  }

  private static String describeArguments(Config config) {
    String lrs = Arrays.toString(config.initialLrs);
    return config.bound.isEmpty() ? lrs : config.bound.stream()
        .map(b -> b.member() + " = " + b.value()).toList() + ", " + lrs;
  }

  /**
   * A config that compiles, and binds a value out of its range: building its scheduler must throw
   * IllegalArgumentException naming the rule's attribute, as the README shows for a bound value.
   */
  private static String refusedWhenBuilt(Unit unit, Config config, ClassLoader loader, List<String> refused) {
    String name = config.schedulerName(unit.outer());
    try {
      build(unit, config, loader);
      return "new " + name + "(" + describeArguments(config) + ") built, but the rules refuse " + refused;
    } catch (InvocationTargetException e) {
      String message = String.valueOf(e.getCause().getMessage());
      if (!(e.getCause() instanceof IllegalArgumentException)
          || refused.stream().noneMatch(a -> message.startsWith("Warmup: " + a + " "))) {
        return "new " + name + "(" + describeArguments(config) + ") threw " + e.getCause()
            + ", not IllegalArgumentException for Warmup's " + refused;
      }
      count("bound warm-up values refused when the scheduler is built", 1);
      return null;
    } catch (ReflectiveOperationException | ClassCastException e) {
      return "cannot build " + name + ": " + e;
    }
  }

  private static double[] peaks(double[][] values, int steps, int groups) {
    double[] peak = new double[groups];
    for (int t = 0; t <= steps; t++) {
      for (int g = 0; g < groups; g++) {
        if (Double.isFinite(values[t][g])) {
          peak[g] = Math.max(peak[g], Math.abs(values[t][g]));
        }
      }
    }
    return peak;
  }

  /**
   * The conformance rule; a value PyTorch makes infinite or NaN must be the same. Unless
   * {@code signFree}, the value must also be finite and, where PyTorch's is, non-negative.
   */
  private static String check(String what, int t, int g, double expected, double actual, double peak,
      boolean signFree) {
    // One step of the smallest subnormal apart is as close as two doubles can be; the relative
    // rule cannot resolve it where the peak itself is subnormal.
    boolean conforms = Double.isFinite(expected)
        ? Math.abs(actual - expected) <= 1e-10 * Math.abs(expected) + 1e-14 * peak
            || Math.abs(actual - expected) <= Double.MIN_VALUE
        : Double.compare(actual, expected) == 0;
    if (!conforms) {
      String reference = what.endsWith("At") ? "stepping gives " : "PyTorch gives ";
      return what + " at step " + t + ", group " + g + ": " + reference + expected + ", the generated"
          + " scheduler " + actual + " (error " + Math.abs(actual - expected) / Math.max(peak, Double.MIN_NORMAL)
          + " x peak " + peak + ")";
    }
    // PyTorch's own rounding can end a decay to 0 a few ulps below it (LinearLR's recurrence with
    // endFactor = 0): a negative rate is wrong only where PyTorch's is not.
    if (!signFree && !(Double.isFinite(actual) && (actual >= 0 || expected < 0))) {
      return what + " at step " + t + ", group " + g + " is " + actual + ", not a finite number >= 0"
          + " (PyTorch: " + expected + ")";
    }
    return null;
  }
}

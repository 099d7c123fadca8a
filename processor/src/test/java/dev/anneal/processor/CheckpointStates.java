package dev.anneal.processor;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.StepScheduler;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The configs whose saved states are kept in {@code states/before-rebuild.txt}, how each is run,
 * and the program that writes that file with a given build of the processor. {@code
 * CheckpointCompatibilityTest} restores those states into the schedulers that today's processor
 * generates from the same configs.
 *
 * <p>The configs, their initial rates and bound values, the steps and the metrics are fixed: the
 * states were saved with them. Never edit a run; add a new one (and regenerate the file with the
 * processor the states must come from). The test refuses a config whose source no longer matches
 * the one its state was saved from.
 *
 * <p>This file depends on nothing but the JDK and the runtime's interfaces, so that it runs as a
 * single-file program against the jars of an older build:
 * <pre>
 * java -cp RUNTIME_JAR processor/src/test/java/dev/anneal/processor/CheckpointStates.java \
 *     COMMIT PROCESSOR_JAR:JAVAPOET_JAR OUTPUT_FILE
 * </pre>
 * It compiles the configs with that processor against that runtime, steps each scheduler, and
 * writes its saved state and the rates (and momentum) of the steps that follow. See
 * CONTRIBUTING.md.
 */
final class CheckpointStates {
  private CheckpointStates() {}

  /** The package of every config; its scheduler is {@code test.<name>Scheduler}. */
  static final String PACKAGE = "test";

  /** The lines every config source starts with. */
  static final List<String> HEADER = List.of(
      "package " + PACKAGE + ";",
      "",
      "import dev.anneal.*;",
      "import static dev.anneal.ScheduleType.*;",
      "import static dev.anneal.Mode.*;",
      "");

  /** Steps recorded after the saved one: the rates at the saved step and at each of these. */
  static final int FOLLOWING = 8;

  /**
   * One config and how it is run: built with {@code initialLrs} (and, for a config with
   * {@code @Bind}, an instance made of {@code bound}), stepped {@code steps} times, then saved.
   */
  record Run(String name, double[] initialLrs, Object[] bound, int steps, String[] body) {
    /** The config's source lines. */
    List<String> lines() {
      List<String> lines = new ArrayList<>(HEADER);
      lines.addAll(List.of(body));
      return lines;
    }

    /** The config's source text, as compiled. */
    String source() {
      return String.join("\n", lines());
    }

    /** The CRC-32 of the config's source text, in hex: what a record names its config by. */
    String sourceId() {
      CRC32 crc = new CRC32();
      crc.update(source().getBytes(StandardCharsets.UTF_8));
      return String.format("%08x", crc.getValue());
    }

    /** The initial rates as a record writes them. */
    String initialLrsText() {
      return Arrays.stream(initialLrs).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    /** The bound values as a record writes them; empty without {@code @Bind}. */
    String boundText() {
      return Arrays.stream(bound).map(String::valueOf).collect(Collectors.joining(" "));
    }
  }

  private static Run run(String name, double[] initialLrs, int steps, String... body) {
    return new Run(name, initialLrs, new Object[0], steps, body);
  }

  private static Run bound(String name, double[] initialLrs, Object[] bound, int steps, String... body) {
    return new Run(name, initialLrs, bound, steps, body);
  }

  private static double[] lrs(double... initialLrs) {
    return initialLrs;
  }

  /**
   * Every schedule type alone, with values other than the defaults where they change the state
   * (CyclicLR in each mode and scale mode, OneCycleLR in three phases and linear, ReduceLROnPlateau
   * in each direction), one to three parameter groups, two {@code @Sequential}, a {@code @Chained}
   * and a {@code @Bind} config. Each is saved where a decay, a cycle, a phase or a milestone is
   * near, so that the steps recorded after it cross one.
   */
  static final List<Run> RUNS = List.of(
      run("StepDecay", lrs(0.1, 0.01), 7,
          "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
          "final class StepDecay {}"),
      run("MultiStepDecay", lrs(0.1, 0.01, 0.001), 5,
          "@Schedule(type = MULTI_STEP, milestones = {2, 5, 5, 9}, gamma = 0.3)",
          "final class MultiStepDecay {}"),
      run("ConstantWarmup", lrs(0.1, 0.01), 4,
          "@Schedule(type = CONSTANT, factor = 0.4, totalIters = 6)",
          "final class ConstantWarmup {}"),
      run("LinearWarmup", lrs(0.1, 0.01), 4,
          "@Schedule(type = LINEAR, startFactor = 0.2, endFactor = 0.9, totalIters = 7)",
          "final class LinearWarmup {}"),
      run("ExponentialDecay", lrs(0.1, 0.01), 9,
          "@Schedule(type = EXPONENTIAL, gamma = 0.85)",
          "final class ExponentialDecay {}"),
      run("PolynomialDecay", lrs(0.1, 0.01), 8,
          "@Schedule(type = POLYNOMIAL, totalIters = 12, power = 1.5)",
          "final class PolynomialDecay {}"),
      run("CosineAnnealing", lrs(0.1, 0.01), 4,
          "@Schedule(type = COSINE, tMax = 6, etaMin = 1e-3)",
          "final class CosineAnnealing {}"),
      run("WarmRestarts", lrs(0.1, 0.01), 5,
          "@Schedule(type = COSINE_WARM_RESTARTS, t0 = 2, tMult = 2, etaMin = 1e-4)",
          "final class WarmRestarts {}"),
      run("TwoLambdas", lrs(0.1, 0.01), 6,
          "@Schedule(type = LAMBDA, lrLambda = {\"stairs\", \"decay\"})",
          "final class TwoLambdas {",
          "  static double stairs(int step) {",
          "    return 1.0 / (1 + step / 3);",
          "  }",
          "",
          "  static double decay(long step) {",
          "    return Math.pow(0.9, step);",
          "  }",
          "}"),
      run("MultiplicativeDecay", lrs(0.1, 0.01), 6,
          "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
          "final class MultiplicativeDecay {",
          "  static double decay(int step) {",
          "    return step % 2 == 0 ? 0.9 : 0.95;",
          "  }",
          "}"),
      run("TriangularCyclic", lrs(0.1, 0.01), 6,
          "@Schedule(type = CYCLIC, baseLr = {1e-3, 1e-4}, maxLr = {1e-2, 2e-3}, stepSizeUp = 3, stepSizeDown = 2,",
          "    baseMomentum = {0.8, 0.85}, maxMomentum = 0.95)",
          "final class TriangularCyclic {}"),
      run("Triangular2Cyclic", lrs(0.1, 0.01), 9,
          "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, stepSizeDown = 3, mode = TRIANGULAR2)",
          "final class Triangular2Cyclic {}"),
      run("ExpRangeCyclic", lrs(0.1, 0.01), 7,
          "@Schedule(type = CYCLIC, baseLr = {1e-3, 1e-4}, maxLr = {1e-2, 2e-3}, stepSizeUp = 3, stepSizeDown = 2,",
          "    mode = EXP_RANGE, gamma = 0.9, cycleMomentum = false)",
          "final class ExpRangeCyclic {}"),
      run("PerCycleScaledCyclic", lrs(0.1, 0.01), 9,
          "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, scaleFn = \"shrink\",",
          "    scaleMode = ScaleMode.CYCLE, cycleMomentum = false)",
          "final class PerCycleScaledCyclic {",
          "  static double shrink(double cycle) {",
          "    return 1.0 / (1.0 + 0.25 * cycle);",
          "  }",
          "}"),
      run("PerStepScaledCyclic", lrs(0.1), 9,
          "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, scaleFn = \"shrink\",",
          "    scaleMode = ScaleMode.ITERATIONS)",
          "final class PerStepScaledCyclic {",
          "  static double shrink(double step) {",
          "    return 1.0 / (1.0 + 0.05 * step);",
          "  }",
          "}"),
      run("ThreePhaseOneCycle", lrs(0.1, 0.01), 12,
          "@Schedule(type = ONE_CYCLE, maxLr = {0.1, 0.02}, totalSteps = 30, threePhase = true, divFactor = 10,",
          "    finalDivFactor = 100, baseMomentum = 0.85, maxMomentum = {0.95, 0.9})",
          "final class ThreePhaseOneCycle {}"),
      run("LinearOneCycle", lrs(0.1), 7,
          "@Schedule(type = ONE_CYCLE, maxLr = 0.05, epochs = 4, stepsPerEpoch = 5, pctStart = 0.4,",
          "    annealStrategy = AnnealStrategy.LINEAR, cycleMomentum = false)",
          "final class LinearOneCycle {}"),
      run("MinPlateau", lrs(0.1, 0.01), 8,
          "@Schedule(type = REDUCE_ON_PLATEAU, factor = 0.5, patience = 1, cooldown = 1, minLr = {1e-3, 2e-3})",
          "final class MinPlateau {}"),
      run("MaxPlateau", lrs(0.1, 0.05, 0.01), 8,
          "@Schedule(type = REDUCE_ON_PLATEAU, mode = MAX, factor = 0.3, patience = 2, threshold = 0.01,",
          "    thresholdMode = ThresholdMode.ABS, cooldown = 2, minLr = 1e-3, eps = 1e-6)",
          "final class MaxPlateau {}"),
      run("WarmupCosineStep", lrs(0.1, 0.01), 5,
          "@Schedule(type = LINEAR, startFactor = 0.25, totalIters = 3)",
          "@Schedule(type = COSINE, tMax = 8)",
          "@Schedule(type = STEP, stepSize = 3, gamma = 0.5)",
          "@Sequential(milestones = {3, 8})",
          "final class WarmupCosineStep {}"),
      run("WarmupCyclicDecay", lrs(0.1, 0.01), 7,
          "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
          "@Schedule(type = CYCLIC, baseLr = 1e-3, maxLr = 1e-2, stepSizeUp = 2, mode = TRIANGULAR2,",
          "    cycleMomentum = false)",
          "@Schedule(type = MULTIPLICATIVE, lrLambda = \"decay\")",
          "@Sequential(milestones = {3, 8})",
          "final class WarmupCyclicDecay {",
          "  static double warmup(long step) {",
          "    return (step + 1) / 3.0;",
          "  }",
          "",
          "  static double decay(long step) {",
          "    return 0.9;",
          "  }",
          "}"),
      run("ChainedDecay", lrs(0.1, 0.01), 5,
          "@Schedule(type = LINEAR, startFactor = 0.25, totalIters = 4)",
          "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
          "@Schedule(type = MULTI_STEP, milestones = {6, 10}, gamma = 0.5)",
          "@Chained",
          "final class ChainedDecay {}"),
      bound("BoundCosine", lrs(0.1, 0.01), new Object[] {6, 1e-3}, 4,
          "@Schedule(type = COSINE)",
          "record BoundCosine(@Bind int tMax, @Bind double etaMin) {}"));

  /** The metrics a {@link MetricScheduler} observes: better, worse, plateaus, in each direction. */
  private static final double[] METRICS = {
      1.0, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6, 0.7, 0.8, 0.45, 0.9, 1.1, 1.2, 0.3, 0.31, 0.32, 0.33, 0.34, 0.35, 0.36};

  /** The metric observed on step {@code t} (counted from 0). */
  static double metric(int t) {
    return t < METRICS.length ? METRICS[t] : 1.0 + 0.01 * t;
  }

  /** Step {@code t} (counted from 0): with its metric for a metric scheduler. */
  static void step(LrScheduler scheduler, int t) {
    if (scheduler instanceof MetricScheduler metric) {
      metric.step(metric(t));
    } else {
      ((StepScheduler) scheduler).step();
    }
  }

  /** A fresh scheduler of {@code run}'s config, as generated into {@code loader}, with {@code initialLrs}. */
  static LrScheduler scheduler(ClassLoader loader, Run run, double[] initialLrs) {
    return scheduler(loader, run.name(), run.bound(), initialLrs);
  }

  /** A fresh scheduler of the config {@code name}, with an instance made of {@code bound} if it binds values. */
  static LrScheduler scheduler(ClassLoader loader, String name, Object[] bound, double[] initialLrs) {
    try {
      Class<?> type = Class.forName(PACKAGE + "." + name + "Scheduler", true, loader);
      if (bound.length == 0) {
        return (LrScheduler) type.getConstructor(double[].class).newInstance((Object) initialLrs.clone());
      }
      Class<?> configType = Class.forName(PACKAGE + "." + name, true, loader);
      Constructor<?> config = configType.getDeclaredConstructors()[0];
      config.setAccessible(true);
      Constructor<?> constructor = type.getDeclaredConstructor(configType, double[].class);
      constructor.setAccessible(true);
      return (LrScheduler) constructor.newInstance(config.newInstance(bound), initialLrs.clone());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the scheduler of " + name, e);
    }
  }

  /** Every group's rate, then every group's momentum where the scheduler drives it. */
  static double[][] readings(LrScheduler scheduler) {
    double[] lrs = new double[scheduler.groupCount()];
    for (int g = 0; g < lrs.length; g++) {
      lrs[g] = scheduler.lr(g);
    }
    if (!(scheduler instanceof MomentumScheduler momentum)) {
      return new double[][] {lrs};
    }
    double[] momentums = new double[lrs.length];
    for (int g = 0; g < momentums.length; g++) {
      momentums[g] = momentum.momentum(g);
    }
    return new double[][] {lrs, momentums};
  }

  /** Doubles as a record writes them: {@link Double#toHexString}, which keeps every bit. */
  static String exact(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toHexString).collect(Collectors.joining(" "));
  }

  /** Writes the records of {@link #RUNS}, compiled with the processor on {@code args[1]}. */
  public static void main(String[] args) throws IOException, URISyntaxException {
    if (args.length != 3) {
      System.err.println("usage: java -cp RUNTIME_JAR CheckpointStates.java COMMIT PROCESSOR_PATH OUTPUT_FILE");
      System.exit(2);
    }
    String commit = args[0];
    String processorPath = args[1];
    Path output = Path.of(args[2]);
    String runtime = new File(LrScheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    Path work = Files.createTempDirectory("checkpoint-states");
    try {
      Path sources = Files.createDirectories(work.resolve("src").resolve(PACKAGE));
      Path classes = Files.createDirectories(work.resolve("classes"));
      Path generated = Files.createDirectories(work.resolve("generated"));
      List<String> javacArgs = new ArrayList<>(List.of("-classpath", runtime, "-processorpath", processorPath,
          "-processor", "dev.anneal.processor.ScheduleProcessor", "-d", classes.toString(), "-s",
          generated.toString()));
      for (Run run : RUNS) {
        Path file = sources.resolve(run.name() + ".java");
        Files.writeString(file, run.source(), StandardCharsets.UTF_8);
        javacArgs.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac.run(null, System.err, System.err, javacArgs.toArray(String[]::new)) != 0) {
        throw new IllegalStateException("the configs did not compile");
      }
      StringBuilder out = new StringBuilder();
      out.append("# Saved states of schedulers generated by the Anneal processor of commit ").append(commit)
          .append(",\n")
          .append("# with the configs, initial rates, bound values, steps and metrics of CheckpointStates.RUNS.\n")
          .append("# Written by CheckpointStates (processor/src/test/java/dev/anneal/processor) with the jars\n")
          .append("# built from that commit (mvn -pl runtime,processor package -DskipTests):\n")
          .append("#   java -cp RUNTIME_JAR processor/src/test/java/dev/anneal/processor/CheckpointStates.java \\\n")
          .append("#       ").append(commit).append(" PROCESSOR_JAR:JAVAPOET_JAR OUTPUT_FILE\n")
          .append("# See CONTRIBUTING.md. Read by CheckpointCompatibilityTest; never edit it by hand.\n")
          .append("#\n")
          .append("# A record per config, records apart by a blank line:\n")
          .append("#   config NAME source CRC-32 OF ITS SOURCE TEXT\n")
          .append("#   lrs INITIAL RATES\n")
          .append("#   bound BOUND VALUES (a config with @Bind)\n")
          .append("#   steps STEPS TAKEN BEFORE SAVING\n")
          .append("#   state saveState() IN HEX\n")
          .append("#   lr STEP RATE OF EACH GROUP (Double.toHexString), at the saved step and the ")
          .append(FOLLOWING).append(" after it\n")
          .append("#   momentum STEP MOMENTUM OF EACH GROUP (a scheduler that drives momentum)\n");
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          CheckpointStates.class.getClassLoader())) {
        for (Run run : RUNS) {
          LrScheduler scheduler = scheduler(loader, run, run.initialLrs());
          for (int t = 0; t < run.steps(); t++) {
            step(scheduler, t);
          }
          out.append('\n')
              .append("config ").append(run.name()).append(" source ").append(run.sourceId()).append('\n')
              .append("lrs ").append(run.initialLrsText()).append('\n');
          if (run.bound().length > 0) {
            out.append("bound ").append(run.boundText()).append('\n');
          }
          out.append("steps ").append(scheduler.stepCount()).append('\n')
              .append("state ").append(HexFormat.of().formatHex(scheduler.saveState())).append('\n');
          StringBuilder momentums = new StringBuilder();
          for (int t = run.steps(); ; t++) {
            double[][] readings = readings(scheduler);
            out.append("lr ").append(t).append(' ').append(exact(readings[0])).append('\n');
            if (readings.length > 1) {
              momentums.append("momentum ").append(t).append(' ').append(exact(readings[1])).append('\n');
            }
            if (t == run.steps() + FOLLOWING) {
              break;
            }
            step(scheduler, t);
          }
          out.append(momentums);
        }
      }
      Files.writeString(output, out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}

package dev.anneal.benchmarks;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's compile-time cost: compiles the same set of annotated configs in-process, once
 * without annotation processing and once with the Anneal processor, several times each, and
 * reports the difference of the medians per config. The processor's share includes compiling the
 * scheduler classes it generates, which is what a build pays for it. A third kind of run, the
 * processor alone ({@code -proc:only}: generation without compiling anything), and a fourth, the
 * configs together with the schedulers generated beforehand and no processing, show how that share
 * divides between running the processor and compiling what it wrote. A fifth, a processor that
 * writes an empty class for each config, is javac's own price for one generated source file per
 * config (its Filer, the extra round, parsing and compiling a class): the floor under any
 * processor of this shape, whatever it generates.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.anneal.benchmarks.ProcessorCost \
 *     [configs] [runs] [types] [warm-up runs]
 * </pre>
 *
 * <p>Defaults: 1,000 configs, 7 measured runs of each kind after 5 warm-up runs of each, the
 * kinds interleaved so that all see the same state of the JIT and the file system. The configs
 * cycle through the first {@code types} schedule types in the order of {@link ScheduleType} (all by
 * default).
 */
public final class ProcessorCost {

  private static final String PACKAGE = "costcheck";
  private static final int TYPES = ScheduleType.values().length;
  private static final String PROCESSOR = "dev.anneal.processor.ScheduleProcessor";

  private ProcessorCost() {}

  /** Runs the measurement and prints the medians and the cost per config. */
  public static void main(String[] args) throws IOException {
    int configs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int types = args.length > 2 ? Integer.parseInt(args[2]) : TYPES;
    if (types < 1 || types > TYPES) {
      throw new IllegalArgumentException("types must be in 1.." + TYPES + ": " + types);
    }
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Path runtime = runtimeClasses();
    String classPath = runtime.toString();
    List<JavaFileObject> sources = new ArrayList<>(configs);
    for (int i = 0; i < configs; i++) {
      sources.add(new Source(PACKAGE + "/" + className(i) + ".java", configSource(i, types)));
    }
    List<JavaFileObject> withGenerated = new ArrayList<>(sources);
    withGenerated.addAll(generatedSources(javac, classPath, sources));

    long[][] times = new long[Processing.values().length][runs];
    for (int r = -warmups; r < runs; r++) {
      for (Processing processing : Processing.values()) {
        List<JavaFileObject> inputs = processing == Processing.PLAIN ? withGenerated : sources;
        long nanos = compile(javac, classPath, inputs, processing, configs);
        if (r >= 0) {
          times[processing.ordinal()][r] = nanos;
        }
      }
    }

    System.out.printf(
        Locale.ROOT, "%d configs of %d schedule types; median of %d runs after %d warm-up runs%n",
        configs, types, runs, warmups);
    for (Processing processing : Processing.values()) {
      long[] nanos = times[processing.ordinal()];
      System.out.printf(
          Locale.ROOT, "%-48s %8.1f ms  (runs: %s)%n",
          processing.description, median(nanos) / 1e6, millis(nanos));
    }
    double without = median(times[Processing.NONE.ordinal()]) / 1e6;
    double with = median(times[Processing.FULL.ordinal()]) / 1e6;
    System.out.printf(
        Locale.ROOT, "processor cost: %.3f ms per config%n", (with - without) / configs);
    double empty = median(times[Processing.EMPTY.ordinal()]) / 1e6;
    System.out.printf(
        Locale.ROOT, "an empty class per config: %.3f ms per config%n", (empty - without) / configs);
  }

  /**
   * Writes {@code <Config>Scheduler}, an empty class, for each class annotated with
   * {@code @Schedule}, through the Filer as the Anneal processor does.
   */
  @SupportedAnnotationTypes("dev.anneal.Schedule")
  private static final class EmptyClassProcessor extends AbstractProcessor {
    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement annotation : annotations) {
        for (TypeElement config : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
          String name = config.getSimpleName() + "Scheduler";
          try {
            JavaFileObject source = processingEnv.getFiler().createSourceFile(PACKAGE + "." + name, config);
            try (Writer out = source.openWriter()) {
              out.write("package " + PACKAGE + ";\n\nfinal class " + name + " {\n}\n");
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return false;
    }
  }

  /** How a compilation treats annotations. */
  private enum Processing {
    NONE("without the processor (-proc:none)"),
    FULL("with the processor"),
    ONLY("the processor alone (-proc:only, no class files)"),
    PLAIN("configs and generated sources, -proc:none"),
    EMPTY("a processor writing an empty class per config");

    final String description;

    Processing(String description) {
      this.description = description;
    }
  }

  /** One compilation of all sources into a fresh directory; returns its wall time in ns. */
  private static long compile(
      JavaCompiler javac, String classPath, List<JavaFileObject> sources, Processing processing,
      int configs) throws IOException {
    Path out = Files.createTempDirectory("anneal-cost");
    try {
      Path classes = Files.createDirectories(out.resolve("classes"));
      Path generated = Files.createDirectories(out.resolve("generated"));
      List<String> options = new ArrayList<>(List.of(
          "-classpath", classPath,
          "-d", classes.toString(),
          "-s", generated.toString(),
          "-implicit:none"));
      if (processing == Processing.NONE || processing == Processing.PLAIN) {
        options.add("-proc:none");
      } else if (processing == Processing.ONLY) {
        options.add("-proc:only");
      }
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics, options, null, sources);
        if (processing == Processing.FULL || processing == Processing.ONLY) {
          task.setProcessors(List.of(newProcessor()));
        } else if (processing == Processing.EMPTY) {
          task.setProcessors(List.of(new EmptyClassProcessor()));
        }
        long start = System.nanoTime();
        boolean ok = task.call();
        long elapsed = System.nanoTime() - start;
        if (!ok) {
          throw new IllegalStateException("compilation failed: " + errors(diagnostics));
        }
        if (processing != Processing.NONE && processing != Processing.ONLY) {
          long schedulers = countFiles(classes, "Scheduler.class");
          if (schedulers != configs) {
            throw new IllegalStateException(
                "expected " + configs + " generated schedulers, found " + schedulers);
          }
        }
        return elapsed;
      }
    } finally {
      deleteTree(out);
    }
  }

  /** The schedulers the processor writes for {@code sources}, read back into memory. */
  private static List<JavaFileObject> generatedSources(
      JavaCompiler javac, String classPath, List<JavaFileObject> sources) throws IOException {
    Path generated = Files.createTempDirectory("anneal-generated");
    try {
      List<String> options = List.of(
          "-classpath", classPath, "-proc:only", "-s", generated.toString(), "-implicit:none");
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics, options, null, sources);
        task.setProcessors(List.of(newProcessor()));
        if (!task.call()) {
          throw new IllegalStateException("generation failed: " + errors(diagnostics));
        }
      }
      List<JavaFileObject> schedulers = new ArrayList<>();
      try (Stream<Path> files = Files.walk(generated)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (file.toString().endsWith(".java")) {
            String name = generated.relativize(file).toString().replace('\\', '/');
            schedulers.add(new Source(name, Files.readString(file)));
          }
        }
      }
      return schedulers;
    } finally {
      deleteTree(generated);
    }
  }

  /** A fresh processor, as javac creates one per compilation. */
  private static Processor newProcessor() {
    try {
      return Class.forName(PROCESSOR).asSubclass(Processor.class).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the Anneal processor is not on the class path", e);
    }
  }

  private static String className(int i) {
    return String.format(Locale.ROOT, "Config%04d", i);
  }

  /** Config {@code i}: the schedule types in turn, each config with its own parameters. */
  static String configSource(int i, int types) {
    int k = i / types + 1;
    ScheduleType type = ScheduleType.values()[i % types];
    // A switch expression has no default: a schedule type without a config here does not compile.
    String parameters = switch (type) {
      case STEP -> "stepSize = " + (10 * k) + ", gamma = 0.5";
      case MULTI_STEP -> "milestones = {" + (10 * k) + ", " + (20 * k) + ", " + (30 * k)
          + "}, gamma = 0.1";
      case CONSTANT -> "factor = 0.5, totalIters = " + k;
      case LINEAR -> "startFactor = 0.1, endFactor = 1.0, totalIters = " + (100 * k);
      case EXPONENTIAL -> "gamma = " + (1 - 1e-3 / k);
      case POLYNOMIAL -> "totalIters = " + (1000 * k) + ", power = 2.0";
      case COSINE -> "tMax = " + (1000 * k) + ", etaMin = 1e-6";
      case COSINE_WARM_RESTARTS -> "t0 = " + (100 * k) + ", tMult = 2, etaMin = 1e-6";
      case LAMBDA, MULTIPLICATIVE -> "lrLambda = \"factor\"";
      case CYCLIC -> "baseLr = 1e-4, maxLr = 1e-2, stepSizeUp = " + (100 * k) + ", mode = Mode.TRIANGULAR2";
      case ONE_CYCLE -> "maxLr = 0.01, totalSteps = " + (1000 * k);
      case REDUCE_ON_PLATEAU -> "factor = 0.5, patience = " + k;
      case HF_INVERSE_SQRT -> "numWarmupSteps = " + (100 * k);
      case HF_CONSTANT -> "";
      case HF_CONSTANT_WITH_WARMUP -> "numWarmupSteps = " + (100 * k);
      case HF_LINEAR -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = " + (1000 * k);
      case HF_COSINE -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = " + (1000 * k);
      case HF_COSINE_WITH_RESTARTS -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = " + (1000 * k)
          + ", numCycles = 3";
      case HF_POLYNOMIAL -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = " + (1000 * k)
          + ", lrInit = 0.01, power = 2.0";
      case HF_COSINE_WITH_MIN_LR -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = " + (1000 * k)
          + ", minLr = 1e-5, lrInit = 0.01";
      case HF_COSINE_WARMUP_WITH_MIN_LR -> "numWarmupSteps = " + (100 * k) + ", numTrainingSteps = "
          + (1000 * k) + ", minLrRate = 0.1, warmupLrRate = 0.1";
      case HF_WARMUP_STABLE_DECAY -> "numWarmupSteps = " + (100 * k) + ", numDecaySteps = " + (300 * k)
          + ", numTrainingSteps = " + (1000 * k) + ", decayType = WsdType.ONE_MINUS_SQRT";
      case DIFFUSERS_PIECEWISE_CONSTANT -> "ruleSteps = {" + (100 * k) + ", " + (500 * k)
          + "}, ruleFactors = {1.0, 0.1}, lastFactor = 0.01";
      case TIMM_COSINE -> "tInitial = " + (1000 * k) + ", lrMin = 1e-6, warmupT = " + (100 * k)
          + ", warmupLrInit = 1e-5, cycleLimit = 2, cycleDecay = 0.5";
      case TIMM_TANH -> "tInitial = " + (1000 * k) + ", warmupT = " + (100 * k) + ", warmupLrInit = 1e-5";
      case TIMM_POLY -> "tInitial = " + (1000 * k) + ", power = 2.0, warmupT = " + (100 * k) + ", warmupPrefix = true";
      case TIMM_STEP -> "decayT = " + (100 * k) + ", decayRate = 0.5, warmupT = " + (10 * k);
      case TIMM_MULTI_STEP -> "decayT = {" + (100 * k) + ", " + (200 * k) + "}, decayRate = 0.1";
      case TIMM_WSD -> "tInitial = " + (1000 * k) + ", decayT = " + (200 * k) + ", warmupT = " + (100 * k)
          + ", decayFn = TimmDecayFn.LINEAR";
      case TIMM_PLATEAU -> "decayRate = 0.5, patienceT = " + k + ", warmupT = " + (10 * k) + ", warmupLrInit = 1e-5";
      case KERAS_EXPONENTIAL_DECAY -> "decaySteps = " + (100 * k) + ", decayRate = 0.5";
      case KERAS_PIECEWISE_CONSTANT_DECAY -> "boundaries = {" + (100 * k) + ", " + (500 * k)
          + "}, values = {0.1, 0.01, 0.001}";
      case KERAS_POLYNOMIAL_DECAY -> "decaySteps = " + (1000 * k) + ", power = 2.0";
      case KERAS_INVERSE_TIME_DECAY -> "decaySteps = " + (10 * k) + ", decayRate = 0.5";
      case KERAS_COSINE_DECAY -> "decaySteps = " + (1000 * k) + ", warmupTarget = 0.1, warmupSteps = "
          + (100 * k);
      case KERAS_COSINE_DECAY_RESTARTS -> "firstDecaySteps = " + (100 * k) + ", tMul = 1.5";
      case OPTAX_CONSTANT -> "value = 0.01";
      case OPTAX_LINEAR -> "endValue = 1e-4, transitionSteps = " + (1000 * k);
      case OPTAX_POLYNOMIAL -> "endValue = 1e-4, power = 2.0, transitionSteps = " + (1000 * k);
      case OPTAX_EXPONENTIAL_DECAY -> "transitionSteps = " + (100 * k) + ", decayRate = 0.5";
      case OPTAX_COSINE_DECAY -> "decaySteps = " + (1000 * k) + ", alpha = 0.01";
      case OPTAX_WARMUP_COSINE_DECAY -> "initValue = 0.0, warmupSteps = " + (100 * k) + ", decaySteps = " + (1000 * k);
      case OPTAX_WARMUP_EXPONENTIAL_DECAY -> "initValue = 0.0, warmupSteps = " + (100 * k) + ", transitionSteps = "
          + (100 * k) + ", decayRate = 0.5";
      case OPTAX_WARMUP_CONSTANT -> "initValue = 0.0, warmupSteps = " + (100 * k);
      case OPTAX_PIECEWISE_CONSTANT -> "boundaries = {" + (100 * k) + ", " + (500 * k) + "}, scales = {0.1, 0.1}";
      case OPTAX_PIECEWISE_INTERPOLATE -> "interpolateType = OptaxInterpolateType.LINEAR, boundaries = {"
          + (100 * k) + "}, scales = {0.1}";
      case OPTAX_LINEAR_ONECYCLE -> "transitionSteps = " + (1000 * k);
      case OPTAX_COSINE_ONECYCLE -> "transitionSteps = " + (1000 * k);
    };
    String factor = type == ScheduleType.LAMBDA ? "1.0 / (1 + step / " + k + ".0)" : Double.toString(1 - 1e-3 / k);
    String body = type == ScheduleType.LAMBDA || type == ScheduleType.MULTIPLICATIVE
        ? "static double factor(long step) { return " + factor + "; }" : "";
    String annotation = "type = ScheduleType." + type.name() + (parameters.isEmpty() ? "" : ", " + parameters);
    return "package " + PACKAGE + ";\n"
        + "import dev.anneal.*;\n"
        + "@Schedule(" + annotation + ")\n"
        + "final class " + className(i) + " {\n" + body + "\n}\n";
  }

  /**
   * The class path a project using Anneal compiles against: the runtime alone. Run from the
   * benchmark jar, which bundles everything, the runtime's classes are copied out of it first, so
   * that javac's lookups do not search thousands of unrelated classes.
   */
  private static Path runtimeClasses() throws IOException {
    Path location;
    try {
      location =
          Path.of(Schedule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isDirectory(location) || !bundlesBenchmarks(location)) {
      return location;
    }
    Path copy = Files.createTempDirectory("anneal-runtime");
    try (FileSystem jar = FileSystems.newFileSystem(location);
        Stream<Path> entries = Files.walk(jar.getPath("/dev/anneal"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.toString();
        if (!name.endsWith(".class")
            || name.startsWith("/dev/anneal/processor/")
            || name.startsWith("/dev/anneal/benchmarks/")) {
          continue;
        }
        Path target = copy.resolve(name.substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(entry, target);
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        deleteTree(copy);
      } catch (IOException | UncheckedIOException e) {
        // A temporary directory left behind is harmless.
      }
    }));
    return copy;
  }

  private static boolean bundlesBenchmarks(Path jar) throws IOException {
    try (FileSystem files = FileSystems.newFileSystem(jar)) {
      return Files.exists(files.getPath("/dev/anneal/benchmarks/ProcessorCost.class"));
    }
  }

  private static long countFiles(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        text.append('\n').append(d);
        if (text.length() > 4_000) {
          break;
        }
      }
    }
    return text.toString();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static String millis(long[] nanos) {
    StringBuilder text = new StringBuilder();
    for (long n : nanos) {
      text.append(text.length() == 0 ? "" : ", ").append(n / 1_000_000);
    }
    return text.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(ProcessorCost::delete);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source file held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

package dev.anneal.conformance;

import dev.anneal.LrScheduler;
import dev.anneal.Schedule;
import dev.anneal.conformance.CaseCompiler.Message;
import dev.anneal.conformance.CaseCompiler.Origin;
import dev.anneal.conformance.CaseCompiler.Outcome;
import dev.anneal.conformance.ConfigWriter.ConfigSource;
import dev.anneal.conformance.ConfigWriter.NotExpressible;
import dev.anneal.processor.ScheduleProcessor;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs conformance cases against the processor: for each case it writes the annotated config a
 * user would write, compiles it in-process with the processor, loads the generated scheduler, runs
 * it under the reference loop and compares by the passing rule.
 *
 * <pre>{@code
 * RunReport report = new ConformanceRunner().run(CaseReader.read(Path.of("pytorch.json")));
 * report.lines(false).forEach(System.out::println);
 * }</pre>
 *
 * <p>Cases the reference runs are compiled together; cases it refuses are compiled each alone, so
 * that a refusal is judged on its own diagnostics. A case is skipped, never passed, when the
 * annotations cannot express it or the processor reports its schedule as not supported yet.
 */
public final class ConformanceRunner {

  /**
   * How the processor reports a schedule it does not implement yet. Only an error of the processor
   * itself that says so counts; any other refusal is judged as a refusal.
   */
  static final Pattern NOT_SUPPORTED_YET =
      Pattern.compile("(?i)\\b(not (yet )?supported( yet)?|unsupported)\\b");

  /** The compiler's key for a diagnostic a processor reported. */
  private static final String PROCESSOR_DIAGNOSTIC = "compiler.err.proc.messager";

  private static final String CASE_PACKAGE = "anneal.conformance.c";

  private final JavaCompiler javac;
  private final Supplier<? extends Processor> processors;
  private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
  private Path dumpDirectory;

  /**
   * A runner with the system compiler and the Anneal processor.
   *
   * @throws IllegalStateException if this Java has no compiler (a JRE rather than a JDK)
   */
  public ConformanceRunner() {
    this(systemCompiler(), ScheduleProcessor::new);
  }

  ConformanceRunner(JavaCompiler javac, Supplier<? extends Processor> processors) {
    this.javac = javac;
    this.processors = processors;
  }

  /**
   * Compiles on this many threads at once (default: up to 2).
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public ConformanceRunner threads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + count);
    }
    this.threads = count;
    return this;
  }

  /** What a run tells as it goes, so that a long suite shows it is moving. */
  interface Progress {
    /** {@code done} of {@code total} cases are compiled (or refused). */
    void compiled(int done, int total);

    /** {@code done} of {@code total} cases are checked. */
    void checked(int done, int total);
  }

  private Progress progress = new Progress() {
    @Override
    public void compiled(int done, int total) {}

    @Override
    public void checked(int done, int total) {}
  };

  /** Tells {@code progress} how far the run is. */
  ConformanceRunner progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Checks every case resumed from a checkpoint: at a step drawn for the case from {@code seed},
   * the scheduler's state is saved, restored into a new instance, and the run goes on with it.
   */
  public ConformanceRunner resume(long seed) {
    this.resumeSeed = seed;
    this.resume = true;
    return this;
  }

  private boolean resume;
  private long resumeSeed;

  /** The step after which a case is cut for {@link #resume}: the same for a seed and case on any machine. */
  static int resumeStep(long seed, String caseId, int steps) {
    if (steps <= 0) {
      return CaseCheck.NO_RESUME;
    }
    return new java.util.SplittableRandom(seed * 31 + caseId.hashCode()).nextInt(steps);
  }

  /** Writes every case's config and generated sources under {@code directory}, for inspection. */
  public ConformanceRunner dumpTo(Path directory) {
    this.dumpDirectory = directory;
    return this;
  }

  /** Reads and runs the cases of every file, in order. */
  public RunReport runFiles(List<Path> files) throws IOException {
    List<ConformanceCase> cases = new ArrayList<>();
    List<String> suites = new ArrayList<>();
    for (Path file : files) {
      cases.addAll(CaseReader.read(file));
      suites.add(file.getFileName().toString());
    }
    return run(suites, cases);
  }

  /** Runs {@code cases}. */
  public RunReport run(List<ConformanceCase> cases) throws IOException {
    return run(List.of(), cases);
  }

  /**
   * Runs {@code cases}, the cases of {@code suites} (named as the cases' sources), so that a suite
   * without a case has its line in the report too.
   *
   * @throws IOException if the sources cannot be written for {@link #dumpTo}
   */
  RunReport run(List<String> suites, List<ConformanceCase> cases) throws IOException {
    long start = System.nanoTime();
    int width = Math.max(4, Integer.toString(cases.size()).length());
    Map<Integer, ConfigSource> sources = new LinkedHashMap<>();
    Map<Integer, NotExpressible> notExpressible = new LinkedHashMap<>();
    Set<String> alone = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      ConformanceCase c = cases.get(i);
      String packageName = CASE_PACKAGE + String.format(Locale.ROOT, "%0" + width + "d", i + 1);
      ConfigWriter.Written written = ConfigWriter.write(c, packageName);
      if (written instanceof ConfigSource source) {
        sources.put(i, source);
        if (c.expected().error() != null) {
          alone.add(packageName);
        }
      } else {
        notExpressible.put(i, (NotExpressible) written);
      }
    }

    CaseCompiler.Compilation compilation;
    try (CaseCompiler compiler = new CaseCompiler(javac, processors, runtimeClassPath(), threads)) {
      if (!sources.isEmpty()) {
        progress.compiled(0, sources.size());
      }
      compilation = compiler.compile(sources.values(), alone, done -> progress.compiled(done, sources.size()));
    }
    if (dumpDirectory != null) {
      dump(sources.values(), compilation.generatedSources());
    }
    ClassLoader loader = new MemoryClassLoader(compilation.classes(), LrScheduler.class.getClassLoader());

    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      ConformanceCase c = cases.get(i);
      String type = c.scheduler().type();
      if (notExpressible.containsKey(i)) {
        results.add(new CaseResult(c.id(), c.source(), type, CaseResult.Status.SKIPPED,
            notExpressible.get(i).reason(), 0, 0, 0));
      } else {
        ConfigSource source = sources.get(i);
        Outcome outcome = compilation.outcomes().get(source.packageName());
        int resumeAt = resume ? resumeStep(resumeSeed, c.id(), c.expected().lr().length) : CaseCheck.NO_RESUME;
        results.add(outcome.compiled() ? run(c, source, loader, resumeAt) : judgeRefusal(c, source, outcome));
      }
      progress.checked(i + 1, cases.size());
    }
    String mode = resume ? "resumed, seed " + resumeSeed : RunReport.UNINTERRUPTED;
    return new RunReport(suites, mode, results, compilation.batches(), System.nanoTime() - start);
  }

  /** Judges a case whose config did not compile. */
  static CaseResult judgeRefusal(ConformanceCase c, ConfigSource source, Outcome outcome) {
    String type = c.scheduler().type();
    List<Message> errors = outcome.errors();
    if (errors.isEmpty()) {
      // A failed compilation that reported no error: say what it did report.
      String said = outcome.messages().isEmpty() ? "nothing" : outcome.messages().get(0).oneLine();
      return failed(c, "the compilation failed without an error: " + said);
    }
    for (Message m : errors) {
      if (PROCESSOR_DIAGNOSTIC.equals(m.code()) && m.origin() != Origin.GENERATED
          && NOT_SUPPORTED_YET.matcher(m.text()).find()) {
        return new CaseResult(c.id(), c.source(), type, CaseResult.Status.SKIPPED, m.oneLine(), 0, 0, 0);
      }
    }
    for (Message m : errors) {
      if (m.origin() == Origin.GENERATED) {
        return failed(c, "the generated code does not compile: " + m.oneLine());
      }
    }
    if (c.expected().error() == null) {
      return failed(c, "refused at compile time, where the reference runs: " + errors.get(0).oneLine());
    }
    // A refusal is an error on the config the user wrote, or the processor's own report.
    List<Message> refusals = new ArrayList<>();
    for (Message m : errors) {
      if (m.origin() == Origin.CONFIG || PROCESSOR_DIAGNOSTIC.equals(m.code())) {
        refusals.add(m);
      }
    }
    if (refusals.isEmpty()) {
      return failed(c, "the compilation failed: " + errors.get(0).oneLine());
    }
    for (Message m : refusals) {
      boolean pointsAtOne = !m.attribute().isEmpty() && source.parameterNames().contains(m.attribute());
      if (pointsAtOne || CaseCheck.namesParameter(m.text(), source.parameterNames())) {
        return new CaseResult(c.id(), c.source(), type, CaseResult.Status.PASSED,
            "refused at compile time: " + m.oneLine(), 0, 0, 0);
      }
    }
    return failed(c, "refused at compile time, but the message names none of "
        + new TreeSet<>(source.parameterNames()) + ": " + refusals.get(0).oneLine());
  }

  /** Builds and runs the scheduler generated for a case that compiled. */
  private static CaseResult run(ConformanceCase c, ConfigSource source, ClassLoader loader, int resumeAt) {
    Constructor<?> constructor;
    try {
      Class<?> scheduler = Class.forName(source.schedulerName(), true, loader);
      if (!LrScheduler.class.isAssignableFrom(scheduler)) {
        return failed(c, source.schedulerName() + " does not implement LrScheduler");
      }
      constructor = scheduler.getDeclaredConstructor(double[].class);
      constructor.setAccessible(true);
    } catch (ClassNotFoundException e) {
      return failed(c, "the processor generated no " + source.schedulerName());
    } catch (NoSuchMethodException e) {
      return failed(c, source.schedulerName() + " has no constructor (double... initialLrs)");
    } catch (LinkageError e) {
      return failed(c, source.schedulerName() + " does not load: " + e);
    }
    CaseCheck.SchedulerFactory factory = lrs -> {
      try {
        return (LrScheduler) constructor.newInstance((Object) lrs);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("construction threw " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + source.schedulerName() + ": " + e, e);
      }
    };
    CaseCheck.Verdict verdict = CaseCheck.check(c, factory, source.parameterNames(), resumeAt);
    return new CaseResult(c.id(), c.source(), c.scheduler().type(),
        verdict.passed() ? CaseResult.Status.PASSED : CaseResult.Status.FAILED, verdict.detail(), verdict.maxError(),
        verdict.maxShare(), verdict.compared());
  }

  private static CaseResult failed(ConformanceCase c, String detail) {
    return new CaseResult(c.id(), c.source(), c.scheduler().type(), CaseResult.Status.FAILED, detail, 0, 0, 0);
  }

  private void dump(Iterable<ConfigSource> sources, Map<String, String> generated) throws IOException {
    for (ConfigSource source : sources) {
      write(source.configName(), source.source());
    }
    for (Map.Entry<String, String> e : generated.entrySet()) {
      write(e.getKey(), e.getValue());
    }
  }

  private void write(String binaryName, String text) throws IOException {
    Path file = dumpDirectory.resolve(binaryName.replace('.', File.separatorChar) + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The system Java compiler.
   *
   * @throws IllegalStateException if there is none, as on a JRE
   */
  static JavaCompiler systemCompiler() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this Java (" + System.getProperty("java.home")
          + "): the runner compiles every case, so run it with a JDK, not a JRE");
    }
    return javac;
  }

  /**
   * Where the runtime's classes are, for the configs to compile against: the jar or directory that
   * holds {@link Schedule}, which is this runner's own jar when it runs as one.
   */
  static String runtimeClassPath() {
    CodeSource code = Schedule.class.getProtectionDomain().getCodeSource();
    if (code != null && code.getLocation() != null) {
      try {
        return Path.of(code.getLocation().toURI()).toString();
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file; fall back to the class path below.
      }
    }
    return System.getProperty("java.class.path");
  }
}

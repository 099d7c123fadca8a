package dev.anneal.conformance;

import dev.anneal.conformance.ConfigWriter.ConfigSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles config classes in-process with the processor, everything in memory.
 *
 * <p>Cases are compiled together, as one compilation is far cheaper than hundreds. A compilation
 * with an error writes no class at all, so a failed one is taken apart: the cases its errors point
 * at are compiled alone (their own result is the one that counts), the rest together again, and
 * errors that point at no case split the batch in halves. One bad case cannot sink the others.
 */
final class CaseCompiler implements AutoCloseable {

  /** Below this many cases a batch is not worth splitting across threads: each compilation has a fixed cost. */
  private static final int MIN_BATCH = 32;

  /**
   * Above this many cases a batch is split although every thread has one: a long suite's progress
   * moves once per compilation, and the compiler holds a whole batch in memory. More compilations of
   * this size cost about the same compiler time as fewer larger ones.
   */
  private static final int MAX_BATCH = 256;

  /** {@code name =} as an annotation element is written, not {@code ==}. */
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");

  private final JavaCompiler javac;
  private final int threads;
  private final Supplier<? extends Processor> processors;
  private final List<String> options;
  private final ExecutorService pool;
  /** Standard file managers cache the archives they open; one per thread, as they are not shared safely. */
  private final Map<Thread, StandardJavaFileManager> fileManagers = new ConcurrentHashMap<>();

  /**
   * @param javac the system compiler
   * @param processors makes a fresh processor for each compilation
   * @param classPath the class path the configs compile against: the runtime's classes
   * @param threads compilations run at once
   */
  CaseCompiler(JavaCompiler javac, Supplier<? extends Processor> processors, String classPath, int threads) {
    this.javac = javac;
    this.processors = processors;
    // No cap on errors: a batch reports every failing case at once, so each is taken out in one go.
    this.options = List.of("--release", "17", "-classpath", classPath, "-encoding", "UTF-8", "-Xmaxerrs", "1000000");
    this.threads = Math.max(1, threads);
    this.pool = Executors.newFixedThreadPool(this.threads, runnable -> {
      Thread t = new Thread(runnable, "conformance-javac");
      t.setDaemon(true);
      return t;
    });
  }

  /** Where a diagnostic points. */
  enum Origin {
    /** At the config the runner wrote: the user's code. */
    CONFIG,
    /** At a source the processor generated. */
    GENERATED,
    /** At no source of a case. */
    NONE
  }

  /**
   * One diagnostic, detached from the compilation.
   *
   * @param kind error, warning or note
   * @param code the compiler's key, such as {@code compiler.err.proc.messager} for a processor's
   * @param origin where it points
   * @param file the simple file name, or empty
   * @param line the line, or -1
   * @param text the message
   * @param attribute the annotation attribute whose value the diagnostic points at, or empty
   */
  record Message(Diagnostic.Kind kind, String code, Origin origin, String file, long line, String text,
      String attribute) {

    boolean isError() {
      return kind == Diagnostic.Kind.ERROR;
    }

    /** The message on one line, as {@code File.java:12: error: text}. */
    String oneLine() {
      String where = file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "") + ": ";
      return where + kind.name().toLowerCase(Locale.ROOT) + ": " + text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
  }

  /**
   * The result of compiling one case: whether its classes were written, and its diagnostics (from
   * the compilation that settled it: alone for a case that failed).
   */
  record Outcome(boolean compiled, List<Message> messages) {

    List<Message> errors() {
      return messages.stream().filter(Message::isError).toList();
    }
  }

  /**
   * Every case's outcome, the classes of those that compiled, and the processor's sources.
   *
   * @param outcomes by package name
   * @param classes class files by binary name
   * @param generatedSources generated sources by binary name, of successful and failed compilations
   * @param batches the size and duration of every compilation that ran, in order
   */
  record Compilation(
      Map<String, Outcome> outcomes,
      Map<String, byte[]> classes,
      Map<String, String> generatedSources,
      List<Batch> batches) {}

  /**
   * One compilation that ran.
   *
   * @param cases how many cases it compiled
   * @param nanos how long it took
   * @param success whether it compiled
   */
  record Batch(int cases, long nanos, boolean success) {}

  /**
   * Compiles {@code units}: those in {@code alone} each by itself from the start (cases expected
   * to be refused, which would only fail a batch), the others together.
   */
  Compilation compile(Collection<ConfigSource> units, Set<String> alone) {
    return compile(units, alone, settled -> {});
  }

  /**
   * As {@link #compile(Collection, Set)}, telling {@code progress} how many cases are settled
   * (compiled, or refused alone) each time a compilation ends.
   */
  Compilation compile(Collection<ConfigSource> units, Set<String> alone, IntConsumer progress) {
    List<List<ConfigSource>> pending = new ArrayList<>();
    List<ConfigSource> together = new ArrayList<>();
    for (ConfigSource unit : units) {
      if (alone.contains(unit.packageName())) {
        pending.add(List.of(unit));
      } else {
        together.add(unit);
      }
    }
    // A batch per thread, so that every core compiles, and more for a long suite; the cases compiled
    // alone queue behind.
    int parts = Math.max(Math.min(threads, Math.max(1, together.size() / MIN_BATCH)),
        (together.size() + MAX_BATCH - 1) / MAX_BATCH);
    for (int p = parts - 1; p >= 0; p--) {
      List<ConfigSource> part = together.subList(together.size() * p / parts, together.size() * (p + 1) / parts);
      if (!part.isEmpty()) {
        pending.add(0, List.copyOf(part));
      }
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    Map<String, byte[]> classes = new HashMap<>();
    Map<String, String> generated = new LinkedHashMap<>();
    List<Batch> batches = new ArrayList<>();
    while (!pending.isEmpty()) {
      List<Future<BatchResult>> running = new ArrayList<>();
      for (List<ConfigSource> batch : pending) {
        running.add(pool.submit(() -> compileBatch(batch)));
      }
      List<List<ConfigSource>> next = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        List<ConfigSource> batch = pending.get(i);
        BatchResult result = await(running.get(i));
        batches.add(new Batch(batch.size(), result.nanos, result.success));
        generated.putAll(result.generatedSources);
        if (result.success) {
          classes.putAll(result.classes);
          for (ConfigSource unit : batch) {
            outcomes.put(unit.packageName(), new Outcome(true, result.messagesOf(unit.packageName())));
          }
        } else if (batch.size() == 1) {
          outcomes.put(batch.get(0).packageName(), new Outcome(false, result.messages));
        } else {
          next.addAll(split(batch, result));
        }
        progress.accept(outcomes.size());
      }
      pending = next;
    }
    return new Compilation(outcomes, classes, generated, List.copyOf(batches));
  }

  /** The batches to try after {@code batch} failed. */
  private static List<List<ConfigSource>> split(List<ConfigSource> batch, BatchResult result) {
    Set<String> failing = new HashSet<>();
    for (Message m : result.messages) {
      if (m.isError() && result.packageOf.containsKey(m)) {
        failing.add(result.packageOf.get(m));
      }
    }
    List<List<ConfigSource>> out = new ArrayList<>();
    if (failing.isEmpty()) {
      int half = batch.size() / 2;
      out.add(List.copyOf(batch.subList(0, half)));
      out.add(List.copyOf(batch.subList(half, batch.size())));
      return out;
    }
    List<ConfigSource> rest = new ArrayList<>();
    for (ConfigSource unit : batch) {
      if (failing.contains(unit.packageName())) {
        out.add(List.of(unit));
      } else {
        rest.add(unit);
      }
    }
    if (!rest.isEmpty()) {
      out.add(0, rest);
    }
    return out;
  }

  private static BatchResult await(Future<BatchResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What one compilation produced, with each diagnostic mapped to the case it points at. */
  private static final class BatchResult {
    boolean success;
    long nanos;
    final List<Message> messages = new ArrayList<>();
    /** Identity map: equal messages of two cases are still two messages. */
    final Map<Message, String> packageOf = new IdentityHashMap<>();
    Map<String, byte[]> classes = Map.of();
    Map<String, String> generatedSources = Map.of();

    List<Message> messagesOf(String packageName) {
      List<Message> out = new ArrayList<>();
      for (Message m : messages) {
        if (packageName.equals(packageOf.get(m))) {
          out.add(m);
        }
      }
      return out;
    }
  }

  private BatchResult compileBatch(List<ConfigSource> batch) {
    Set<String> packages = new HashSet<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (ConfigSource unit : batch) {
      packages.add(unit.packageName());
      sources.add(MemoryFileManager.source(unit.configName(), unit.source()));
    }
    StandardJavaFileManager standard = fileManagers.computeIfAbsent(Thread.currentThread(),
        t -> javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));
    MemoryFileManager files = new MemoryFileManager(standard);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter otherOutput = new StringWriter();
    BatchResult result = new BatchResult();
    long start = System.nanoTime();
    try {
      JavaCompiler.CompilationTask task = javac.getTask(otherOutput, files, diagnostics, options, null, sources);
      task.setProcessors(List.of(processors.get()));
      task.setLocale(Locale.ROOT);
      result.success = task.call();
    } catch (RuntimeException e) {
      // The compiler wraps what a processor throws; it concerns no case in particular.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      result.success = false;
      result.messages.add(new Message(Diagnostic.Kind.ERROR, "exception", Origin.NONE, "", -1,
          "the compilation threw " + cause, ""));
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      JavaFileObject source = d.getSource();
      Origin origin = Origin.NONE;
      String file = "";
      String packageName = null;
      if (source != null) {
        String path = source.toUri().getPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash >= 0) {
          file = path.substring(slash + 1);
          String candidate = path.substring(path.startsWith("/") ? 1 : 0, slash).replace('/', '.');
          if (packages.contains(candidate)) {
            packageName = candidate;
            origin = file.equals(ConfigWriter.CONFIG_CLASS + ".java") ? Origin.CONFIG : Origin.GENERATED;
          }
        }
      }
      String attribute = origin == Origin.CONFIG ? attributeAt(sourceOf(batch, packageName), d.getPosition()) : "";
      Message m = new Message(d.getKind(), String.valueOf(d.getCode()), origin, file, d.getLineNumber(),
          d.getMessage(Locale.ROOT), attribute);
      result.messages.add(m);
      if (packageName != null) {
        result.packageOf.put(m, packageName);
      }
    }
    if (!otherOutput.toString().isBlank() && !result.success) {
      result.messages.add(new Message(Diagnostic.Kind.OTHER, "output", Origin.NONE, "", -1, otherOutput.toString(),
          ""));
    }
    result.nanos = System.nanoTime() - start;
    result.classes = files.classes();
    result.generatedSources = files.generatedSources();
    return result;
  }

  private static String sourceOf(List<ConfigSource> batch, String packageName) {
    for (ConfigSource unit : batch) {
      if (unit.packageName().equals(packageName)) {
        return unit.source();
      }
    }
    return "";
  }

  /**
   * The attribute whose value is at {@code position} of a config's source: the last
   * {@code name =} before it. The compiler's own errors on a value (a fraction for an {@code int},
   * a constant an enum lacks) point at it without naming the attribute.
   */
  static String attributeAt(String source, long position) {
    if (position < 0 || position > source.length()) {
      return "";
    }
    Matcher m = ASSIGNMENT.matcher(source.substring(0, (int) position));
    String name = "";
    while (m.find()) {
      name = m.group(1);
    }
    return name;
  }

  /** Stops the compiling threads and closes their file managers, releasing the archives they hold open. */
  @Override
  public void close() {
    pool.shutdownNow();
    for (StandardJavaFileManager fm : fileManagers.values()) {
      try {
        fm.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    fileManagers.clear();
  }
}

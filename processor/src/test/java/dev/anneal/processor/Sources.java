package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.Schedule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Config sources for the tests and the compilations that run the processor on them.
 *
 * <p>Every config lives in package {@code test} and starts with the same {@link #HEADER} of
 * {@value #HEADER_LINES} lines, so the body given to {@link #config} starts on line
 * {@code HEADER_LINES + 1}. Tests locate the line of an offending attribute with {@link #lineOf}
 * rather than counting by hand; every test writes that attribute on a line of its own, so a
 * diagnostic on that line is a diagnostic on the annotation value.
 */
final class Sources {
  static final String PACKAGE = "test";

  /** Imports every config may use; the schedule types and modes are imported statically. */
  static final List<String> HEADER = List.of(
      "package " + PACKAGE + ";",
      "",
      "import dev.anneal.*;",
      "import static dev.anneal.ScheduleType.*;",
      "import static dev.anneal.Mode.*;",
      "");

  static final int HEADER_LINES = HEADER.size();

  private Sources() {}

  /** A config source {@code test.<simpleName>} made of the header and {@code body}. */
  static JavaFileObject config(String simpleName, String... body) {
    return JavaFileObjects.forSourceLines(PACKAGE + "." + simpleName, lines(body));
  }

  /** The full text lines of a config with {@code body}: the header, then the body. */
  static List<String> lines(String... body) {
    List<String> lines = new ArrayList<>(HEADER);
    lines.addAll(List.of(body));
    return lines;
  }

  /**
   * The 1-based line of {@code source} that contains {@code marker}; fails unless exactly one
   * line does, so that a line assertion cannot pass by accident.
   */
  static int lineOf(JavaFileObject source, String marker) {
    String[] lines = text(source).split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        if (found != -1) {
          throw new AssertionError("marker \"" + marker + "\" is on several lines of " + source.getName());
        }
        found = i + 1;
      }
    }
    if (found == -1) {
      throw new AssertionError("marker \"" + marker + "\" is not in " + source.getName());
    }
    return found;
  }

  static String text(JavaFileObject source) {
    try {
      return source.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The class path of the compilations: the runtime alone, which is all a config and its
   * generated scheduler refer to. Searching the whole test class path instead makes every
   * compilation several times slower.
   */
  static final List<File> CLASS_PATH = List.of(runtimeLocation());

  private static File runtimeLocation() {
    try {
      return new File(Schedule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compiler with the processor, on the runtime's class path. */
  static Compiler compiler() {
    return javac().withClasspath(CLASS_PATH).withProcessors(new ScheduleProcessor());
  }

  /** Compiles {@code sources} with the processor and the options given. */
  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return compiler().withOptions(options).compile(sources);
  }

  /** Compiles {@code sources} with the processor and no extra options. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** The generated source of the scheduler {@code test.<simpleName>}, as text. */
  static String generatedSource(Compilation compilation, String simpleName) {
    Optional<JavaFileObject> file = compilation.generatedSourceFile(PACKAGE + "." + simpleName);
    if (file.isEmpty()) {
      throw new AssertionError("no generated source " + simpleName + "; generated: "
          + compilation.generatedSourceFiles());
    }
    return text(file.get());
  }

  /**
   * A class loader over the class files of a compilation. Its parent is the test's own loader, so
   * the generated classes and the test share {@code dev.anneal.*}: a generated scheduler can be
   * cast to {@code dev.anneal.StepScheduler} directly.
   */
  static ClassLoader loader(Compilation compilation) {
    return new ClassLoader(Sources.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        String file = name.substring(dot + 1) + ".class";
        Optional<JavaFileObject> classFile =
            compilation.generatedFile(StandardLocation.CLASS_OUTPUT, pkg, file);
        if (classFile.isEmpty()) {
          throw new ClassNotFoundException(name);
        }
        try (InputStream in = classFile.get().openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    };
  }

  /**
   * Compiles {@code source} and asserts that it fails with exactly one error, on the line of
   * {@code marker}, whose message contains every one of {@code fragments}: the tag, and the
   * attribute, value and rule it names. Fragments rather than the whole text keep the tests about
   * what a message says, not its exact wording.
   */
  static Compilation assertSingleError(JavaFileObject source, String marker, String... fragments) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    int line = lineOf(source, marker);
    for (String fragment : fragments) {
      assertThat(compilation).hadErrorContaining(fragment).inFile(source).onLine(line);
    }
    return compilation;
  }

  /**
   * Compiles {@code source} and asserts that it succeeds with exactly one warning, on the line of
   * {@code marker}, whose message contains every one of {@code fragments}.
   */
  static Compilation assertSingleWarning(JavaFileObject source, String marker, String... fragments) {
    Compilation compilation = compile(List.of("-Xlint:all"), source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    int line = lineOf(source, marker);
    for (String fragment : fragments) {
      assertThat(compilation).hadWarningContaining(fragment).inFile(source).onLine(line);
    }
    return compilation;
  }
}

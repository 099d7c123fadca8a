package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;
import static dev.anneal.processor.Sources.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the processor never escapes javac: it becomes an {@code [anneal.internal]}
 * error on the config, and the other configs of the compilation are still generated.
 *
 * <p>No valid config is known to make the processor throw, so the first tests inject the failure
 * through the environment: the processor runs with a {@link Filer} that throws when the
 * scheduler's source is created. The last test triggers a write failure from plain input.
 */
@DisplayName("An exception inside the processor becomes a diagnostic on the config")
class InternalFailureTest {

  private static JavaFileObject validConfig(String name) {
    return config(name,
        "@Schedule(type = COSINE, tMax = 10)",
        "final class " + name + " {}");
  }

  @Test
  @DisplayName("a RuntimeException while writing is an error on the config, with the trace")
  void runtimeException() {
    JavaFileObject source = validConfig("Cfg");
    Compilation compilation = javac().withClasspath(Sources.CLASS_PATH)
        .withProcessors(new FailingFilerProcessor(new IllegalStateException("injected failure")))
        .compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    int line = lineOf(source, "final class Cfg");
    assertThat(compilation).hadErrorContaining("[anneal.internal]").inFile(source).onLine(line);
    assertThat(compilation).hadErrorContaining("test.Cfg").inFile(source).onLine(line);
    // The stack trace is part of the message, so that a report carries it.
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: injected failure");
  }

  @Test
  @DisplayName("an IOException while writing is an error on the config")
  void ioException() {
    JavaFileObject source = validConfig("Cfg");
    Compilation compilation = javac().withClasspath(Sources.CLASS_PATH)
        .withProcessors(new FailingFilerProcessor(new IOException("disk full")))
        .compile(source);
    assertThat(compilation).hadErrorCount(1);
    int line = lineOf(source, "final class Cfg");
    assertThat(compilation).hadErrorContaining("[anneal.internal]").inFile(source).onLine(line);
    assertThat(compilation).hadErrorContaining("test.CfgScheduler").inFile(source).onLine(line);
    assertThat(compilation).hadErrorContaining("disk full").inFile(source).onLine(line);
  }

  @Test
  @DisplayName("a failure on one config leaves the others generated")
  void otherConfigsStillGenerated() {
    JavaFileObject failing = validConfig("Broken");
    JavaFileObject fine = validConfig("Fine");
    FailingFilerProcessor processor =
        new FailingFilerProcessor(new IllegalStateException("injected"), "BrokenScheduler");
    Compilation compilation =
        javac().withClasspath(Sources.CLASS_PATH).withProcessors(processor).compile(failing, fine);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("failed on test.Broken").inFile(failing);
    // A failed compilation does not expose its generated files; the filer saw the write instead.
    assertEquals(List.of("test.FineScheduler"), processor.written);
  }

  @Test
  @DisplayName("from plain input: two configs whose schedulers share a name (A.B and A_B)")
  void nameCollision() {
    JavaFileObject nested = config("A",
        "final class A {",
        "  @Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "  static final class B {}",
        "}");
    JavaFileObject flat = config("A_B",
        "@Schedule(type = EXPONENTIAL, gamma = 0.5)",
        "final class A_B {}");
    Compilation compilation = compile(nested, flat);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // The configs are processed in name order, so A.B writes A_BScheduler first. The clash is the
    // user's to fix, so it is an ordinary diagnostic rather than an internal failure.
    assertThat(compilation).hadErrorContaining("[anneal.name-clash] cannot generate test.A_BScheduler")
        .inFile(flat).onLine(lineOf(flat, "final class A_B"));
  }

  @Test
  @DisplayName("a type of the user's that holds the scheduler's name is a name clash")
  void userTypeHoldsTheName() {
    JavaFileObject config = config("Own",
        "@Schedule(type = EXPONENTIAL, gamma = 0.9)",
        "final class Own {}");
    JavaFileObject taken = config("OwnScheduler", "final class OwnScheduler {}");
    Compilation compilation = compile(config, taken);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[anneal.name-clash] cannot generate test.OwnScheduler")
        .inFile(config).onLine(lineOf(config, "final class Own {}"));
  }

  /**
   * Runs the processor with a {@link Filer} whose {@code createSourceFile} throws for the
   * schedulers named (all when none are), as a broken build environment or a bug would.
   */
  private static final class FailingFilerProcessor implements Processor {
    private final ScheduleProcessor delegate = new ScheduleProcessor();
    private final Exception failure;
    private final Set<String> failingNames;
    /** The sources created successfully, by qualified name. */
    final List<String> written = new ArrayList<>();

    FailingFilerProcessor(Exception failure, String... failingSimpleNames) {
      this.failure = failure;
      this.failingNames = Set.of(failingSimpleNames);
    }

    @Override
    public void init(ProcessingEnvironment env) {
      delegate.init(new ProcessingEnvironment() {
        @Override
        public Map<String, String> getOptions() {
          return env.getOptions();
        }

        @Override
        public Messager getMessager() {
          return env.getMessager();
        }

        @Override
        public Filer getFiler() {
          return new FailingFiler(env.getFiler());
        }

        @Override
        public Elements getElementUtils() {
          return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
          return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
          return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
          return env.getLocale();
        }
      });
    }

    private final class FailingFiler implements Filer {
      private final Filer filer;

      FailingFiler(Filer filer) {
        this.filer = filer;
      }

      @Override
      public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
          throws IOException {
        String simpleName = name.toString().substring(name.toString().lastIndexOf('.') + 1);
        if (failingNames.isEmpty() || failingNames.contains(simpleName)) {
          if (failure instanceof IOException io) {
            throw io;
          }
          throw (RuntimeException) failure;
        }
        written.add(name.toString());
        return filer.createSourceFile(name, originatingElements);
      }

      @Override
      public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
          throws IOException {
        return filer.createClassFile(name, originatingElements);
      }

      @Override
      public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
          CharSequence relativeName, Element... originatingElements) throws IOException {
        return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
      }

      @Override
      public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
          CharSequence relativeName) throws IOException {
        return filer.getResource(location, moduleAndPkg, relativeName);
      }
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
        ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}

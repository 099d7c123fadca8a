package dev.anneal.conformance;

import dev.anneal.LrScheduler;
import dev.anneal.processor.ScheduleProcessor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javax.tools.ToolProvider;

/** Cases compiled with the processor, as the runner compiles them, ready to build schedulers from. */
final class CompiledCases {

  /** A case whose config compiled, and how to build its scheduler. */
  static final class Built {
    final ConformanceCase c;
    private final Constructor<?> constructor;

    Built(ConformanceCase c, Constructor<?> constructor) {
      this.c = c;
      this.constructor = constructor;
    }

    LrScheduler create() {
      return create(c.initialLrs());
    }

    LrScheduler create(double[] initialLrs) {
      try {
        return (LrScheduler) constructor.newInstance((Object) initialLrs);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** How many values the reference recorded: how often the case may be stepped and read. */
    int rows() {
      return c.expected().lr().length;
    }

    @Override
    public String toString() {
      return c.id();
    }
  }

  private CompiledCases() {}

  /** Compiles {@code cases} and returns those whose config compiled and whose scheduler builds. */
  static List<Built> compile(List<ConformanceCase> cases) {
    List<ConfigWriter.ConfigSource> sources = new ArrayList<>();
    List<ConformanceCase> written = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      ConformanceCase c = cases.get(i);
      if (c.expected().error() != null && c.expected().error().atConstruction()) {
        continue;
      }
      String packageName = String.format(Locale.ROOT, "anneal.resume.c%04d", i + 1);
      if (ConfigWriter.write(c, packageName) instanceof ConfigWriter.ConfigSource source) {
        sources.add(source);
        written.add(c);
      }
    }
    CaseCompiler.Compilation compilation;
    try (CaseCompiler compiler = new CaseCompiler(ToolProvider.getSystemJavaCompiler(), ScheduleProcessor::new,
        ConformanceRunner.runtimeClassPath(), 2)) {
      compilation = compiler.compile(sources, new HashSet<>());
    }
    ClassLoader loader = new MemoryClassLoader(compilation.classes(), LrScheduler.class.getClassLoader());
    List<Built> built = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      ConfigWriter.ConfigSource source = sources.get(i);
      if (!compilation.outcomes().get(source.packageName()).compiled()) {
        continue;
      }
      try {
        Constructor<?> constructor = Class.forName(source.schedulerName(), true, loader)
            .getDeclaredConstructor(double[].class);
        constructor.setAccessible(true);
        built.add(new Built(written.get(i), constructor));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(source.schedulerName(), e);
      }
    }
    return built;
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The configs of a map compiled with the processor and loaded, for tests that run the generated
 * schedulers. Construction goes through reflection; an exception thrown by a constructor reaches
 * the caller as itself, not wrapped, so that {@code assertThrows} sees it.
 */
final class GeneratedClasses {
  private final ClassLoader loader;

  GeneratedClasses(Map<String, String[]> configs, List<String> options) {
    Compilation compilation =
        Sources.compile(options, Configs.sources(configs).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    loader = Sources.loader(compilation);
  }

  Class<?> load(String simpleName) {
    try {
      return Class.forName(Sources.PACKAGE + "." + simpleName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + simpleName, e);
    }
  }

  /** {@code new <config>Scheduler(initialLrs)}. */
  <T> T scheduler(String config, Class<T> as, double... initialLrs) {
    return as.cast(construct(load(config + "Scheduler"), new Class<?>[] {double[].class}, initialLrs));
  }

  /** {@code new <config>Scheduler(configInstance, initialLrs)}, for configs with {@code @Bind}. */
  <T> T boundScheduler(String config, Object configInstance, Class<T> as, double... initialLrs) {
    Class<?> configClass = load(config);
    return as.cast(construct(load(config + "Scheduler"),
        new Class<?>[] {configClass, double[].class}, configInstance, initialLrs));
  }

  /** An instance of the config through its only constructor, such as a record's canonical one. */
  Object config(String config, Object... arguments) {
    Constructor<?>[] constructors = load(config).getDeclaredConstructors();
    if (constructors.length != 1) {
      throw new AssertionError(config + " has " + constructors.length + " constructors");
    }
    return construct(constructors[0], arguments);
  }

  private static Object construct(Class<?> type, Class<?>[] parameterTypes, Object... arguments) {
    try {
      return construct(type.getDeclaredConstructor(parameterTypes), arguments);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static Object construct(Constructor<?> constructor, Object... arguments) {
    try {
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}

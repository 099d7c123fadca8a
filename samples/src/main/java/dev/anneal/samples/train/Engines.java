package dev.anneal.samples.train;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engines the demo can train on, loaded by name and only when asked for. In a build (tests, an
 * IDE) the engines are on the class path. The runnable jar leaves them out, as their native
 * libraries weigh hundreds of megabytes: they lie in {@code lib/} beside it, where the build copies
 * them, and are read from there through a class loader of their own, so that a run without an
 * engine opens none of them.
 */
public final class Engines {

  /** The folder beside the runnable jar (or beside {@code classes/}) that holds the engines. */
  public static final String LIB = "lib";

  private static final Map<String, String> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put("djl", "dev.anneal.samples.engines.djl.DjlEngine");
    CLASSES.put("dl4j", "dev.anneal.samples.engines.dl4j.Dl4jEngine");
  }

  private Engines() {}

  /** The engines' names, in the order of the usage help. */
  public static List<String> names() {
    return List.copyOf(CLASSES.keySet());
  }

  /** An engine could not be loaded; the message says why, in one line. */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A new engine of that name.
   *
   * @throws IllegalArgumentException if no engine has that name
   * @throws UnavailableException if its classes are neither on the class path nor in {@link #LIB}
   */
  public static Engine load(String name) {
    String className = CLASSES.get(name);
    if (className == null) {
      throw new IllegalArgumentException(
          "Unknown engine '" + name + "': " + String.join(" or ", names()));
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, Engines.class.getClassLoader());
    } catch (ClassNotFoundException notOnTheClassPath) {
      type = fromLib(name, className);
    }
    try {
      return (Engine) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new UnavailableException(
          "The " + name + " engine failed to start: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new UnavailableException("The " + name + " engine cannot be made: " + e, e);
    }
  }

  private static Class<?> fromLib(String name, String className) {
    Path lib = libFolder();
    List<URL> jars = new ArrayList<>();
    if (Files.isDirectory(lib)) {
      try (Stream<Path> files = Files.list(lib)) {
        for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        throw new UnavailableException("Cannot read " + lib + ": " + e.getMessage(), e);
      }
    }
    ClassLoader loader =
        new URLClassLoader("engines", jars.toArray(URL[]::new), Engines.class.getClassLoader());
    try {
      Class<?> type = Class.forName(className, true, loader);
      // DJL and ND4J find their engines, backends and native libraries through the context class
      // loader (ServiceLoader, resources): it must see lib/.
      Thread.currentThread().setContextClassLoader(loader);
      return type;
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UnavailableException(
          "The " + name + " engine is not in " + lib + ": build the samples with Maven"
              + " (mvn -B package), which copies the engines' jars there",
          e);
    }
  }

  /** {@code lib/} beside the jar (or the folder of classes) that this class was loaded from. */
  private static Path libFolder() {
    try {
      URL location = Engines.class.getProtectionDomain().getCodeSource().getLocation();
      return Path.of(location.toURI()).toAbsolutePath().getParent().resolve(LIB);
    } catch (URISyntaxException | RuntimeException e) {
      throw new UnavailableException("Cannot tell where the samples' jar lies: " + e, e);
    }
  }
}

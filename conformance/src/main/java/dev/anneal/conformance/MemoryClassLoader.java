package dev.anneal.conformance;

import java.util.Map;

/**
 * Loads the classes compiled in memory. Its parent is the loader of the runtime, so that generated
 * schedulers implement the very {@code dev.anneal} interfaces the runner calls them through.
 */
final class MemoryClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("conformance-cases", parent);
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}

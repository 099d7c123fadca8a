package dev.anneal.dl4j;

import dev.anneal.LrFunction;
import dev.anneal.MetricScheduler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What rebuilds a generated scheduler: its class, the optimizer's initial rates and, for a config
 * with {@code @Bind} members, the values of the config record's components. These are the values
 * an {@link AnnealSchedule} writes to DL4J's JSON, checked here whether they come from a user's
 * code or from a JSON file.
 *
 * <p>The config's values are kept by component name, each in one form whatever it was read from
 * ({@code Double} for a {@code double}, {@code double[]} for a {@code double[]}, an enum's name
 * for an enum...), so that recipes compare by value.
 */
final class SchedulerRecipe {

  final String className;
  private final double[] initialLrs;
  /** The config record's components by name, in declaration order; null without a config. */
  private final Map<String, Object> config;
  /** The scheduler, built from the values above. */
  final Object scheduler;

  private SchedulerRecipe(
      String className, double[] initialLrs, Map<String, Object> config, Object scheduler) {
    this.className = className;
    this.initialLrs = initialLrs;
    this.config = config;
    this.scheduler = scheduler;
  }

  /**
   * The recipe of {@code type} built with {@code config} (null if it takes none) and {@code
   * initialLrs}, checked by building the scheduler.
   *
   * @throws IllegalArgumentException if the scheduler cannot be built, or its config cannot be
   *     written to JSON
   */
  static SchedulerRecipe of(Class<?> type, Record config, double[] initialLrs) {
    Objects.requireNonNull(type, "scheduler");
    Objects.requireNonNull(initialLrs, "initialLrs");
    Map<String, Object> values = null;
    if (config != null) {
      values = new LinkedHashMap<>();
      for (RecordComponent component : config.getClass().getRecordComponents()) {
        Method accessor = component.getAccessor();
        Object value;
        try {
          accessor.setAccessible(true);
          value = accessor.invoke(config);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalArgumentException(
              "cannot read component " + component.getName() + " of the config "
                  + config.getClass().getName() + ": " + e,
              e);
        }
        values.put(component.getName(), value);
      }
    }
    return rebuild(type.getName(), type, initialLrs.clone(), values);
  }

  /**
   * The recipe read from JSON (or Java serialization): every value may be missing or of a JSON
   * type, and is checked.
   *
   * @throws IllegalArgumentException naming the class and what is missing or wrong
   */
  static SchedulerRecipe read(String className, double[] initialLrs, Map<String, ?> config) {
    if (className == null || className.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot rebuild an Anneal scheduler: the generated scheduler's class (\"scheduler\") is"
              + " missing");
    }
    Class<?> type = load(className);
    if (initialLrs == null) {
      throw cannotRebuild(
          className, "the optimizer's initial rates (\"initialLrs\", one per parameter group) are"
              + " missing");
    }
    return rebuild(className, type, initialLrs.clone(), config);
  }

  private static SchedulerRecipe rebuild(
      String className, Class<?> type, double[] initialLrs, Map<String, ?> config) {
    if (!LrFunction.class.isAssignableFrom(type)) {
      String why =
          MetricScheduler.class.isAssignableFrom(type)
              ? "it is stepped with a metric (ReduceLROnPlateau) and has no closed form"
              : "it is not a generated scheduler with a closed form (an " + LrFunction.class.getName()
                  + ")";
      throw cannotRebuild(
          className,
          why + ": a DL4J schedule is a function of the iteration or the epoch alone");
    }
    Constructor<?> constructor = constructorOf(className, type);
    Class<?>[] parameters = constructor.getParameterTypes();
    Object scheduler;
    Map<String, Object> values = null;
    try {
      if (parameters.length == 1) {
        if (config != null) {
          throw cannotRebuild(
              className, "it takes no config (no @Bind members), but a config was given: "
                  + config.keySet());
        }
        scheduler = constructor.newInstance((Object) initialLrs);
      } else {
        Class<?> configType = parameters[0];
        if (!configType.isRecord()) {
          throw notARecord(className, configType);
        }
        if (config == null) {
          throw cannotRebuild(
              className, "it takes a config, " + configType.getName() + ", whose @Bind members"
                  + " supply parameters, and its values (\"config\") are missing");
        }
        values = normalize(className, configType, config);
        scheduler = constructor.newInstance(newConfig(className, configType, values), initialLrs);
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cannotRebuild(className, "its constructor refuses the values: " + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException e) {
      throw cannotRebuild(className, "its constructor cannot be called: " + e, e);
    }
    return new SchedulerRecipe(
        className, initialLrs, values == null ? null : Collections.unmodifiableMap(values),
        scheduler);
  }

  private static Class<?> load(String className) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader :
        new ClassLoader[] {context, SchedulerRecipe.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        return Class.forName(className, true, loader);
      } catch (ClassNotFoundException e) {
        // the next loader
      } catch (LinkageError e) {
        throw cannotRebuild(className, "the class cannot be loaded: " + e, e);
      }
    }
    throw cannotRebuild(
        className, "no such class on the class path: the generated scheduler is compiled with the"
            + " config it was generated from, which must be on the class path where the network is"
            + " restored");
  }

  /** The generated public constructor: {@code (double... initialLrs)} or {@code (Config, double...)}. */
  private static Constructor<?> constructorOf(String className, Class<?> type) {
    for (Constructor<?> constructor : type.getConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (constructor.isVarArgs()
          && parameters.length <= 2
          && parameters[parameters.length - 1] == double[].class) {
        return constructor;
      }
    }
    throw cannotRebuild(
        className, "it has no public constructor (double... initialLrs) or (Config config, double..."
            + " initialLrs), as a scheduler generated by Anneal has");
  }

  /** The config's values in one form per component type, checked against the record's components. */
  private static Map<String, Object> normalize(
      String className, Class<?> configType, Map<String, ?> config) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : configType.getRecordComponents()) {
      String name = component.getName();
      if (!config.containsKey(name)) {
        throw cannotRebuild(
            className, "the value of component " + name + " of its config " + configType.getName()
                + " (\"config\": {\"" + name + "\": ...}) is missing");
      }
      values.put(name, convert(className, configType, component, config.get(name)));
    }
    for (String name : config.keySet()) {
      if (!values.containsKey(name)) {
        throw cannotRebuild(
            className, "its config " + configType.getName() + " has no component " + name
                + "; its components are " + values.keySet());
      }
    }
    return values;
  }

  /** {@code value}, read from Java or JSON, in the form kept for a component of its type. */
  private static Object convert(
      String className, Class<?> configType, RecordComponent component, Object value) {
    Class<?> type = component.getType();
    Object converted = value == null ? null : Values.convert(type, value);
    if (converted == null) {
      String expected = Values.supports(type) ? "a " + type.getSimpleName() : null;
      throw cannotRebuild(
          className, expected == null
              ? "component " + component.getName() + " of its config " + configType.getName()
                  + " is a " + type.getName() + ", which an AnnealSchedule cannot write to JSON"
                  + " (numbers, booleans, strings, enums and arrays of double, int or long can be)"
              : "component " + component.getName() + " of its config " + configType.getName()
                  + " should be " + expected + ", not " + describe(value));
    }
    return converted;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof List<?> ? value.toString() : String.valueOf(value);
    return value.getClass().getSimpleName() + " " + text;
  }

  private static Object newConfig(String className, Class<?> configType, Map<String, Object> values)
      throws ReflectiveOperationException {
    RecordComponent[] components = configType.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      arguments[i] = Values.argument(types[i], values.get(components[i].getName()));
    }
    Constructor<?> canonical = configType.getDeclaredConstructor(types);
    if (!Modifier.isPublic(canonical.getModifiers())
        || !Modifier.isPublic(configType.getModifiers())) {
      try {
        canonical.setAccessible(true);
      } catch (RuntimeException e) {
        throw cannotRebuild(
            className, "the constructor of its config " + configType.getName() + " cannot be"
                + " reached: " + e, e);
      }
    }
    try {
      return canonical.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cannotRebuild(
          className, "its config " + configType.getName() + " refuses the values " + values + ": "
              + cause.getMessage(), cause);
    }
  }

  private static IllegalArgumentException notARecord(String className, Class<?> configType) {
    return cannotRebuild(
        className, "its config, " + configType.getName() + ", is not a record: an AnnealSchedule"
            + " writes a config's record components to DL4J's JSON and rebuilds it with the"
            + " record's constructor, and cannot rebuild a class with @Bind accessors; make the"
            + " config a record");
  }

  static IllegalArgumentException cannotRebuild(String className, String what) {
    return new IllegalArgumentException("cannot rebuild the Anneal scheduler " + className + ": "
        + what);
  }

  private static IllegalArgumentException cannotRebuild(
      String className, String what, Throwable cause) {
    IllegalArgumentException e = cannotRebuild(className, what);
    e.initCause(cause);
    return e;
  }

  /** The initial rates; a copy. */
  double[] initialLrs() {
    return initialLrs.clone();
  }

  /** The config's values by component name, or null without a config; not to be changed. */
  Map<String, Object> config() {
    return config;
  }

  /** The number of parameter groups. */
  int groupCount() {
    return initialLrs.length;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SchedulerRecipe)) {
      return false;
    }
    SchedulerRecipe that = (SchedulerRecipe) other;
    return className.equals(that.className)
        && Arrays.equals(initialLrs, that.initialLrs)
        && Values.equal(config, that.config);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * className.hashCode() + Arrays.hashCode(initialLrs)) + Values.hash(config);
  }
}

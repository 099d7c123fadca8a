package dev.anneal.samples;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.StepScheduler;
import dev.anneal.samples.chart.ScheduleCharts;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plot}: a user's own generated scheduler, loaded from the user's build, drawn and written
 * as the tour draws and writes its own, to see a schedule before training under it.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Plots a generated scheduler of your own before you train under it: its rate at every step,"
          + " in <Name>.png (one chart per parameter group, <Name>-group<G>.png, where there are"
          + " several) and <Name>.csv, as the tour draws and writes its schedules.",
      "A scheduler generated with @Bind takes its config first: a record config is built from"
          + " --bind values, one per component; any other config class from its no-argument"
          + " constructor."
    })
final class PlotCommand implements Callable<Integer> {

  /** A failure that is not a usage error, such as a class that cannot be loaded, in one line. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @ParentCommand Main parent;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SCHEDULER",
      description =
          "The generated scheduler's fully qualified name, such as com.example.ResNetRunScheduler.")
  String className;

  @Option(
      names = {"-cp", "--class-path"},
      paramLabel = "PATH",
      description =
          "Folders and jars to load the scheduler and its config from, separated as on java's"
              + " class path (':', or ';' on Windows) or given again, such as target/classes"
              + " (default: the samples' own classes).")
  List<String> classPathOption = new ArrayList<>();

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      required = true,
      description =
          "The optimizer's initial rate of a parameter group; once per group: --lr 0.1 --lr 0.05.")
  List<Double> rates = new ArrayList<>();

  @Option(
      names = "--steps",
      paramLabel = "N",
      description =
          "Steps to compute and plot, 1 to "
              + Main.TourOptions.MAX_STEPS
              + " (required; may also be written before plot).")
  Integer steps;

  @Option(
      names = "--steps-per-epoch",
      paramLabel = "N",
      description =
          "Spacing of the labelled ticks of the x axis (default: a quarter of the steps).")
  Integer stepsPerEpoch;

  @Option(
      names = "--metrics",
      paramLabel = "FILE",
      description =
          "For a scheduler stepped with a metric (ReduceLROnPlateau): a text file of the metric"
              + " observed after each step, one number per step, separated by commas, spaces or"
              + " lines. Drawn dashed as the validation loss.")
  Path metricsFile;

  @Option(
      names = "--bind",
      paramLabel = "NAME=VALUE",
      description =
          "A component of a record config, for a scheduler generated with @Bind, such as --bind"
              + " etaMin=1e-4; arrays as 0.1,0.05.")
  Map<String, String> bound = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Main.takeOptionsBeforeCommand(spec);
    if (steps == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--steps=N'");
    }
    if (steps < 1 || steps > Main.TourOptions.MAX_STEPS) {
      throw Main.invalid(spec, "--steps", steps, "is not from 1 to " + Main.TourOptions.MAX_STEPS);
    }
    int tickSpacing = stepsPerEpoch == null ? Math.max(1, steps / 4) : stepsPerEpoch;
    if (tickSpacing < 1) {
      throw Main.invalid(spec, "--steps-per-epoch", tickSpacing, "is not at least 1");
    }
    Class<?> type = load();
    LrScheduler scheduler;
    try {
      scheduler = build(type);
    } catch (LinkageError e) {
      // Such as a config class missing from the class path, or compiled for a later Java.
      throw new Failure(className + " cannot be loaded: " + e, e);
    }
    double[] metrics = metrics(scheduler);
    double[][] rates = rates(scheduler, metrics);

    PrintWriter out = spec.commandLine().getOut();
    Path output = parent.output;
    String name = type.getSimpleName();
    String description = description(scheduler, type);
    List<String> written = new ArrayList<>();
    OutputFolder.write(
        output,
        () -> {
          int groups = rates.length;
          for (int g = 0; g < groups; g++) {
            String file = groups == 1 ? name + ".png" : name + "-group" + g + ".png";
            XYChart chart =
                ScheduleCharts.schedule(
                    title(description, groups == 1 ? "" : ", group " + g),
                    rates[g],
                    tickSpacing,
                    yMax(rates[g], this.rates.get(g)),
                    metrics == null ? null : step -> metrics[step],
                    false);
            BitmapEncoder.saveBitmap(
                chart, output.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
          }
          writeCsv(output.resolve(name + ".csv"), name, rates);
          written.add(name + ".csv");
        });
    out.printf(
        Locale.ROOT,
        "%s: %d steps, initial %s %s%nWrote %s to %s%n",
        description,
        steps,
        rates.length == 1 ? "rate" : "rates",
        this.rates.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        String.join(", ", written),
        output.toAbsolutePath().normalize());
    return 0;
  }

  /** The scheduler's class, from the class path given or the samples' own classes. */
  private Class<?> load() {
    // Split here rather than by picocli: the separator is the platform's.
    List<Path> classPath = new ArrayList<>();
    for (String option : classPathOption) {
      for (String entry : option.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
        if (!entry.isEmpty()) {
          classPath.add(Path.of(entry));
        }
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path entry : classPath) {
      if (!Files.exists(entry)) {
        throw Main.invalid(spec, "--class-path", "'" + entry + "'", "does not exist");
      }
      if (!Files.isDirectory(entry) && !entry.getFileName().toString().endsWith(".jar")) {
        throw Main.invalid(
            spec, "--class-path", "'" + entry + "'", "is neither a folder nor a jar");
      }
      try {
        urls.add(entry.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw Main.invalid(
            spec, "--class-path", "'" + entry + "'", "is not a path: " + e.getMessage());
      }
    }
    // The samples' class loader is the parent, so that dev.anneal is one and the same runtime for
    // the samples and for the user's classes, even where a user's jar bundles its own copy.
    ClassLoader loader =
        urls.isEmpty()
            ? PlotCommand.class.getClassLoader()
            : new URLClassLoader(urls.toArray(URL[]::new), PlotCommand.class.getClassLoader());
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Class '"
              + className
              + "' is not found on "
              + (classPath.isEmpty()
                  ? "the samples' class path (give your classes with --class-path)"
                  : "the class path "
                      + classPath.stream()
                          .map(Path::toString)
                          .collect(Collectors.joining(File.pathSeparator))));
    } catch (LinkageError e) {
      throw new Failure("Class '" + className + "' cannot be loaded: " + e, e);
    }
    if (!LrScheduler.class.isAssignableFrom(type)) {
      String hint = "";
      try {
        Class<?> generated = Class.forName(className + "Scheduler", false, loader);
        if (LrScheduler.class.isAssignableFrom(generated)) {
          hint = "; the scheduler generated from it is " + generated.getName();
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // No generated class beside it: nothing to suggest.
      }
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Class '"
              + className
              + "' is not a scheduler: it does not implement "
              + LrScheduler.class.getName()
              + hint);
    }
    return type;
  }

  /** A scheduler at step 0 from the rates, and the config where the class takes one. */
  private LrScheduler build(Class<?> type) {
    Constructor<?> constructor = null;
    for (Constructor<?> candidate : type.getConstructors()) {
      Class<?>[] parameters = candidate.getParameterTypes();
      if (parameters.length >= 1
          && parameters.length <= 2
          && parameters[parameters.length - 1] == double[].class) {
        constructor = candidate;
      }
    }
    if (constructor == null || Modifier.isAbstract(type.getModifiers())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Class '"
              + className
              + "' has no public constructor from the initial rates (double...): plot builds the"
              + " schedulers Anneal generates");
    }
    double[] initial = rates.stream().mapToDouble(Double::doubleValue).toArray();
    Object[] arguments;
    if (constructor.getParameterCount() == 1) {
      if (!bound.isEmpty()) {
        throw Main.invalid(
            spec,
            "--bind",
            String.join(", ", bound.keySet()),
            "does not apply: " + type.getSimpleName() + " takes no config");
      }
      arguments = new Object[] {initial};
    } else {
      arguments = new Object[] {config(type, constructor.getParameterTypes()[0]), initial};
    }
    try {
      return (LrScheduler) constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        // The values as written, since the refusal names them by the config's and the
        // reference's names, which the user may not connect with the options.
        StringBuilder given = new StringBuilder();
        rates.forEach(rate -> given.append(" --lr ").append(rate));
        bound.forEach(
            (name, value) -> given.append(" --bind ").append(name).append('=').append(value));
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            type.getSimpleName() + " refuses" + given + ": " + refused.getMessage());
      }
      throw new Failure(type.getSimpleName() + " failed to build: " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new Failure(type.getSimpleName() + " cannot be built: " + e, e);
    }
  }

  /** The config a scheduler generated with {@code @Bind} takes: a record from --bind, or new. */
  private Object config(Class<?> scheduler, Class<?> config) {
    if (!config.isRecord()) {
      if (!bound.isEmpty()) {
        throw Main.invalid(
            spec,
            "--bind",
            String.join(", ", bound.keySet()),
            "does not apply: the config "
                + config.getName()
                + " is not a record, and --bind sets a record's components");
      }
      try {
        Constructor<?> noArguments = config.getDeclaredConstructor();
        noArguments.setAccessible(true);
        return noArguments.newInstance();
      } catch (NoSuchMethodException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            scheduler.getSimpleName()
                + " takes a config, "
                + config.getName()
                + ", which is neither a record nor has a no-argument constructor: plot cannot"
                + " build it");
      } catch (InvocationTargetException e) {
        throw new Failure(config.getName() + "() failed: " + e.getCause(), e);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new Failure(config.getName() + "() cannot be called: " + e, e);
      }
    }
    RecordComponent[] components = config.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    for (String name : bound.keySet()) {
      if (!names.contains(name)) {
        throw Main.invalid(
            spec,
            "--bind",
            "'" + name + "'",
            "is not a component of " + config.getSimpleName() + ": " + String.join(", ", names));
      }
    }
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      String text = bound.get(component.getName());
      if (text == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            scheduler.getSimpleName()
                + " takes a config, "
                + config.getSimpleName()
                + ": give its "
                + component.getName()
                + " with --bind "
                + component.getName()
                + "=VALUE");
      }
      values[i] = parse(component, text.trim());
    }
    try {
      Constructor<?> canonical = config.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            config.getSimpleName() + " refuses its values: " + refused.getMessage());
      }
      throw new Failure(config.getSimpleName() + " failed to build: " + e.getCause(), e);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Failure(config.getSimpleName() + " cannot be built: " + e, e);
    }
  }

  /** A component's value from its text: the types {@code @Bind} takes, and a few more. */
  private Object parse(RecordComponent component, String text) {
    Class<?> type = component.getType();
    String option = component.getName() + "=" + text;
    try {
      if (type == double.class || type == Double.class) {
        return Double.parseDouble(text);
      }
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(text);
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(text);
      }
      if (type == float.class || type == Float.class) {
        return Float.parseFloat(text);
      }
      if (type == double[].class) {
        return Arrays.stream(text.split(","))
            .map(String::trim)
            .mapToDouble(Double::parseDouble)
            .toArray();
      }
      if (type == int[].class) {
        return Arrays.stream(text.split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
      }
      if (type == boolean.class || type == Boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw Main.invalid(spec, "--bind", "'" + option + "'", "is not true or false");
        }
        return Boolean.parseBoolean(text);
      }
      if (type == String.class) {
        return text;
      }
    } catch (NumberFormatException e) {
      throw Main.invalid(spec, "--bind", "'" + option + "'", "is not " + describe(type));
    }
    throw Main.invalid(
        spec,
        "--bind",
        "'" + option + "'",
        "cannot be given: plot builds components of type " + describe(type) + " no further");
  }

  private static String describe(Class<?> type) {
    if (type.isArray()) {
      return "a comma-separated list of " + type.getComponentType().getSimpleName() + "s";
    }
    return "a " + type.getSimpleName();
  }

  /** The metrics of a scheduler stepped with a metric; {@code null} for the others. */
  private double[] metrics(LrScheduler scheduler) {
    if (!(scheduler instanceof MetricScheduler)) {
      if (metricsFile != null) {
        throw Main.invalid(
            spec,
            "--metrics",
            "'" + metricsFile + "'",
            "does not apply: "
                + scheduler.getClass().getSimpleName()
                + " is stepped without a metric");
      }
      return null;
    }
    if (metricsFile == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          scheduler.getClass().getSimpleName()
              + " is stepped with a metric: give one per step with --metrics FILE");
    }
    String text;
    try {
      text = Files.readString(metricsFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Main.invalid(
          spec, "--metrics", "'" + metricsFile + "'", "cannot be read: " + OutputFolder.reason(e));
    }
    List<Double> values = new ArrayList<>();
    for (String token : text.trim().split("[,\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(token);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) {
        throw Main.invalid(
            spec,
            "--metrics",
            "'" + metricsFile + "'",
            "holds '"
                + token
                + "' at place "
                + (values.size() + 1)
                + ": every metric must be a finite number");
      }
      values.add(value);
    }
    if (values.size() < steps) {
      throw Main.invalid(
          spec,
          "--metrics",
          "'" + metricsFile + "'",
          "holds " + values.size() + " metrics for " + steps + " steps: give one per step");
    }
    return values.stream().limit(steps).mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Every group's rate at each step, read and then stepped as a training loop does; NaN past the
   * end of a schedule that stops, as OneCycleLR does at its total steps.
   */
  private double[][] rates(LrScheduler scheduler, double[] metrics) {
    int groups = scheduler.groupCount();
    if (groups != rates.size()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          scheduler.getClass().getSimpleName()
              + " has "
              + groups
              + " parameter groups but "
              + rates.size()
              + " --lr were given: give one per group");
    }
    double[][] result = new double[groups][steps];
    for (double[] group : result) {
      Arrays.fill(group, Double.NaN);
    }
    double[] now = new double[groups];
    for (int step = 0; step < steps; step++) {
      scheduler.lrs(now);
      for (int g = 0; g < groups; g++) {
        result[g][step] = now[g];
      }
      if (step == steps - 1) {
        break; // The last rate is read; one more step could only fail or be wasted.
      }
      try {
        if (scheduler instanceof MetricScheduler driven) {
          driven.step(metrics[step]);
        } else {
          ((StepScheduler) scheduler).step();
        }
      } catch (IllegalStateException scheduleOver) {
        break;
      }
    }
    return result;
  }

  /** The scheduler's own account of itself without its step and rates, for the console. */
  private static String description(LrScheduler scheduler, Class<?> type) {
    String text = scheduler.toString();
    int at = text.lastIndexOf(" at step ");
    return at > 0 ? text.substring(0, at) : type.getSimpleName();
  }

  /**
   * A chart's title: the description where it fits in readable type, else the config and the
   * reference without the parameters (a schedule with every default spelled out, such as a
   * CyclicLR's, would shrink to an unreadable size or run off the chart), which the console shows.
   */
  private static String title(String description, String suffix) {
    String full = description + suffix;
    Font readable = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    double width =
        readable.getStringBounds(full, new FontRenderContext(null, true, true)).getWidth();
    int parameters = description.indexOf('(');
    if (width <= ScheduleCharts.WIDTH - 200 || parameters < 0) {
      return full;
    }
    return description.substring(0, parameters) + "(...)" + suffix;
  }

  /** As the tour's: from 0 to a tenth above the highest rate, which a cycle may take above lr. */
  private static double yMax(double[] rates, double initial) {
    double top = initial;
    for (double rate : rates) {
      if (Double.isFinite(rate)) {
        top = Math.max(top, rate);
      }
    }
    return top > 0 ? top * 1.1 : 1;
  }

  /** The tour's columns: the step, then one per curve; empty where the schedule has ended. */
  private static void writeCsv(Path file, String name, double[][] rates) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("step");
      for (int g = 0; g < rates.length; g++) {
        writer.write(',');
        writer.write(rates.length == 1 ? name : name + "-group" + g);
      }
      writer.write('\n');
      for (int step = 0; step < rates[0].length; step++) {
        writer.write(Integer.toString(step));
        for (double[] column : rates) {
          writer.write(',');
          if (!Double.isNaN(column[step])) {
            writer.write(Double.toString(column[step]));
          }
        }
        writer.write('\n');
      }
    }
  }
}

package dev.anneal.samples;

import dev.anneal.samples.tour.Sample;
import dev.anneal.samples.tour.Samples;
import dev.anneal.samples.tour.Tour;
import dev.anneal.samples.train.Engine;
import dev.anneal.samples.train.Engines;
import dev.anneal.samples.train.Plan;
import dev.anneal.samples.train.TrainingDemo;
import dev.anneal.samples.train.TrainingSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The samples' command line. With no command it runs the tour and then the training demo; the
 * {@code tour} and {@code train} commands run one of them.
 */
@Command(
    name = "anneal-samples",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Learning-rate schedules of PyTorch, Hugging Face and timm, generated at compile time by"
          + " Anneal, plotted and put to work.",
      "With no command, runs 'tour' and then 'train': everything goes into the output folder.",
      "The options of a command may also be written before it: --seed 3 train is train --seed 3."
    },
    subcommands = {Main.TourCommand.class, Main.TrainCommand.class, PlotCommand.class})
public final class Main implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "anneal-out",
      scope = ScopeType.INHERIT,
      description = "Folder to write into; created if missing (default: ${DEFAULT-VALUE}).")
  Path output;

  @Mixin TourOptions tourOptions;

  @Mixin TrainOptions trainOptions;

  @Spec CommandSpec spec;

  /** Runs the samples; see {@code --help}. */
  public static void main(String[] args) {
    // Before anything touches AWT: the charts are drawn off screen, also where there is a display.
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }

  /** The command line, for callers that run it without exiting, such as tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::failure);
  }

  /** A failure the user can fix, such as a folder that cannot be written, in one line. */
  private static int failure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (e instanceof OutputFolder.NotWritableException || e instanceof PlotCommand.Failure) {
      PrintWriter err = commandLine.getErr();
      err.println(commandLine.getColorScheme().errorText(e.getMessage()));
      err.flush();
      return 1;
    }
    throw e;
  }

  /**
   * Takes the options written before a command as if written after it ({@code --seed 3 train} is
   * {@code train --seed 3}); an option the command does not have, or one written on both sides, is
   * a usage error rather than a value silently dropped.
   */
  static void takeOptionsBeforeCommand(CommandSpec command) {
    CommandLine.ParseResult before = command.parent().commandLine().getParseResult();
    CommandLine.ParseResult after = command.commandLine().getParseResult();
    for (OptionSpec option : before.matchedOptions()) {
      if (option.scopeType() == ScopeType.INHERIT) {
        continue; // -o belongs to every command already.
      }
      OptionSpec own = command.findOption(option.longestName());
      if (own == null) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "Option '"
                + option.longestName()
                + "' written before '"
                + command.name()
                + "' is not an option of "
                + command.name()
                + " (see "
                + command.name()
                + " --help)");
      }
      if (after.hasMatchedOption(own)) {
        throw new CommandLine.ParameterException(
            command.commandLine(),
            "Option '"
                + option.longestName()
                + "' is written both before and after '"
                + command.name()
                + "': write it once");
      }
      own.setValue(option.getValue());
    }
  }

  /** A usage error for an option's value outside its range: the option, the value, the rule. */
  static CommandLine.ParameterException invalid(
      CommandSpec spec, String option, Object value, String rule) {
    return new CommandLine.ParameterException(
        spec.commandLine(),
        "Invalid value for option '" + option + "': " + value + " " + rule);
  }

  /**
   * A usage error in one line, the option and the value it names (with picocli's suggestions for
   * a mistyped command or option), rather than the message followed by the whole usage help.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    if (tourOptions.list) {
      TourOptions.printList(out);
      return 0;
    }
    List<Sample> samples = tourOptions.selected(spec);
    OutputFolder.write(
        output,
        () -> {
          new Tour(samples, tourOptions.steps, tourOptions.stepsPerEpoch).run(output, out);
          out.println();
          new TrainingDemo(trainOptions.seed, TrainingSchedule.all()).run(output, out);
        });
    out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** Options of the tour, shared by the default command and {@code tour}. */
  static final class TourOptions {
    /** Beyond it the arrays and the charts outgrow what a preview needs. */
    static final int MAX_STEPS = 1_000_000;

    @Option(
        names = "--steps",
        paramLabel = "N",
        defaultValue = "" + Samples.EPOCHS * Samples.STEPS_PER_EPOCH,
        description =
            "Steps to compute and plot, 1 to "
                + MAX_STEPS
                + " (default: ${DEFAULT-VALUE}, the article's 4 epochs of 8).")
    int steps;

    @Option(
        names = "--steps-per-epoch",
        paramLabel = "N",
        defaultValue = "" + Samples.STEPS_PER_EPOCH,
        description = "Spacing of the labelled ticks of the x axis (default: ${DEFAULT-VALUE}).")
    int stepsPerEpoch;

    @Option(
        names = {"-s", "--schedule"},
        paramLabel = "NAME",
        split = ",",
        description =
            "Plot only these schedules, by name, e.g. -s step-lr,cosine-annealing-lr"
                + " (default: all; --list shows the names).")
    List<String> schedules = new ArrayList<>();

    @Option(names = "--list", description = "List the schedules' names and exit.")
    boolean list;

    /** The chosen samples, in tour order; a usage error for an unknown name or a bad count. */
    List<Sample> selected(CommandSpec spec) {
      if (steps < 1 || steps > MAX_STEPS) {
        throw invalid(spec, "--steps", steps, "is not from 1 to " + MAX_STEPS);
      }
      if (stepsPerEpoch < 1) {
        throw invalid(spec, "--steps-per-epoch", stepsPerEpoch, "is not at least 1");
      }
      if (schedules.isEmpty()) {
        return Samples.all();
      }
      List<Sample> chosen = new ArrayList<>();
      for (String name : schedules) {
        Sample sample =
            Samples.byId(name.trim())
                .orElseThrow(
                    () ->
                        invalid(
                            spec,
                            "--schedule",
                            "'" + name + "'",
                            "is not a schedule of the tour: one of the "
                                + Samples.all().size()
                                + " names --list shows, such as "
                                + Samples.all().get(0).id()));
        if (!chosen.contains(sample)) {
          chosen.add(sample);
        }
      }
      return chosen;
    }

    static void printList(PrintWriter out) {
      int width = 0;
      for (Sample sample : Samples.all()) {
        width = Math.max(width, sample.id().length());
      }
      for (Sample sample : Samples.all()) {
        out.printf(Locale.ROOT, "%-" + width + "s  %s%n", sample.id(), sample.torchCall());
      }
    }
  }

  /** Options of the training demo, shared by the default command and {@code train}. */
  static final class TrainOptions {
    @Option(
        names = "--seed",
        paramLabel = "SEED",
        defaultValue = "" + Plan.DEFAULT_SEED,
        description = "Seed of the training data and initial weights (default: ${DEFAULT-VALUE}).")
    long seed;
  }

  /** {@code tour}: the article's schedules as charts, a cheat sheet and a CSV. */
  @Command(
      name = "tour",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Plots every schedule of the tour (initial rate 1e-3, 4 epochs of 8 steps) in the style of"
            + " the article's figures: one PNG per schedule, cheatsheet.png with all of them, and"
            + " schedules.csv with every rate."
      })
  static final class TourCommand implements Callable<Integer> {
    @ParentCommand Main parent;

    @Mixin TourOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      takeOptionsBeforeCommand(spec);
      if (options.list) {
        TourOptions.printList(spec.commandLine().getOut());
        return 0;
      }
      List<Sample> samples = options.selected(spec);
      OutputFolder.write(
          parent.output,
          () ->
              new Tour(samples, options.steps, options.stepsPerEpoch)
                  .run(parent.output, spec.commandLine().getOut()));
      return 0;
    }
  }

  /** {@code train}: a small network trained under several generated schedulers. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Trains a two-layer network on three interleaved spirals, in plain Java with SGD and"
            + " momentum, once with a constant rate and once under each of several generated"
            + " schedulers; prints the final training loss and validation accuracy and writes"
            + " training.png and training.csv. Deterministic for a given seed.",
        "With --engine, trains the same network (the same data, initial weights and batches) under"
            + " the same schedulers on DJL's PyTorch engine (djl) or on Deeplearning4j (dl4j),"
            + " through Anneal's adapters, and writes training-<engine>.png and .csv."
      })
  static final class TrainCommand implements Callable<Integer> {
    @ParentCommand Main parent;

    @Mixin TrainOptions options;

    @Option(
        names = "--engine",
        paramLabel = "ENGINE",
        description =
            "Train on djl (DJL on PyTorch's CPU library) or dl4j (Deeplearning4j on ND4J's CPU"
                + " backend) rather than in plain Java (default: plain Java).")
    String engine;

    @Option(
        names = {"-s", "--schedule"},
        paramLabel = "NAME",
        split = ",",
        description =
            "Train only under these schedules, by name, e.g. -s constant,cosine (default: all of"
                + " ${COMPLETION-CANDIDATES}).",
        completionCandidates = ScheduleNames.class)
    List<String> schedules = new ArrayList<>();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      takeOptionsBeforeCommand(spec);
      List<TrainingSchedule> chosen = selected();
      PrintWriter out = spec.commandLine().getOut();
      if (engine == null) {
        OutputFolder.write(
            parent.output, () -> new TrainingDemo(options.seed, chosen).run(parent.output, out));
        return 0;
      }
      if (!Engines.names().contains(engine)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "Unknown engine '"
                + engine
                + "' for --engine: "
                + String.join(" or ", Engines.names()));
      }
      // Before the engine loads, which takes seconds: a bad -o costs nothing.
      OutputFolder.prepare(parent.output);
      Engine loaded;
      try {
        loaded = Engines.load(engine);
      } catch (Engines.UnavailableException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 1;
      }
      try (loaded) {
        OutputFolder.write(
            parent.output,
            () -> new TrainingDemo(options.seed, chosen, loaded).run(parent.output, out));
      }
      return 0;
    }

    /** The chosen schedules, in the demo's order; a usage error for an unknown name. */
    private List<TrainingSchedule> selected() {
      Set<String> names = new HashSet<>();
      for (String name : schedules) {
        if (TrainingSchedule.byName(name.trim()).isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "Unknown schedule '"
                  + name
                  + "' for --schedule: "
                  + String.join(", ", new ScheduleNames()));
        }
        names.add(name.trim());
      }
      return TrainingSchedule.all().stream()
          .filter(schedule -> names.isEmpty() || names.contains(schedule.name()))
          .toList();
    }
  }

  /** The training demo's schedule names, for the usage help. */
  static final class ScheduleNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return TrainingSchedule.all().stream().map(TrainingSchedule::name).iterator();
    }
  }

  /** The version from the jar's manifest, when run from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"anneal-samples " + (version == null ? "(development build)" : version)};
    }
  }
}

package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import dev.anneal.ScheduleType;
import dev.anneal.conformance.CaseResult.Status;
import dev.anneal.conformance.ConformanceCase.Expected;
import dev.anneal.conformance.ConformanceCase.ExpectedError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole runner, with the Anneal processor: the suites pass, and broken expectations fail. */
class ConformanceRunnerTest {

  private static final List<ConformanceCase> PUBLIC = Cases.suite("pytorch.json");

  private static RunReport run(List<ConformanceCase> cases) throws IOException {
    return new ConformanceRunner().run(cases);
  }

  private static CaseResult runOne(ConformanceCase c) throws IOException {
    return run(List.of(c)).results().get(0);
  }

  /**
   * Prints, for the test report, how many cases of a suite passed and its largest error. Not what
   * the command line prints besides: a reader of the build's log could take its FAIL and closing
   * lines for the build's own result, so tests assert on those instead.
   */
  private static void print(String title, RunReport report) {
    System.out.printf(Locale.ROOT, "%s: %d of %d cases pass (%d skipped)%n", title, report.passed(),
        report.results().size(), report.skipped());
    report.lines(false).stream().filter(line -> line.startsWith("largest error"))
        .forEach(line -> System.out.println("  " + line));
  }

  /** The FAIL lines that the command line prints for {@code report}. */
  private static List<String> failLines(RunReport report) {
    return report.lines(false).stream().filter(line -> line.startsWith("FAIL ")).toList();
  }

  @Test
  void thePublicSuitePasses() throws IOException {
    RunReport report = run(PUBLIC);
    print("pytorch.json", report);
    assertEquals(0, report.failed(), String.join("\n", report.lines(false)));
    assertEquals(PUBLIC.size(), report.passed() + report.skipped());
    assertTrue(report.passed() > 0);
  }

  /**
   * The cases of every Hugging Face schedule that Anneal has, transformers' and diffusers', found
   * by the reference's own name: each such type has cases in its library's suite, and they all
   * pass.
   */
  @ParameterizedTest
  @ValueSource(strings = {"transformers", "diffusers"})
  void huggingFaceCasesOfEveryImplementedTypePass(String library) throws IOException {
    Set<String> implemented = Arrays.stream(ScheduleType.values()).map(ScheduleType::torchName)
        .filter(name -> name.startsWith(library + ".")).collect(Collectors.toCollection(TreeSet::new));
    List<ConformanceCase> cases = Cases.suite(library + ".json").stream()
        .filter(c -> implemented.contains(c.scheduler().type()))
        .toList();
    RunReport report = run(cases);
    print(library + ".json, the types Anneal has", report);
    assertEquals(implemented, cases.stream().map(c -> c.scheduler().type())
        .collect(Collectors.toCollection(TreeSet::new)), "the types with cases");
    assertEquals(cases.size(), report.passed(), String.join("\n", report.lines(false)));
  }

  /**
   * timm's schedulers stepped per update, each type with cases in the suite, every case passing, the
   * noised ones to the bit. PlateauLRScheduler, stepped per epoch with a metric, has a suite of its
   * own ({@link #timmPlateauCasesPass}).
   */
  @Test
  void timmCasesPass() throws IOException {
    Set<String> implemented = Arrays.stream(ScheduleType.values()).filter(type -> type != ScheduleType.TIMM_PLATEAU)
        .map(ScheduleType::torchName)
        .filter(name -> name.startsWith("timm.")).collect(Collectors.toCollection(TreeSet::new));
    List<ConformanceCase> cases = Cases.suite("timm.json").stream()
        .filter(c -> implemented.contains(c.scheduler().type()))
        .toList();
    assertEquals(implemented, cases.stream().map(c -> c.scheduler().type())
        .collect(Collectors.toCollection(TreeSet::new)), "the types with cases");
    assertTrue(cases.stream().anyMatch(c -> c.scheduler().args().containsKey("noise_range_t")), "noised cases");
    RunReport report = run(cases);
    print("timm.json, the types Anneal has", report);
    assertEquals(cases.size(), report.passed(), String.join("\n", report.lines(false)));
  }

  /**
   * The schedules of Keras and optax, functions of the update count whose base value is an
   * argument: each type with cases in its library's suite, every case passing, refusals included.
   */
  @ParameterizedTest
  @ValueSource(strings = {"keras", "optax"})
  void functionCasesOfEveryImplementedTypePass(String library) throws IOException {
    Set<String> implemented = Arrays.stream(ScheduleType.values()).map(ScheduleType::torchName)
        .filter(name -> name.startsWith(library + ".")).collect(Collectors.toCollection(TreeSet::new));
    List<ConformanceCase> cases = Cases.suite(library + ".json");
    Set<String> withCases = cases.stream().map(c -> c.scheduler().type()).collect(Collectors.toSet());
    assertTrue(withCases.containsAll(implemented), "the types with cases: " + withCases);
    assertTrue(cases.stream().anyMatch(c -> c.expected().error() != null), "a refusal");
    RunReport report = run(cases);
    print(library + ".json", report);
    assertEquals(cases.size(), report.passed(), String.join("\n", report.lines(false)));
  }

  /**
   * timm's PlateauLRScheduler, stepped once per epoch with a metric: every case of its suite, the
   * noised ones (both noise types) to the bit, and the refusal of a decay rate of 1 a compile error
   * on the value.
   */
  @Test
  void timmPlateauCasesPass() throws IOException {
    List<ConformanceCase> cases = Cases.suite("timm-plateau.json");
    assertEquals(Set.of(ScheduleType.TIMM_PLATEAU.torchName()),
        cases.stream().map(c -> c.scheduler().type()).collect(Collectors.toSet()), "the types with cases");
    assertTrue(cases.stream().anyMatch(c -> "uniform".equals(noiseType(c))), "uniform noise");
    assertTrue(cases.stream().anyMatch(c -> c.scheduler().args().containsKey("noise_range_t")
        && noiseType(c) == null), "normal noise");
    assertTrue(cases.stream().anyMatch(c -> c.scheduler().args().containsKey("warmup_t")), "a warm-up");
    assertTrue(cases.stream().anyMatch(c -> c.expected().error() != null), "a refusal");
    RunReport report = run(cases);
    print("timm-plateau.json", report);
    assertEquals(cases.size(), report.passed(), String.join("\n", report.lines(false)));
    for (CaseResult result : report.results()) {
      assertTrue(result.maxError() == 0, result.id() + " passes to the bit: " + result.maxError());
    }
    CaseResult refused = report.results().stream().filter(r -> r.id().endsWith("-refused")).findFirst().orElseThrow();
    assertTrue(refused.detail().contains("refused at compile time")
        && refused.detail().contains("decayRate (decay_rate) = 1 must be < 1"), refused.detail());
  }

  private static String noiseType(ConformanceCase c) {
    var value = c.scheduler().args().get("noise_type");
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  /**
   * 500 random cases, ten of them 10,000 steps long. The budget is a minute of two cores, measured
   * as the process's CPU time so that other load on the machine does not decide the outcome.
   */
  @Test
  void theRandomSuitePassesWellUnderAMinuteOfTwoCores() throws IOException {
    List<ConformanceCase> suite = Cases.suite("pytorch-random.json");
    assertEquals(500, suite.size());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    RunReport report = run(suite);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    print(String.format(Locale.ROOT, "pytorch-random.json in %.1f s (%.1f s of CPU)", seconds, cpuSeconds), report);
    assertEquals(0, report.failed(), String.join("\n", report.lines(false)));
    assertTrue(cpuSeconds < 2 * 60, "took " + cpuSeconds + " s of CPU");
  }

  /**
   * Where the processor refuses a configuration that PyTorch runs, against the rule "never refuse
   * where the reference produces numbers", each with what its refusal says. Listed so that the
   * rest of the edge suite is held to the rule; a case that starts to pass fails the tests below
   * until it is taken off this list.
   */
  private static final Map<String, String> KNOWN_DISAGREEMENTS = Map.of(
      // gamma = Infinity is refused; PyTorch's rates become inf.
      "edge/Exp-gammaInf", "gamma (gamma) = Infinity",
      // gamma = NaN is refused; PyTorch's rates become NaN.
      "edge/Exp-gammaNaN", "gamma (gamma) = NaN",
      // tMax is an int; PyTorch takes T_max = 10.5.
      "edge/Cos-Tmax-float", "lossy conversion from double to int",
      // Milestone 0 is refused; PyTorch runs the second schedule from step 0.
      "edge/Seq-milestone0", "milestone 0",
      // Decreasing milestones are refused; PyTorch bisects them as given.
      "edge/Seq-unsorted", "milestones must increase");

  /**
   * What in {@code failLines} is not a known disagreement failing for its reason, and every known
   * disagreement that is not among them; {@code prefix} is what precedes a case's id.
   */
  private static List<String> unknownFailures(List<String> failLines, String prefix) {
    List<String> unexpected = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String line : failLines) {
      String known = null;
      for (Map.Entry<String, String> e : KNOWN_DISAGREEMENTS.entrySet()) {
        if (line.startsWith("FAIL " + prefix + e.getKey() + ": refused at compile time, where the reference runs: ")
            && line.contains(e.getValue())) {
          known = e.getKey();
        }
      }
      if (known == null) {
        unexpected.add(line);
      } else {
        seen.add(known);
      }
    }
    for (String id : new TreeSet<>(KNOWN_DISAGREEMENTS.keySet())) {
      if (!seen.contains(id)) {
        unexpected.add(id + " no longer fails as listed: take it off KNOWN_DISAGREEMENTS");
      }
    }
    return unexpected;
  }

  /**
   * The edge suite through the command line, its output captured: the known disagreements fail,
   * each for its reason, and nothing else does.
   */
  @Test
  void theEdgeSuiteFailsOnlyWhereKnown(@TempDir Path dir) throws IOException {
    Path suite = dir.resolve("pytorch-edge.json");
    try (InputStream in = getClass().getResourceAsStream("/conformance/pytorch-edge.json")) {
      Files.copy(in, suite);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {suite.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, status, String.join("\n", lines));
    assertEquals(List.of(), unknownFailures(lines.stream().filter(l -> l.startsWith("FAIL ")).toList(), ""));
    int cases = Cases.suite("pytorch-edge.json").size();
    assertEquals("pytorch-edge.json (uninterrupted): " + (cases - KNOWN_DISAGREEMENTS.size()) + " passed, "
        + KNOWN_DISAGREEMENTS.size() + " failed", lines.get(lines.size() - 1));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  /** Every suite again, each case cut at a random step and resumed from its saved state. */
  @Test
  void everySuitePassesResumedFromACheckpoint() throws IOException {
    List<ConformanceCase> cases = new ArrayList<>(PUBLIC);
    cases.addAll(Cases.suite("pytorch-random.json"));
    cases.addAll(Cases.suite("pytorch-edge.json"));
    RunReport report = new ConformanceRunner().resume(20261128).run(cases);
    print("every suite, resumed from a checkpoint", report);
    List<String> unexpected = unknownFailures(failLines(report), "pytorch-edge.json: ");
    for (CaseResult r : report.results()) {
      boolean ran = r.status() == Status.PASSED && (r.detail() == null || !r.detail().startsWith("refused"));
      if (ran && !r.detail().contains("resumed from a state saved after")) {
        unexpected.add(r.id() + " passed without being resumed: " + r.detail());
      }
    }
    assertEquals(List.of(), unexpected);
  }

  @Test
  void aWrongValueFails() throws IOException {
    ConformanceCase c = Cases.byId(PUBLIC, "article/StepLR");
    double[][] lr = Cases.copy(c.expected().lr());
    lr[10][0] *= 1.000001;
    CaseResult r = runOne(Cases.withExpected(c, new Expected(lr, null, null)));
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.detail().startsWith("step 10, group 0: expected 2.5000025E-4, actual 2.5E-4 (error 2.5e-07 x peak)"),
        r.detail());
  }

  @Test
  void aOneStepShiftFails() throws IOException {
    ConformanceCase c = Cases.byId(PUBLIC, "article/CosineAnnealingLR");
    double[][] lr = Cases.copy(c.expected().lr());
    double[][] shifted = new double[lr.length][];
    for (int t = 0; t < lr.length; t++) {
      shifted[t] = lr[Math.min(t + 1, lr.length - 1)];
    }
    CaseResult r = runOne(Cases.withExpected(c, new Expected(shifted, null, null)));
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.detail().startsWith("step 0, group 0:"), r.detail());
  }

  @Test
  void aMissingRefusalFails() throws IOException {
    ConformanceCase c = Cases.byId(PUBLIC, "article/StepLR");
    ExpectedError error = new ExpectedError(true, 0, "ValueError", "step_size must be odd");
    CaseResult r = runOne(Cases.withExpected(c, new Expected(new double[0][], null, error)));
    assertEquals(Status.FAILED, r.status());
    assertEquals("built, where the reference refuses at construction (ValueError: step_size must be odd)", r.detail());
  }

  @Test
  void aMissingErrorWhileSteppingFails() throws IOException {
    ConformanceCase c = Cases.byId(PUBLIC, "article/OneCycleLR-cos");
    ExpectedError error = new ExpectedError(false, 5, "ValueError", "Tried to step 6 times");
    double[][] lr = Arrays.copyOf(c.expected().lr(), 5);
    double[][] momentum = Arrays.copyOf(c.expected().momentum(), 5);
    CaseResult r = runOne(Cases.withExpected(c, new Expected(lr, momentum, error)));
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.detail().startsWith("call 5 of step() returned, where the reference fails"), r.detail());
  }

  @Test
  void anUnexpectedRefusalFails() throws IOException {
    ConformanceCase c = Cases.byId(PUBLIC, "reject/StepLR-step_size0");
    double[][] lr = new double[c.steps()][];
    for (int t = 0; t < lr.length; t++) {
      lr[t] = new double[] {0.001};
    }
    CaseResult r = runOne(Cases.withExpected(c, new Expected(lr, null, null)));
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.detail().startsWith("refused at compile time, where the reference runs: Config.java:"), r.detail());
    assertTrue(r.detail().contains("stepSize"), r.detail());
  }

  @Test
  void aCaseThatDoesNotCompileSinksNoOther() throws IOException {
    ConformanceCase lambda = Cases.parse("{'id': 'broken/LambdaLR', 'scheduler': {'type': 'LambdaLR', 'args':"
        + " {'lr_lambda': [{'python': '0.9 ** epoch', 'java': 'Math.pow(0.9, epoch', 'var': 'epoch'}]}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 2, 'expected': {'lr': [[0.1], [0.09]]}}");
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(Cases.byId(PUBLIC, "article/StepLR"));
    cases.add(lambda);
    cases.add(Cases.byId(PUBLIC, "article/CosineAnnealingLR"));
    RunReport report = run(cases);
    assertEquals(Status.PASSED, report.results().get(0).status());
    assertEquals(Status.FAILED, report.results().get(1).status());
    assertTrue(report.results().get(1).detail().contains("Config.java:"), report.results().get(1).detail());
    assertEquals(Status.PASSED, report.results().get(2).status());
  }

  @Test
  void aScheduleTheAnnotationsCannotExpressIsSkippedWithItsReason() throws IOException {
    ConformanceCase c = Cases.parse("{'id': 'other/WarmupLR', 'scheduler': {'type': 'WarmupLR', 'args': {}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'expected': {'lr': [[0.1]]}}");
    RunReport report = run(List.of(c, Cases.byId(PUBLIC, "article/StepLR")));
    assertEquals("1 passed, 0 failed, 1 skipped", report.closingLine());
    // Two sources, test.json and pytorch.json: each case is named with its own.
    assertEquals(List.of("SKIP test.json: other/WarmupLR: no ScheduleType is WarmupLR"), report.skipLines());
  }

  @Test
  void anArgumentTheAnnotationsLackSkipsItsCaseAndSaysWhich() throws IOException {
    ConformanceCase c = Cases.parse("{'id': 'ConstantLR/bogus', 'scheduler': {'type': 'ConstantLR',"
        + " 'args': {'factor': 0.5, 'bogus_arg': 3}}, 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1,"
        + " 'expected': {'lr': [[0.05]]}}");
    RunReport report = run(List.of(c));
    assertEquals(List.of("SKIP ConstantLR/bogus: ConstantLR argument bogus_arg has no attribute in @Schedule"),
        report.skipLines());
    assertTrue(report.nothingChecked());
  }

  /** A stand-in processor that reports {@code message} as an error on every config. */
  private static Supplier<Processor> refusing(String message) {
    return () -> new AbstractProcessor() {
      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.anneal.Schedule", "dev.anneal.Schedule.List");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
          for (Element config : round.getElementsAnnotatedWith(annotation)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, config);
          }
        }
        return false;
      }
    };
  }

  @Test
  void aScheduleTheProcessorDoesNotSupportYetIsSkipped() throws IOException {
    ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.systemCompiler(),
        refusing("[anneal.unsupported] CyclicLR is not supported yet"));
    RunReport report = runner.run(List.of(Cases.byId(PUBLIC, "article/CyclicLR-triangular"),
        Cases.byId(PUBLIC, "groups/CyclicLR-lists"), Cases.byId(PUBLIC, "reject/CyclicLR-mode")));
    // The compiler refuses a mode that Mode lacks before any processor runs: a refusal all the same.
    assertEquals("1 passed, 0 failed, 2 skipped", report.closingLine());
    List<String> skips = report.skipLines();
    assertTrue(!skips.isEmpty() && skips.stream().allMatch(l -> l.contains("CyclicLR is not supported yet")),
        String.join("\n", skips));
  }

  @Test
  void anyOtherRefusalWhereTheReferenceRunsFails() throws IOException {
    ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.systemCompiler(),
        refusing("[anneal.invalid-value] CyclicLR: maxLr is odd"));
    RunReport report = runner.run(List.of(Cases.byId(PUBLIC, "article/CyclicLR-triangular")));
    assertEquals("0 passed, 1 failed", report.closingLine());
    assertTrue(report.results().get(0).detail().contains("maxLr is odd"));
  }

  @Test
  void aProcessorThatGeneratesNothingFails() throws IOException {
    Supplier<Processor> silent = () -> new AbstractProcessor() {
      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
      }
    };
    RunReport report = new ConformanceRunner(ConformanceRunner.systemCompiler(), silent)
        .run(List.of(Cases.byId(PUBLIC, "article/StepLR")));
    assertEquals(Status.FAILED, report.results().get(0).status());
    assertTrue(report.results().get(0).detail().startsWith("the processor generated no "),
        report.results().get(0).detail());
  }
}

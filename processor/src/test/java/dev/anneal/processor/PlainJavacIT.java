package dev.anneal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.Schedule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The published processor jar, run as a user without a build tool runs it: the JDK's own
 * {@code javac} and {@code java} in processes of their own, with the jar alone on the processor
 * path and the runtime jar on the class path.
 *
 * <p>Not through {@code javax.tools} in this JVM: javac's processor class loader delegates to the
 * application class loader first, which here holds the processor's classes and an unshaded JavaPoet,
 * so a jar that lacked them would still pass. Runs after the package phase (surefire's
 * {@code packaged-jar} execution), which passes the jar's and the published POM's paths.
 */
@DisplayName("The packaged processor jar works alone")
class PlainJavacIT {
  private static final String CONFIG = String.join("\n",
      "package example;",
      "",
      "import static dev.anneal.ScheduleType.STEP;",
      "",
      "import dev.anneal.Schedule;",
      "",
      "@Schedule(type = STEP, stepSize = 2, gamma = 0.5)",
      "final class Decay {}",
      "");

  private static final String MAIN = String.join("\n",
      "package example;",
      "",
      "public final class Main {",
      "  public static void main(String[] args) {",
      "    DecayScheduler scheduler = new DecayScheduler(0.8);",
      "    StringBuilder rates = new StringBuilder();",
      "    for (int step = 0; step < 5; step++) {",
      "      rates.append(step == 0 ? \"\" : \" \").append(scheduler.lr());",
      "      scheduler.step();",
      "    }",
      "    System.out.println(rates);",
      "  }",
      "}",
      "");

  /** StepLR from 0.8, halved every 2 steps: halving is exact in binary, so are the rates. */
  private static final String RATES = "0.8 0.8 0.4 0.4 0.2";

  private static Path processorJar;
  private static Path runtime;

  @BeforeAll
  static void locateJars() throws URISyntaxException {
    String jar = System.getProperty("anneal.processor.jar");
    // Named with -Dtest, the class runs in the default execution too, before there is a jar.
    assumeTrue(jar != null, "runs after the package phase, in surefire's packaged-jar execution");
    assertTrue(Files.isRegularFile(Path.of(jar)), "anneal.processor.jar = " + jar + " is no file");
    processorJar = Path.of(jar);
    // The runtime as this module's tests see it: its jar once packaged.
    runtime = Path.of(Schedule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  @DisplayName("javac -processorpath anneal-processor.jar -cp anneal-runtime.jar, under -Xlint:all -Werror")
  void processorPathAlone(@TempDir Path dir) throws Exception {
    Path classes = compile(dir, List.of("-processorpath", processorJar.toString(),
        "-cp", runtime.toString()));
    assertEquals(RATES, run(classes));
    String generated = Files.readString(dir.resolve("generated/example/DecayScheduler.java"));
    assertTrue(generated.contains("@Generated("), generated);
  }

  @Test
  @DisplayName("javac --processor-module-path anneal-processor.jar: the automatic module dev.anneal.processor")
  void processorModulePath(@TempDir Path dir) throws Exception {
    Path classes = compile(dir, List.of("--processor-module-path", processorJar.toString(),
        "-cp", runtime.toString()));
    assertEquals(RATES, run(classes));
  }

  /** From JDK 23 javac runs a processor found only on the class path with -proc:full alone. */
  @Test
  @DisplayName("the processor on the class path, with -proc:full from JDK 21 on")
  void classPath(@TempDir Path dir) throws Exception {
    List<String> options = new ArrayList<>(List.of(
        "-cp", runtime + File.pathSeparator + processorJar));
    if (Runtime.version().feature() >= 21) {
      options.add("-proc:full");
    }
    Path classes = compile(dir, options);
    assertEquals(RATES, run(classes));
  }

  @Test
  @DisplayName("the jar holds JavaPoet relocated, no module descriptor, and is named dev.anneal.processor")
  void jarContents() throws IOException {
    try (JarFile jar = new JarFile(processorJar.toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName())
          .collect(Collectors.toList());
      assertFalse(names.stream().anyMatch(n -> n.startsWith("com/palantir/")),
          "an unrelocated JavaPoet class");
      assertTrue(names.contains("dev/anneal/processor/shaded/javapoet/TypeSpec.class"), "no JavaPoet");
      assertTrue(names.contains("dev/anneal/math/CosineAnnealingLR.class"), "no runtime");
      assertFalse(names.stream().anyMatch(n -> n.endsWith("module-info.class")),
          "a module descriptor");
      assertTrue(names.contains("META-INF/LICENSE"), "no LICENSE");
      try (InputStream services = jar.getInputStream(
          jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))) {
        assertEquals(ScheduleProcessor.class.getName(),
            new String(services.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    }
    Set<ModuleReference> modules = ModuleFinder.of(processorJar).findAll();
    assertEquals(1, modules.size());
    ModuleDescriptor module = modules.iterator().next().descriptor();
    assertEquals("dev.anneal.processor", module.name());
    assertTrue(module.isAutomatic());
  }

  @Test
  @DisplayName("the published POM brings nothing onto a processor path")
  void publishedPomHasNoDependencies() throws Exception {
    Path pom = Path.of(System.getProperty("anneal.processor.pom"));
    NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(pom.toFile()).getElementsByTagName("dependency");
    List<String> inherited = new ArrayList<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String scope = text(dependency, "scope");
      if (!scope.equals("test") && !scope.equals("provided")) {
        inherited.add(text(dependency, "artifactId") + " (" + (scope.isEmpty() ? "compile" : scope) + ")");
      }
    }
    assertEquals(List.of(), inherited);
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /** Compiles the config and its user with the JDK's javac; returns the class output folder. */
  private static Path compile(Path dir, List<String> paths) throws IOException, InterruptedException {
    Path sources = Files.createDirectories(dir.resolve("src/example"));
    Files.writeString(sources.resolve("Decay.java"), CONFIG);
    Files.writeString(sources.resolve("Main.java"), MAIN);
    Path classes = dir.resolve("classes");
    List<String> command = new ArrayList<>(List.of(tool("javac"),
        "--release", "17", "-Xlint:all", "-Werror",
        "-d", classes.toString(), "-s", Files.createDirectories(dir.resolve("generated")).toString()));
    command.addAll(paths);
    command.add(sources.resolve("Decay.java").toString());
    command.add(sources.resolve("Main.java").toString());
    String output = exec(command);
    assertTrue(Files.isRegularFile(classes.resolve("example/DecayScheduler.class")),
        "javac generated no DecayScheduler:\n" + output);
    return classes;
  }

  private static String run(Path classes) throws IOException, InterruptedException {
    return exec(List.of(tool("java"), "-cp", runtime + File.pathSeparator + classes, "example.Main"))
        .trim();
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** Runs a command to its end; its output, or a failure that shows it. */
  private static String exec(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("anneal-plain-javac", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      String text = Files.readString(log);
      assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + text);
      return text;
    } finally {
      Files.delete(log);
    }
  }
}

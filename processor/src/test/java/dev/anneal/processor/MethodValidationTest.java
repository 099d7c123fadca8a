package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.anneal.processor.Sources.assertSingleError;
import static dev.anneal.processor.Sources.compile;
import static dev.anneal.processor.Sources.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.LrFunction;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The factor methods of LambdaLR and MultiplicativeLR ({@code lrLambda}) and the scale function
 * of CyclicLR ({@code scaleFn}): the generated class calls them directly, so each must exist once
 * on the config, be static and not private, and have the right signature. Each problem is an
 * error on the method's name in the annotation.
 */
@DisplayName("Factor and scale methods named in @Schedule")
class MethodValidationTest {

  /** The shape every message about a factor method names. */
  private static final String FACTOR_SHAPE = "double name(long step) or double name(int step)";

  @Test
  @DisplayName("lrLambda naming a method the config does not have")
  void missing() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-missing]", "lrLambda", "\"warmup\"", "Cfg");
  }

  @Test
  @DisplayName("lrLambda naming an instance method")
  void notStatic() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  double warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-signature]", "lrLambda", "\"warmup\"", FACTOR_SHAPE,
        "double warmup(long)");
  }

  @Test
  @DisplayName("lrLambda naming a method that returns float")
  void returnsFloat() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static float warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-signature]", "lrLambda", "\"warmup\"", FACTOR_SHAPE,
        "static float warmup(long)");
  }

  @Test
  @DisplayName("lrLambda naming a method that takes a String")
  void takesString() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static double warmup(String step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-signature]", "lrLambda", "\"warmup\"", FACTOR_SHAPE,
        "static double warmup(java.lang.String)");
  }

  @Test
  @DisplayName("lrLambda naming a method that takes two parameters")
  void takesTwo() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = MULTIPLICATIVE,",
        "    lrLambda = \"decay\")",
        "final class Cfg {",
        "  static double decay(long step, int group) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"decay\"",
        "[anneal.method-signature]", "lrLambda", "\"decay\"", FACTOR_SHAPE,
        "static double decay(long, int)");
  }

  @Test
  @DisplayName("lrLambda naming a private method, which the generated class cannot call")
  void privateMethod() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  private static double warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-signature]", "lrLambda", "\"warmup\"", FACTOR_SHAPE,
        "private static double warmup(long)");
  }

  @Test
  @DisplayName("lrLambda naming an overloaded method")
  void ambiguous() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static double warmup(long step) { return 1; }",
        "  static double warmup(int step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-ambiguous]", "lrLambda", "\"warmup\"", "Cfg");
  }

  @Test
  @DisplayName("an overload of another shape, String warmup(String), does not make a fitting method ambiguous")
  void unrelatedOverloadIsPassedOver() throws ReflectiveOperationException {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static String warmup(String name) { return name; }",
        "  double warmup(double a, double b) { return a; }",
        "  static double warmup(long step) { return step < 2 ? 0.5 : 1.0; }",
        "}");
    Compilation compilation = compile(List.of("-Xlint:all,-processing"), source);
    assertThat(compilation).succeededWithoutWarnings();
    LrFunction scheduler = (LrFunction) Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {0.1});
    assertEquals(0.05, scheduler.lrAt(1));
    assertEquals(0.1, scheduler.lrAt(2));
  }

  @Test
  @DisplayName("two overloads that both fit are ambiguous, and the message names both, not the others")
  void twoFittingOverloadsAreAmbiguous() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static String warmup(String name) { return name; }",
        "  static double warmup(long step) { return 1; }",
        "  static double warmup(int step) { return 1; }",
        "}");
    Compilation compilation = assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-ambiguous]", "lrLambda", "\"warmup\"",
        "static double warmup(long) and static double warmup(int)");
    assertThat(compilation).hadErrorContaining("; keep one");
  }

  @Test
  @DisplayName("a fitting method beside an inherited one that also fits is ambiguous")
  void fittingMethodAndInheritedFittingOneAreAmbiguous() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg extends Base {",
        "  static double warmup(long step) { return 1; }",
        "}",
        "class Base {",
        "  static double warmup(int step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-ambiguous]", "static double warmup(long)",
        "static double warmup(int) (declared on test.Base)");
  }

  @Test
  @DisplayName("only methods of other shapes: the signature error names them all")
  void onlyOtherShapesGetTheSignatureError() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static String warmup(String name) { return name; }",
        "  static double warmup(long step, long total) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-signature]", FACTOR_SHAPE, "static java.lang.String warmup(java.lang.String)",
        "static double warmup(long, long)");
  }

  @Test
  @DisplayName("a static factor method inherited from a superclass is called through it")
  void inheritedFromASuperclass() throws ReflectiveOperationException {
    JavaFileObject base = JavaFileObjects.forSourceLines("lib.Warmups",
        "package lib;",
        "public class Warmups {",
        "  public static double warmup(long step) { return step < 2 ? 0.5 : 1.0; }",
        "}");
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "final class Cfg extends lib.Warmups {}");
    Compilation compilation = compile(List.of("-Xlint:all,-processing"), base, source);
    assertThat(compilation).succeededWithoutWarnings();
    LrFunction scheduler = (LrFunction) Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {0.1});
    assertEquals(0.05, scheduler.lrAt(0));
    assertEquals(0.1, scheduler.lrAt(5));
  }

  @Test
  @DisplayName("a static scale function of an interface the config implements is called through it")
  void inheritedFromAnInterface() throws ReflectiveOperationException {
    JavaFileObject scales = JavaFileObjects.forSourceLines("lib.Scales",
        "package lib;",
        "public interface Scales {",
        "  static double halve(double x) { return 0.5; }",
        "}");
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.1, maxLr = 0.5, stepSizeUp = 2, cycleMomentum = false,",
        "    scaleFn = \"halve\")",
        "final class Cfg implements lib.Scales {}");
    Compilation compilation = compile(List.of("-Xlint:all,-processing"), scales, source);
    assertThat(compilation).succeededWithoutWarnings();
    LrFunction scheduler = (LrFunction) Class.forName("test.CfgScheduler", true, Sources.loader(compilation))
        .getConstructor(double[].class).newInstance((Object) new double[] {0.1});
    // PyTorch's CyclicLR: base_lr + (max_lr - base_lr) * max(0, 1 - |t / step_size_up - 1|) * scale_fn(cycle):
    // at t = 2, the peak, 0.1 + 0.4 * 1 * 0.5.
    assertEquals(0.3, scheduler.lrAt(2), 1e-15);
  }

  @Test
  @DisplayName("an inherited factor method that the config's package cannot call is refused on the name")
  void inheritedButUnreachable() {
    JavaFileObject base = JavaFileObjects.forSourceLines("lib.Warmups",
        "package lib;",
        "public class Warmups {",
        "  protected static double warmup(long step) { return 1; }",
        "}");
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg extends lib.Warmups {}");
    Compilation compilation = compile(base, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[anneal.method-unreachable]").inFile(source)
        .onLine(Sources.lineOf(source, "lrLambda = \"warmup\""));
    assertThat(compilation).hadErrorContaining("lib.Warmups");
  }

  @Test
  @DisplayName("a private static method of a superclass is not inherited: the name is missing")
  void privateOfASuperclassIsMissing() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg extends Base {}",
        "class Base {",
        "  private static double warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"", "[anneal.method-missing]", "\"warmup\"");
  }

  @Test
  @DisplayName("the second of two lrLambda names is reported on that name")
  void secondOfTwo() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = {\"warmup\",",
        "        \"decay\"})",
        "final class Cfg {",
        "  static double warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "\"decay\"",
        "[anneal.method-missing]", "lrLambda", "\"decay\"", "Cfg");
  }

  @Test
  @DisplayName("an int step and a long step are both accepted")
  void intAndLongSteps() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = {\"byInt\", \"byLong\"})",
        "final class Cfg {",
        "  static double byInt(int step) { return 1; }",
        "  static double byLong(long step) { return 1; }",
        "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("scaleFn with the signature of a factor method instead of double f(double)")
  void scaleFnSignature() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    scaleFn = \"halve\")",
        "final class Cfg {",
        "  static double halve(long x) { return 0.5; }",
        "}");
    assertSingleError(source, "scaleFn = \"halve\"",
        "[anneal.method-signature]", "scaleFn", "\"halve\"", "double name(double x)",
        "static double halve(long)");
  }

  @Test
  @DisplayName("lrLambda naming a method that declares a checked exception, which the generated"
      + " class could not handle")
  void checkedException() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static double warmup(long step) throws java.io.IOException { return 1; }",
        "}");
    assertSingleError(source, "lrLambda = \"warmup\"",
        "[anneal.method-throws]", "lrLambda", "\"warmup\"", "java.io.IOException");
  }

  @Test
  @DisplayName("scaleFn naming a method that may throw an exception of a type parameter bound by"
      + " Exception")
  void checkedTypeVariable() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    scaleFn = \"halve\")",
        "final class Cfg {",
        "  static <E extends Exception> double halve(double x) throws E { return 0.5; }",
        "}");
    assertSingleError(source, "scaleFn = \"halve\"", "[anneal.method-throws]", "scaleFn", "E");
  }

  @Test
  @DisplayName("a factor method that throws a type javac cannot resolve gets javac's error alone, not"
      + " method-throws")
  void unresolvableThrownTypeIsJavacsErrorAlone() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static double warmup(long step) throws NoSuchThrowable { return 1; }",
        "}");
    Compilation compilation = assertSingleError(source, "NoSuchThrowable", "cannot find symbol", "NoSuchThrowable");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  @DisplayName("a scale function that throws an unresolvable type beside an unchecked one: javac's error alone")
  void unresolvableAmongThrownTypesIsJavacsErrorAlone() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01, scaleFn = \"halve\")",
        "final class Cfg {",
        "  static double halve(double x) throws IllegalStateException, NoSuchThrowable { return 0.5; }",
        "}");
    assertSingleError(source, "NoSuchThrowable", "cannot find symbol", "NoSuchThrowable");
  }

  @Test
  @DisplayName("a factor method that declares unchecked exceptions only is accepted")
  void uncheckedExceptions() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA, lrLambda = \"warmup\")",
        "final class Cfg {",
        "  static double warmup(long step) throws IllegalStateException, AssertionError {",
        "    return 1;",
        "  }",
        "}");
    assertThat(compile(List.of("-Xlint:all"), source)).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("an lrLambda name javac cannot resolve is javac's error alone, not a method named"
      + " after javac's placeholder")
  void unresolvedLrLambda() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = LAMBDA,",
        "    lrLambda = {\"warmup\", WARMUP_NAME})",
        "final class Cfg {",
        "  static double warmup(long step) { return 1; }",
        "}");
    assertSingleError(source, "WARMUP_NAME", "cannot find symbol", "WARMUP_NAME");
  }

  @Test
  @DisplayName("a scaleFn javac cannot resolve is javac's error alone")
  void unresolvedScaleFn() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    scaleFn = \"halve\" + SUFFIX)",
        "final class Cfg {",
        "  static double halve(double x) { return 0.5; }",
        "}");
    assertSingleError(source, "SUFFIX", "cannot find symbol", "SUFFIX");
  }

  @Test
  @DisplayName("scaleFn naming a method the config does not have")
  void scaleFnMissing() {
    JavaFileObject source = config("Cfg",
        "@Schedule(type = CYCLIC, baseLr = 0.001, maxLr = 0.01,",
        "    scaleFn = \"halve\")",
        "final class Cfg {}");
    assertSingleError(source, "scaleFn = \"halve\"",
        "[anneal.method-missing]", "scaleFn", "\"halve\"", "Cfg");
  }
}

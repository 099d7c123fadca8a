package dev.anneal.processor;

import dev.anneal.processor.ConfigDescription.Fn;
import dev.anneal.processor.ConfigDescription.Method;
import dev.anneal.processor.ConfigDescription.ScaleFn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;

/** The factor and scale methods random configs declare, and methods that do not fit. */
final class ConfigMethods {
  private ConfigMethods() {}

  static final List<Fn> LAMBDAS = List.of(
      new Fn("warmupTen", "long", "Math.min(1.0, (step + 1) / 10.0)", step -> Math.min(1.0, (step + 1) / 10.0)),
      new Fn("decayNinetySeven", "long", "Math.pow(0.97, step)", step -> Math.pow(0.97, step)),
      new Fn("stairs", "int", "(double) (step / 7)", step -> (double) ((int) step / 7)),
      new Fn("inverseSqrt", "long", "1.0 / Math.sqrt(step + 1.0)", step -> 1.0 / Math.sqrt(step + 1.0)),
      new Fn("cosineCycle", "int", "0.5 * (1.0 + Math.cos(Math.PI * (step % 20) / 20))",
          step -> 0.5 * (1.0 + Math.cos(Math.PI * ((int) step % 20) / 20))),
      new Fn("zero", "long", "0.0", step -> 0.0),
      new Fn("half", "int", "0.5", step -> 0.5));

  static final List<Fn> MULTIPLIERS = List.of(
      new Fn("keep", "long", "1.0", step -> 1.0),
      new Fn("shrink", "long", "0.99", step -> 0.99),
      new Fn("firstHalf", "int", "step == 0 ? 0.5 : 0.9", step -> (int) step == 0 ? 0.5 : 0.9),
      new Fn("everyFifth", "long", "step % 5 == 0 ? 0.9 : 1.0", step -> step % 5 == 0 ? 0.9 : 1.0),
      new Fn("slowDecay", "int", "1.0 - 0.5 / (step + 10)", step -> 1.0 - 0.5 / ((int) step + 10)));

  static final List<ScaleFn> SCALES = List.of(
      new ScaleFn("halving", "1.0 / Math.pow(2.0, x - 1)", x -> 1.0 / Math.pow(2.0, x - 1)),
      new ScaleFn("damped", "1.0 / (1.0 + 0.05 * x)", x -> 1.0 / (1.0 + 0.05 * x)),
      new ScaleFn("geometric", "Math.pow(0.9, x)", x -> Math.pow(0.9, x)),
      new ScaleFn("flat", "1.0", x -> 1.0));

  /** A type parameter of its own does not keep a method from being a factor method. */
  static final Method GENERIC_FACTOR = new Method("genericDecay",
      "static <T> double genericDecay(long step) {\n  return 0.95;\n}", true, false, "double",
      List.of("long"));

  static final Map<String, LongToDoubleFunction> FACTOR_FUNCTIONS = new LinkedHashMap<>();
  static final Map<String, DoubleUnaryOperator> SCALE_FUNCTIONS = new LinkedHashMap<>();

  static {
    for (Fn fn : LAMBDAS) {
      FACTOR_FUNCTIONS.put(fn.name(), fn.f());
    }
    for (Fn fn : MULTIPLIERS) {
      FACTOR_FUNCTIONS.put(fn.name(), fn.f());
    }
    for (ScaleFn fn : SCALES) {
      SCALE_FUNCTIONS.put(fn.name(), fn.f());
    }
    FACTOR_FUNCTIONS.put(GENERIC_FACTOR.name(), step -> 0.95);
  }

  /** Methods that do not fit, and their names. */
  static final List<Method> DECOYS = List.of(
      new Method("instanceFactor", "double instanceFactor(long step) {\n  return 0.9;\n}",
          false, false, "double", List.of("long")),
      new Method("hiddenFactor", "private static double hiddenFactor(long step) {\n  return 0.9;\n}",
          true, true, "double", List.of("long")),
      new Method("floatFactor", "static float floatFactor(long step) {\n  return 0.5f;\n}",
          true, false, "float", List.of("long")),
      new Method("stringFactor", "static double stringFactor(String step) {\n  return 0.5;\n}",
          true, false, "double", List.of("String")),
      new Method("twoArguments", "static double twoArguments(long step, long other) {\n  return 0.5;\n}",
          true, false, "double", List.of("long", "long")),
      new Method("noArguments", "static double noArguments() {\n  return 0.5;\n}",
          true, false, "double", List.of()),
      new Method("boxedFactor", "static double boxedFactor(Long step) {\n  return 0.5;\n}",
          true, false, "double", List.of("Long")),
      new Method("varargsFactor", "static double varargsFactor(long... step) {\n  return 0.5;\n}",
          true, false, "double", List.of("long[]")),
      new Method("longScale", "static double longScale(long x) {\n  return 0.5;\n}",
          true, false, "double", List.of("long")));
}

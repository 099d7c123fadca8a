package dev.anneal.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/** The shape of the factor and scale methods a config names. */
final class Methods {
  private Methods() {}

  /**
   * Whether {@code method} can be called from the generated class as a factor (one {@code long} or
   * {@code int} step) or, if {@code scale}, a scale function (one {@code double}), returning double.
   */
  static boolean fits(ExecutableElement method, boolean scale) {
    if (!method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || method.getReturnType().getKind() != TypeKind.DOUBLE
        || method.getParameters().size() != 1) {
      return false;
    }
    TypeKind parameter = method.getParameters().get(0).asType().getKind();
    return scale ? parameter == TypeKind.DOUBLE : parameter == TypeKind.LONG || parameter == TypeKind.INT;
  }

  /** Whether the factor method takes an {@code int} step, so that the call must narrow. */
  static boolean takesInt(ExecutableElement method) {
    return method.getParameters().get(0).asType().getKind() == TypeKind.INT;
  }

  /** The method as a reader would write its signature. */
  static String describe(ExecutableElement method) {
    StringBuilder text = new StringBuilder();
    for (Modifier modifier : method.getModifiers()) {
      text.append(modifier).append(' ');
    }
    text.append(method.getReturnType()).append(' ').append(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(method.getParameters().get(i).asType());
    }
    return text.append(')').toString();
  }
}

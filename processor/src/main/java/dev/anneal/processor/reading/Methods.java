package dev.anneal.processor.reading;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The factor and scale methods a config names: which method a name means, and its shape.
 *
 * <p>A name means the methods of that name that the config declares or inherits from its
 * superclasses and interfaces (a method it declares hides an inherited one of the same parameter
 * types). Of those, the ones that {@link #fits fit} count: an overload of another shape, such as
 * {@code String warmup(String)}, is not what the name was meant for and is passed over. Two that
 * fit are ambiguous. The generated class calls the one that fits through the type that declares
 * it, so an inherited method must be {@link #reachable} from the config's package.
 */
public final class Methods {
  private Methods() {}

  /** The methods {@code name} may mean: declared by {@code config} or inherited, nearest first. */
  public static List<ExecutableElement> named(TypeElement config, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    List<TypeElement> types = new ArrayList<>();
    collect(config, types);
    for (TypeElement type : types) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals(name)
            && (type == config || !method.getModifiers().contains(Modifier.PRIVATE))
            && found.stream().noneMatch(nearer -> sameParameters(nearer, method))) {
          found.add(method);
        }
      }
    }
    return found;
  }

  /** The methods of {@link #named} that fit a factor or, if {@code scale}, a scale function. */
  public static List<ExecutableElement> fitting(List<ExecutableElement> named, boolean scale) {
    List<ExecutableElement> fitting = new ArrayList<>();
    for (ExecutableElement method : named) {
      if (fits(method, scale)) {
        fitting.add(method);
      }
    }
    return fitting;
  }

  /** The type whose name the generated class calls the method through. */
  public static TypeElement declaringType(ExecutableElement method) {
    return (TypeElement) method.getEnclosingElement();
  }

  /** The config, then its superclasses and interfaces, breadth first, without Object. */
  private static void collect(TypeElement config, List<TypeElement> types) {
    List<TypeElement> queue = new ArrayList<>(List.of(config));
    while (!queue.isEmpty()) {
      TypeElement type = queue.remove(0);
      if (types.contains(type) || type.getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      types.add(type);
      List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
      supertypes.add(0, type.getSuperclass());
      for (TypeMirror supertype : supertypes) {
        if (supertype.getKind() == TypeKind.DECLARED
            && ((DeclaredType) supertype).asElement() instanceof TypeElement element) {
          queue.add(element);
        }
      }
    }
  }

  /**
   * Whether the generated class, beside {@code config} in its package, can call an inherited
   * method through the type that declares it: the method and that type (and each type around
   * it) public, or not private and in the config's package.
   */
  public static boolean reachable(ExecutableElement method, TypeElement config) {
    PackageElement home = packageOf(config);
    for (Element element = method; element instanceof ExecutableElement || element instanceof TypeElement;
        element = element.getEnclosingElement()) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      boolean isPublic = element.getModifiers().contains(Modifier.PUBLIC)
          || (element instanceof ExecutableElement && element.getEnclosingElement().getKind().isInterface());
      if (!isPublic && !packageOf(element).equals(home)) {
        return false;
      }
    }
    return true;
  }

  private static PackageElement packageOf(Element element) {
    Element current = element;
    while (!(current instanceof PackageElement)) {
      current = current.getEnclosingElement();
    }
    return (PackageElement) current;
  }

  private static boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    if (a.getParameters().size() != b.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!a.getParameters().get(i).asType().toString().equals(b.getParameters().get(i).asType().toString())) {
        return false;
      }
    }
    return true;
  }

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
  public static boolean takesInt(ExecutableElement method) {
    return method.getParameters().get(0).asType().getKind() == TypeKind.INT;
  }

  /** The method as a reader would write its signature. */
  public static String describe(ExecutableElement method) {
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

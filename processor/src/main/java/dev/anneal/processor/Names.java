package dev.anneal.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** How generated classes are named: {@code Config} gives {@code ConfigScheduler}. */
final class Names {
  private Names() {}

  /** {@code Outer_InnerScheduler} for a nested config, so that every config gets its own name. */
  static String schedulerSimpleName(TypeElement config) {
    StringBuilder name = new StringBuilder(config.getSimpleName());
    for (Element e = config.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name.append("Scheduler").toString();
  }

  static ClassName scheduler(TypeElement config) {
    return ClassName.get(packageOf(config), schedulerSimpleName(config));
  }

  /**
   * The qualified name of a type: {@code pkg.Simple}, or {@code Simple} alone in the default
   * package. Every message and file name that qualifies a name goes through here.
   */
  static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  static String qualified(ClassName name) {
    return qualified(name.packageName(), String.join(".", name.simpleNames()));
  }

  /**
   * The type of a config as the generated constructor takes it: {@code name}, or {@code name<?, ?>}
   * for a generic config, which takes any and is no raw type.
   */
  static TypeName configType(TypeElement config, ClassName name) {
    int parameters = config.getTypeParameters().size();
    if (parameters == 0) {
      return name;
    }
    TypeName[] wildcards = new TypeName[parameters];
    java.util.Arrays.fill(wildcards, WildcardTypeName.subtypeOf(Object.class));
    return ParameterizedTypeName.get(name, wildcards);
  }

  static String packageOf(TypeElement config) {
    Element e = config;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** {@code etaMin} to {@code ETA_MIN}. */
  static String constantName(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}

package dev.anneal.processor;

import com.palantir.javapoet.ClassName;
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

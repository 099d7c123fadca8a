package dev.anneal.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** A diagnostic to report, positioned as precisely as the source allows. */
public record Problem(
    Diagnostic.Kind kind,
    Element element,
    AnnotationMirror mirror,
    AnnotationValue value,
    String text) {

  static Problem error(Element element, AnnotationMirror mirror, AnnotationValue value, Message message, Object... args) {
    return new Problem(Diagnostic.Kind.ERROR, element, mirror, value, message.format(args));
  }

  static Problem warning(Element element, AnnotationMirror mirror, AnnotationValue value, Message message, Object... args) {
    return new Problem(Diagnostic.Kind.WARNING, element, mirror, value, message.format(args));
  }

  public boolean isError() {
    return kind == Diagnostic.Kind.ERROR;
  }
}

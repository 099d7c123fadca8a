package dev.anneal.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.anneal.processor.ConfigInput.ScheduleInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;

/**
 * Reports problems where the source says them. The {@link Messager} places a problem on an
 * annotation value, except in repeated {@code @Schedule}s: javac gathers those into a container it
 * writes itself, whose values have no position. For those, this finds the annotation in the
 * compiler's syntax tree, where javac offers one, and reports on the value written there.
 */
final class Reporter {
  private final Messager messager;
  private final Trees trees;

  Reporter(ProcessingEnvironment processingEnv) {
    this.messager = processingEnv.getMessager();
    this.trees = treesOf(processingEnv);
  }

  private static Trees treesOf(ProcessingEnvironment processingEnv) {
    try {
      return Trees.instance(processingEnv);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null; // Another compiler: positions fall back to the config.
    }
  }

  void report(Problem problem, ConfigInput input) {
    if (trees != null && (reportInRepeated(problem, input) || reportOnComponent(problem, input))) {
      return;
    }
    if (problem.value() != null) {
      messager.printMessage(problem.kind(), problem.text(), problem.element(), problem.mirror(), problem.value());
    } else if (problem.mirror() != null) {
      messager.printMessage(problem.kind(), problem.text(), problem.element(), problem.mirror());
    } else {
      messager.printMessage(problem.kind(), problem.text(), problem.element());
    }
  }

  private boolean reportInRepeated(Problem problem, ConfigInput input) {
    ScheduleInput schedule = null;
    for (ScheduleInput candidate : input.schedules()) {
      if (candidate.repeated() && candidate.mirror() == problem.mirror()) {
        schedule = candidate;
      }
    }
    if (schedule == null) {
      return false;
    }
    TreePath classPath = trees.getPath(input.config());
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree classTree)) {
      return false;
    }
    List<AnnotationTree> written = new ArrayList<>();
    for (AnnotationTree annotation : classTree.getModifiers().getAnnotations()) {
      if (isSchedule(annotation)) {
        written.add(annotation);
      }
    }
    if (schedule.index() >= written.size()) {
      return false;
    }
    AnnotationTree annotation = written.get(schedule.index());
    Tree target = problem.value() == null ? annotation : valueTree(annotation, schedule.mirror(), problem.value());
    if (target == null) {
      target = annotation;
    }
    trees.printMessage(problem.kind(), problem.text(), target, classPath.getCompilationUnit());
    return true;
  }

  /**
   * javac gives a record component no position of its own; its field, which the compiler
   * declares from it, stands where the component is written.
   */
  private boolean reportOnComponent(Problem problem, ConfigInput input) {
    if (!(problem.element() instanceof RecordComponentElement component)) {
      return false;
    }
    TreePath classPath = trees.getPath(input.config());
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree classTree)) {
      return false;
    }
    for (Tree member : classTree.getMembers()) {
      if (member instanceof VariableTree field && field.getName().contentEquals(component.getSimpleName())) {
        Tree target = field;
        for (AnnotationTree annotation : field.getModifiers().getAnnotations()) {
          String name = annotation.getAnnotationType().toString();
          if (name.equals("Bind") || name.endsWith(".Bind")) {
            target = annotation;
            if (problem.value() != null && problem.mirror() != null) {
              Tree value = valueTree(annotation, problem.mirror(), problem.value());
              target = value != null ? value : annotation;
            }
          }
        }
        trees.printMessage(problem.kind(), problem.text(), target, classPath.getCompilationUnit());
        return true;
      }
    }
    return false;
  }

  private static boolean isSchedule(AnnotationTree annotation) {
    String name = annotation.getAnnotationType().toString();
    return name.equals("Schedule") || name.endsWith(".Schedule");
  }

  /** The expression written for {@code value}: an attribute's, or one element of an array's. */
  private static Tree valueTree(AnnotationTree annotation, AnnotationMirror mirror, AnnotationValue value) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      String attribute = entry.getKey().getSimpleName().toString();
      int element = -1;
      if (entry.getValue() != value) {
        element = indexIn(entry.getValue(), value);
        if (element < 0) {
          continue;
        }
      }
      ExpressionTree expression = argument(annotation, attribute);
      if (expression == null) {
        return null;
      }
      if (element >= 0 && expression instanceof NewArrayTree array
          && array.getInitializers() != null && element < array.getInitializers().size()) {
        return array.getInitializers().get(element);
      }
      return expression;
    }
    return null;
  }

  private static int indexIn(AnnotationValue list, AnnotationValue value) {
    if (!(list.getValue() instanceof List<?> elements)) {
      return -1;
    }
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) == value) {
        return i;
      }
    }
    return -1;
  }

  private static ExpressionTree argument(AnnotationTree annotation, String attribute) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree name
          && name.getName().contentEquals(attribute)) {
        return assignment.getExpression();
      }
    }
    return null;
  }
}

package dev.anneal.processor.validation;

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
import dev.anneal.Bind;
import dev.anneal.Schedule;
import dev.anneal.processor.reading.ConfigInput.ScheduleInput;
import dev.anneal.processor.reading.ConfigInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Reports problems where the source says them. The {@link Messager} places a problem on an
 * annotation value, except in repeated {@code @Schedule}s: javac gathers those into a container it
 * writes itself, whose values have no position. So a problem of a {@code @Schedule} is reported
 * on the annotation found in the compiler's syntax tree, where javac offers one, and on the value
 * written there; the annotations are told apart by the type they resolve to, not by their names.
 */
public final class Reporter {
  private static final String SCHEDULE = Schedule.class.getCanonicalName();
  private static final String SCHEDULE_LIST = Schedule.List.class.getCanonicalName();
  private static final String BIND = Bind.class.getCanonicalName();

  private final Messager messager;
  private final Trees trees;

  public Reporter(ProcessingEnvironment processingEnv) {
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

  public void report(Problem problem, ConfigInput input) {
    if (trees != null && reportOnSchedule(problem, input)) {
      return;
    }
    report(problem, input.config());
  }

  /** Reports a problem on an element of {@code type}, which need not be a config. */
  public void report(Problem problem, TypeElement type) {
    if (trees != null && reportOnComponent(problem, type)) {
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

  /**
   * Reports a problem of one {@code @Schedule} on its annotation as written. The schedules are
   * read in the order of their annotations in the source, each {@code @Schedule.List} written by
   * hand standing for the {@code @Schedule}s inside it; the written ones are found among the
   * class's annotations by their resolved type, so that a foreign annotation also called {@code
   * Schedule}, a fully qualified name or a container written by hand cannot shift them.
   */
  private boolean reportOnSchedule(Problem problem, ConfigInput input) {
    ScheduleInput schedule = null;
    for (ScheduleInput candidate : input.schedules()) {
      if (candidate.mirror() == problem.mirror()) {
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
    List<AnnotationTree> written = writtenSchedules(new TreePath(classPath, classTree.getModifiers()),
        classTree.getModifiers().getAnnotations());
    if (written == null || written.size() != input.schedules().size()) {
      return false;
    }
    AnnotationTree annotation = written.get(schedule.index());
    if (!writesTheSameAttributes(annotation, schedule.mirror())) {
      return false;
    }
    Tree target = problem.value() == null ? annotation : valueTree(annotation, schedule.mirror(), problem.value());
    if (target == null) {
      target = annotation;
    }
    trees.printMessage(problem.kind(), problem.text(), target, classPath.getCompilationUnit());
    return true;
  }

  /**
   * The {@code @Schedule} annotations written on a class, in source order, with those of a
   * {@code @Schedule.List} written by hand in its place; null if one cannot be resolved.
   */
  private List<AnnotationTree> writtenSchedules(TreePath modifiers, List<? extends AnnotationTree> annotations) {
    List<AnnotationTree> written = new ArrayList<>();
    for (AnnotationTree annotation : annotations) {
      TreePath path = new TreePath(modifiers, annotation);
      String type = annotationType(path);
      if (type == null) {
        return null;
      }
      if (type.equals(SCHEDULE)) {
        written.add(annotation);
      } else if (type.equals(SCHEDULE_LIST)) {
        ExpressionTree value = argument(annotation, "value");
        List<? extends ExpressionTree> nested = value instanceof NewArrayTree array && array.getInitializers() != null
            ? array.getInitializers() : value == null ? List.of() : List.of(value);
        for (ExpressionTree element : nested) {
          if (!(element instanceof AnnotationTree schedule)
              || !SCHEDULE.equals(annotationType(new TreePath(path, schedule)))) {
            return null;
          }
          written.add(schedule);
        }
      }
    }
    return written;
  }

  /** The qualified name of the annotation type an annotation resolves to, or null. */
  private String annotationType(TreePath annotation) {
    Tree type = ((AnnotationTree) annotation.getLeaf()).getAnnotationType();
    Element element = trees.getElement(new TreePath(annotation, type));
    return element instanceof TypeElement typeElement ? typeElement.getQualifiedName().toString() : null;
  }

  /** Whether the annotation written names every attribute the mirror holds a value for. */
  private static boolean writesTheSameAttributes(AnnotationTree annotation, AnnotationMirror mirror) {
    for (ExecutableElement attribute : mirror.getElementValues().keySet()) {
      if (argument(annotation, attribute.getSimpleName().toString()) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * javac gives a record component no position of its own; its field, which the compiler
   * declares from it, stands where the component is written.
   */
  private boolean reportOnComponent(Problem problem, TypeElement type) {
    if (!(problem.element() instanceof RecordComponentElement component)) {
      return false;
    }
    TreePath classPath = trees.getPath(type);
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree classTree)) {
      return false;
    }
    for (Tree member : classTree.getMembers()) {
      if (member instanceof VariableTree field && field.getName().contentEquals(component.getSimpleName())) {
        Tree target = field;
        TreePath modifiers = new TreePath(new TreePath(classPath, field), field.getModifiers());
        for (AnnotationTree annotation : field.getModifiers().getAnnotations()) {
          if (BIND.equals(annotationType(new TreePath(modifiers, annotation)))) {
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

  /** The expression written for {@code attribute}; {@code value}'s may be written without its name. */
  private static ExpressionTree argument(AnnotationTree annotation, String attribute) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable() instanceof IdentifierTree name && name.getName().contentEquals(attribute)) {
          return assignment.getExpression();
        }
      } else if (attribute.equals("value")) {
        return argument;
      }
    }
    return null;
  }
}

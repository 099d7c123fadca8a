package dev.anneal.processor.reading;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.anneal.Bind;
import dev.anneal.Chained;
import dev.anneal.Schedule;
import dev.anneal.Sequential;
import dev.anneal.Warmup;
import dev.anneal.processor.validation.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Reports Anneal's annotations on local and anonymous classes and on the classes inside them.
 * javac hands annotation processors only the classes that are members of packages and of other
 * such classes, so a {@code @Schedule} there would be silently ignored and the user would meet
 * {@code cannot find symbol ...Scheduler} instead.
 *
 * <p>Two passes find them. While the processor runs, the sources of each round are read before
 * javac has resolved the names in method bodies, so an annotation's name is resolved here through
 * the file's imports and package; an error then stops the compilation before javac reports the
 * missing scheduler. The processor is not called at all when no other config is in the
 * compilation, so this also listens to javac's analysis of each class, after which every name is
 * resolved; an annotation is reported once.
 */
public final class LocalConfigs implements TaskListener {
  private static final Set<String> ANNOTATIONS = Set.of(
      Schedule.class.getCanonicalName(),
      Schedule.List.class.getCanonicalName(),
      Sequential.class.getCanonicalName(),
      Chained.class.getCanonicalName(),
      Warmup.class.getCanonicalName(),
      Bind.class.getCanonicalName());
  private static final String BIND = Bind.class.getCanonicalName();

  private final Trees trees;
  private final Elements elements;
  private final Messager messager;
  private final Set<Tree> reported = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<CompilationUnitTree> read = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> generated = new HashSet<>();

  private LocalConfigs(Trees trees, Elements elements, Messager messager) {
    this.trees = trees;
    this.elements = elements;
    this.messager = messager;
  }

  /** The local configs of the compilation of {@code processingEnv}, or null if it is not javac's. */
  public static LocalConfigs register(ProcessingEnvironment processingEnv) {
    try {
      LocalConfigs local = new LocalConfigs(
          Trees.instance(processingEnv), processingEnv.getElementUtils(), processingEnv.getMessager());
      JavacTask.instance(processingEnv).addTaskListener(local);
      return local;
    } catch (IllegalArgumentException | IllegalStateException | LinkageError notJavac) {
      return null; // Another compiler: local classes stay its own to report.
    }
  }

  /**
   * Leaves out the class of that qualified name from both passes: Anneal generated it, so it
   * carries none of Anneal's annotations, and it is many times the size of its config.
   */
  public void skip(String generatedClass) {
    generated.add(generatedClass);
  }

  /** Reads the files of the round's types, resolving annotation names through their imports. */
  public void readRound(Set<? extends Element> rootElements) {
    for (Element root : rootElements) {
      TreePath path = root instanceof TypeElement type && !isGenerated(type) ? trees.getPath(root) : null;
      if (path == null || !read.add(path.getCompilationUnit())) {
        continue;
      }
      CompilationUnitTree unit = path.getCompilationUnit();
      try {
        new Scanner(unit, annotation -> byImports(annotation, unit)).scan(unit, null);
      } catch (RuntimeException e) {
        internalFailure(((TypeElement) root).getQualifiedName(), e);
      }
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null
        || event.getCompilationUnit() == null || isGenerated(event.getTypeElement())) {
      return;
    }
    try {
      TreePath path = trees.getPath(event.getTypeElement());
      if (path != null) {
        new Scanner(event.getCompilationUnit(), this::resolved).scan(path, null);
      }
    } catch (RuntimeException e) {
      // A failure here must not end the compilation inside javac; it becomes a diagnostic.
      internalFailure(event.getTypeElement().getQualifiedName(), e);
    }
  }

  private boolean isGenerated(TypeElement type) {
    return generated.contains(type.getQualifiedName().toString());
  }

  /** Reports a failure of this check on {@code where} as the processor reports its own. */
  void internalFailure(CharSequence where, Throwable failure) {
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(where, trace));
  }

  /** Finds the classes inside local and anonymous classes and reports Anneal's annotations on them. */
  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final Function<TreePath, String> annotationType;

    Scanner(CompilationUnitTree unit, Function<TreePath, String> annotationType) {
      this.unit = unit;
      this.annotationType = annotationType;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      TreePath path = getCurrentPath();
      if (insideLocal(path)) {
        String where = describe(path);
        boolean config = false;
        TreePath modifiers = new TreePath(path, tree.getModifiers());
        for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
          String name = annotationType.apply(new TreePath(modifiers, annotation));
          if (name != null && ANNOTATIONS.contains(name)) {
            config = true;
            report(annotation, name.substring(name.lastIndexOf("anneal.") + "anneal.".length()), where);
          }
        }
        if (!config) {
          checkMembers(path, tree, where);
        }
      }
      return super.visitClass(tree, unused);
    }

    /**
     * A {@code @Bind} on a method or record component of a local class that is no config. Once
     * javac has analysed the class, a component's annotation is on its element only (a field
     * cannot carry {@code @Bind}); it is reported on the field declared from the component, which
     * stands where it is written.
     */
    private void checkMembers(TreePath path, ClassTree tree, String where) {
      Element type = trees.getElement(path);
      for (Tree member : tree.getMembers()) {
        List<? extends AnnotationTree> annotations = member instanceof MethodTree method
            ? method.getModifiers().getAnnotations()
            : member instanceof VariableTree field ? field.getModifiers().getAnnotations() : List.of();
        Tree modifiers = member instanceof MethodTree method ? method.getModifiers()
            : member instanceof VariableTree field ? field.getModifiers() : null;
        boolean reportedHere = false;
        for (AnnotationTree annotation : annotations) {
          TreePath annotationPath = new TreePath(new TreePath(new TreePath(path, member), modifiers), annotation);
          if (BIND.equals(annotationType.apply(annotationPath))) {
            report(annotation, "Bind", where);
            reportedHere = true;
          }
        }
        if (!reportedHere && member instanceof VariableTree field && type instanceof TypeElement record
            && boundComponent(record, field)) {
          report(field, "Bind", where);
        }
      }
    }

    private void report(Tree at, String annotation, String where) {
      if (reported.add(at)) {
        trees.printMessage(Diagnostic.Kind.ERROR, Message.CONFIG_LOCAL.format(annotation, where), at, unit);
      }
    }
  }

  /**
   * Whether the class at {@code path} is local or anonymous, or inside such a class: something
   * other than a class or the file stands between it and the file.
   */
  private static boolean insideLocal(TreePath path) {
    for (TreePath outer = path.getParentPath(); outer != null; outer = outer.getParentPath()) {
      Tree leaf = outer.getLeaf();
      if (!(leaf instanceof ClassTree) && !(leaf instanceof CompilationUnitTree)) {
        return true;
      }
    }
    return false;
  }

  /** The class at {@code path} as the message names it. */
  private static String describe(TreePath path) {
    ClassTree tree = (ClassTree) path.getLeaf();
    String kind = tree.getKind() == Tree.Kind.ANNOTATION_TYPE ? "annotation type"
        : tree.getKind().toString().toLowerCase(Locale.ROOT);
    Tree parent = path.getParentPath().getLeaf();
    if (tree.getSimpleName().length() == 0) {
      return "an anonymous class";
    }
    if (!(parent instanceof ClassTree)) {
      return "the local " + kind + " " + tree.getSimpleName();
    }
    return kind + " " + tree.getSimpleName() + ", which sits inside a local or anonymous class,";
  }

  /** Whether {@code field} stands for a record component of {@code type} that carries {@code @Bind}. */
  private static boolean boundComponent(TypeElement type, VariableTree field) {
    return type.getRecordComponents().stream().anyMatch(component ->
        component.getSimpleName().contentEquals(field.getName())
            && component.getAnnotationMirrors().stream().anyMatch(mirror ->
                AnnotationReader.annotationName(mirror).equals(BIND)));
  }

  /** The annotation's type as javac resolved it, once it has analysed the class. */
  private String resolved(TreePath annotation) {
    Element element = trees.getElement(
        new TreePath(annotation, ((AnnotationTree) annotation.getLeaf()).getAnnotationType()));
    return element instanceof TypeElement type ? type.getQualifiedName().toString() : null;
  }

  /**
   * The annotation's type resolved as javac would through the file's declarations, imports and
   * package, before javac has resolved it: a type of the same name declared in the file wins, then
   * a single-type import, then the file's package, then the on-demand imports and java.lang.
   */
  private String byImports(TreePath annotation, CompilationUnitTree unit) {
    String written = ((AnnotationTree) annotation.getLeaf()).getAnnotationType().toString();
    if (written.startsWith("dev.anneal.")) {
      return written;
    }
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String rest = dot < 0 ? "" : written.substring(dot);
    if (declaredInFile(unit, first)) {
      return null;
    }
    List<String> onDemand = new ArrayList<>();
    for (ImportTree tree : unit.getImports()) {
      String imported = tree.getQualifiedIdentifier().toString();
      if (tree.isStatic()) {
        continue;
      }
      if (imported.endsWith(".*")) {
        onDemand.add(imported.substring(0, imported.length() - 2));
      } else if (imported.endsWith("." + first)) {
        return imported + rest;
      }
    }
    String home = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    if (elements.getTypeElement(home.isEmpty() ? first : home + "." + first) != null) {
      return home.isEmpty() ? written : home + "." + written;
    }
    onDemand.add("java.lang");
    for (String prefix : onDemand) {
      if (elements.getTypeElement(prefix + "." + first) != null) {
        return prefix + "." + written;
      }
    }
    return null;
  }

  /** Whether the file declares a class of that simple name, at any depth. */
  private static boolean declaredInFile(CompilationUnitTree unit, String name) {
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        found[0] |= tree.getSimpleName().contentEquals(name);
        return super.visitClass(tree, unused);
      }
    }.scan(unit, null);
    return found[0];
  }
}

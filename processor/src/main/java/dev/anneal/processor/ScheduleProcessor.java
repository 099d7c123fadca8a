package dev.anneal.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.anneal.Schedule;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.ModelBuilder;
import dev.anneal.processor.reading.AnnotationReader;
import dev.anneal.processor.reading.ConfigInput;
import dev.anneal.processor.reading.LocalConfigs;
import dev.anneal.processor.validation.Message;
import dev.anneal.processor.validation.Problem;
import dev.anneal.processor.validation.Reporter;
import dev.anneal.processor.validation.Validator;
import dev.anneal.processor.writing.Names;
import dev.anneal.processor.writing.SchedulerWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates a scheduler class for every config annotated with {@link Schedule}.
 *
 * <p>Each config goes through the same steps, one package each: {@link AnnotationReader} reads the
 * annotation mirrors, {@link Validator} collects every problem at once, {@link ModelBuilder} resolves
 * defaults and derived values, and {@link SchedulerWriter} writes the class from the model alone.
 * What is particular to one schedule type, its attributes, checks and code, is its
 * {@link dev.anneal.processor.kinds.Kind}, one file each, all registered in {@link Kinds}.
 * A failure on one config becomes a diagnostic on that config; the others are still generated.
 *
 * <p>Unlike processors that share annotations, {@code process} claims Anneal's own annotations, and
 * {@code @Generated} on the classes it generated, so that a clean build passes
 * {@code -Xlint:all -Werror} (see {@link #claims}).
 */
@AutoService(Processor.class)
public final class ScheduleProcessor extends AbstractProcessor {
  private final AnnotationReader reader = new AnnotationReader();
  private final Validator validator = new Validator();
  private final ModelBuilder modelBuilder = new ModelBuilder();
  private SchedulerWriter writer;
  private Reporter reporter;
  private LocalConfigs localConfigs;
  private Messager messager;
  private Filer filer;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    messager = processingEnv.getMessager();
    reporter = new Reporter(processingEnv);
    localConfigs = LocalConfigs.register(processingEnv);
    filer = processingEnv.getFiler();
    boolean hasGenerated = processingEnv.getElementUtils().getTypeElement(GENERATED) != null;
    writer = new SchedulerWriter(
        hasGenerated ? ClassName.get("javax.annotation.processing", "Generated") : null,
        processingEnv.getElementUtils());
    if (!Kinds.missing().isEmpty()) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.KINDS_MISSING.format(Kinds.missing()));
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(Schedule.class.getCanonicalName());
    types.add(Schedule.List.class.getCanonicalName());
    types.add(dev.anneal.Sequential.class.getCanonicalName());
    types.add(dev.anneal.Chained.class.getCanonicalName());
    types.add(dev.anneal.Warmup.class.getCanonicalName());
    types.add(dev.anneal.Bind.class.getCanonicalName());
    // Only to claim it on the classes Anneal generated; see claims.
    types.add(GENERATED);
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    writer.newRound();
    if (localConfigs != null) {
      localConfigs.readRound(round.getRootElements());
    }
    Set<TypeElement> configs = new java.util.TreeSet<>(
        Comparator.comparing(type -> type.getQualifiedName().toString()));
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (name.equals(dev.anneal.Bind.class.getCanonicalName())) {
        checkBindsOutsideConfigs(round.getElementsAnnotatedWith(annotation));
        continue;
      }
      if (name.equals(GENERATED)) {
        continue;
      }
      Set<? extends Element> annotated = round.getElementsAnnotatedWith(annotation);
      configs.addAll(ElementFilter.typesIn(annotated));
      for (Element element : annotated) {
        if (!(element instanceof TypeElement)) {
          messager.printMessage(Diagnostic.Kind.ERROR,
              Message.CONFIG_KIND.format(annotation.getSimpleName(), element.getKind()), element);
        }
      }
    }
    for (TypeElement config : configs) {
      try {
        processConfig(config);
      } catch (RuntimeException | Error e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.INTERNAL.format(config.getQualifiedName(), trace), config);
      }
    }
    return claims(annotations, round);
  }

  /**
   * Whether Anneal claims this round's annotations, which {@code process} then returns.
   *
   * <p>javac's {@code -Xlint:processing} warns of every annotation of a round that no processor
   * claimed ("No processor claimed any of these annotations"): {@code JavacProcessingEnvironment}
   * takes an annotation out of its set of unmatched ones only when a processor that supports it
   * returns true. Were Anneal to return false, as processors that share annotations do, every
   * clean config would fail a build with {@code -Xlint:all -Werror}. So Anneal claims its own
   * annotations, which are there for it alone; a processor that supports {@code "*"} still runs
   * and still sees them through {@link RoundEnvironment#getElementsAnnotatedWith}.
   *
   * <p>Its generated classes carry {@code @Generated}, which comes back in the next round:
   * Anneal claims it in a round where every class that carries it is one Anneal generated, and
   * in no other, so that another generator's {@code @Generated} stays with the processors that
   * may want it. A round that mixes the two returns false, and javac then notes all of them.
   */
  private boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(GENERATED)) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          if (!(element instanceof TypeElement type && generatedByAnneal(type))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Reports each {@code @Bind} on a type that is no config: no scheduler is generated for it, so
   * the binding could do nothing. A record component's annotation also reaches its implicit
   * accessor; it is reported once, on the component.
   */
  private void checkBindsOutsideConfigs(Set<? extends Element> bound) {
    for (Element element : bound) {
      Element type = element.getEnclosingElement();
      if (!(type instanceof TypeElement owner) || isConfig(owner)) {
        continue;
      }
      if (element instanceof javax.lang.model.element.ExecutableElement method
          && owner.getRecordComponents().stream().anyMatch(component ->
              method.equals(component.getAccessor()) && bound.contains(component))) {
        continue;
      }
      String name = element instanceof javax.lang.model.element.ExecutableElement
          ? element.getSimpleName() + "()" : element.getSimpleName().toString();
      javax.lang.model.element.AnnotationMirror bind = element.getAnnotationMirrors().stream()
          .filter(mirror -> AnnotationReader.annotationName(mirror).equals(dev.anneal.Bind.class.getCanonicalName()))
          .findFirst().orElse(null);
      reporter.report(new Problem(Diagnostic.Kind.ERROR, element, bind, null,
          Message.BIND_WITHOUT_SCHEDULE.format(name, owner.getSimpleName())), owner);
    }
  }

  /** Whether {@code type} carries one of the annotations that make a config. */
  private static boolean isConfig(TypeElement type) {
    for (javax.lang.model.element.AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = AnnotationReader.annotationName(mirror);
      if (name.equals(Schedule.class.getCanonicalName()) || name.equals(Schedule.List.class.getCanonicalName())
          || name.equals(dev.anneal.Sequential.class.getCanonicalName())
          || name.equals(dev.anneal.Chained.class.getCanonicalName())
          || name.equals(dev.anneal.Warmup.class.getCanonicalName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What {@link JavaFile#writeTo(Filer)} does, with the text rendered first and written in one
   * call: JavaPoet emits thousands of small pieces, and the Filer's writer encodes each on its own.
   */
  private void write(JavaFile file, String name, TypeElement config) throws IOException {
    String text = Names.referToConfig(file.toString(), config);
    JavaFileObject source = filer.createSourceFile(
        name, file.typeSpec().originatingElements().toArray(Element[]::new));
    try (Writer out = source.openWriter()) {
      out.write(text);
    } catch (IOException | RuntimeException e) {
      // A half-written source would fail the build with errors of its own; the diagnostic says why.
      source.delete();
      throw e;
    }
  }

  /**
   * The longest file name, in bytes, on the common file systems (ext4, XFS, APFS; NTFS counts 255
   * UTF-16 units, which UTF-8 bytes never undercount).
   */
  static final int MAX_FILE_NAME_BYTES = 255;

  /** The longest generated class name: its class file, {@code Name.class}, must fit a file name. */
  static final int MAX_CLASS_NAME_BYTES = MAX_FILE_NAME_BYTES - ".class".length();

  private void processConfig(TypeElement config) {
    Optional<ConfigInput> input = reader.read(config);
    if (input.isEmpty()) {
      return; // The source does not compile; javac reports why.
    }
    List<Problem> problems = validator.validate(input.get());
    for (Problem problem : problems) {
      reporter.report(problem, input.get());
    }
    if (problems.stream().anyMatch(Problem::isError) || input.get().schedules().isEmpty()) {
      return;
    }
    ClassName scheduler = Names.scheduler(config);
    String name = Names.qualified(scheduler);
    if (!canWrite(config, scheduler, name)) {
      return;
    }
    JavaFile file = writer.write(modelBuilder.build(input.get()));
    try {
      write(file, name, config);
      if (localConfigs != null) {
        localConfigs.skip(name);
      }
    } catch (FilerException e) {
      // The Filer refuses a second source file for one type name: another config or a type of
      // the user's already holds it.
      messager.printMessage(Diagnostic.Kind.ERROR, Message.NAME_CLASH.format(name, e.getMessage()), config);
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL.format(config.getQualifiedName(), "Could not write " + name + ": " + e.getMessage()),
          config);
    }
  }

  /**
   * Checks, before any file is written, what would keep the generated class from being written:
   * a name too long for a file, or the source of an earlier build among the inputs.
   */
  private boolean canWrite(TypeElement config, ClassName scheduler, String name) {
    int bytes = scheduler.simpleName().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_CLASS_NAME_BYTES) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.NAME_TOO_LONG.format(
          scheduler.simpleName(), bytes, MAX_CLASS_NAME_BYTES, MAX_FILE_NAME_BYTES), config);
      return false;
    }
    TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
    if (existing != null && generatedByAnneal(existing)) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.STALE_GENERATED.format(name, config.getQualifiedName()), existing);
      return false;
    }
    return true;
  }

  /**
   * Whether a type is a class Anneal generated, by its {@code @Generated} annotation or, where
   * that annotation is missing (before Java 9), by its Javadoc.
   */
  private boolean generatedByAnneal(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(GENERATED)) {
        for (AnnotationValue value : mirror.getElementValues().values()) {
          if (value.getValue() instanceof List<?> values
              && values.stream().anyMatch(v -> GENERATOR.equals(((AnnotationValue) v).getValue()))) {
            return true;
          }
        }
      }
    }
    String doc = processingEnv.getElementUtils().getDocComment(type);
    return doc != null && doc.contains(SchedulerWriter.GENERATED_BY);
  }

  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String GENERATOR = ScheduleProcessor.class.getCanonicalName();
}

package dev.anneal.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** How generated classes are named: {@code Config} gives {@code ConfigScheduler}. */
public final class Names {
  private Names() {}

  /** {@code Outer_InnerScheduler} for a nested config, so that every config gets its own name. */
  public static String schedulerSimpleName(TypeElement config) {
    StringBuilder name = new StringBuilder(config.getSimpleName());
    for (Element e = config.getEnclosingElement(); e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name.append("Scheduler").toString();
  }

  public static ClassName scheduler(TypeElement config) {
    return ClassName.get(packageOf(config), schedulerSimpleName(config));
  }

  /**
   * The qualified name of a type: {@code pkg.Simple}, or {@code Simple} alone in the default
   * package. Every message and file name that qualifies a name goes through here.
   */
  static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  public static String qualified(ClassName name) {
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

  /**
   * What the generated code holds where it refers to the config's type, until {@link #referToConfig}
   * writes the type's name there: a name no Java source can use, so that it stands apart from every
   * other name of the generated text.
   */
  static final ClassName CONFIG_REF = ClassName.get("", "$AnnealConfig$");

  /**
   * The generated source with the config's type written where it is referred to.
   *
   * <p>The generated code calls the config's static methods as {@code Config.method(...)}, and
   * {@code Config} there is the simple name of the config's top-level class: no other form exists
   * in the default package, and a package name's first part could be hidden just the same. A
   * variable of that name would hide the type (javac then reads {@code step.warmup(t)} as a call on
   * a {@code long}), so every variable of the generated code that has the name is renamed first:
   * the generated names avoid the config's, whatever the config is called.
   */
  public static String referToConfig(String source, TypeElement config) {
    Element top = config;
    StringBuilder reference = new StringBuilder(config.getSimpleName());
    while (top.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
      top = top.getEnclosingElement();
      reference.insert(0, top.getSimpleName() + ".");
    }
    String name = top.getSimpleName().toString();
    // No variable of the generated code bears the mark's name: only the mark itself would be renamed.
    String renamed = name.equals(CONFIG_REF.simpleName()) ? source : renameVariables(source, name);
    return renamed.replace(CONFIG_REF.simpleName(), reference);
  }

  /**
   * {@code source} with every variable named {@code name} renamed, to {@code name} followed by as
   * many {@code _} as make the name unused. A variable's name is an identifier outside comments,
   * literals, and the package and import declarations that is not a method's name (followed by
   * {@code (}) and not selected from anything but {@code this}. Types never carry the name: the
   * config's is {@link #CONFIG_REF} until then, and JavaPoet qualifies any other that shares a
   * simple name with the config.
   */
  static String renameVariables(String source, String name) {
    // Every generated file comes through here and almost none has such a variable. A variable of
    // that name ends where a mention of the name does, and in most files the name is mentioned only
    // in the class's Javadoc, near the top: the first pass stops at the last mention, and the
    // identifiers that a new name must avoid are gathered only when there is one to find.
    int lastMention = lastMention(source, name);
    if (lastMention < 0) {
      return source;
    }
    List<int[]> hits = scan(source, name, lastMention, null);
    if (hits.isEmpty()) {
      return source;
    }
    Set<String> identifiers = new HashSet<>();
    scan(source, name, source.length(), identifiers);
    String renamed = name + "_";
    while (identifiers.contains(renamed)) {
      renamed += "_";
    }
    StringBuilder out = new StringBuilder(source.length() + hits.size() * 2);
    int from = 0;
    for (int[] hit : hits) {
      out.append(source, from, hit[0]).append(renamed);
      from = hit[1];
    }
    return out.append(source, from, source.length()).toString();
  }

  /**
   * Where the last place in {@code source} that could hold an identifier {@code name} starts: the
   * name not followed by a character of an identifier; -1 if there is none.
   */
  private static int lastMention(String source, String name) {
    for (int at = source.lastIndexOf(name); at >= 0; at = source.lastIndexOf(name, at - 1)) {
      int end = at + name.length();
      if (end == source.length() || !Character.isJavaIdentifierPart(source.charAt(end))) {
        return at;
      }
    }
    return -1;
  }

  /**
   * The spans of the variables named {@code name} in {@code source}, read token by token up to the
   * token that starts at or before {@code last}; adds every identifier outside the package and
   * import declarations to {@code identifiers} unless it is null.
   */
  private static List<int[]> scan(String source, String name, int last, Set<String> identifiers) {
    List<int[]> hits = new ArrayList<>();
    int n = source.length();
    int i = 0;
    boolean declaration = false;
    // What the last two tokens outside comments were, for "this . name".
    boolean lastIsDot = false;
    boolean lastIsThis = false;
    boolean beforeLastIsThis = false;
    while (i <= last && i < n) {
      char c = source.charAt(i);
      boolean dot = false;
      boolean isThis = false;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (source.startsWith("//", i)) {
        i = endOf(source, "\n", i + 2);
        continue;
      } else if (source.startsWith("/*", i)) {
        i = endOf(source, "*/", i + 2);
        continue;
      } else if (source.startsWith("\"\"\"", i)) {
        i = endOf(source, "\"\"\"", i + 3);
      } else if (source.startsWith("...", i)) {
        i += 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(source.charAt(j))) {
          j++;
        }
        isThis = isToken(source, i, j, "this");
        if (isToken(source, i, j, "package") || isToken(source, i, j, "import")) {
          declaration = true;
        } else if (!Character.isDigit(c) && !declaration) {
          if (identifiers != null) {
            identifiers.add(source.substring(i, j));
          }
          boolean selected = lastIsDot && !beforeLastIsThis;
          if (isToken(source, i, j, name) && !selected && !calledAt(source, j)) {
            hits.add(new int[] {i, j});
          }
        }
        i = j;
      } else {
        if (c == ';') {
          declaration = false;
        }
        dot = c == '.';
        i++;
      }
      beforeLastIsThis = lastIsThis;
      lastIsThis = isThis;
      lastIsDot = dot;
    }
    return hits;
  }

  /** Whether the token from {@code start} to {@code end} is {@code text}. */
  private static boolean isToken(String source, int start, int end, String text) {
    return end - start == text.length() && source.startsWith(text, start);
  }

  private static int endOf(String source, String end, int from) {
    int at = source.indexOf(end, from);
    return at < 0 ? source.length() : at + end.length();
  }

  /** Whether an identifier that ends at {@code end} names a method: {@code (} follows it. */
  private static boolean calledAt(String source, int end) {
    int after = end;
    while (after < source.length() && Character.isWhitespace(source.charAt(after))) {
      after++;
    }
    return after < source.length() && source.charAt(after) == '(';
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

package dev.anneal.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * How the reference computes an attribute left out from others: one public static method of the
 * runtime. The processor folds the value with that method when the inputs are known now, and the
 * generated code calls the same method when one of them is bound, so the two cannot disagree.
 *
 * @param owner the runtime class that holds the method
 * @param method the method's name; it takes the inputs in the order of {@code from}
 * @param from the attributes it is computed from
 * @param name the name of the value in generated code, in camelCase
 * @param how the rule in words, for the generated Javadoc: {@code "num_warmup_steps, or 10000 where
 *     that is 0"}
 */
public record Formula(Class<?> owner, String method, List<Param> from, String name, String how) {

  public Formula {
    from = List.copyOf(from);
    find(owner, method, from.size());
  }

  /**
   * The value of the formula for {@code inputs}, boxed.
   *
   * @throws IllegalArgumentException with the reference's reason where it refuses the inputs
   */
  public Object fold(List<Object> inputs) {
    try {
      return find(owner, method, from.size()).invoke(null, inputs.toArray());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException refused) {
        throw refused;
      }
      throw new IllegalStateException(owner.getSimpleName() + "." + method + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Java type of the value. */
  public TypeName type() {
    return TypeName.get(find(owner, method, from.size()).getReturnType());
  }

  /** The call that computes the value in generated code from the fields holding the inputs. */
  public CodeBlock call(List<String> inputs) {
    CodeBlock.Builder call = CodeBlock.builder().add("$T.$N(", ClassName.get(owner), method);
    for (int i = 0; i < inputs.size(); i++) {
      call.add(i == 0 ? "$N" : ", $N", inputs.get(i));
    }
    return call.add(")").build();
  }

  private static Method find(Class<?> owner, String method, int arity) {
    List<Method> found = Arrays.stream(owner.getMethods())
        .filter(m -> m.getName().equals(method) && m.getParameterCount() == arity
            && Modifier.isStatic(m.getModifiers()))
        .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          owner.getName() + " has " + found.size() + " static methods " + method + " of " + arity + " parameters");
    }
    return found.get(0);
  }
}

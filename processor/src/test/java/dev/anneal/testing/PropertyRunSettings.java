package dev.anneal.testing;

import java.security.SecureRandom;
import java.util.Optional;
import java.lang.reflect.AnnotatedElement;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a run of the property tests replace their fixed seeds and multiply their tries, so that the
 * build stays deterministic while a search for new failures is one command away:
 *
 * <pre>
 * mvn -B test -pl runtime,processor,conformance -Dtest='*PropertyTest' \
 *     -Danneal.property.seed=random -Danneal.property.triesFactor=5
 * </pre>
 *
 * ({@code tools/property-seeds.sh N} runs that with N fresh seeds.) {@code anneal.property.seed} is
 * a number, or {@code random} for a fresh seed per property, printed so that a failure can be
 * replayed and turned into a fixed-seed regression test. Without either system property the
 * properties keep the seed and tries written on them. Registered for every property of the test
 * class path through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class PropertyRunSettings implements AroundPropertyHook {
  static final String SEED = "anneal.property.seed";
  static final String TRIES_FACTOR = "anneal.property.triesFactor";

  private static final SecureRandom FRESH = new SecureRandom();

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public boolean appliesTo(Optional<AnnotatedElement> element) {
    return true;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String seed = System.getProperty(SEED, "").trim();
    if (!seed.isEmpty()) {
      String chosen = seed.equals("random") ? Long.toString(FRESH.nextLong() & Long.MAX_VALUE) : seed;
      context.attributes().setSeed(chosen);
      System.out.println("[property seed] " + context.extendedLabel() + ": seed = \"" + chosen + "\"");
    }
    String factor = System.getProperty(TRIES_FACTOR, "").trim();
    if (!factor.isEmpty()) {
      int tries = context.attributes().tries().orElse(1000);
      context.attributes().setTries(Math.multiplyExact(tries, Integer.parseInt(factor)));
    }
    return property.execute();
  }
}

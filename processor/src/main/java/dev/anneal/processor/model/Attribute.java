package dev.anneal.processor.model;

import dev.anneal.internal.Rule;
import java.util.Optional;

/**
 * One attribute of one schedule type: where its value comes from when the annotation leaves it
 * out, and the rule a value must keep.
 *
 * @param param the attribute of {@code @Schedule}
 * @param fallback what stands in for an attribute left out
 * @param rule the rule of its numbers; empty where it has none (lists of milestones, enums, names)
 */
public record Attribute(Param param, Fallback fallback, Optional<Rule> rule) {

  /** What stands in for an attribute that the annotation leaves out. */
  public sealed interface Fallback {
    /** None: the attribute must be written or bound. */
    record Required() implements Fallback {}

    /** The reference's default value. */
    record Default(Object value) implements Fallback {}

    /** The value of another attribute of the same schedule, written, defaulted or bound. */
    record SameAs(Param other) implements Fallback {}

    /** Computed by the reference's formula from other attributes of the same schedule. */
    record Derived(Formula formula) implements Fallback {}

    /**
     * None, but the attribute is one of two ways of giving a value, and needed only where the
     * other is not given (OneCycleLR's {@code epochs} and {@code steps_per_epoch} beside
     * {@code total_steps}): the schedule's kind checks which was given.
     */
    record Alternative(String how) implements Fallback {}
  }

  public boolean required() {
    return fallback instanceof Fallback.Required;
  }
}

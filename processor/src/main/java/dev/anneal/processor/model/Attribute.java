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

    /**
     * Computed by the schedule's kind from other attributes, or one of several ways of giving a
     * value (OneCycleLR's {@code total_steps} or {@code epochs * steps_per_epoch}).
     */
    record Derived(String how) implements Fallback {}
  }

  public boolean required() {
    return fallback instanceof Fallback.Required;
  }
}

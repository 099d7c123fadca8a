package dev.anneal.processor.writing;

import com.palantir.javapoet.CodeBlock;

/** The momentum that a schedule drives beside the rate, as CyclicLR and OneCycleLR do. */
public interface Momentum {
  /** The momentum of group {@code g} at time {@code t}, after the schedule's prologue. */
  CodeBlock momentum(String t, String g);

  /** The current momentum of group {@code g}, from the state all groups share. */
  CodeBlock readMomentum(String g);
}

package dev.anneal.processor.writing;

/**
 * The last step a schedule runs, past which the reference raises (OneCycleLR's
 * {@code total_steps}).
 *
 * @param field the field or constant holding it in the generated class
 * @param known whether it is known when the processor runs (written, or computed from written
 *     values), rather than bound
 * @param attribute how messages name it, the attribute with the reference's name
 */
public record LastStep(String field, boolean known, String attribute) {}

package dev.anneal.processor.writing;

import java.util.Optional;

/**
 * Where one schedule stands in its generated class, settled before its code is written.
 *
 * @param prefix the prefix of its fields: empty for a schedule alone, {@code "s1"} and so on in a
 *     combination
 * @param base the array holding its {@code base_lrs}
 * @param clockOffset the milestone a later phase of {@code @Sequential} starts at, as Java source; 0
 *     otherwise
 * @param keepsClock whether it keeps the scheduler's step count in its own state
 * @param firstRateField the field holding group 0's current rate, where the class keeps one
 */
public record Placement(
    String prefix, String base, String clockOffset, boolean keepsClock, Optional<String> firstRateField) {}

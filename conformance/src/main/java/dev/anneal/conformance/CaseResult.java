package dev.anneal.conformance;

/**
 * The result of one case.
 *
 * @param id the case's id
 * @param source the file it came from
 * @param type the reference's scheduler class, which skipped cases are counted by
 * @param status passed, failed or skipped
 * @param detail for a failure, the first mismatch or the missing or unexpected error; for a skip,
 *     the reason; for a pass, how it passed where that is not by values (a refusal), or
 *     {@code null}
 * @param maxError the largest error seen, as a multiple of the group's peak (0 where no value was
 *     compared)
 * @param maxShare the largest share of the allowed difference used, below 1 for a value that
 *     passes (0 where no value was compared)
 * @param compared how many values were compared (rates, momentum, and their random-access forms)
 */
public record CaseResult(
    String id,
    String source,
    String type,
    Status status,
    String detail,
    double maxError,
    double maxShare,
    long compared) {

  /** How a case ended. */
  public enum Status {
    /** Every value within the rule, and the reference's error (if any) matched. */
    PASSED,
    /** A value out of the rule, or an error missing or unexpected. */
    FAILED,
    /** A schedule or argument that the annotations or the processor do not support yet. */
    SKIPPED
  }
}

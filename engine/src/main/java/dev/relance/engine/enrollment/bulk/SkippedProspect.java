package dev.relance.engine.enrollment.bulk;

/**
 * A prospect a job did not enroll.
 *
 * @param email the prospect's address as it is now (null when the prospect does not exist)
 * @param code not-found, not-owned, suppressed, exclusive, already-enrolled, or a problem of the
 *     sequence or mailbox (sequence-archived, no-mailbox...)
 */
public record SkippedProspect(long prospectId, String email, String code, String reason) {
}

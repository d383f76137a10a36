package dev.relance.engine.enrollment;

import java.util.List;

/**
 * What a chunk of a bulk enrollment job enrolls into, see {@link EnrollmentService#enrollChunk}.
 *
 * @param mailboxId the sending mailbox; default: the owner's most recently added active mailbox
 * @param mailboxPool instead of one mailbox, rotate first touches across these; empty for none
 * @param ownProspectsOnly skip (as not-owned) prospects the owner does not own: an SDR's job
 */
public record ChunkEnrollment(long sequenceId, Long mailboxId, List<Long> mailboxPool, long ownerId, Long createdBy,
        boolean ownProspectsOnly) {

    public ChunkEnrollment {
        mailboxPool = mailboxPool == null ? List.of() : List.copyOf(mailboxPool);
    }

    /**
     * What became of one prospect of a chunk.
     *
     * @param enrollmentId the new enrollment, or null when skipped
     * @param code null when enrolled; else not-found, not-owned, suppressed, exclusive, already-enrolled,
     *     or the code of a problem with the sequence or mailbox (sequence-archived, no-mailbox...)
     * @param reason for people; never the prospect's address
     */
    public record Outcome(long prospectId, Long enrollmentId, String code, String reason) {

        public boolean enrolled() {
            return enrollmentId != null;
        }
    }
}

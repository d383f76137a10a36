package dev.relance.engine.enrollment;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment a dispatcher holds for a while: only the holder of {@code claimToken} may move it
 * on, until the lease ends.
 */
public record ClaimedEnrollment(long id, long prospectId, long sequenceId, long mailboxId, long ownerId, Long currentStepId,
        Instant nextRunAt, UUID claimToken) {
}

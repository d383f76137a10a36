package dev.relance.engine.enrollment;

import java.time.Instant;

/**
 * A prospect in a sequence: the source of truth for what runs next and when.
 *
 * @param currentStepId the step that runs next (null once the enrollment has ended)
 * @param nextRunAt when the current step is due (UTC); the dispatcher claims rows whose time has come
 * @param pausedUntil when a timed pause (out-of-office) ends by itself
 */
public record Enrollment(long id, long prospectId, long sequenceId, Long mailboxId, long ownerId, EnrollmentState state,
        String stateReason, Long currentStepId, Instant nextRunAt, Instant pausedUntil, Instant createdAt, Instant updatedAt,
        Instant finishedAt) {
}

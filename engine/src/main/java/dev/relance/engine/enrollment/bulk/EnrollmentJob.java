package dev.relance.engine.enrollment.bulk;

import java.time.Instant;

/**
 * A bulk enrollment job and where it stands.
 *
 * @param status the Spring Batch status of its last run (STARTING, STARTED, COMPLETED, FAILED,
 *     STOPPED...), or QUEUED before its first run
 * @param total prospects selected (0 until the selection step ran)
 * @param read prospects whose outcome is recorded: enrolled + skipped
 * @param percentage read out of total, 0 to 100 (100 for a completed job that selected nobody)
 */
public record EnrollmentJob(long id, long sequenceId, long ownerId, Long createdBy, Instant createdAt, String status,
        int total, int read, int enrolled, int skipped, int percentage) {
}

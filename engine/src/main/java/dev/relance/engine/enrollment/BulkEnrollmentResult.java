package dev.relance.engine.enrollment;

import java.util.List;

/** Who was enrolled and who was skipped, with the reason, so nothing is silently dropped. */
public record BulkEnrollmentResult(List<Enrollment> enrolled, List<Skipped> skipped) {

    /**
     * @param code stable machine-readable reason: not-found, suppressed, already-enrolled, exclusive...
     */
    public record Skipped(long prospectId, String code, String reason) {
    }
}

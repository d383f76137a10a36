package dev.relance.engine.enrollment;

/** Optional filters of the enrollment list; null means "any". */
public record EnrollmentFilter(Long sequenceId, Long prospectId, EnrollmentState state, Long ownerId) {
}

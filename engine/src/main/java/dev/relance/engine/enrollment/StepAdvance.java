package dev.relance.engine.enrollment;

import java.time.Instant;

/**
 * Moves an enrollment past {@code stepId}: to {@code nextStepId} due at {@code nextRunAt}, or to
 * FINISHED when there is no next step.
 */
public record StepAdvance(long enrollmentId, long stepId, Long nextStepId, Instant nextRunAt) {
}

package dev.relance.engine.pipeline;

import java.time.Instant;

/**
 * One change of stage, as recorded (append-only).
 *
 * @param fromStage the stage's key before, or null for the opportunity's creation
 * @param changedBy the user who moved it, or null when Relance did (an interested reply)
 * @param reason why, in words ("interested reply", "disqualified: no budget", "reopened"...), or null
 * @param messageId our message whose reply caused the change, or null
 */
public record StageTransition(long id, long opportunityId, String fromStage, String toStage, Long changedBy,
        Instant changedAt, String reason, Long messageId) {
}

package dev.relance.engine.task;

import java.time.Instant;

/**
 * A task to create, typically by the dispatcher when an enrollment reaches a manual step.
 *
 * @param enrollmentId with {@code stepId}: the enrollment step the task stands for; one such step has
 *     at most one open task
 * @param prospectId null means the enrollment's prospect
 * @param sequenceId null means the enrollment's sequence
 * @param title what the rep sees in their list; required
 * @param dueAt null means now
 * @param draftSubject for MANUAL_EMAIL: the rendered email the rep reviews, or null when the rep writes it
 */
public record NewTask(Long enrollmentId, Long stepId, Long prospectId, long ownerId, Long sequenceId, TaskType type,
        String title, String note, Instant dueAt, String draftSubject, String draftBodyText, String draftBodyHtml) {
}

package dev.relance.engine.task;

import java.time.Instant;

/**
 * Something a rep has to do by hand: a manual step of an enrollment (call, LinkedIn, manual email,
 * to-do) or a reply to answer.
 *
 * @param enrollmentId the enrollment waiting on this task, or null for a task of its own
 * @param stepId the manual step the task stands for, or null
 * @param sequenceId the enrollment's sequence, kept here for reports
 * @param note instructions for the rep (the step's task note)
 * @param outcome the rep's notes when completing, or why the task was skipped
 * @param outcomeCode how a completed task went; null while open and when skipped
 * @param completedAt when the task was completed or skipped
 * @param draftSubject for MANUAL_EMAIL: the email to send, rendered from the step's template and then
 *     edited by the rep; the edited version replaces the draft on completion
 * @param overdue true while the task is open past its due time, as of the moment it was read
 */
public record Task(long id, Long enrollmentId, Long stepId, Long prospectId, long ownerId, Long sequenceId, TaskType type,
        TaskState state, String title, String note, String outcome, OutcomeCode outcomeCode, Instant dueAt,
        Instant completedAt, Instant createdAt, String draftSubject, String draftBodyText, String draftBodyHtml,
        boolean overdue) {
}

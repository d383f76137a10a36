package dev.relance.engine.task;

import jakarta.validation.constraints.Size;

/**
 * How a rep closes a task as done.
 *
 * @param outcomeCode one of the task type's {@link TaskType#outcomes()}; null takes the type's default
 *     (required for a call)
 * @param notes free text kept as the task's outcome
 * @param subject for MANUAL_EMAIL only: the edited subject to send; null keeps the draft's
 * @param bodyText for MANUAL_EMAIL only: the edited text body; null keeps the draft's, "" removes it
 * @param bodyHtml for MANUAL_EMAIL only: the edited HTML body; null keeps the draft's, "" removes it
 */
public record TaskCompletion(
        OutcomeCode outcomeCode,
        @Size(max = 2000) String notes,
        @Size(max = 998) String subject,
        @Size(max = 200_000) String bodyText,
        @Size(max = 200_000) String bodyHtml) {
}

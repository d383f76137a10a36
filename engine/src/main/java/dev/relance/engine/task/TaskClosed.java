package dev.relance.engine.task;

/**
 * Published (as a Spring application event, inside the closing transaction) when a person completes
 * or skips a task, so that the enrollment waiting on it can go on. Not published when open tasks are
 * cancelled because their enrollment ended: there is nothing left to advance.
 *
 * @param enrollmentId null for a task outside any enrollment
 * @param state COMPLETED or SKIPPED
 * @param outcomeCode null when skipped
 */
public record TaskClosed(long taskId, Long enrollmentId, Long stepId, TaskType type, TaskState state,
        OutcomeCode outcomeCode) {
}

package dev.relance.engine.task;

/**
 * Optional filters of the task list; null means "any".
 *
 * @param overdue true: open tasks past due; false: every other task
 */
public record TaskFilter(Long ownerId, TaskState state, TaskType type, Boolean overdue, Long enrollmentId) {
}

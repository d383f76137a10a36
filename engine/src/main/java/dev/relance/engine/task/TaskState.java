package dev.relance.engine.task;

/**
 * The life of a task, mirrored by the CHECK constraint on task.state. Allowed transitions are
 * listed here and nowhere else: an open task is completed or skipped, once.
 */
public enum TaskState {
    /** Waiting for the rep. */
    OPEN,
    /** Done, with an outcome. */
    COMPLETED,
    /** Not done: skipped by the rep, or cancelled because its enrollment ended. */
    SKIPPED;

    public boolean canBecome(TaskState next) {
        return this == OPEN && next != OPEN;
    }
}

package dev.relance.engine.sequence;

/**
 * Lifecycle of a sequence. Only ACTIVE sequences take new enrollments and send; PAUSED keeps its
 * enrollments waiting; ARCHIVED is retired but kept for history and reports.
 */
public enum SequenceStatus {
    /** Being written; never launched. */
    DRAFT,
    ACTIVE,
    PAUSED,
    ARCHIVED;

    /**
     * Whether a sequence in this status may be set to {@code next}. Any move is allowed except back
     * to DRAFT: once launched, a sequence may have enrolled prospects, and DRAFT promises it has none.
     */
    public boolean canBecome(SequenceStatus next) {
        return next == this || next != DRAFT;
    }
}

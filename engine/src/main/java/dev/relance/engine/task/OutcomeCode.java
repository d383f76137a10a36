package dev.relance.engine.task;

/**
 * How a task ended, as reports count it; mirrored by the CHECK constraint on task.outcome_code.
 * Which codes fit which kind of task is said by {@link TaskType#outcomes()}.
 */
public enum OutcomeCode {
    /** A call reached the prospect. */
    CONNECTED,
    /** A call ended on the prospect's voicemail, with a message left. */
    VOICEMAIL,
    /** A call nobody answered. */
    NO_ANSWER,
    /** The number does not reach the prospect. */
    WRONG_NUMBER,
    /** The prospect agreed to a meeting. */
    MEETING_BOOKED,
    /** The prospect declined. */
    NOT_INTERESTED,
    /** The email or message was sent. */
    SENT,
    /** Done, nothing more to say. */
    DONE
}

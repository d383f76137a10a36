package dev.relance.engine.task;

import static dev.relance.engine.task.OutcomeCode.CONNECTED;
import static dev.relance.engine.task.OutcomeCode.DONE;
import static dev.relance.engine.task.OutcomeCode.MEETING_BOOKED;
import static dev.relance.engine.task.OutcomeCode.NOT_INTERESTED;
import static dev.relance.engine.task.OutcomeCode.NO_ANSWER;
import static dev.relance.engine.task.OutcomeCode.SENT;
import static dev.relance.engine.task.OutcomeCode.VOICEMAIL;
import static dev.relance.engine.task.OutcomeCode.WRONG_NUMBER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a rep has to do; mirrored by the CHECK constraint on task.type. Each type says which
 * outcome codes fit it, so that reports never count a "voicemail" on a LinkedIn message.
 */
public enum TaskType {
    /** Review, edit and send an email rendered from the step's template. */
    MANUAL_EMAIL(SENT, SENT),
    /** Call the prospect; the disposition is required. */
    CALL(null, CONNECTED, VOICEMAIL, NO_ANSWER, WRONG_NUMBER, MEETING_BOOKED, NOT_INTERESTED),
    /** Connect or write on LinkedIn. */
    LINKEDIN(DONE, SENT, DONE, MEETING_BOOKED, NOT_INTERESTED),
    /** Any other to-do. */
    TASK(DONE, DONE, MEETING_BOOKED, NOT_INTERESTED),
    /** Answer a prospect's reply by hand. */
    REPLY(DONE, SENT, DONE, MEETING_BOOKED, NOT_INTERESTED);

    private final OutcomeCode defaultOutcome;
    private final Set<OutcomeCode> outcomes;

    TaskType(OutcomeCode defaultOutcome, OutcomeCode first, OutcomeCode... rest) {
        this.defaultOutcome = defaultOutcome;
        this.outcomes = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The outcome codes a completed task of this type may carry. */
    public Set<OutcomeCode> outcomes() {
        return outcomes;
    }

    /** The outcome recorded when the rep gives none, or null when one is required. */
    public OutcomeCode defaultOutcome() {
        return defaultOutcome;
    }
}

package dev.relance.engine.enrollment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a prospect in a sequence, mirrored by the CHECK constraint on enrollment.state.
 * Allowed transitions are listed here and nowhere else.
 */
public enum EnrollmentState {
    /** Waiting for its next step to be due. */
    ACTIVE,
    /** Held by a person, a sequence or mailbox pause, or an out-of-office until a date. */
    PAUSED,
    /** The current step is a task for the owner (call, LinkedIn, manual email). */
    WAITING_TASK,
    /** Every step ran. */
    FINISHED,
    /** The prospect answered. */
    REPLIED,
    /** The address bounced hard. */
    BOUNCED,
    /** The prospect unsubscribed or complained. */
    UNSUBSCRIBED,
    /** Stopped by a person or a rule (meeting booked, same-account reply...). */
    STOPPED,
    /** Cannot go on without a person: a template variable missing, a mailbox gone... */
    NEEDS_ATTENTION;

    private static final Map<EnrollmentState, Set<EnrollmentState>> NEXT = Map.of(
            ACTIVE, EnumSet.of(PAUSED, WAITING_TASK, FINISHED, REPLIED, BOUNCED, UNSUBSCRIBED, STOPPED, NEEDS_ATTENTION),
            PAUSED, EnumSet.of(ACTIVE, REPLIED, BOUNCED, UNSUBSCRIBED, STOPPED),
            WAITING_TASK, EnumSet.of(ACTIVE, PAUSED, FINISHED, REPLIED, BOUNCED, UNSUBSCRIBED, STOPPED),
            NEEDS_ATTENTION, EnumSet.of(ACTIVE, PAUSED, REPLIED, BOUNCED, UNSUBSCRIBED, STOPPED),
            FINISHED, EnumSet.noneOf(EnrollmentState.class),
            REPLIED, EnumSet.noneOf(EnrollmentState.class),
            BOUNCED, EnumSet.noneOf(EnrollmentState.class),
            UNSUBSCRIBED, EnumSet.noneOf(EnrollmentState.class),
            STOPPED, EnumSet.noneOf(EnrollmentState.class));

    public boolean canBecome(EnrollmentState next) {
        return NEXT.get(this).contains(next);
    }

    /** Live enrollments still have steps ahead; a prospect has at most one live per sequence. */
    public boolean isLive() {
        return this == ACTIVE || this == PAUSED || this == WAITING_TASK || this == NEEDS_ATTENTION;
    }
}

package dev.relance.engine.dispatch;

/** What happened to one claimed enrollment in a dispatch run. */
public enum StepOutcome {
    /** The email was accepted by the SMTP server and recorded. */
    SENT,
    /** Not now: outside the send window, over a cap, or a temporary SMTP failure; due again later. */
    DEFERRED,
    /** A task was created for the owner; the enrollment waits for it. */
    TASK_CREATED,
    /** The address bounced hard: suppressed, enrollment ended. */
    BOUNCED,
    /** The enrollment ended before sending (suppressed, paused, stopped meanwhile...). */
    STOPPED,
    /** A person must look (a missing variable, too many failures...). */
    NEEDS_ATTENTION,
    /** Another dispatcher or a concurrent change got there first; nothing done. */
    LOST_RACE
}

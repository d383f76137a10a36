package dev.relance.engine.event;

/** The kinds of fact in the event log; mirrors the CHECK constraint of the event table. */
public enum EventType {
    SENT, DELIVERED, OPENED, CLICKED, REPLIED, BOUNCED, COMPLAINED, UNSUBSCRIBED, AUTO_REPLIED, TASK_DONE, TASK_SKIPPED,
    STAGE_CHANGED, ENROLLED, PAUSED, RESUMED, STOPPED, FINISHED
}

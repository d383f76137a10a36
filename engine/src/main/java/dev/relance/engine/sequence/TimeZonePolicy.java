package dev.relance.engine.sequence;

/** In which time zone a sequence's send windows are read. */
public enum TimeZonePolicy {
    /** The prospect's zone, falling back to the mailbox's when the prospect has none. */
    PROSPECT,
    /** The sending mailbox's zone. */
    MAILBOX,
    /** One named zone for every prospect ({@link Schedule#fixedTimeZone()}). */
    FIXED
}

package dev.relance.engine.mailbox;

/** Whether a mailbox may send. Only ACTIVE mailboxes send; the others keep their waiting steps. */
public enum MailboxStatus {
    ACTIVE,
    /** Paused by a person. */
    PAUSED,
    /** The server refused our credentials; the owner must fix them. */
    AUTH_FAILED,
    /** Retired: kept for history, never sends again. */
    DISABLED
}

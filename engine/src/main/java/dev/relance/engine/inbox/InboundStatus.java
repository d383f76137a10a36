package dev.relance.engine.inbox;

/** Where an inbound message stands; mirrors the CHECK constraint of inbound_message.status. */
public enum InboundStatus {
    /** Tied to one of our messages; its effects were applied. */
    PROCESSED,
    /** Readable but tied to none of our messages: waits in the review list. */
    UNMATCHED,
    /** Not a parsable message: kept raw in the review list. */
    UNREADABLE,
    /** Our own sent copy, or a message already read under an earlier UIDVALIDITY. */
    IGNORED,
    /** A person looked at it in the review list. */
    REVIEWED
}

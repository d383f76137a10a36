package dev.relance.engine.inbox.classify;

/** What an inbound message is, as far as a sequence is concerned. */
public enum InboundKind {
    /** A delivery failure report, permanent or still retrying. */
    BOUNCE,
    /** A delivery status report that only tells of delivered, relayed or expanded recipients. */
    DELIVERY_REPORT,
    /** A spam complaint or an automated unsubscribe sent by a mailbox provider or mail client. */
    COMPLAINT,
    /** An automatic answer such as an out-of-office notice (RFC 3834). */
    AUTO_REPLY,
    /** Mail written by a person. */
    REPLY,
    /** Bytes that could not be read as a message. */
    UNREADABLE
}

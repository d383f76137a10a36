package dev.relance.engine.inbox.classify;

/** What a person answering a sequence wants. */
public enum ReplyIntent {
    INTERESTED,
    NOT_INTERESTED,
    /** Points to someone else, whose name or address is kept when given. */
    REFERRAL,
    UNSUBSCRIBE_REQUEST,
    QUESTION,
    NEUTRAL
}

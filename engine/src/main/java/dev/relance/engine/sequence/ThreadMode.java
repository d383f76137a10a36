package dev.relance.engine.sequence;

/** Whether an email step starts a conversation or follows up in the previous email's thread. */
public enum ThreadMode {
    NEW_THREAD,
    /** Sent with In-Reply-To/References of the previous email and its subject prefixed "Re: ". */
    REPLY_IN_THREAD
}

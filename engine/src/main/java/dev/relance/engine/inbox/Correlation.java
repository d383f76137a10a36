package dev.relance.engine.inbox;

/**
 * Which of our messages an inbound message is about, and how that was found.
 *
 * @param method "threading headers", "original message in the report", "recipient address",
 *     "sender and subject", "unsubscribe address", "sender address"
 */
record Correlation(OurMessage message, String method) {

    static final String UNSUBSCRIBE_ADDRESS = "unsubscribe address";

    boolean viaUnsubscribeAddress() {
        return UNSUBSCRIBE_ADDRESS.equals(method);
    }
}

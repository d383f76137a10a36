package dev.relance.engine.dispatch;

import java.time.Instant;

/** A message row as the dispatcher reads it back. */
record MessageRecord(long id, long enrollmentId, long stepId, Long variantId, long mailboxId, long prospectId, String messageIdHeader,
        String inReplyTo, String referencesHeader, String subject, String bodyHtml, String bodyText, String state,
        int attempts, Long threadRootId, Instant createdAt, Instant updatedAt) {

    /** A message that may be sent again by a new claim: a temporary failure, or one a person resumed. */
    boolean retryable() {
        return "RETRY".equals(state) || "UNKNOWN".equals(state) || "FAILED".equals(state);
    }
}

package dev.relance.engine.inbox;

import java.time.Instant;

/**
 * Published (synchronously, inside the transaction that records the reply) when a human reply to one
 * of our messages is classified as interested. The pipeline listens to it to create or advance an
 * opportunity; the inbox knows nothing of the pipeline.
 *
 * @param messageId our message that was answered
 * @param accountId the prospect's account, or null (a free-mail address)
 * @param ownerId the enrollment's owner, the SDR the reply is credited to
 * @param at when the reply was processed
 */
public record InterestedReply(long messageId, long prospectId, Long accountId, long sequenceId, long stepId,
        long mailboxId, long ownerId, Instant at) {
}

package dev.relance.engine.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message read from a mailbox, as the review list and the API show it (without its raw bytes).
 *
 * @param mailboxOwnerId the owner of the mailbox that received it (who may see it), or null
 * @param verdict the classifier's verdict, reasons included
 * @param effects what Relance did because of it, in order ("enrollment 12 ended: REPLIED", ...)
 */
public record InboundMessage(long id, long mailboxId, Long mailboxOwnerId, String folder, String messageIdHeader, String fromAddress,
        String subject, Instant receivedAt, String kind, InboundStatus status, Long matchedMessageId, Long prospectId,
        Long enrollmentId, String matchMethod, Map<String, Object> verdict, List<String> effects, Instant createdAt) {
}

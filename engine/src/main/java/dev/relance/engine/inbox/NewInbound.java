package dev.relance.engine.inbox;

import java.time.Instant;
import java.util.List;

/** A row of inbound_message to insert. */
record NewInbound(long mailboxId, String folder, long uidValidity, long uid, String messageIdHeader,
        String fromAddress, String subject, Instant receivedAt, String kind, InboundStatus status,
        Long matchedMessageId, Long prospectId, Long enrollmentId, String matchMethod, Object verdict,
        List<String> effects, byte[] raw) {
}

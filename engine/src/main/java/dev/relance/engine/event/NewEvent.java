package dev.relance.engine.event;

import java.time.Instant;
import java.util.Map;

/**
 * A fact to append to the event log, with everything reports group by.
 *
 * @param machine for opens and clicks: true when a scanner or an image proxy made it, not a person; else null
 * @param data the details of the fact (status codes, reasons, the URL clicked...)
 */
public record NewEvent(EventType type, Instant occurredAt, Long messageId, Long enrollmentId, Long sequenceId,
        Long stepId, Long variantId, Long prospectId, Long mailboxId, Long ownerId, Boolean machine,
        Map<String, ?> data) {
}

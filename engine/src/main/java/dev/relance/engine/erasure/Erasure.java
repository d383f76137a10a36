package dev.relance.engine.erasure;

import java.time.Instant;
import java.util.Map;

/**
 * The audit record of one erasure. It never holds the address, only its hash.
 *
 * @param addressHash SHA-256 (hex) of the normalised address, as the ADDRESS_HASH suppression holds it
 * @param prospectId the erased prospect, or null when the address was in no prospect
 * @param counts rows scrubbed per kind: prospect, enrollmentsEnded, messages, events, inbound, tasks,
 *     opportunities, idempotencyRecords, bulkReports
 * @param alreadyErased true when this request found nothing left to erase and answers the earlier record
 */
public record Erasure(long id, String addressHash, Long prospectId, Long erasedBy, Instant erasedAt,
        Map<String, Integer> counts, boolean alreadyErased) {

    Erasure again() {
        return new Erasure(id, addressHash, prospectId, erasedBy, erasedAt, counts, true);
    }
}

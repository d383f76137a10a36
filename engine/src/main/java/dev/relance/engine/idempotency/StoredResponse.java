package dev.relance.engine.idempotency;

/**
 * The first answer given to an idempotent request, replayed to its retries.
 *
 * @param location the Location header of a 201, so that a replay points at the same resource
 */
public record StoredResponse(int status, String contentType, String location, byte[] body) {
}

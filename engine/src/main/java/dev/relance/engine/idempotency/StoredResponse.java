package dev.relance.engine.idempotency;

/** The first answer given to an idempotent request, replayed to its retries. */
public record StoredResponse(int status, String contentType, byte[] body) {
}

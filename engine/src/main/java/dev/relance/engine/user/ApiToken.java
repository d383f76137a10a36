package dev.relance.engine.user;

import java.time.Instant;

/** A personal API token as listed: never its secret, which is shown once when issued. */
public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}

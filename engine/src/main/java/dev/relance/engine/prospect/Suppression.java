package dev.relance.engine.prospect;

import java.time.Instant;

/** A do-not-contact entry. */
public record Suppression(long id, SuppressionKind kind, String value, SuppressionReason reason, String source,
        Long createdBy, Instant createdAt) {
}

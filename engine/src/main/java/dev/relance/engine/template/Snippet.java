package dev.relance.engine.template;

import java.time.Instant;

/** A named reusable block at its latest version. */
public record Snippet(long id, String name, String description, int version, String body, Instant createdAt,
        Instant updatedAt) {
}

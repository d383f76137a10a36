package dev.relance.engine.user;

import java.time.Instant;

/** A person who signs in to Relance. The password hash never leaves the engine. */
public record User(long id, String username, String email, String displayName, Role role, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}

package dev.relance.engine.user;

import java.time.Instant;

/**
 * A person who signs in to Relance. The password hash never leaves the engine.
 *
 * @param teamId the team the user belongs to, if any
 */
public record User(long id, String username, String email, String displayName, Role role, boolean enabled,
        Long teamId, Instant createdAt, Instant updatedAt) {
}

package dev.relance.engine.user;

/** What authentication needs to know about a user. */
public record Credentials(long userId, String username, String passwordHash, Role role, boolean enabled) {
}

package dev.relance.api.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created when the database has no user at all.
 *
 * @param initialPassword the first admin's password (12 to 72 characters); when empty one is
 *     generated and printed once on the console. Ignored once any user exists.
 */
@ConfigurationProperties("relance.admin")
public record AdminProperties(String initialPassword) {
}

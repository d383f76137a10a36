package dev.relance.engine.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

@Repository
class TokenRepository {

    private static final String INSERT = """
            INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
            VALUES (:userId, :name, :hash, :now, :expiresAt)
            RETURNING id, name, created_at, expires_at, last_used_at, revoked_at
            """;

    private static final String LIST_FOR_USER = """
            SELECT id, name, created_at, expires_at, last_used_at, revoked_at
              FROM api_token WHERE user_id = :userId ORDER BY id DESC
            """;

    private static final String REVOKE = """
            UPDATE api_token SET revoked_at = :now
             WHERE id = :id AND user_id = :userId AND revoked_at IS NULL
            """;

    // Only live tokens of enabled users authenticate; last_used_at is kept for the owner's review.
    private static final String AUTHENTICATE = """
            UPDATE api_token t SET last_used_at = :now
              FROM app_user u
             WHERE t.token_hash = :hash AND t.user_id = u.id AND u.enabled
               AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)
            RETURNING u.id, u.username, u.password_hash, u.role, u.enabled
            """;

    private static final RowMapper<ApiToken> TOKEN = (rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "expires_at"),
            Timestamps.instant(rs, "last_used_at"), Timestamps.instant(rs, "revoked_at"));

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiToken insert(long userId, String name, byte[] hash, Instant now, Instant expiresAt) {
        return jdbc.sql(INSERT).param("userId", userId).param("name", name).param("hash", hash)
                .param("now", Timestamps.of(now)).param("expiresAt", Timestamps.of(expiresAt))
                .query(TOKEN).single();
    }

    List<ApiToken> listForUser(long userId) {
        return jdbc.sql(LIST_FOR_USER).param("userId", userId).query(TOKEN).list();
    }

    boolean revoke(long userId, long tokenId, Instant now) {
        return jdbc.sql(REVOKE).param("id", tokenId).param("userId", userId).param("now", Timestamps.of(now)).update() == 1;
    }

    Optional<Credentials> authenticate(byte[] hash, Instant now) {
        return jdbc.sql(AUTHENTICATE).param("hash", hash).param("now", Timestamps.of(now))
                .query((rs, row) -> new Credentials(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }
}

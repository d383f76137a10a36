package dev.relance.engine.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class UserRepository {

    private static final String INSERT = """
            INSERT INTO app_user (username, email, display_name, role, password_hash, enabled, team_id, created_at, updated_at)
            VALUES (:username, :email, :displayName, :role, :passwordHash, :enabled, :teamId, :now, :now)
            RETURNING id, username, email, display_name, role, enabled, team_id, created_at, updated_at
            """;

    private static final String UPDATE = """
            UPDATE app_user
               SET username = :username, email = :email, display_name = :displayName, role = :role,
                   password_hash = COALESCE(:passwordHash, password_hash), enabled = :enabled, team_id = :teamId,
                   updated_at = :now, version = version + 1
             WHERE id = :id
            RETURNING id, username, email, display_name, role, enabled, team_id, created_at, updated_at
            """;

    private static final String FIND_BY_ID = """
            SELECT id, username, email, display_name, role, enabled, team_id, created_at, updated_at FROM app_user WHERE id = :id
            """;

    private static final String LIST = """
            SELECT id, username, email, display_name, role, enabled, team_id, created_at, updated_at
              FROM app_user
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:role AS text) IS NULL OR role = :role)
               AND (CAST(:teamId AS bigint) IS NULL OR team_id = :teamId)
             ORDER BY id DESC
             LIMIT :limit
            """;

    private static final String CREDENTIALS_BY_USERNAME = """
            SELECT id, username, password_hash, role, enabled FROM app_user WHERE username = :username
            """;

    private static final String COUNT = """
            SELECT count(*) FROM app_user
            """;

    // Locks the other admins' rows so that two admins cannot demote each other at the same moment.
    private static final String OTHER_ACTIVE_ADMINS = """
            SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled AND id <> :id FOR UPDATE
            """;

    private static final String DELETE = """
            DELETE FROM app_user WHERE id = :id
            """;

    private static final RowMapper<User> USER = (rs, row) -> new User(
            rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("display_name"),
            Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getObject("team_id", Long.class),
            Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    User insert(UserDraft draft, String passwordHash, Instant now) {
        return jdbc.sql(INSERT)
                .param("username", draft.username()).param("email", draft.email())
                .param("displayName", draft.displayName()).param("role", draft.role().name())
                .param("passwordHash", passwordHash).param("enabled", draft.isEnabled()).param("teamId", draft.teamId())
                .param("now", Timestamps.of(now))
                .query(USER).single();
    }

    Optional<User> update(long id, UserDraft draft, String passwordHashOrNull, Instant now) {
        return jdbc.sql(UPDATE)
                .param("id", id).param("username", draft.username()).param("email", draft.email())
                .param("displayName", draft.displayName()).param("role", draft.role().name())
                .param("passwordHash", passwordHashOrNull).param("enabled", draft.isEnabled()).param("teamId", draft.teamId())
                .param("now", Timestamps.of(now))
                .query(USER).optional();
    }

    Optional<User> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(USER).optional();
    }

    List<User> list(PageRequest page, Role role, Long teamId) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("role", role == null ? null : role.name())
                .param("teamId", teamId)
                .param("limit", page.fetchSize()).query(USER).list();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql(CREDENTIALS_BY_USERNAME).param("username", username)
                .query((rs, row) -> new Credentials(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }

    long count() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    int otherActiveAdmins(long id) {
        return jdbc.sql(OTHER_ACTIVE_ADMINS).param("id", id).query(Long.class).list().size();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }
}

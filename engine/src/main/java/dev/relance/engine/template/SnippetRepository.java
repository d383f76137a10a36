package dev.relance.engine.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class SnippetRepository {

    private static final String INSERT = """
            INSERT INTO snippet (name, description, created_at, updated_at)
            VALUES (:name, :description, :now, :now)
            RETURNING id
            """;

    private static final String UPDATE = """
            UPDATE snippet SET name = :name, description = :description, updated_at = :now WHERE id = :id
            """;

    // Under the snippet row's lock (taken by UPDATE above), so version numbers never collide.
    private static final String INSERT_VERSION = """
            INSERT INTO snippet_version (snippet_id, version, body, created_by, created_at)
            VALUES (:snippetId,
                    (SELECT COALESCE(MAX(version), 0) + 1 FROM snippet_version WHERE snippet_id = :snippetId),
                    :body, :createdBy, :now)
            """;

    private static final String LATEST_BY_ID = """
            SELECT s.id, s.name, s.description, s.created_at, s.updated_at, v.version, v.body
              FROM snippet s
              JOIN LATERAL (SELECT version, body FROM snippet_version WHERE snippet_id = s.id
                            ORDER BY version DESC LIMIT 1) v ON true
             WHERE s.id = :id
            """;

    private static final String LATEST_BY_NAME = """
            SELECT s.id, s.name, s.description, s.created_at, s.updated_at, v.version, v.body
              FROM snippet s
              JOIN LATERAL (SELECT version, body FROM snippet_version WHERE snippet_id = s.id
                            ORDER BY version DESC LIMIT 1) v ON true
             WHERE s.name = CAST(:name AS citext)
            """;

    private static final String LIST = """
            SELECT s.id, s.name, s.description, s.created_at, s.updated_at, v.version, v.body
              FROM snippet s
              JOIN LATERAL (SELECT version, body FROM snippet_version WHERE snippet_id = s.id
                            ORDER BY version DESC LIMIT 1) v ON true
             WHERE (CAST(:beforeId AS bigint) IS NULL OR s.id < :beforeId)
             ORDER BY s.id DESC
             LIMIT :limit
            """;

    private static final String VERSIONS = """
            SELECT s.id, s.name, s.description, s.created_at, s.updated_at, v.version, v.body
              FROM snippet s JOIN snippet_version v ON v.snippet_id = s.id
             WHERE s.id = :id
             ORDER BY v.version DESC
            """;

    private static final String DELETE = """
            DELETE FROM snippet WHERE id = :id
            """;

    private final JdbcClient jdbc;

    SnippetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SnippetDraft draft, Instant now) {
        return jdbc.sql(INSERT).param("name", draft.name()).param("description", draft.description())
                .param("now", Timestamps.of(now)).query(Long.class).single();
    }

    boolean update(long id, SnippetDraft draft, Instant now) {
        return jdbc.sql(UPDATE).param("id", id).param("name", draft.name()).param("description", draft.description())
                .param("now", Timestamps.of(now)).update() == 1;
    }

    void insertVersion(long snippetId, String body, Long createdBy, Instant now) {
        jdbc.sql(INSERT_VERSION).param("snippetId", snippetId).param("body", body).param("createdBy", createdBy)
                .param("now", Timestamps.of(now)).update();
    }

    Optional<Snippet> findById(long id) {
        return jdbc.sql(LATEST_BY_ID).param("id", id).query(SnippetRepository::snippet).optional();
    }

    Optional<Snippet> findByName(String name) {
        return jdbc.sql(LATEST_BY_NAME).param("name", name).query(SnippetRepository::snippet).optional();
    }

    List<Snippet> list(PageRequest page) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("limit", page.fetchSize())
                .query(SnippetRepository::snippet).list();
    }

    List<Snippet> versions(long id) {
        return jdbc.sql(VERSIONS).param("id", id).query(SnippetRepository::snippet).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private static Snippet snippet(ResultSet rs, int row) throws SQLException {
        return new Snippet(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("version"),
                rs.getString("body"), Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"));
    }
}

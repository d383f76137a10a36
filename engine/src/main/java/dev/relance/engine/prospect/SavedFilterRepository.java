package dev.relance.engine.prospect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class SavedFilterRepository {

    private static final String INSERT = """
            INSERT INTO prospect_filter (name, owner_id, criteria, created_at, updated_at)
            VALUES (:name, :ownerId, CAST(:criteria AS jsonb), :now, :now)
            RETURNING *
            """;

    private static final String UPDATE = """
            UPDATE prospect_filter SET name = :name, criteria = CAST(:criteria AS jsonb), updated_at = :now
             WHERE id = :id
            RETURNING *
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM prospect_filter WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM prospect_filter
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
             ORDER BY id DESC
             LIMIT :limit
            """;

    private static final String DELETE = """
            DELETE FROM prospect_filter WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    SavedFilterRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SavedFilter insert(SavedFilterDraft draft, long ownerId, Instant now) {
        return jdbc.sql(INSERT).param("name", draft.name().strip()).param("ownerId", ownerId)
                .param("criteria", json.writeObject(draft.criteria())).param("now", Timestamps.of(now))
                .query(this::filter).single();
    }

    Optional<SavedFilter> update(long id, SavedFilterDraft draft, Instant now) {
        return jdbc.sql(UPDATE).param("id", id).param("name", draft.name().strip())
                .param("criteria", json.writeObject(draft.criteria())).param("now", Timestamps.of(now))
                .query(this::filter).optional();
    }

    Optional<SavedFilter> find(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::filter).optional();
    }

    List<SavedFilter> list(PageRequest page, Long ownerId) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("ownerId", ownerId)
                .param("limit", page.fetchSize()).query(this::filter).list();
    }

    void delete(long id) {
        jdbc.sql(DELETE).param("id", id).update();
    }

    private SavedFilter filter(ResultSet rs, int row) throws SQLException {
        return new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_id"),
                json.readObject(rs.getString("criteria"), ProspectCriteria.class), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}

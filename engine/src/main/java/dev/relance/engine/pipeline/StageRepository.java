package dev.relance.engine.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StageRepository {

    private static final String LIST = """
            SELECT * FROM pipeline_stage ORDER BY position
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM pipeline_stage WHERE id = :id
            """;

    private static final String FIND_BY_KEY = """
            SELECT * FROM pipeline_stage WHERE key = :key
            """;

    private static final String INSERT = """
            INSERT INTO pipeline_stage (key, name, position, probability, category)
            VALUES (:key, :name, (SELECT COALESCE(max(position), 0) + 1 FROM pipeline_stage), :probability, :category)
            RETURNING *
            """;

    private static final String UPDATE = """
            UPDATE pipeline_stage SET name = :name, probability = :probability, category = :category
             WHERE id = :id
            RETURNING *
            """;

    // Any opportunity at the stage, or any transition from or to it: deleting it would rewrite history.
    private static final String IN_USE = """
            SELECT EXISTS (SELECT 1 FROM opportunity WHERE stage_id = :id)
                OR EXISTS (SELECT 1 FROM stage_transition WHERE to_stage_id = :id OR from_stage_id = :id)
            """;

    private static final String DELETE = """
            DELETE FROM pipeline_stage WHERE id = :id
            """;

    // Positions are UNIQUE: move every stage out of the way (negative) before giving the new order.
    private static final String LOCK_ALL = """
            SELECT id FROM pipeline_stage ORDER BY id FOR UPDATE
            """;

    private static final String PARK_POSITIONS = """
            UPDATE pipeline_stage SET position = -position
            """;

    private static final String SET_POSITION = """
            UPDATE pipeline_stage SET position = :position WHERE key = :key
            """;

    // Conversion in the pipeline rollups depends on the positions: a new order recomputes them all
    // (V16 migration; seconds for 100,000 opportunities, and reorders are rare).
    private static final String REBUILD_ROLLUPS = """
            SELECT pipeline_rollups_rebuild()
            """;

    private final JdbcClient jdbc;

    StageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stage> list() {
        return jdbc.sql(LIST).query((rs, row) -> stage(rs)).list();
    }

    Optional<Stage> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query((rs, row) -> stage(rs)).optional();
    }

    Optional<Stage> findByKey(String key) {
        return jdbc.sql(FIND_BY_KEY).param("key", key).query((rs, row) -> stage(rs)).optional();
    }

    Stage insert(StageDraft draft) {
        return jdbc.sql(INSERT).param("key", draft.key()).param("name", draft.name())
                .param("probability", draft.probability()).param("category", draft.category().name())
                .query((rs, row) -> stage(rs)).single();
    }

    Optional<Stage> update(long id, StageDraft draft) {
        return jdbc.sql(UPDATE).param("id", id).param("name", draft.name()).param("probability", draft.probability())
                .param("category", draft.category().name()).query((rs, row) -> stage(rs)).optional();
    }

    boolean inUse(long id) {
        return jdbc.sql(IN_USE).param("id", id).query(Boolean.class).single();
    }

    void delete(long id) {
        jdbc.sql(DELETE).param("id", id).update();
    }

    void lockAll() {
        jdbc.sql(LOCK_ALL).query(Long.class).list();
    }

    void reorder(List<String> keys) {
        jdbc.sql(PARK_POSITIONS).update();
        for (int i = 0; i < keys.size(); i++) {
            jdbc.sql(SET_POSITION).param("key", keys.get(i)).param("position", i + 1).update();
        }
        jdbc.sql(REBUILD_ROLLUPS).query((rs, row) -> 1).list();
    }

    static Stage stage(ResultSet rs) throws SQLException {
        return new Stage(rs.getLong("id"), rs.getString("key"), rs.getString("name"), rs.getInt("position"),
                rs.getBigDecimal("probability").stripTrailingZeros(), StageCategory.valueOf(rs.getString("category")));
    }
}

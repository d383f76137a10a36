package dev.relance.engine.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

@Repository
class TeamRepository {

    private static final String INSERT = """
            INSERT INTO team (name, created_at, updated_at) VALUES (:name, :now, :now) RETURNING *
            """;

    private static final String UPDATE = """
            UPDATE team SET name = :name, updated_at = :now WHERE id = :id RETURNING *
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM team WHERE id = :id
            """;

    // Teams are few (tens): the whole list, by name.
    private static final String LIST = """
            SELECT * FROM team ORDER BY name
            """;

    private static final String MEMBERS = """
            SELECT id FROM app_user WHERE team_id = :id ORDER BY id
            """;

    private static final String DELETE = """
            DELETE FROM team WHERE id = :id
            """;

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Team insert(TeamDraft draft, Instant now) {
        return jdbc.sql(INSERT).param("name", draft.name().strip()).param("now", Timestamps.of(now)).query(this::team)
                .single();
    }

    Optional<Team> update(long id, TeamDraft draft, Instant now) {
        return jdbc.sql(UPDATE).param("id", id).param("name", draft.name().strip()).param("now", Timestamps.of(now))
                .query(this::team).optional();
    }

    Optional<Team> find(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::team).optional();
    }

    List<Team> list() {
        return jdbc.sql(LIST).query(this::team).list();
    }

    List<Long> members(long id) {
        return jdbc.sql(MEMBERS).param("id", id).query(Long.class).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private Team team(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getString("name"), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}

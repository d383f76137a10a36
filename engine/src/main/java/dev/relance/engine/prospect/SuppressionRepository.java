package dev.relance.engine.prospect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

@Repository
class SuppressionRepository {

    private static final String INSERT = """
            INSERT INTO suppression (kind, value, reason, source, created_by, created_at)
            VALUES (:kind, :value, :reason, :source, :createdBy, :now)
            RETURNING *
            """;

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO suppression (kind, value, reason, source, created_at)
            VALUES (:kind, :value, :reason, :source, :now)
            ON CONFLICT (kind, value) DO NOTHING
            """;

    private static final String UPDATE_NOTE = """
            UPDATE suppression SET reason = :reason, source = :source WHERE id = :id
            RETURNING *
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM suppression WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM suppression
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND (CAST(:reason AS text) IS NULL OR reason = :reason)
               AND (CAST(:value AS citext) IS NULL OR value = CAST(:value AS citext))
             ORDER BY id DESC
             LIMIT :limit
            """;

    // One probe per kind, each answered by the (kind, value) unique index.
    private static final String MATCHING = """
            SELECT * FROM suppression
             WHERE (kind = 'ADDRESS' AND value = CAST(:address AS citext))
                OR (kind = 'DOMAIN' AND value = CAST(:domain AS citext))
                OR (kind = 'ADDRESS_HASH' AND value = CAST(:hash AS citext))
             ORDER BY id
             LIMIT 1
            """;

    // MATCHING for many addresses at once: the first entry matching each, keyed by the input's position.
    private static final String MATCHING_ANY = """
            SELECT c.position AS input_position, s.* FROM unnest(:addresses, :domains, :hashes)
                                                       WITH ORDINALITY AS c(address, domain, hash, position)
              JOIN LATERAL (SELECT * FROM suppression
                             WHERE (kind = 'ADDRESS' AND value = CAST(c.address AS citext))
                                OR (kind = 'DOMAIN' AND value = CAST(c.domain AS citext))
                                OR (kind = 'ADDRESS_HASH' AND value = CAST(c.hash AS citext))
                             ORDER BY id
                             LIMIT 1) s ON true
            """;

    private static final String DELETE = """
            DELETE FROM suppression WHERE id = :id
            """;

    private static final String DELETE_ADDRESS = """
            DELETE FROM suppression WHERE kind = 'ADDRESS' AND value = CAST(:address AS citext)
            """;

    private final JdbcClient jdbc;

    SuppressionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Suppression insert(SuppressionKind kind, String value, SuppressionReason reason, String source, Long createdBy,
            Instant now) {
        return jdbc.sql(INSERT).param("kind", kind.name()).param("value", value).param("reason", reason.name())
                .param("source", source).param("createdBy", createdBy).param("now", Timestamps.of(now))
                .query(SuppressionRepository::suppression).single();
    }

    boolean insertIfAbsent(SuppressionKind kind, String value, SuppressionReason reason, String source, Instant now) {
        return jdbc.sql(INSERT_IF_ABSENT).param("kind", kind.name()).param("value", value).param("reason", reason.name())
                .param("source", source).param("now", Timestamps.of(now)).update() == 1;
    }

    Optional<Suppression> updateNote(long id, SuppressionReason reason, String source) {
        return jdbc.sql(UPDATE_NOTE).param("id", id).param("reason", reason.name()).param("source", source)
                .query(SuppressionRepository::suppression).optional();
    }

    Optional<Suppression> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(SuppressionRepository::suppression).optional();
    }

    List<Suppression> list(PageRequest page, SuppressionKind kind, SuppressionReason reason, String value) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("kind", kind == null ? null : kind.name())
                .param("reason", reason == null ? null : reason.name()).param("value", value)
                .param("limit", page.fetchSize()).query(SuppressionRepository::suppression).list();
    }

    Optional<Suppression> matching(String address, String domain, String hash) {
        return jdbc.sql(MATCHING).param("address", address).param("domain", domain).param("hash", hash)
                .query(SuppressionRepository::suppression).optional();
    }

    /** For each position of the input lists that some entry matches: the first such entry. */
    Map<Integer, Suppression> matchingAny(List<String> addresses, List<String> domains, List<String> hashes) {
        Map<Integer, Suppression> found = new HashMap<>();
        jdbc.sql(MATCHING_ANY).param("addresses", SqlArrays.texts(addresses)).param("domains", SqlArrays.texts(domains))
                .param("hashes", SqlArrays.texts(hashes))
                .query((rs, row) -> found.put(rs.getInt("input_position") - 1, suppression(rs, row))).list();
        return found;
    }

    int deleteAddress(String address) {
        return jdbc.sql(DELETE_ADDRESS).param("address", address).update();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private static Suppression suppression(ResultSet rs, int row) throws SQLException {
        return new Suppression(rs.getLong("id"), SuppressionKind.valueOf(rs.getString("kind")), rs.getString("value"),
                SuppressionReason.valueOf(rs.getString("reason")), rs.getString("source"),
                rs.getObject("created_by", Long.class), Timestamps.instant(rs, "created_at"));
    }
}

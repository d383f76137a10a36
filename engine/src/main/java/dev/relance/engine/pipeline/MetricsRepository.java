package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** The SQL of the stage metrics: every query filters the opportunities by owner and source sequence. */
@Repository
class MetricsRepository {

    // Each opportunity's first entry into each stage within the period (stage_transition_period), then
    // whether it later reached a higher stage that is not LOST, at any time up to now
    // (stage_transition_opportunity). A skipped stage has no transition into it: not entered.
    private static final String ENTRIES = """
            WITH entries AS (
                SELECT t.opportunity_id, t.to_stage_id, min(t.changed_at) AS entered_at
                FROM stage_transition t JOIN opportunity o ON o.id = t.opportunity_id
                WHERE t.changed_at >= :from AND t.changed_at < :to
                  AND (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
                  AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId)
                GROUP BY t.opportunity_id, t.to_stage_id)
            SELECT e.to_stage_id AS stage_id, count(*) AS entered,
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM stage_transition later JOIN pipeline_stage ls ON ls.id = later.to_stage_id
                       WHERE later.opportunity_id = e.opportunity_id AND later.changed_at >= e.entered_at
                         AND ls.position > s.position AND ls.category <> 'LOST')) AS advanced
            FROM entries e JOIN pipeline_stage s ON s.id = e.to_stage_id
            GROUP BY e.to_stage_id
            """;

    // A stay in a stage runs from the transition into it to the opportunity's next transition; only
    // stays that ended in the period count (an opportunity still in a stage has no closed stay there).
    private static final String STAYS = """
            WITH stays AS (
                SELECT t.to_stage_id AS stage_id, t.changed_at AS entered_at,
                       lead(t.changed_at) OVER (PARTITION BY t.opportunity_id ORDER BY t.changed_at, t.id) AS left_at
                FROM stage_transition t JOIN opportunity o ON o.id = t.opportunity_id
                WHERE (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
                  AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId))
            SELECT stage_id, EXTRACT(EPOCH FROM left_at - entered_at) AS seconds
            FROM stays
            WHERE left_at >= :from AND left_at < :to
            """;

    // Opportunities now WON or LOST whose closing fell in the period (opportunity_closed). The first
    // touch is the first SENT event to the prospect or anyone at its account before the close
    // (event_sent_to_prospect); without one, the opportunity's creation.
    private static final String CLOSED = """
            SELECT o.id, s.category, o.amount, o.currency, o.closed_at,
                   COALESCE((SELECT min(ev.occurred_at) FROM event ev
                              WHERE ev.type = 'SENT' AND ev.occurred_at <= o.closed_at
                                AND ev.prospect_id IN (SELECT p.id FROM prospect p
                                                        WHERE p.id = o.prospect_id OR p.account_id = o.account_id)),
                            o.created_at) AS first_touch
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category IN ('WON', 'LOST') AND o.closed_at >= :from AND o.closed_at < :to
              AND (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
              AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId)
            """;

    // The open pipeline now, per currency (NULL: opportunities without an amount).
    private static final String OPEN_BY_CURRENCY = """
            SELECT o.currency, count(*) AS open_count, sum(o.amount) AS amount, sum(o.amount * s.probability) AS weighted
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category = 'OPEN'
              AND (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
              AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId)
            GROUP BY o.currency
            ORDER BY o.currency
            """;

    private static final String FORECAST = """
            SELECT to_char(o.expected_close_date, 'YYYY-MM') AS month, o.currency, count(*) AS open_count,
                   sum(o.amount) AS amount, sum(o.amount * s.probability) AS weighted
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category = 'OPEN' AND o.currency IS NOT NULL AND o.expected_close_date IS NOT NULL
              AND (CAST(:ownerId AS bigint) IS NULL OR o.owner_id = :ownerId)
              AND (CAST(:sequenceId AS bigint) IS NULL OR o.source_sequence_id = :sequenceId)
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;

    private final JdbcClient jdbc;

    MetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entries(long stageId, long entered, long advanced) {
    }

    record Stay(long stageId, BigDecimal seconds) {
    }

    record Closed(long id, StageCategory category, BigDecimal amount, String currency, Instant closedAt,
            Instant firstTouch) {
    }

    record Open(String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    record Forecast(String month, String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    List<Entries> entries(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(ENTRIES).param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Entries(rs.getLong("stage_id"), rs.getLong("entered"), rs.getLong("advanced")))
                .list();
    }

    List<Stay> stays(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(STAYS).param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Stay(rs.getLong("stage_id"), rs.getBigDecimal("seconds"))).list();
    }

    List<Closed> closed(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(CLOSED).param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Closed(rs.getLong("id"), StageCategory.valueOf(rs.getString("category")),
                        rs.getBigDecimal("amount"), rs.getString("currency"), Timestamps.instant(rs, "closed_at"),
                        Timestamps.instant(rs, "first_touch")))
                .list();
    }

    List<Open> open(Long ownerId, Long sequenceId) {
        return jdbc.sql(OPEN_BY_CURRENCY).param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Open(rs.getString("currency"), rs.getLong("open_count"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }

    List<Forecast> forecast(Long ownerId, Long sequenceId) {
        return jdbc.sql(FORECAST).param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Forecast(rs.getString("month"), rs.getString("currency"),
                        rs.getLong("open_count"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }
}

package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/**
 * The SQL of the stage metrics: every query filters the opportunities by owner and source sequence.
 * The filters are written into the SQL only when present ({owner}, {sequence}, {transitions}), so
 * that a filtered call reads the owner's or the sequence's opportunities through their indexes
 * rather than the whole period with a guard no generic plan can use.
 */
@Repository
class MetricsRepository {

    // Each opportunity's first entry into each stage within the period, then whether it later reached a
    // higher stage that is not LOST, at any time up to now. One pass over the transitions from the
    // period's start on (stage_transition_since): walking each opportunity's transitions from the
    // newest, "reached" is the highest non-LOST position entered at or after this one. A skipped stage
    // has no transition into it: not entered.
    private static final String ENTRIES = """
            WITH marked AS (
                SELECT t.opportunity_id, t.to_stage_id, t.changed_at, s.position,
                       max(CASE WHEN s.category <> 'LOST' THEN s.position END)
                           OVER (PARTITION BY t.opportunity_id ORDER BY t.changed_at DESC) AS reached
                FROM stage_transition t JOIN pipeline_stage s ON s.id = t.to_stage_id
                WHERE t.changed_at >= :from
                  AND {transitions}),
            entries AS (
                SELECT DISTINCT ON (opportunity_id, to_stage_id) to_stage_id, position, reached
                FROM marked
                WHERE changed_at < :to
                ORDER BY opportunity_id, to_stage_id, changed_at)
            SELECT to_stage_id AS stage_id, count(*) AS entered, count(*) FILTER (WHERE reached > position) AS advanced
            FROM entries
            GROUP BY to_stage_id
            """;

    // A stay in a stage runs from the transition into it to the opportunity's next transition, which
    // notes when the stay began (from_entered_at); only stays that ended in the period count (an
    // opportunity still in a stage has no closed stay there). Per stage: how many, their sum, and the
    // two middle values (equal when the count is odd) for the median.
    private static final String STAYS = """
            WITH stays AS (
                SELECT t.from_stage_id AS stage_id, EXTRACT(EPOCH FROM t.changed_at - t.from_entered_at) AS seconds
                FROM stage_transition t
                WHERE t.changed_at >= :from AND t.changed_at < :to AND t.from_entered_at IS NOT NULL
                  AND {transitions})
            SELECT stage_id, count(*) AS samples, sum(seconds) AS total,
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) AS low_middle,
                   percentile_disc(0.5 + 1e-12) WITHIN GROUP (ORDER BY seconds) AS high_middle
            FROM stays
            GROUP BY stage_id
            """;

    // Opportunities now WON or LOST whose closing fell in the period (opportunity_closed). The first
    // touch is the first SENT event to the prospect or anyone at its account before the close, noted
    // when it closed (first_touch_at, see OpportunityRepository); without one, the opportunity's creation.
    private static final String CLOSED = """
            SELECT o.id, s.category, o.amount, o.currency, o.closed_at,
                   COALESCE(o.first_touch_at, o.created_at) AS first_touch
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category IN ('WON', 'LOST') AND o.closed_at >= :from AND o.closed_at < :to
              AND {owner}
              AND {sequence}
            """;

    // The open pipeline now, per currency (NULL: opportunities without an amount).
    private static final String OPEN_BY_CURRENCY = """
            SELECT o.currency, count(*) AS open_count, sum(o.amount) AS amount, sum(o.amount * s.probability) AS weighted
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category = 'OPEN'
              AND {owner}
              AND {sequence}
            GROUP BY o.currency
            ORDER BY o.currency
            """;

    private static final String FORECAST = """
            SELECT to_char(o.expected_close_date, 'YYYY-MM') AS month, o.currency, count(*) AS open_count,
                   sum(o.amount) AS amount, sum(o.amount * s.probability) AS weighted
            FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
            WHERE s.category = 'OPEN' AND o.currency IS NOT NULL AND o.expected_close_date IS NOT NULL
              AND {owner}
              AND {sequence}
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;

    private final JdbcClient jdbc;

    private static String filtered(String sql, Long ownerId, Long sequenceId) {
        String owner = ownerId == null ? "TRUE" : "o.owner_id = :ownerId";
        String sequence = sequenceId == null ? "TRUE" : "o.source_sequence_id = :sequenceId";
        String transitions = ownerId == null && sequenceId == null ? "TRUE"
                : "t.opportunity_id IN (SELECT o.id FROM opportunity o WHERE " + owner + " AND " + sequence + ")";
        return sql.replace("{owner}", owner).replace("{sequence}", sequence).replace("{transitions}", transitions);
    }

    MetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entries(long stageId, long entered, long advanced) {
    }

    /** The stays in one stage: count, sum of their seconds, and the two middle values (sorted). */
    record Stays(long stageId, long samples, BigDecimal totalSeconds, BigDecimal lowMiddle, BigDecimal highMiddle) {
    }

    record Closed(long id, StageCategory category, BigDecimal amount, String currency, Instant closedAt,
            Instant firstTouch) {
    }

    record Open(String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    record Forecast(String month, String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    List<Entries> entries(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(filtered(ENTRIES, ownerId, sequenceId))
                .param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Entries(rs.getLong("stage_id"), rs.getLong("entered"), rs.getLong("advanced")))
                .list();
    }

    List<Stays> stays(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(filtered(STAYS, ownerId, sequenceId))
                .param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Stays(rs.getLong("stage_id"), rs.getLong("samples"),
                        rs.getBigDecimal("total"), rs.getBigDecimal("low_middle"), rs.getBigDecimal("high_middle")))
                .list();
    }

    List<Closed> closed(Instant from, Instant to, Long ownerId, Long sequenceId) {
        return jdbc.sql(filtered(CLOSED, ownerId, sequenceId))
                .param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Closed(rs.getLong("id"), StageCategory.valueOf(rs.getString("category")),
                        rs.getBigDecimal("amount"), rs.getString("currency"), Timestamps.instant(rs, "closed_at"),
                        Timestamps.instant(rs, "first_touch")))
                .list();
    }

    List<Open> open(Long ownerId, Long sequenceId) {
        return jdbc.sql(filtered(OPEN_BY_CURRENCY, ownerId, sequenceId))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Open(rs.getString("currency"), rs.getLong("open_count"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }

    List<Forecast> forecast(Long ownerId, Long sequenceId) {
        return jdbc.sql(filtered(FORECAST, ownerId, sequenceId))
                .param("ownerId", ownerId).param("sequenceId", sequenceId)
                .query((rs, row) -> new Forecast(rs.getString("month"), rs.getString("currency"),
                        rs.getLong("open_count"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }
}

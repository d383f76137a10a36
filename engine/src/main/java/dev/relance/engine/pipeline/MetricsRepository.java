package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/**
 * The SQL of the stage metrics, over the pipeline rollups that triggers keep in step with the
 * opportunities and their stage history (the V16 migration). Each rollup row is kept under
 * four grains, so a filter is one equality on two keys: the owner's id or {@link #EVERYONE}, the source
 * sequence's id or {@link #EVERYONE}. A team is its members' owner keys, summed (an owner's rows are
 * disjoint from another's). No statement reads the history or the opportunities.
 */
@Repository
class MetricsRepository {

    /** The key of "every owner" and "every source sequence" in the rollups. */
    static final long EVERYONE = -1;

    // Entries (first entries into a stage on those days), how many of them advanced, and the stays
    // that ended on those days: at most one row per day and stage (90 days × 7 stages).
    private static final String STAGES = """
            SELECT stage_id, sum(entered) AS entered, sum(advanced) AS advanced, sum(stays) AS stays,
                   sum(stay_seconds) AS stay_seconds
            FROM pipeline_stage_daily
            WHERE owner_key = ANY(:ownerKeys) AND sequence_key = :sequenceKey AND day >= :from AND day <= :to
            GROUP BY stage_id
            """;

    // The two middle values (equal when the count is odd) of the stays that ended in the period, per
    // stage, and of the sales cycles of the opportunities won in it (stage_id NULL). The only read of
    // single values, for exact medians. One range of pipeline_duration_period per stage (LATERAL), so
    // the rows come grouped by stage and only the medians' own sorts remain.
    private static final String MEDIANS = """
            SELECT s.id AS stage_id, m.low_middle, m.high_middle
            FROM pipeline_stage s
            CROSS JOIN LATERAL (
                SELECT count(*) AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY d.micros) AS low_middle,
                       percentile_disc(0.5 + 1e-12) WITHIN GROUP (ORDER BY d.micros) AS high_middle
                FROM pipeline_duration d
                WHERE d.owner_key = ANY(:ownerKeys) AND d.sequence_key = :sequenceKey AND d.stage_id = s.id
                  AND d.ended_at >= :from AND d.ended_at < :to) m
            WHERE m.n > 0
            UNION ALL
            SELECT NULL, percentile_disc(0.5) WITHIN GROUP (ORDER BY micros),
                   percentile_disc(0.5 + 1e-12) WITHIN GROUP (ORDER BY micros)
            FROM pipeline_duration
            WHERE owner_key = ANY(:ownerKeys) AND sequence_key = :sequenceKey AND stage_id IS NULL
              AND ended_at >= :from AND ended_at < :to
            HAVING count(*) > 0
            """;

    // Opportunities now WON or LOST that closed in the period, per category and currency (NULL: no
    // amount). Rows taken back to zero by a reopening stay in the table: HAVING leaves them out.
    private static final String CLOSED = """
            SELECT category, currency, sum(closed) AS closed, sum(amount) AS amount, sum(cycle_seconds) AS cycle_seconds
            FROM pipeline_closed_daily
            WHERE owner_key = ANY(:ownerKeys) AND sequence_key = :sequenceKey AND day >= :from AND day <= :to
            GROUP BY category, currency
            HAVING sum(closed) <> 0
            """;

    // The open pipeline now, per currency (NULL: opportunities without an amount), weighted by the
    // stages' probabilities as they are now.
    private static final String OPEN_BY_CURRENCY = """
            SELECT r.currency, sum(r.open_count) AS open_count, sum(r.amount) AS amount,
                   sum(r.amount * s.probability) AS weighted
            FROM pipeline_open r JOIN pipeline_stage s ON s.id = r.stage_id
            WHERE r.owner_key = ANY(:ownerKeys) AND r.sequence_key = :sequenceKey AND s.category = 'OPEN'
            GROUP BY r.currency
            HAVING sum(r.open_count) <> 0
            ORDER BY r.currency
            """;

    private static final String FORECAST = """
            SELECT to_char(r.close_month, 'YYYY-MM') AS month, r.currency, sum(r.open_count) AS open_count,
                   sum(r.amount) AS amount, sum(r.amount * s.probability) AS weighted
            FROM pipeline_open r JOIN pipeline_stage s ON s.id = r.stage_id
            WHERE r.owner_key = ANY(:ownerKeys) AND r.sequence_key = :sequenceKey AND s.category = 'OPEN'
              AND r.currency IS NOT NULL AND r.close_month IS NOT NULL
            GROUP BY 1, 2
            HAVING sum(r.open_count) <> 0
            ORDER BY 1, 2
            """;

    private final JdbcClient jdbc;

    MetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rollup keys of a filter: the owners whose rows are summed ({@link #EVERYONE} alone when no
     * owner or team is asked; none for a team without members) and the source sequence.
     */
    record Keys(List<Long> owners, long sequence) {

        /** @param team the members of the team asked, or null for no team filter */
        static Keys of(Long ownerId, List<Long> team, Long sequenceId) {
            List<Long> owners;
            if (team == null) {
                owners = List.of(ownerId == null ? EVERYONE : ownerId);
            } else {
                owners = ownerId == null ? List.copyOf(team) : team.stream().filter(ownerId::equals).toList();
            }
            return new Keys(owners, sequenceId == null ? EVERYONE : sequenceId);
        }
    }

    record StageTotals(long stageId, long entered, long advanced, long stays, BigDecimal staySeconds) {
    }

    /**
     * The middle values, in seconds, of the stays in one stage, or of the sales cycles when {@code stageId}
     * is null.
     */
    record Middles(Long stageId, BigDecimal low, BigDecimal high) {
    }

    record Closed(StageCategory category, String currency, long count, BigDecimal amount, BigDecimal cycleSeconds) {
    }

    record Open(String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    record Forecast(String month, String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    List<StageTotals> stages(LocalDate from, LocalDate to, Keys keys) {
        return jdbc.sql(STAGES).param("ownerKeys", SqlArrays.bigints(keys.owners())).param("sequenceKey", keys.sequence())
                .param("from", from).param("to", to)
                .query((rs, row) -> new StageTotals(rs.getLong("stage_id"), rs.getLong("entered"),
                        rs.getLong("advanced"), rs.getLong("stays"), rs.getBigDecimal("stay_seconds")))
                .list();
    }

    List<Middles> medians(Instant from, Instant to, Keys keys) {
        return jdbc.sql(MEDIANS).param("ownerKeys", SqlArrays.bigints(keys.owners())).param("sequenceKey", keys.sequence())
                .param("from", Timestamps.of(from)).param("to", Timestamps.of(to))
                .query((rs, row) -> new Middles(rs.getObject("stage_id", Long.class), seconds(rs.getLong("low_middle")),
                        seconds(rs.getLong("high_middle"))))
                .list();
    }

    private static BigDecimal seconds(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }

    List<Closed> closed(LocalDate from, LocalDate to, Keys keys) {
        return jdbc.sql(CLOSED).param("ownerKeys", SqlArrays.bigints(keys.owners())).param("sequenceKey", keys.sequence())
                .param("from", from).param("to", to)
                .query((rs, row) -> new Closed(StageCategory.valueOf(rs.getString("category")),
                        rs.getString("currency"), rs.getLong("closed"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("cycle_seconds")))
                .list();
    }

    List<Open> open(Keys keys) {
        return jdbc.sql(OPEN_BY_CURRENCY).param("ownerKeys", SqlArrays.bigints(keys.owners())).param("sequenceKey", keys.sequence())
                .query((rs, row) -> new Open(rs.getString("currency"), rs.getLong("open_count"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }

    List<Forecast> forecast(Keys keys) {
        return jdbc.sql(FORECAST).param("ownerKeys", SqlArrays.bigints(keys.owners())).param("sequenceKey", keys.sequence())
                .query((rs, row) -> new Forecast(rs.getString("month"), rs.getString("currency"),
                        rs.getLong("open_count"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }
}

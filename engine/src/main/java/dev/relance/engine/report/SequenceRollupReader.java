package dev.relance.engine.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/**
 * The reads of sequence reports: rollup sums, live enrollment counts (one sequence's: index-only on
 * enrollment_report_states; every sequence's: the state counters of V16) and opportunities credited to
 * sequences. Never the event table.
 * {@code CAST(:ownerId AS bigint) IS NULL} is "everyone's figures".
 */
@Repository
class SequenceRollupReader {

    record Header(long id, String name, String status) {
    }

    record StepVariant(long stepId, int position, String type, Long variantId, String label) {
    }

    /** Sums for one step and variant (0 = none), or for one sequence (step and variant 0). */
    record Row(long sequenceId, long stepId, long variantId, Tally tally) {
    }

    record StateCount(long sequenceId, String state, Long currentStepId, long count) {
    }

    record OpportunityRow(long sequenceId, long stepId, long variantId, String category, String currency, long count,
            BigDecimal amount) {
    }

    private static final String HEADER = """
            SELECT id, name, status FROM sequence WHERE id = :id
            """;

    private static final String HEADERS = """
            SELECT id, name, status FROM sequence ORDER BY id
            """;

    private static final String STEP_VARIANTS = """
            SELECT s.id AS step_id, s.position, s.type, v.id AS variant_id, v.label
            FROM sequence_step s LEFT JOIN step_variant v ON v.step_id = s.id
            WHERE s.sequence_id = :id
            ORDER BY s.position, v.label
            """;

    // Every counter of the daily rollup, summed: per step and variant of one sequence (:byVariant), or
    // per sequence (step and variant 0) of one sequence or of all (:sequenceId null). With a sequence,
    // the primary key (sequence_id, day, ...) bounds the scan to its days in the period.
    private static final String SUMS = """
            SELECT sequence_id,
                   CASE WHEN :byVariant THEN step_id ELSE 0 END AS step_id,
                   CASE WHEN :byVariant THEN variant_id ELSE 0 END AS variant_id,
                   sum(sent) AS sent, sum(bounced_hard) AS bounced_hard, sum(bounced_soft) AS bounced_soft,
                   sum(bounced_at_send) AS bounced_at_send, sum(bounced_after_send) AS bounced_after_send,
                   sum(opened_human) AS opened_human, sum(opened_machine) AS opened_machine,
                   sum(opens_human_total) AS opens_human_total, sum(opens_machine_total) AS opens_machine_total,
                   sum(clicked_human) AS clicked_human, sum(clicked_machine) AS clicked_machine,
                   sum(clicks_human_total) AS clicks_human_total, sum(clicks_machine_total) AS clicks_machine_total,
                   sum(replied) AS replied, sum(interested) AS interested, sum(out_of_office) AS out_of_office,
                   sum(unsubscribed) AS unsubscribed, sum(complained) AS complained, sum(meetings) AS meetings
            FROM report_sequence_daily
            WHERE (CAST(:sequenceId AS bigint) IS NULL OR sequence_id = CAST(:sequenceId AS bigint))
              AND day BETWEEN :from AND :to
              AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint))
            GROUP BY 1, 2, 3
            """;

    private static final String STATES = """
            SELECT sequence_id, state, current_step_id, count(*) AS n
            FROM enrollment
            WHERE sequence_id = :id AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint))
            GROUP BY sequence_id, state, current_step_id
            """;

    // Every sequence's enrollments per state: the folded counts plus the changes committed since the
    // last fold (V16), a few thousand rows instead of the whole enrollment table.
    private static final String ALL_STATES = """
            SELECT sequence_id, state, NULL::bigint AS current_step_id, sum(n) AS n
            FROM (SELECT sequence_id, owner_id, state, n FROM report_enrollment_states
                  UNION ALL
                  SELECT sequence_id, owner_id, state, n FROM report_enrollment_state_delta) counts
            WHERE CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint)
            GROUP BY sequence_id, state
            HAVING sum(n) <> 0
            """;

    // Opportunities credited to a sequence, created in the period; stage categories say open, won or lost.
    private static final String OPPORTUNITIES = """
            SELECT o.source_sequence_id AS sequence_id, coalesce(o.source_step_id, 0) AS step_id,
                   coalesce(o.source_variant_id, 0) AS variant_id, ps.category, o.currency, count(*) AS n,
                   sum(o.amount) AS amount
            FROM opportunity o JOIN pipeline_stage ps ON ps.id = o.stage_id
            WHERE o.source_sequence_id = :id AND o.created_at >= :start AND o.created_at < :end
              AND (CAST(:ownerId AS bigint) IS NULL OR o.source_owner_id = CAST(:ownerId AS bigint))
            GROUP BY 1, 2, 3, 4, 5
            """;

    private static final String ALL_OPPORTUNITIES = """
            SELECT o.source_sequence_id AS sequence_id, 0 AS step_id, 0 AS variant_id, ps.category, o.currency,
                   count(*) AS n, sum(o.amount) AS amount
            FROM opportunity o JOIN pipeline_stage ps ON ps.id = o.stage_id
            WHERE o.source_sequence_id IS NOT NULL AND o.created_at >= :start AND o.created_at < :end
              AND (CAST(:ownerId AS bigint) IS NULL OR o.source_owner_id = CAST(:ownerId AS bigint))
            GROUP BY 1, 2, 3, 4, 5
            """;

    private final JdbcClient jdbc;

    SequenceRollupReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Header> header(long id) {
        return jdbc.sql(HEADER).param("id", id).query(Header.class).optional();
    }

    List<Header> headers() {
        return jdbc.sql(HEADERS).query(Header.class).list();
    }

    List<StepVariant> stepVariants(long id) {
        return jdbc.sql(STEP_VARIANTS).param("id", id)
                .query((rs, n) -> new StepVariant(rs.getLong("step_id"), rs.getInt("position"), rs.getString("type"),
                        rs.getObject("variant_id", Long.class), rs.getString("label")))
                .list();
    }

    List<Row> byVariant(long id, ReportPeriod period, Long ownerId) {
        return sums(id, true, period, ownerId);
    }

    List<Row> bySequence(ReportPeriod period, Long ownerId) {
        return sums(null, false, period, ownerId);
    }

    private List<Row> sums(Long sequenceId, boolean byVariant, ReportPeriod period, Long ownerId) {
        return jdbc.sql(SUMS).param("sequenceId", sequenceId).param("byVariant", byVariant)
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("ownerId", ownerId).query(SequenceRollupReader::row).list();
    }

    List<StateCount> states(long id, Long ownerId) {
        return jdbc.sql(STATES).param("id", id).param("ownerId", ownerId).query(SequenceRollupReader::stateCount).list();
    }

    List<StateCount> allStates(Long ownerId) {
        return jdbc.sql(ALL_STATES).param("ownerId", ownerId).query(SequenceRollupReader::stateCount).list();
    }

    List<OpportunityRow> opportunities(long id, ReportPeriod period, Long ownerId) {
        return jdbc.sql(OPPORTUNITIES).param("id", id).param("start", Timestamps.of(period.startInstant()))
                .param("end", Timestamps.of(period.endInstant())).param("ownerId", ownerId)
                .query(SequenceRollupReader::opportunity).list();
    }

    List<OpportunityRow> allOpportunities(ReportPeriod period, Long ownerId) {
        return jdbc.sql(ALL_OPPORTUNITIES).param("start", Timestamps.of(period.startInstant()))
                .param("end", Timestamps.of(period.endInstant())).param("ownerId", ownerId)
                .query(SequenceRollupReader::opportunity).list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("sequence_id"), rs.getLong("step_id"), rs.getLong("variant_id"), Tally.read(rs));
    }

    private static StateCount stateCount(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StateCount(rs.getLong("sequence_id"), rs.getString("state"),
                rs.getObject("current_step_id", Long.class), rs.getLong("n"));
    }

    private static OpportunityRow opportunity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OpportunityRow(rs.getLong("sequence_id"), rs.getLong("step_id"), rs.getLong("variant_id"),
                rs.getString("category"), rs.getString("currency"), rs.getLong("n"), rs.getBigDecimal("amount"));
    }
}

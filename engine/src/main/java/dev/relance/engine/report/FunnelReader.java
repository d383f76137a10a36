package dev.relance.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funnel of a sequence: touched, replied and interested prospects from the
 * report_sequence_prospect rollup; then, from the opportunities credited to the sequence, the
 * prospects whose opportunity ever reached SAL, SQL, OPPORTUNITY (or a later open stage, or won) and
 * CLOSED_WON. "Reached" reads the current stage and every stage_transition, and ignores lost stages:
 * an opportunity lost after SQL counts at SAL and SQL. Stages are found by key; a missing key counts 0.
 */
@Repository
class FunnelReader {

    private static final String FIRST_STEPS = """
            SELECT count(*) FILTER (WHERE touched_at IS NOT NULL) AS touched,
                   count(*) FILTER (WHERE replied_at IS NOT NULL) AS replied,
                   count(*) FILTER (WHERE interested_at IS NOT NULL) AS interested
            FROM report_sequence_prospect
            WHERE sequence_id = :id AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = CAST(:ownerId AS bigint))
            """;

    // A prospect counts once per stage, whichever of its opportunities got there (an opportunity
    // without a prospect counts for itself).
    private static final String STAGES = """
            WITH reached AS (
                SELECT coalesce(o.prospect_id, -o.id) AS who,
                       max(ps.position) FILTER (WHERE ps.category <> 'LOST') AS top,
                       bool_or(ps.category = 'WON') AS won
                FROM opportunity o
                CROSS JOIN LATERAL (SELECT o.stage_id AS stage_id
                                    UNION ALL
                                    SELECT st.to_stage_id FROM stage_transition st WHERE st.opportunity_id = o.id) s
                JOIN pipeline_stage ps ON ps.id = s.stage_id
                WHERE o.source_sequence_id = :id
                  AND (CAST(:ownerId AS bigint) IS NULL OR o.source_owner_id = CAST(:ownerId AS bigint))
                GROUP BY o.id, o.prospect_id
            ), positions AS (
                SELECT (SELECT position FROM pipeline_stage WHERE key = 'SAL') AS sal,
                       (SELECT position FROM pipeline_stage WHERE key = 'SQL') AS sql,
                       (SELECT position FROM pipeline_stage WHERE key = 'OPPORTUNITY') AS opportunity
            )
            SELECT count(DISTINCT who) FILTER (WHERE top >= p.sal) AS sal,
                   count(DISTINCT who) FILTER (WHERE top >= p.sql) AS sql,
                   count(DISTINCT who) FILTER (WHERE top >= p.opportunity) AS opportunity,
                   count(DISTINCT who) FILTER (WHERE won) AS won
            FROM reached CROSS JOIN positions p
            """;

    private final JdbcClient jdbc;

    FunnelReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SequenceFunnel.Step> steps(long sequenceId, Long ownerId) {
        Map<String, Object> first = jdbc.sql(FIRST_STEPS).param("id", sequenceId).param("ownerId", ownerId)
                .query().singleRow();
        Map<String, Object> stages = jdbc.sql(STAGES).param("id", sequenceId).param("ownerId", ownerId)
                .query().singleRow();
        long[] counts = {count(first, "touched"), count(first, "replied"), count(first, "interested"),
            count(stages, "sal"), count(stages, "sql"), count(stages, "opportunity"), count(stages, "won")};
        String[][] names = {{"touched", "Prospects touched"}, {"replied", "Replied"}, {"interested", "Interested"},
            {"sal", "Sales Accepted Lead"}, {"sql", "Sales Qualified Lead"}, {"opportunity", "Opportunity"},
            {"won", "Closed Won"}};
        List<SequenceFunnel.Step> steps = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Rate fromPrevious = i == 0 ? null : Rate.of(counts[i], names[i][0], counts[i - 1], names[i - 1][0]);
            Rate fromTouched = i == 0 ? null : Rate.of(counts[i], names[i][0], counts[0], names[0][0]);
            steps.add(new SequenceFunnel.Step(names[i][0], names[i][1], counts[i], fromPrevious, fromTouched));
        }
        return steps;
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}

package dev.relance.engine.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.support.Timestamps;

/**
 * The append-only history of stages: every change is a stage_transition row and a STAGE_CHANGED
 * event (data: opportunityId, from, to, reason), written in the caller's transaction. A trigger
 * refuses updates and deletes of transitions.
 */
@Repository
class StageHistory {

    // from_entered_at: when the opportunity entered the stage it leaves, i.e. its latest transition so far
    // (the stay that this transition ends, for the time-in-stage metrics).
    private static final String INSERT = """
            INSERT INTO stage_transition (opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at, reason,
                                          message_id, from_entered_at)
            VALUES (:opportunityId, :fromStageId, :toStageId, :changedBy, :at, :reason, :messageId,
                    (SELECT p.changed_at FROM stage_transition p WHERE p.opportunity_id = :opportunityId
                      ORDER BY p.changed_at DESC, p.id DESC LIMIT 1))
            """;

    private static final String OF_OPPORTUNITY = """
            SELECT t.*, f.key AS from_key, s.key AS to_key
            FROM stage_transition t
            LEFT JOIN pipeline_stage f ON f.id = t.from_stage_id
            JOIN pipeline_stage s ON s.id = t.to_stage_id
            WHERE t.opportunity_id = :opportunityId
            ORDER BY t.changed_at, t.id
            """;

    private final JdbcClient jdbc;
    private final EventLog events;

    StageHistory(JdbcClient jdbc, EventLog events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records that {@code opportunity} (as it is after the change) went from {@code from} to {@code to}. */
    void record(Opportunity opportunity, Stage from, Stage to, Long changedBy, Instant at, String reason,
            Long messageId) {
        jdbc.sql(INSERT).param("opportunityId", opportunity.id()).param("fromStageId", from == null ? null : from.id())
                .param("toStageId", to.id()).param("changedBy", changedBy).param("at", Timestamps.of(at))
                .param("reason", reason).param("messageId", messageId).update();
        Map<String, Object> data = new HashMap<>();
        data.put("opportunityId", opportunity.id());
        data.put("from", from == null ? null : from.key());
        data.put("to", to.key());
        data.put("changedBy", changedBy);
        data.put("reason", reason);
        OpportunitySource source = opportunity.source();
        events.append(new NewEvent(EventType.STAGE_CHANGED, at, messageId, null, source.sequenceId(), source.stepId(),
                source.variantId(), opportunity.prospectId(), source.mailboxId(), opportunity.ownerId(), null, data));
    }

    List<StageTransition> of(long opportunityId) {
        return jdbc.sql(OF_OPPORTUNITY).param("opportunityId", opportunityId)
                .query((rs, row) -> new StageTransition(rs.getLong("id"), rs.getLong("opportunity_id"),
                        rs.getString("from_key"), rs.getString("to_key"), rs.getObject("changed_by", Long.class),
                        Timestamps.instant(rs, "changed_at"), rs.getString("reason"),
                        rs.getObject("message_id", Long.class)))
                .list();
    }
}

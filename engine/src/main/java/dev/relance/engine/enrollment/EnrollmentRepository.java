package dev.relance.engine.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

@Repository
class EnrollmentRepository {

    private static final String INSERT = """
            INSERT INTO enrollment (prospect_id, sequence_id, mailbox_id, owner_id, state, current_step_id, next_run_at,
                                    created_by, created_at, updated_at)
            VALUES (:prospectId, :sequenceId, :mailboxId, :ownerId, 'ACTIVE', :firstStepId, :nextRunAt, :createdBy, :now, :now)
            RETURNING *
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM enrollment WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM enrollment
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:sequenceId AS bigint) IS NULL OR sequence_id = :sequenceId)
               AND (CAST(:prospectId AS bigint) IS NULL OR prospect_id = :prospectId)
               AND (CAST(:state AS text) IS NULL OR state = :state)
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
             ORDER BY id DESC
             LIMIT :limit
            """;

    // Exclusivity works both ways: an exclusive sequence admits no prospect busy elsewhere, and a
    // prospect in an exclusive sequence joins no other.
    private static final String BLOCKED_BY_EXCLUSIVITY = """
            SELECT EXISTS (
                SELECT 1 FROM enrollment e JOIN sequence s ON s.id = e.sequence_id
                 WHERE e.prospect_id = :prospectId AND e.sequence_id <> :sequenceId
                   AND e.state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
                   AND (s.exclusive OR :exclusive))
            """;

    // Compare-and-set on the state read: a concurrent change (a dispatcher, another click) makes
    // this update 0 rows, and the caller reports the conflict instead of overwriting it.
    private static final String TRANSITION = """
            UPDATE enrollment
               SET state = :state, state_reason = :reason, next_run_at = :nextRunAt, paused_until = NULL,
                   finished_at = :finishedAt, updated_at = :now, version = version + 1
             WHERE id = :id AND state = :fromState
            RETURNING *
            """;


    // One probe of the one-live-per-sequence index per prospect. Written as "sequence_id = :sequenceId
    // AND prospect_id = ANY(:prospectIds)", the planner scanned every enrollment of the sequence once
    // it held most of them: a bulk enrollment job's chunks then cost more and more.
    private static final String LIVE_IN_SEQUENCE = """
            SELECT e.prospect_id
              FROM unnest(:prospectIds) AS p(id)
              JOIN LATERAL (SELECT prospect_id FROM enrollment
                             WHERE prospect_id = p.id AND sequence_id = :sequenceId
                               AND state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
                             LIMIT 1) e ON true
            """;

    // BLOCKED_BY_EXCLUSIVITY for many prospects at once: those that may not join.
    private static final String ANY_BLOCKED_BY_EXCLUSIVITY = """
            SELECT DISTINCT e.prospect_id FROM enrollment e JOIN sequence s ON s.id = e.sequence_id
             WHERE e.prospect_id = ANY(:prospectIds) AND e.sequence_id <> :sequenceId
               AND e.state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
               AND (s.exclusive OR :exclusive)
            """;

    // INSERT for many prospects in one statement. A prospect that became live in the sequence
    // meanwhile hits the one-live-per-sequence index and is left out instead of failing the chunk.
    private static final String INSERT_ALL = """
            INSERT INTO enrollment (prospect_id, sequence_id, mailbox_id, owner_id, state, current_step_id, next_run_at,
                                    created_by, created_at, updated_at)
            SELECT c.prospect_id, :sequenceId, c.mailbox_id, :ownerId, 'ACTIVE', :firstStepId, c.next_run_at, :createdBy,
                   :now, :now
              FROM unnest(:prospectIds, :mailboxIds, :nextRunAts) AS c(prospect_id, mailbox_id, next_run_at)
            ON CONFLICT (prospect_id, sequence_id) WHERE state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
            DO NOTHING
            RETURNING prospect_id, id
            """;

    private final JdbcClient jdbc;

    EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Enrollment insert(long prospectId, long sequenceId, long firstStepId, long mailboxId, long ownerId, Instant nextRunAt,
            Long createdBy, Instant now) {
        return jdbc.sql(INSERT).param("prospectId", prospectId).param("sequenceId", sequenceId)
                .param("firstStepId", firstStepId)
                .param("mailboxId", mailboxId).param("ownerId", ownerId).param("nextRunAt", Timestamps.of(nextRunAt))
                .param("createdBy", createdBy).param("now", Timestamps.of(now))
                .query(EnrollmentRepository::enrollment).single();
    }

    Optional<Enrollment> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(EnrollmentRepository::enrollment).optional();
    }


    List<Enrollment> list(PageRequest page, EnrollmentFilter filter) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("sequenceId", filter.sequenceId())
                .param("prospectId", filter.prospectId())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("ownerId", filter.ownerId()).param("limit", page.fetchSize())
                .query(EnrollmentRepository::enrollment).list();
    }

    Set<Long> liveInSequence(Collection<Long> prospectIds, long sequenceId) {
        return Set.copyOf(jdbc.sql(LIVE_IN_SEQUENCE).param("sequenceId", sequenceId)
                .param("prospectIds", SqlArrays.bigints(prospectIds)).query(Long.class).list());
    }

    Set<Long> anyBlockedByExclusivity(Collection<Long> prospectIds, long sequenceId, boolean exclusive) {
        return Set.copyOf(jdbc.sql(ANY_BLOCKED_BY_EXCLUSIVITY).param("sequenceId", sequenceId)
                .param("prospectIds", SqlArrays.bigints(prospectIds)).param("exclusive", exclusive)
                .query(Long.class).list());
    }

    /** Inserts the enrollments given by position in the lists; returns the new ids by prospect. */
    Map<Long, Long> insertAll(List<Long> prospectIds, List<Long> mailboxIds, List<Instant> nextRunAts, long sequenceId,
            long firstStepId, long ownerId, Long createdBy, Instant now) {
        Map<Long, Long> inserted = new HashMap<>();
        if (prospectIds.isEmpty()) {
            return inserted;
        }
        jdbc.sql(INSERT_ALL).param("prospectIds", SqlArrays.bigints(prospectIds))
                .param("mailboxIds", SqlArrays.bigints(mailboxIds)).param("nextRunAts", SqlArrays.timestamps(nextRunAts))
                .param("sequenceId", sequenceId).param("firstStepId", firstStepId).param("ownerId", ownerId)
                .param("createdBy", createdBy).param("now", Timestamps.of(now))
                .query((rs, n) -> inserted.put(rs.getLong("prospect_id"), rs.getLong("id"))).list();
        return inserted;
    }

    boolean blockedByExclusivity(long prospectId, long sequenceId, boolean exclusive) {
        return jdbc.sql(BLOCKED_BY_EXCLUSIVITY).param("prospectId", prospectId).param("sequenceId", sequenceId)
                .param("exclusive", exclusive).query(Boolean.class).single();
    }

    Optional<Enrollment> transition(long id, EnrollmentState from, EnrollmentState state, String reason,
            Instant nextRunAt, Instant finishedAt, Instant now) {
        return jdbc.sql(TRANSITION).param("id", id).param("fromState", from.name())
                .param("state", state.name())
                .param("reason", reason).param("nextRunAt", Timestamps.of(nextRunAt))
                .param("finishedAt", Timestamps.of(finishedAt)).param("now", Timestamps.of(now))
                .query(EnrollmentRepository::enrollment).optional();
    }

    private static Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        return new Enrollment(rs.getLong("id"), rs.getLong("prospect_id"), rs.getLong("sequence_id"),
                rs.getObject("mailbox_id", Long.class), rs.getLong("owner_id"),
                EnrollmentState.valueOf(rs.getString("state")), rs.getString("state_reason"),
                rs.getObject("current_step_id", Long.class),
                Timestamps.instant(rs, "next_run_at"), Timestamps.instant(rs, "paused_until"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"),
                Timestamps.instant(rs, "finished_at"));
    }
}

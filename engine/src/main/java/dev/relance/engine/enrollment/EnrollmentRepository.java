package dev.relance.engine.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
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

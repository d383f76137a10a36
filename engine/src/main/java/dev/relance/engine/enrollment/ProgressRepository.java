package dev.relance.engine.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** The enrollment rows as the dispatcher moves them: claimed, released, advanced, ended. */
@Repository
class ProgressRepository {

    // SKIP LOCKED lets any number of dispatchers claim side by side without waiting on each other
    // or taking the same row; paused sequences and mailboxes are not even claimed.
    private static final String CLAIM_DUE = """
            UPDATE enrollment SET claim_token = :token, claimed_until = :leaseEnd
             WHERE id IN (SELECT e.id FROM enrollment e
                            JOIN sequence s ON s.id = e.sequence_id AND s.status = 'ACTIVE'
                            JOIN mailbox m ON m.id = e.mailbox_id AND m.status = 'ACTIVE'
                           WHERE e.state = 'ACTIVE' AND e.next_run_at <= :now
                             AND (e.claimed_until IS NULL OR e.claimed_until < :now)
                           ORDER BY e.next_run_at
                           LIMIT :limit
                             FOR UPDATE OF e SKIP LOCKED)
            RETURNING id, prospect_id, sequence_id, mailbox_id, owner_id, current_step_id, next_run_at, claim_token
            """;

    // Taken in the transaction that sends: a pause of the enrollment, its sequence or its mailbox
    // waits for this send to finish, and a pause that came first makes this return nothing.
    private static final String LOCK_FOR_SEND = """
            SELECT e.id FROM enrollment e
              JOIN sequence s ON s.id = e.sequence_id
              JOIN mailbox m ON m.id = e.mailbox_id
             WHERE e.id = :id AND e.claim_token = :token AND e.state = 'ACTIVE'
               AND s.status = 'ACTIVE' AND m.status = 'ACTIVE'
               FOR UPDATE OF e FOR SHARE OF s, m
            """;

    private static final String RELEASE = """
            UPDATE enrollment SET next_run_at = :nextRunAt, claim_token = NULL, claimed_until = NULL, updated_at = :now
             WHERE id = :id AND claim_token = :token
            """;

    private static final String ADVANCE = """
            UPDATE enrollment
               SET current_step_id = :nextStepId, next_run_at = :nextRunAt, claim_token = NULL, claimed_until = NULL,
                   state = CASE WHEN CAST(:nextStepId AS bigint) IS NULL THEN 'FINISHED' ELSE 'ACTIVE' END,
                   finished_at = CASE WHEN CAST(:nextStepId AS bigint) IS NULL THEN :now END,
                   state_reason = CASE WHEN CAST(:nextStepId AS bigint) IS NULL THEN 'every step ran' END,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND state IN ('ACTIVE', 'WAITING_TASK') AND current_step_id = :stepId
            """;

    // A manual email approved by its owner: back to ACTIVE on the same step, due now.
    private static final String RESUME_STEP = """
            UPDATE enrollment SET state = 'ACTIVE', state_reason = NULL, next_run_at = :now, updated_at = :now,
                   version = version + 1
             WHERE id = :id AND state = 'WAITING_TASK' AND current_step_id = :stepId
            """;

    private static final String SET_STATE_CLAIMED = """
            UPDATE enrollment
               SET state = :state, state_reason = :reason, claim_token = NULL, claimed_until = NULL,
                   next_run_at = CASE WHEN CAST(:state AS text) IN ('ACTIVE', 'WAITING_TASK', 'NEEDS_ATTENTION', 'PAUSED')
                                      THEN next_run_at END,
                   finished_at = CASE WHEN CAST(:state AS text) IN ('ACTIVE', 'WAITING_TASK', 'NEEDS_ATTENTION', 'PAUSED')
                                      THEN NULL ELSE :now END,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND claim_token = :token AND state = 'ACTIVE'
            """;

    private static final String FLAG = """
            UPDATE enrollment
               SET state = 'NEEDS_ATTENTION', state_reason = :reason, claim_token = NULL, claimed_until = NULL,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND state IN ('ACTIVE', 'WAITING_TASK')
            """;

    private static final String END_LIVE = """
            UPDATE enrollment
               SET state = :state, state_reason = :reason, claim_token = NULL, claimed_until = NULL, next_run_at = NULL,
                   finished_at = :now, updated_at = :now, version = version + 1
             WHERE id = :id AND state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
            """;

    private static final String LIVE_OF_PROSPECT = """
            SELECT id FROM enrollment
             WHERE prospect_id = :prospectId AND state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
            """;

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClaimedEnrollment> claimDue(int limit, Instant now, Instant leaseEnd) {
        return jdbc.sql(CLAIM_DUE).param("token", UUID.randomUUID()).param("leaseEnd", Timestamps.of(leaseEnd))
                .param("now", Timestamps.of(now)).param("limit", limit).query(ProgressRepository::claimed).list();
    }

    boolean lockForSend(ClaimedEnrollment claimed) {
        return jdbc.sql(LOCK_FOR_SEND).param("id", claimed.id()).param("token", claimed.claimToken())
                .query(Long.class).optional().isPresent();
    }

    boolean release(ClaimedEnrollment claimed, Instant nextRunAt, Instant now) {
        return jdbc.sql(RELEASE).param("id", claimed.id()).param("token", claimed.claimToken())
                .param("nextRunAt", Timestamps.of(nextRunAt)).param("now", Timestamps.of(now)).update() == 1;
    }

    boolean advance(long id, long stepId, Long nextStepId, Instant nextRunAt, Instant now) {
        return jdbc.sql(ADVANCE).param("id", id).param("stepId", stepId).param("nextStepId", nextStepId)
                .param("nextRunAt", Timestamps.of(nextRunAt)).param("now", Timestamps.of(now)).update() == 1;
    }

    boolean resumeStep(long id, long stepId, Instant now) {
        return jdbc.sql(RESUME_STEP).param("id", id).param("stepId", stepId).param("now", Timestamps.of(now)).update() == 1;
    }

    boolean setStateOfClaimed(ClaimedEnrollment claimed, EnrollmentState state, String reason, Instant now) {
        return jdbc.sql(SET_STATE_CLAIMED).param("id", claimed.id()).param("token", claimed.claimToken())
                .param("state", state.name()).param("reason", reason).param("now", Timestamps.of(now)).update() == 1;
    }

    boolean flag(long id, String reason, Instant now) {
        return jdbc.sql(FLAG).param("id", id).param("reason", reason).param("now", Timestamps.of(now)).update() == 1;
    }

    boolean endLive(long id, EnrollmentState state, String reason, Instant now) {
        return jdbc.sql(END_LIVE).param("id", id).param("state", state.name()).param("reason", reason)
                .param("now", Timestamps.of(now)).update() == 1;
    }

    List<Long> liveOfProspect(long prospectId) {
        return jdbc.sql(LIVE_OF_PROSPECT).param("prospectId", prospectId).query(Long.class).list();
    }

    private static ClaimedEnrollment claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedEnrollment(rs.getLong("id"), rs.getLong("prospect_id"), rs.getLong("sequence_id"),
                rs.getLong("mailbox_id"), rs.getLong("owner_id"), rs.getObject("current_step_id", Long.class),
                Timestamps.instant(rs, "next_run_at"), rs.getObject("claim_token", UUID.class));
    }
}

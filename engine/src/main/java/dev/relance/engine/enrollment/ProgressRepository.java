package dev.relance.engine.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.SqlArrays;
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

    // The same for a chunk of one mailbox's claimed enrollments, at once. The sequence and mailbox
    // rows are locked in share mode once for the chunk (they are the same few rows for every step);
    // ORDER BY makes the enrollment locks come in id order, as LockRows sits above the sort.
    private static final String LOCK_ALL_FOR_SEND = """
            SELECT e.id FROM enrollment e
              JOIN unnest(:ids, :tokens) AS c(id, token) ON c.id = e.id AND c.token = e.claim_token
              JOIN sequence s ON s.id = e.sequence_id
              JOIN mailbox m ON m.id = e.mailbox_id
             WHERE e.state = 'ACTIVE' AND s.status = 'ACTIVE' AND m.status = 'ACTIVE'
             ORDER BY e.id
               FOR UPDATE OF e FOR SHARE OF s, m
            """;

    // Whether another transaction waits for a row this one locked (a pause of the enrollment, its
    // sequence or its mailbox waits on our transaction id, also when the row is share-locked by
    // several senders: it then waits on each of them in turn). Reads the lock table only.
    private static final String WAITERS = """
            SELECT a.pid, a.xact_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'transactionid' AND NOT l.granted
               AND l.transactionid = pg_current_xact_id_if_assigned()::xid
            """;

    private static final String STILL_IN_TRANSACTION = """
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = :pid AND xact_start = :start)
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

    // ADVANCE for many enrollments in one statement; returns the ids that moved.
    private static final String ADVANCE_ALL = """
            UPDATE enrollment e
               SET current_step_id = a.next_step_id, next_run_at = a.next_run_at, claim_token = NULL,
                   claimed_until = NULL,
                   state = CASE WHEN a.next_step_id IS NULL THEN 'FINISHED' ELSE 'ACTIVE' END,
                   finished_at = CASE WHEN a.next_step_id IS NULL THEN CAST(:now AS timestamptz) END,
                   state_reason = CASE WHEN a.next_step_id IS NULL THEN 'every step ran' END,
                   updated_at = :now, version = e.version + 1
              FROM unnest(:ids, :stepIds, :nextStepIds, :nextRunAts) AS a(id, step_id, next_step_id, next_run_at)
             WHERE e.id = a.id AND e.state IN ('ACTIVE', 'WAITING_TASK') AND e.current_step_id = a.step_id
            RETURNING e.id
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

    Set<Long> lockAllForSend(List<ClaimedEnrollment> claimed) {
        return new HashSet<>(jdbc.sql(LOCK_ALL_FOR_SEND)
                .param("ids", SqlArrays.bigints(claimed.stream().map(ClaimedEnrollment::id).toList()))
                .param("tokens", SqlArrays.uuids(claimed.stream().map(ClaimedEnrollment::claimToken).toList()))
                .query(Long.class).list());
    }

    List<LockWaiter> waitersForOurLocks() {
        return jdbc.sql(WAITERS).query((rs, row) -> new LockWaiter(rs.getInt("pid"), Timestamps.instant(rs, "xact_start")))
                .list();
    }

    boolean stillInTransaction(LockWaiter waiter) {
        return jdbc.sql(STILL_IN_TRANSACTION).param("pid", waiter.pid())
                .param("start", Timestamps.of(waiter.transactionStart())).query(Boolean.class).single();
    }

    Set<Long> advanceAll(List<StepAdvance> advances, Instant now) {
        return new HashSet<>(jdbc.sql(ADVANCE_ALL)
                .param("ids", SqlArrays.bigints(advances.stream().map(StepAdvance::enrollmentId).toList()))
                .param("stepIds", SqlArrays.bigints(advances.stream().map(StepAdvance::stepId).toList()))
                .param("nextStepIds", SqlArrays.bigints(advances.stream().map(StepAdvance::nextStepId).toList()))
                .param("nextRunAts", SqlArrays.timestamps(advances.stream()
                        .map(a -> a.nextStepId() == null ? null : a.nextRunAt()).toList()))
                .param("now", Timestamps.of(now)).query(Long.class).list());
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

package dev.relance.engine.enrollment;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** The enrollment updates that answers from prospects cause: out-of-office pauses, account-wide stops. */
@Repository
class SignalRepository {

    // A pause with an end date: the step waits at least until then, and the claim (ACTIVE only)
    // skips the row meanwhile; an already claimed step sees the pause at send time (lockForSend).
    // Pausing again (a second out-of-office) moves the end date.
    private static final String PAUSE_UNTIL = """
            UPDATE enrollment
               SET state = 'PAUSED', state_reason = :reason, paused_until = :until,
                   next_run_at = GREATEST(next_run_at, :until), claim_token = NULL, claimed_until = NULL,
                   updated_at = :now, version = version + 1
             WHERE id = :id AND (state = 'ACTIVE' OR (state = 'PAUSED' AND paused_until IS NOT NULL))
            """;

    // Only pauses with an end date resume by themselves; a pause by a person waits for a person.
    private static final String RESUME_ENDED_PAUSES = """
            UPDATE enrollment
               SET state = 'ACTIVE', state_reason = NULL, paused_until = NULL, updated_at = :now,
                   version = version + 1
             WHERE state = 'PAUSED' AND paused_until <= :now
            """;

    private static final String LIVE_OF_ACCOUNT_IN_SEQUENCE = """
            SELECT e.id FROM enrollment e JOIN prospect p ON p.id = e.prospect_id
             WHERE p.account_id = :accountId AND e.sequence_id = :sequenceId AND e.prospect_id <> :exceptProspectId
               AND e.state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK', 'NEEDS_ATTENTION')
            """;

    private final JdbcClient jdbc;

    SignalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean pauseUntil(long id, Instant until, String reason, Instant now) {
        return jdbc.sql(PAUSE_UNTIL).param("id", id).param("until", Timestamps.of(until)).param("reason", reason)
                .param("now", Timestamps.of(now)).update() == 1;
    }

    int resumeEndedPauses(Instant now) {
        return jdbc.sql(RESUME_ENDED_PAUSES).param("now", Timestamps.of(now)).update();
    }

    List<Long> liveOfAccountInSequence(long accountId, long sequenceId, long exceptProspectId) {
        return jdbc.sql(LIVE_OF_ACCOUNT_IN_SEQUENCE).param("accountId", accountId).param("sequenceId", sequenceId)
                .param("exceptProspectId", exceptProspectId).query(Long.class).list();
    }
}

package dev.relance.engine.report;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.Timestamps;

/**
 * Folds new events into the rollup tables that reports read, exactly once each. The clustered
 * rollup job calls {@link #foldNow()} every {@code relance.reports.rollup-interval}; tests call it by
 * hand. How the watermark works (transaction ids below the snapshot's xmin) is explained in
 * V11__reports.sql.
 */
@Service
@EnableConfigurationProperties(ReportProperties.class)
public class ReportRollups {

    /** What one fold did. */
    public record Fold(long events, String foldedBelow) {
    }

    // Serialises folds: a second one waits here, then reads the first one's watermark.
    private static final String LOCK_STATE = """
            SELECT folded_below::text FROM report_fold_state FOR UPDATE
            """;

    private static final String HORIZON = """
            SELECT pg_snapshot_xmin(pg_current_snapshot())::text
            """;

    // The batch, with what the fold needs from steps and tasks. ON COMMIT DROP: it lives for this fold only.
    private static final String BATCH = """
            CREATE TEMP TABLE report_batch ON COMMIT DROP AS
            SELECT e.type, e.occurred_at, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.message_id,
                   e.sequence_id, coalesce(e.step_id, 0) AS step_id, coalesce(e.variant_id, 0) AS variant_id,
                   coalesce(e.owner_id, 0) AS owner_id, e.prospect_id, coalesce(e.machine, false) AS machine, e.data,
                   s.type AS step_type, coalesce(e.data ->> 'taskType', t.type) AS task_type,
                   t.id AS task_id, t.prospect_id AS task_prospect_id, t.created_at AS task_created_at,
                   e.type = 'TASK_DONE' AND e.data ->> 'outcomeCode' = 'MEETING_BOOKED'
                       OR e.type = 'STOPPED' AND coalesce((e.data ->> 'meetingBooked')::boolean, false) AS meeting
            FROM event e
            LEFT JOIN sequence_step s ON s.id = e.step_id
            LEFT JOIN task t ON e.type IN ('TASK_DONE', 'TASK_SKIPPED') AND t.id = (e.data ->> 'taskId')::bigint
            WHERE e.tx >= CAST(:from AS xid8) AND e.tx < CAST(:to AS xid8)
            """;

    // Event totals, plus the per-message firsts this fold is the first to see (report_message_first
    // keeps the ones already counted; ON CONFLICT DO NOTHING RETURNING gives the new ones).
    private static final String FOLD_SEQUENCES = """
            WITH kinds AS (
                SELECT b.message_id, k.kind, b.occurred_at, b.day, b.sequence_id, b.step_id, b.variant_id, b.owner_id
                FROM report_batch b
                CROSS JOIN LATERAL unnest(CASE
                    WHEN b.type = 'OPENED' THEN ARRAY[CASE WHEN b.machine THEN 'OPEN_MACHINE' ELSE 'OPEN_HUMAN' END]
                    WHEN b.type = 'CLICKED' THEN ARRAY[CASE WHEN b.machine THEN 'CLICK_MACHINE' ELSE 'CLICK_HUMAN' END]
                    WHEN b.type = 'REPLIED' AND b.data ->> 'intent' = 'INTERESTED' THEN ARRAY['REPLY', 'INTERESTED']
                    WHEN b.type = 'REPLIED' THEN ARRAY['REPLY']
                    WHEN b.type = 'BOUNCED' AND NOT coalesce((b.data ->> 'delayed')::boolean, false) THEN
                        ARRAY[CASE WHEN coalesce((b.data ->> 'hard')::boolean, false) THEN 'BOUNCE_HARD' ELSE 'BOUNCE_SOFT' END]
                        || CASE WHEN b.data ->> 'phase' = 'SMTP' THEN ARRAY[]::text[] ELSE ARRAY['BOUNCE_AFTER_SEND'] END
                END) AS k(kind)
                WHERE b.message_id IS NOT NULL AND b.sequence_id IS NOT NULL
            ), firsts AS (
                SELECT DISTINCT ON (message_id, kind) *
                FROM kinds ORDER BY message_id, kind, occurred_at
            ), counted AS (
                INSERT INTO report_message_first (message_id, kind, first_at)
                SELECT message_id, kind, occurred_at FROM firsts
                ON CONFLICT DO NOTHING
                RETURNING message_id, kind
            ), deltas AS (
                SELECT day, sequence_id, step_id, variant_id, owner_id,
                       count(*) FILTER (WHERE type = 'SENT') AS sent,
                       0 AS bounced_hard, 0 AS bounced_soft,
                       count(*) FILTER (WHERE type = 'BOUNCED' AND data ->> 'phase' = 'SMTP') AS bounced_at_send,
                       0 AS bounced_after_send, 0 AS opened_human, 0 AS opened_machine,
                       count(*) FILTER (WHERE type = 'OPENED' AND NOT machine) AS opens_human_total,
                       count(*) FILTER (WHERE type = 'OPENED' AND machine) AS opens_machine_total,
                       0 AS clicked_human, 0 AS clicked_machine,
                       count(*) FILTER (WHERE type = 'CLICKED' AND NOT machine) AS clicks_human_total,
                       count(*) FILTER (WHERE type = 'CLICKED' AND machine) AS clicks_machine_total,
                       0 AS replied, 0 AS interested,
                       count(*) FILTER (WHERE type = 'AUTO_REPLIED') AS out_of_office,
                       count(*) FILTER (WHERE type = 'UNSUBSCRIBED') AS unsubscribed,
                       count(*) FILTER (WHERE type = 'COMPLAINED') AS complained,
                       count(*) FILTER (WHERE meeting) AS meetings
                FROM report_batch WHERE sequence_id IS NOT NULL
                GROUP BY day, sequence_id, step_id, variant_id, owner_id
                UNION ALL
                SELECT f.day, f.sequence_id, f.step_id, f.variant_id, f.owner_id, 0,
                       count(*) FILTER (WHERE f.kind = 'BOUNCE_HARD'), count(*) FILTER (WHERE f.kind = 'BOUNCE_SOFT'), 0,
                       count(*) FILTER (WHERE f.kind = 'BOUNCE_AFTER_SEND'),
                       count(*) FILTER (WHERE f.kind = 'OPEN_HUMAN'), count(*) FILTER (WHERE f.kind = 'OPEN_MACHINE'), 0, 0,
                       count(*) FILTER (WHERE f.kind = 'CLICK_HUMAN'), count(*) FILTER (WHERE f.kind = 'CLICK_MACHINE'), 0, 0,
                       count(*) FILTER (WHERE f.kind = 'REPLY'), count(*) FILTER (WHERE f.kind = 'INTERESTED'), 0, 0, 0, 0
                FROM firsts f JOIN counted c ON c.message_id = f.message_id AND c.kind = f.kind
                GROUP BY f.day, f.sequence_id, f.step_id, f.variant_id, f.owner_id
            )
            INSERT INTO report_sequence_daily AS r (day, sequence_id, step_id, variant_id, owner_id, sent, bounced_hard,
                    bounced_soft, bounced_at_send, bounced_after_send, opened_human, opened_machine, opens_human_total,
                    opens_machine_total, clicked_human, clicked_machine, clicks_human_total, clicks_machine_total,
                    replied, interested, out_of_office, unsubscribed, complained, meetings)
            SELECT day, sequence_id, step_id, variant_id, owner_id, sum(sent), sum(bounced_hard), sum(bounced_soft),
                   sum(bounced_at_send), sum(bounced_after_send), sum(opened_human), sum(opened_machine),
                   sum(opens_human_total), sum(opens_machine_total), sum(clicked_human), sum(clicked_machine),
                   sum(clicks_human_total), sum(clicks_machine_total), sum(replied), sum(interested), sum(out_of_office),
                   sum(unsubscribed), sum(complained), sum(meetings)
            FROM deltas GROUP BY day, sequence_id, step_id, variant_id, owner_id
            ON CONFLICT (sequence_id, day, step_id, variant_id, owner_id) DO UPDATE SET
                sent = r.sent + EXCLUDED.sent, bounced_hard = r.bounced_hard + EXCLUDED.bounced_hard,
                bounced_soft = r.bounced_soft + EXCLUDED.bounced_soft,
                bounced_at_send = r.bounced_at_send + EXCLUDED.bounced_at_send,
                bounced_after_send = r.bounced_after_send + EXCLUDED.bounced_after_send,
                opened_human = r.opened_human + EXCLUDED.opened_human,
                opened_machine = r.opened_machine + EXCLUDED.opened_machine,
                opens_human_total = r.opens_human_total + EXCLUDED.opens_human_total,
                opens_machine_total = r.opens_machine_total + EXCLUDED.opens_machine_total,
                clicked_human = r.clicked_human + EXCLUDED.clicked_human,
                clicked_machine = r.clicked_machine + EXCLUDED.clicked_machine,
                clicks_human_total = r.clicks_human_total + EXCLUDED.clicks_human_total,
                clicks_machine_total = r.clicks_machine_total + EXCLUDED.clicks_machine_total,
                replied = r.replied + EXCLUDED.replied, interested = r.interested + EXCLUDED.interested,
                out_of_office = r.out_of_office + EXCLUDED.out_of_office,
                unsubscribed = r.unsubscribed + EXCLUDED.unsubscribed, complained = r.complained + EXCLUDED.complained,
                meetings = r.meetings + EXCLUDED.meetings
            """;

    // A rep's work: emails sent by step type, tasks done by task type and outcome, meetings.
    private static final String FOLD_OWNERS = """
            INSERT INTO report_owner_daily AS r (day, owner_id, auto_emails, manual_emails, calls, calls_connected,
                    linkedin_done, tasks_completed, tasks_skipped, replies_handled, meetings)
            SELECT day, owner_id,
                   count(*) FILTER (WHERE type = 'SENT' AND step_type IS DISTINCT FROM 'MANUAL_EMAIL'),
                   count(*) FILTER (WHERE type = 'SENT' AND step_type = 'MANUAL_EMAIL'),
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND task_type = 'CALL'),
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND task_type = 'CALL'
                                    AND data ->> 'outcomeCode' IN ('CONNECTED', 'MEETING_BOOKED')),
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND task_type = 'LINKEDIN'),
                   count(*) FILTER (WHERE type = 'TASK_DONE'),
                   count(*) FILTER (WHERE type = 'TASK_SKIPPED' AND NOT coalesce((data ->> 'cancelled')::boolean, false)),
                   count(*) FILTER (WHERE type = 'TASK_DONE' AND task_type = 'REPLY'),
                   count(*) FILTER (WHERE meeting)
            FROM report_batch
            WHERE owner_id <> 0 AND (type IN ('SENT', 'TASK_DONE', 'TASK_SKIPPED') OR meeting)
            GROUP BY day, owner_id
            ON CONFLICT (owner_id, day) DO UPDATE SET
                auto_emails = r.auto_emails + EXCLUDED.auto_emails, manual_emails = r.manual_emails + EXCLUDED.manual_emails,
                calls = r.calls + EXCLUDED.calls, calls_connected = r.calls_connected + EXCLUDED.calls_connected,
                linkedin_done = r.linkedin_done + EXCLUDED.linkedin_done,
                tasks_completed = r.tasks_completed + EXCLUDED.tasks_completed,
                tasks_skipped = r.tasks_skipped + EXCLUDED.tasks_skipped,
                replies_handled = r.replies_handled + EXCLUDED.replies_handled, meetings = r.meetings + EXCLUDED.meetings
            """;

    // A REPLY task is made in the transaction that records the REPLIED event, at the same instant or
    // just after: the reply it answers is the prospect's last REPLIED event at or before the task's
    // creation (found through event_prospect_time, for the completed tasks of this batch only).
    private static final String FOLD_REPLY_ANSWERS = """
            INSERT INTO report_reply_answer (task_id, owner_id, day, intent, replied_at, answered_at, answer_seconds)
            SELECT b.task_id, b.owner_id, b.day, r.data ->> 'intent', r.occurred_at, b.occurred_at,
                   floor(extract(epoch FROM b.occurred_at - r.occurred_at))::bigint
            FROM report_batch b
            CROSS JOIN LATERAL (
                SELECT e.occurred_at, e.data FROM event e
                WHERE e.prospect_id = b.task_prospect_id AND e.type = 'REPLIED' AND e.occurred_at <= b.task_created_at
                ORDER BY e.occurred_at DESC LIMIT 1) r
            WHERE b.type = 'TASK_DONE' AND b.task_type = 'REPLY' AND b.task_id IS NOT NULL AND b.owner_id <> 0
            ON CONFLICT (task_id) DO NOTHING
            """;

    // The funnel's first steps: LEAST ignores nulls, so a later fold only ever moves a first earlier (a late-committed event).
    private static final String FOLD_PROSPECTS = """
            INSERT INTO report_sequence_prospect AS r (sequence_id, prospect_id, owner_id, touched_at, replied_at,
                    interested_at)
            SELECT sequence_id, prospect_id, (array_agg(owner_id ORDER BY occurred_at))[1],
                   min(occurred_at) FILTER (WHERE type IN ('SENT', 'TASK_DONE')),
                   min(occurred_at) FILTER (WHERE type = 'REPLIED'),
                   min(occurred_at) FILTER (WHERE type = 'REPLIED' AND data ->> 'intent' = 'INTERESTED')
            FROM report_batch
            WHERE sequence_id IS NOT NULL AND prospect_id IS NOT NULL AND type IN ('SENT', 'TASK_DONE', 'REPLIED')
            GROUP BY sequence_id, prospect_id
            ON CONFLICT (sequence_id, prospect_id) DO UPDATE SET
                touched_at = LEAST(r.touched_at, EXCLUDED.touched_at),
                replied_at = LEAST(r.replied_at, EXCLUDED.replied_at),
                interested_at = LEAST(r.interested_at, EXCLUDED.interested_at)
            """;

    private static final String BATCH_SIZE = """
            SELECT count(*) FROM report_batch
            """;

    // Dropped at once as well as ON COMMIT: a fold joined to a caller's transaction may be followed by another.
    private static final String DROP_BATCH = """
            DROP TABLE report_batch
            """;

    // The enrollment state changes committed since the last fold, moved into the counts (V16). Only
    // committed deltas are visible to the DELETE; the others wait for a later fold.
    private static final String FOLD_ENROLLMENT_STATES = """
            WITH moved AS (DELETE FROM report_enrollment_state_delta RETURNING sequence_id, owner_id, state, n)
            INSERT INTO report_enrollment_states AS r (sequence_id, owner_id, state, n)
            SELECT sequence_id, owner_id, state, sum(n) FROM moved GROUP BY 1, 2, 3
            ON CONFLICT (sequence_id, owner_id, state) DO UPDATE SET n = r.n + EXCLUDED.n
            """;

    private static final String MOVE_WATERMARK = """
            UPDATE report_fold_state
            SET folded_below = CAST(:to AS xid8), folded_at = :now, events_folded = events_folded + :events
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportRollups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Folds every event whose transaction ended since the last fold, in one transaction; waits for a
     * fold running elsewhere. Events of transactions still open are left for a later fold.
     */
    @Transactional
    public Fold foldNow() {
        String from = jdbc.sql(LOCK_STATE).query(String.class).single();
        jdbc.sql(FOLD_ENROLLMENT_STATES).update();
        String to = jdbc.sql(HORIZON).query(String.class).single();
        if (Long.parseUnsignedLong(to) <= Long.parseUnsignedLong(from)) {
            return new Fold(0, from);
        }
        jdbc.sql(BATCH).param("from", from).param("to", to).update();
        long events = jdbc.sql(BATCH_SIZE).query(Long.class).single();
        if (events > 0) {
            jdbc.sql(FOLD_SEQUENCES).update();
            jdbc.sql(FOLD_OWNERS).update();
            jdbc.sql(FOLD_REPLY_ANSWERS).update();
            jdbc.sql(FOLD_PROSPECTS).update();
        }
        jdbc.sql(DROP_BATCH).update();
        jdbc.sql(MOVE_WATERMARK).param("to", to).param("now", Timestamps.of(clock.instant())).param("events", events)
                .update();
        return new Fold(events, to);
    }
}

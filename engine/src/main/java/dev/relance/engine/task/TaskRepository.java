package dev.relance.engine.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

@Repository
class TaskRepository {

    // One open task per enrollment step (task_one_open_per_step): a retried insert does nothing and
    // the caller reads the open task instead. Prospect and sequence default to the enrollment's.
    private static final String INSERT = """
            INSERT INTO task (enrollment_id, step_id, prospect_id, owner_id, sequence_id, type, state, title, note,
                              due_at, draft_subject, draft_body_text, draft_body_html, created_at)
            VALUES (:enrollmentId, :stepId,
                    COALESCE(CAST(:prospectId AS bigint),
                             (SELECT prospect_id FROM enrollment WHERE id = CAST(:enrollmentId AS bigint))),
                    :ownerId,
                    COALESCE(CAST(:sequenceId AS bigint),
                             (SELECT sequence_id FROM enrollment WHERE id = CAST(:enrollmentId AS bigint))),
                    :type, 'OPEN', :title, :note, :dueAt, :draftSubject, :draftBodyText, :draftBodyHtml, :now)
            ON CONFLICT (enrollment_id, step_id) WHERE state = 'OPEN' DO NOTHING
            RETURNING *
            """;

    private static final String FIND_OPEN_FOR_STEP = """
            SELECT * FROM task WHERE enrollment_id = :enrollmentId AND step_id = :stepId AND state = 'OPEN'
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM task WHERE id = :id
            """;

    // Most urgent first, keyset on (due_at, id). With an owner and state OPEN this walks
    // task_open_by_owner; for everyone's open tasks, task_open_by_due.
    private static final String LIST = """
            SELECT * FROM task
             WHERE (CAST(:afterDueAt AS timestamptz) IS NULL
                    OR (due_at, id) > (CAST(:afterDueAt AS timestamptz), CAST(:afterId AS bigint)))
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
               AND (CAST(:state AS text) IS NULL OR state = :state)
               AND (CAST(:type AS text) IS NULL OR type = :type)
               AND (CAST(:enrollmentId AS bigint) IS NULL OR enrollment_id = :enrollmentId)
               AND (CAST(:overdue AS boolean) IS NULL OR (state = 'OPEN' AND due_at < :now) = :overdue)
             ORDER BY due_at, id
             LIMIT :limit
            """;

    private static final String OVERDUE_BY_OWNER = """
            SELECT owner_id, count(*) AS overdue FROM task
             WHERE state = 'OPEN' AND due_at < :now
             GROUP BY owner_id
             ORDER BY owner_id
            """;

    // Compare-and-set on the version read: a concurrent close (a double click, a cancellation)
    // makes this update 0 rows, and the caller reports that the task is no longer open.
    private static final String CLOSE = """
            UPDATE task
               SET state = :state, outcome = :outcome, outcome_code = :outcomeCode, completed_at = :now,
                   draft_subject = :draftSubject, draft_body_text = :draftBodyText, draft_body_html = :draftBodyHtml,
                   version = version + 1
             WHERE id = :id AND version = :version AND state = 'OPEN'
            RETURNING *
            """;

    private static final String CANCEL_OPEN_OF_ENROLLMENT = """
            UPDATE task
               SET state = 'SKIPPED', outcome = :outcome, completed_at = :now, version = version + 1
             WHERE enrollment_id = :enrollmentId AND state = 'OPEN'
            RETURNING *
            """;

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task as read, with the version that a later update must still find. */
    record Versioned(Task task, int version) {
    }

    Optional<Task> insert(NewTask task, Instant dueAt, Instant now) {
        return jdbc.sql(INSERT).param("enrollmentId", task.enrollmentId()).param("stepId", task.stepId())
                .param("prospectId", task.prospectId()).param("ownerId", task.ownerId())
                .param("sequenceId", task.sequenceId()).param("type", task.type().name())
                .param("title", task.title()).param("note", task.note()).param("dueAt", Timestamps.of(dueAt))
                .param("draftSubject", task.draftSubject()).param("draftBodyText", task.draftBodyText())
                .param("draftBodyHtml", task.draftBodyHtml()).param("now", Timestamps.of(now))
                .query((rs, row) -> task(rs, now)).optional();
    }

    Optional<Task> findOpenForStep(long enrollmentId, long stepId, Instant now) {
        return jdbc.sql(FIND_OPEN_FOR_STEP).param("enrollmentId", enrollmentId).param("stepId", stepId)
                .query((rs, row) -> task(rs, now)).optional();
    }

    Optional<Versioned> findById(long id, Instant now) {
        return jdbc.sql(FIND_BY_ID).param("id", id)
                .query((rs, row) -> new Versioned(task(rs, now), rs.getInt("version"))).optional();
    }

    List<Task> list(TaskPageRequest page, TaskFilter filter, Instant now) {
        return jdbc.sql(LIST).param("afterDueAt", Timestamps.of(page.afterDueAt())).param("afterId", page.afterId())
                .param("ownerId", filter.ownerId())
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("type", filter.type() == null ? null : filter.type().name())
                .param("enrollmentId", filter.enrollmentId()).param("overdue", filter.overdue())
                .param("now", Timestamps.of(now)).param("limit", page.fetchSize())
                .query((rs, row) -> task(rs, now)).list();
    }

    Map<Long, Long> overdueByOwner(Instant now) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql(OVERDUE_BY_OWNER).param("now", Timestamps.of(now))
                .query((rs, row) -> Map.entry(rs.getLong("owner_id"), rs.getLong("overdue")))
                .list().forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** Closes an open task if it is still at {@code version}; empty when someone else changed it. */
    Optional<Task> close(Versioned read, TaskState state, String outcome, OutcomeCode outcomeCode, DraftEmail email,
            Instant now) {
        return jdbc.sql(CLOSE).param("id", read.task().id()).param("version", read.version())
                .param("state", state.name()).param("outcome", outcome)
                .param("outcomeCode", outcomeCode == null ? null : outcomeCode.name())
                .param("draftSubject", email.subject()).param("draftBodyText", email.bodyText())
                .param("draftBodyHtml", email.bodyHtml()).param("now", Timestamps.of(now))
                .query((rs, row) -> task(rs, now)).optional();
    }

    List<Task> cancelOpenOfEnrollment(long enrollmentId, String outcome, Instant now) {
        return jdbc.sql(CANCEL_OPEN_OF_ENROLLMENT).param("enrollmentId", enrollmentId).param("outcome", outcome)
                .param("now", Timestamps.of(now)).query((rs, row) -> task(rs, now)).list();
    }

    private static Task task(ResultSet rs, Instant now) throws SQLException {
        TaskState state = TaskState.valueOf(rs.getString("state"));
        Instant dueAt = Timestamps.instant(rs, "due_at");
        String outcomeCode = rs.getString("outcome_code");
        return new Task(rs.getLong("id"), rs.getObject("enrollment_id", Long.class), rs.getObject("step_id", Long.class),
                rs.getObject("prospect_id", Long.class), rs.getLong("owner_id"), rs.getObject("sequence_id", Long.class),
                TaskType.valueOf(rs.getString("type")), state, rs.getString("title"), rs.getString("note"),
                rs.getString("outcome"), outcomeCode == null ? null : OutcomeCode.valueOf(outcomeCode), dueAt,
                Timestamps.instant(rs, "completed_at"), Timestamps.instant(rs, "created_at"),
                rs.getString("draft_subject"), rs.getString("draft_body_text"), rs.getString("draft_body_html"),
                state == TaskState.OPEN && dueAt.isBefore(now));
    }
}

package dev.relance.engine.task;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;

/** Appends TASK_DONE and TASK_SKIPPED facts to the event table, for rep activity reports. */
@Repository
class TaskEvents {

    // data.cancelled tells a task closed because its enrollment ended from one a person skipped.
    private static final String INSERT = """
            INSERT INTO event (type, occurred_at, enrollment_id, sequence_id, step_id, prospect_id, owner_id, data)
            VALUES (:type, :now, :enrollmentId, :sequenceId, :stepId, :prospectId, :ownerId,
                    jsonb_build_object('taskId', CAST(:taskId AS bigint), 'outcomeCode', CAST(:outcomeCode AS text),
                                       'cancelled', CAST(:cancelled AS boolean)))
            """;

    private final JdbcClient jdbc;

    TaskEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that a task was closed, by a person or (cancelled) by the end of its enrollment. */
    void closed(Task task, boolean cancelled, Instant now) {
        String type = task.state() == TaskState.COMPLETED ? "TASK_DONE" : "TASK_SKIPPED";
        jdbc.sql(INSERT).param("type", type).param("now", Timestamps.of(now))
                .param("enrollmentId", task.enrollmentId()).param("sequenceId", task.sequenceId())
                .param("stepId", task.stepId()).param("prospectId", task.prospectId()).param("ownerId", task.ownerId())
                .param("taskId", task.id())
                .param("outcomeCode", task.outcomeCode() == null ? null : task.outcomeCode().name())
                .param("cancelled", cancelled).update();
    }
}

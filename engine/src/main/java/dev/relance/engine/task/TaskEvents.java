package dev.relance.engine.task;

import java.time.Instant;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;

/** Appends TASK_DONE and TASK_SKIPPED facts to the event table, for rep activity reports. */
@Component
class TaskEvents {

    private final EventLog log;

    TaskEvents(EventLog log) {
        this.log = log;
    }

    /**
     * Records that a task was closed, by a person or (cancelled) by the end of its enrollment;
     * data.cancelled tells the two apart.
     */
    void closed(Task task, boolean cancelled, Instant now) {
        EventType type = task.state() == TaskState.COMPLETED ? EventType.TASK_DONE : EventType.TASK_SKIPPED;
        Map<String, Object> data = new HashMap<>();
        data.put("taskId", task.id());
        data.put("taskType", task.type().name());
        data.put("outcomeCode", task.outcomeCode() == null ? null : task.outcomeCode().name());
        data.put("cancelled", cancelled);
        log.append(new NewEvent(type, now, null, task.enrollmentId(), task.sequenceId(), task.stepId(), null,
                task.prospectId(), null, task.ownerId(), null, data));
    }
}

package dev.relance.engine.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;

/**
 * Tasks: the manual steps of enrollments (calls, LinkedIn, manual emails, to-dos) and other work a
 * rep does by hand. Closing a task records a TASK_DONE or TASK_SKIPPED event and publishes
 * {@link TaskClosed} in the same transaction; whoever drives enrollments listens to it to let the
 * cadence go on. This package holds no cadence logic.
 */
@Service
public class TaskService {

    /** The outcome of tasks cancelled by {@link #cancelOpenTasks}. */
    public static final String ENROLLMENT_ENDED = "enrollment ended";

    private final TaskRepository tasks;
    private final TaskEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TaskService(TaskRepository tasks, TaskEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.tasks = tasks;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Creates an open task. Idempotent per enrollment step: while that step has an open task, creating
     * it again (a dispatcher retry) returns the open task unchanged.
     */
    @Transactional
    public Task create(NewTask task) {
        check(task);
        Instant now = clock.instant();
        Instant dueAt = task.dueAt() == null ? now : task.dueAt();
        try {
            return tasks.insert(task, dueAt, now).orElseGet(() -> openTaskOfStep(task, now));
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "task");
        }
    }

    public Task get(long id) {
        return read(id).task();
    }

    /** Tasks most urgent first: by due time, then id; the cursor carries both. */
    public Page<Task> list(TaskPageRequest page, TaskFilter filter) {
        return TaskCursor.page(tasks.list(page, filter, clock.instant()), page);
    }

    /** Open tasks past due, per owner (owners with none are left out): the manager's follow-up view. */
    public Map<Long, Long> overdueCountByOwner() {
        return Map.copyOf(tasks.overdueByOwner(clock.instant()));
    }

    /**
     * Completes an open task with its outcome; for a MANUAL_EMAIL task, stores the email the rep chose
     * to send in place of the draft.
     *
     * @throws ConflictException "task-not-open" when the task is already closed, or closes meanwhile
     * @throws InvalidInputException when the outcome does not fit the task, or the email is incomplete
     */
    @Transactional
    public Task complete(long id, TaskCompletion completion) {
        TaskRepository.Versioned read = read(id);
        requireOpen(read.task(), TaskState.COMPLETED);
        OutcomeCode outcome = CompletionRules.outcomeOf(read.task().type(), completion.outcomeCode());
        DraftEmail email = CompletionRules.emailOf(read.task(), completion);
        return close(read, TaskState.COMPLETED, blankToNull(completion.notes()), outcome, email);
    }

    /**
     * Skips an open task: the rep decided not to do it, and the cadence goes on without it.
     *
     * @param reason kept as the task's outcome; optional
     * @throws ConflictException "task-not-open" when the task is already closed, or closes meanwhile
     */
    @Transactional
    public Task skip(long id, String reason) {
        TaskRepository.Versioned read = read(id);
        requireOpen(read.task(), TaskState.SKIPPED);
        return close(read, TaskState.SKIPPED, blankToNull(reason), null, DraftEmail.of(read.task()));
    }

    /**
     * Skips the open tasks of an enrollment that ended (replied, stopped, bounced...), with the outcome
     * {@value #ENROLLMENT_ENDED}. Records TASK_SKIPPED events marked cancelled, and publishes no
     * {@link TaskClosed}: there is no cadence left to advance.
     */
    @Transactional
    public void cancelOpenTasks(long enrollmentId) {
        Instant now = clock.instant();
        List<Task> cancelled = tasks.cancelOpenOfEnrollment(enrollmentId, ENROLLMENT_ENDED, now);
        cancelled.forEach(task -> events.closed(task, true, now));
    }

    private Task close(TaskRepository.Versioned read, TaskState state, String outcome, OutcomeCode code,
            DraftEmail email) {
        Instant now = clock.instant();
        Task closed = tasks.close(read, state, outcome, code, email, now)
                .orElseThrow(() -> notOpen(read.task().id()));
        events.closed(closed, false, now);
        publisher.publishEvent(new TaskClosed(closed.id(), closed.enrollmentId(), closed.stepId(), closed.type(),
                closed.state(), closed.outcomeCode()));
        return closed;
    }

    // The insert did nothing: the step has an open task, unless it closed between the two statements.
    private Task openTaskOfStep(NewTask task, Instant now) {
        return tasks.findOpenForStep(task.enrollmentId(), task.stepId(), now)
                .orElseThrow(() -> new ConflictException("concurrent-update", "the open task of enrollment "
                        + task.enrollmentId() + " step " + task.stepId() + " closed meanwhile; retry"));
    }

    private TaskRepository.Versioned read(long id) {
        return tasks.findById(id, clock.instant()).orElseThrow(() -> new NotFoundException("task", id));
    }

    private static void requireOpen(Task task, TaskState next) {
        if (!task.state().canBecome(next)) {
            throw notOpen(task.id());
        }
    }

    private static ConflictException notOpen(long id) {
        return new ConflictException("task-not-open", "task " + id + " is no longer open: it was completed or skipped");
    }

    private static void check(NewTask task) {
        if (task.type() == null) {
            throw new InvalidInputException("type", "must not be null");
        }
        if (task.title() == null || task.title().isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

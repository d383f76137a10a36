package dev.relance.api.task;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.security.RelanceUser;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.task.Task;
import dev.relance.engine.task.TaskCompletion;
import dev.relance.engine.task.TaskFilter;
import dev.relance.engine.task.TaskPageRequest;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskState;
import dev.relance.engine.task.TaskType;
import jakarta.validation.constraints.Size;

/**
 * Tasks: a rep's calls, LinkedIn touches, manual emails and to-dos, most urgent first. SDRs see and
 * close their own tasks only (another's answers 404, as if it did not exist); MANAGER reads all and
 * the overdue count per owner; ADMIN does everything.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** @param reason why the task is skipped, kept as its outcome; optional */
    record Skip(@Size(max = 2000) String reason) {
    }

    /** Open tasks past due for one owner. */
    record OverdueCount(long ownerId, long overdue) {
    }

    /**
     * Tasks by due time, then id (the queue an SDR works through: pass {@code state=OPEN}), paged with
     * an opaque cursor. An SDR always gets their own tasks, whatever {@code ownerId} says.
     *
     * @param overdue true: open tasks past due; false: all the others
     */
    @GetMapping
    Page<Task> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) TaskState state,
            @RequestParam(required = false) TaskType type, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long enrollmentId) {
        Long visibleOwner = me.visibleOwner(ownerId);
        return tasks.list(TaskPageRequest.of(limit, cursor),
                new TaskFilter(visibleOwner, state, type, overdue, enrollmentId));
    }

    /** Owners with open tasks past due, the most behind first. */
    @GetMapping("/overdue-by-owner")
    List<OverdueCount> overdueByOwner() {
        return tasks.overdueCountByOwner().entrySet().stream()
                .map(entry -> new OverdueCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(OverdueCount::overdue).reversed()
                        .thenComparingLong(OverdueCount::ownerId))
                .toList();
    }

    @GetMapping("/{id}")
    Task get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    /**
     * Completes an open task with its outcome; for a manual email, with the email as the rep edited it
     * (left-out parts keep the draft's). The enrollment waiting on the task then goes on.
     */
    @PostMapping("/{id}/complete")
    Task complete(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated TaskCompletion completion) {
        visible(me, id);
        return tasks.complete(id, completion);
    }

    /** Skips an open task; the enrollment waiting on it goes on without it. */
    @PostMapping("/{id}/skip")
    Task skip(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody(required = false) @Validated Skip skip) {
        visible(me, id);
        return tasks.skip(id, skip == null ? null : skip.reason());
    }

    private Task visible(RelanceUser me, long id) {
        Task task = tasks.get(id);
        if (!me.maySee(task.ownerId())) {
            throw new NotFoundException("task", id);
        }
        return task;
    }
}

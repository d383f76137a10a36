package dev.relance.engine.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.Variant;
import dev.relance.engine.task.NewTask;
import dev.relance.engine.task.OutcomeCode;
import dev.relance.engine.task.Task;
import dev.relance.engine.task.TaskClosed;
import dev.relance.engine.task.TaskFilter;
import dev.relance.engine.task.TaskPageRequest;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskState;
import dev.relance.engine.task.TaskType;
import dev.relance.engine.template.Recipient;
import dev.relance.engine.template.TemplateService;
import dev.relance.engine.tracking.TrackingLinks;
import dev.relance.templates.RenderedEmail;

/**
 * Steps done by a person: a call, a LinkedIn touch, a to-do, or a manual email the owner reviews
 * (and may edit) before the engine sends it. The step becomes a task and the enrollment waits;
 * closing the task lets the cadence go on.
 */
@Component
class ManualSteps {

    private final TaskService tasks;
    private final TemplateService templates;
    private final TrackingLinks links;
    private final EnrollmentProgress progress;
    private final EnrollmentService enrollments;
    private final EmailSender sender;
    private final Outcomes outcomes;
    private final StepContexts contexts;
    private final Clock clock;

    ManualSteps(TaskService tasks, TemplateService templates, TrackingLinks links, EnrollmentProgress progress,
            EnrollmentService enrollments, EmailSender sender, Outcomes outcomes, StepContexts contexts, Clock clock) {
        this.tasks = tasks;
        this.templates = templates;
        this.links = links;
        this.progress = progress;
        this.enrollments = enrollments;
        this.sender = sender;
        this.outcomes = outcomes;
        this.contexts = contexts;
        this.clock = clock;
    }

    StepOutcome run(StepContext context) {
        if (context.step().type() == StepType.MANUAL_EMAIL) {
            Optional<Task> approved = closedTask(context.claimed().id(), context.step().id(), TaskState.COMPLETED);
            if (approved.isPresent()) {
                Task task = approved.get();
                RenderedEmail reviewed = new RenderedEmail(task.draftSubject(), task.draftBodyHtml(), task.draftBodyText(),
                        List.of(), List.of());
                return sender.send(context, null, reviewed);
            }
        }
        tasks.create(newTask(context));
        progress.waitForTask(context.claimed());
        return StepOutcome.TASK_CREATED;
    }

    /** A person closed a task: the enrollment waiting on it goes on (or sends the approved email). */
    @EventListener
    void onTaskClosed(TaskClosed closed) {
        if (closed.enrollmentId() == null || closed.stepId() == null) {
            return;
        }
        if (closed.outcomeCode() == OutcomeCode.MEETING_BOOKED) {
            progress.end(closed.enrollmentId(), EnrollmentState.STOPPED, "meeting booked");
            return;
        }
        if (closed.type() == TaskType.MANUAL_EMAIL && closed.state() == TaskState.COMPLETED) {
            progress.resumeStep(closed.enrollmentId(), closed.stepId());
            return;
        }
        contexts.of(closed.enrollmentId(), closed.stepId(), enrollments.get(closed.enrollmentId()).mailboxId())
                .ifPresent(context -> outcomes.advancePast(context, clock.instant()));
    }

    private NewTask newTask(StepContext context) {
        Prospect p = context.prospect();
        String who = ((p.firstName() == null ? "" : p.firstName()) + " " + (p.lastName() == null ? "" : p.lastName())).trim();
        String name = who.isEmpty() ? p.email() : who;
        StepType step = context.step().type();
        TaskType type = step.isLinkedIn() ? TaskType.LINKEDIN : TaskType.valueOf(step.name());
        String title = switch (step) {
            case MANUAL_EMAIL -> "Review and send the email to " + name;
            case CALL -> "Call " + name;
            case LINKEDIN -> "LinkedIn: " + name;
            case LINKEDIN_VIEW_PROFILE -> "LinkedIn: view the profile of " + name;
            case LINKEDIN_CONNECT -> "LinkedIn: send a connection request to " + name;
            case LINKEDIN_MESSAGE -> "LinkedIn: send a message to " + name;
            default -> "Task for " + name;
        };
        RenderedEmail draft = type == TaskType.MANUAL_EMAIL ? draft(context) : null;
        String note = context.step().taskNote();
        if (step.isLinkedIn() && p.linkedinUrl() != null) {
            note = (note == null ? "" : note + "\n\n") + "Profile: " + p.linkedinUrl();
        }
        return new NewTask(context.claimed().id(), context.step().id(), p.id(), context.claimed().ownerId(),
                context.sequence().id(), type, title, note, clock.instant(),
                draft == null ? null : draft.subject(), draft == null ? null : draft.text(),
                draft == null ? null : draft.html());
    }

    private RenderedEmail draft(StepContext context) {
        Variant variant = VariantPicker.pick(context.step().variants(), context.claimed().id(), context.step().id());
        return templates.render(variant.templateVersionId(), new Recipient(context.prospect(), context.account(),
                context.mailbox(), context.claimed().id(), links.unsubscribeUrl(context.claimed().id(), context.step().id())));
    }

    private Optional<Task> closedTask(long enrollmentId, long stepId, TaskState state) {
        return tasks.list(TaskPageRequest.first(50), new TaskFilter(null, state, TaskType.MANUAL_EMAIL, null, enrollmentId))
                .items().stream().filter(t -> t.stepId() != null && t.stepId() == stepId).findFirst();
    }

}

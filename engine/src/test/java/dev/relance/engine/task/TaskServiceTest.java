package dev.relance.engine.task;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;
import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.relance.engine.EngineTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.VariantDraft;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

@EngineTest
@RecordApplicationEvents
class TaskServiceTest {

    private static final Instant START = TestClockConfiguration.START;

    @Autowired
    TaskService tasks;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    SequenceService sequences;
    @Autowired
    ProspectService prospects;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents published;

    User sdr;
    Sequence sequence;
    Enrollment enrollment;
    long callStep;
    long emailStep;

    /** An SDR with a prospect enrolled in a sequence whose steps are a call, then a manual email. */
    @BeforeEach
    void anEnrollmentWithManualSteps() {
        clock.set(START);
        sdr = anSdr();
        mailboxes.create(aMailbox(sdr.id()));
        SequenceDraft draft = aSequence().build();
        sequence = sequences.create(new SequenceDraft(draft.name(), null, draft.status(), null, draft.rules(),
                draft.schedule(), List.of(
                        new StepDraft(null, StepType.CALL, new Delay(0, DelayUnit.MINUTES), null, "Ask for the VP", List.of()),
                        new StepDraft(null, StepType.MANUAL_EMAIL, new Delay(1, DelayUnit.DAYS), ThreadMode.NEW_THREAD, null,
                                List.of(new VariantDraft(null, "A", 1, "Hello {{ first_name }}", null, "Hi"))))),
                sdr.id());
        callStep = sequence.steps().get(0).id();
        emailStep = sequence.steps().get(1).id();
        Prospect prospect = prospects.create(aProspect().ownedBy(sdr.id()).build());
        enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), null, null), sdr.id(), sdr.id());
    }

    @Test
    void creating_the_task_of_an_open_enrollment_step_twice_returns_the_same_task() {
        Task first = tasks.create(callTask(START.plus(Duration.ofHours(1))));
        Task retried = tasks.create(callTask(START.plus(Duration.ofHours(5))));

        assertThat(retried).isEqualTo(first);
        assertThat(first.state()).isEqualTo(TaskState.OPEN);
        assertThat(first.prospectId()).as("taken from the enrollment").isEqualTo(enrollment.prospectId());
        assertThat(first.sequenceId()).as("taken from the enrollment").isEqualTo(sequence.id());
        assertThat(tasks.list(TaskPageRequest.first(10), new TaskFilter(null, null, null, null, enrollment.id())).items())
                .containsExactly(first);
    }

    @Test
    void once_closed_the_step_may_get_a_new_task() {
        Task first = tasks.create(callTask(START));
        tasks.skip(first.id(), null);

        Task next = tasks.create(callTask(START));

        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(next.state()).isEqualTo(TaskState.OPEN);
    }

    @Test
    void a_task_needs_a_title_and_an_owner_that_exists() {
        assertThatThrownBy(() -> tasks.create(standalone(sdr.id(), " ", START)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("title"));
        assertThatThrownBy(() -> tasks.create(standalone(987_654_321L, "Call", START)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("ownerId"));
    }

    @Test
    void the_list_puts_the_most_urgent_first_and_pages_through_ties_on_the_due_time() {
        User owner = anSdr();
        Instant soon = START.plus(Duration.ofHours(2));
        List<Task> created = new ArrayList<>();
        for (Instant due : List.of(START.plus(Duration.ofDays(2)), soon, START.minus(Duration.ofDays(1)), soon,
                START.plusMillis(1500), soon, START.plus(Duration.ofDays(1)))) {
            created.add(tasks.create(standalone(owner.id(), "Call " + created.size(), due)));
        }
        List<Long> expected = created.stream().sorted(Comparator.comparing(Task::dueAt).thenComparing(Task::id))
                .map(Task::id).toList();

        List<Long> seen = new ArrayList<>();
        TaskPageRequest request = TaskPageRequest.first(2);
        TaskFilter mine = new TaskFilter(owner.id(), TaskState.OPEN, null, null, null);
        int pages = 0;
        while (true) {
            Page<Task> page = tasks.list(request, mine);
            pages++;
            page.items().forEach(task -> seen.add(task.id()));
            if (page.nextCursor() == null) {
                break;
            }
            request = TaskPageRequest.of(2, page.nextCursor());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void a_cursor_that_this_list_did_not_make_is_refused() {
        assertThatThrownBy(() -> TaskPageRequest.of(10, "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("cursor"));
    }

    @Test
    void a_task_becomes_overdue_when_the_clock_passes_its_due_time() {
        User owner = anSdr();
        Task task = tasks.create(standalone(owner.id(), "Call back", START.plus(Duration.ofHours(1))));
        TaskFilter overdue = new TaskFilter(owner.id(), null, null, true, null);

        assertThat(task.overdue()).isFalse();
        assertThat(tasks.list(TaskPageRequest.first(10), overdue).items()).isEmpty();
        assertThat(tasks.overdueCountByOwner()).doesNotContainKey(owner.id());

        clock.advance(Duration.ofHours(2));

        assertThat(tasks.get(task.id()).overdue()).isTrue();
        assertThat(tasks.list(TaskPageRequest.first(10), overdue).items()).extracting(Task::id).containsExactly(task.id());
        assertThat(tasks.list(TaskPageRequest.first(10), new TaskFilter(owner.id(), null, null, false, null)).items())
                .isEmpty();
        assertThat(tasks.overdueCountByOwner()).containsEntry(owner.id(), 1L);

        Task done = tasks.complete(task.id(), new TaskCompletion(OutcomeCode.DONE, null, null, null, null));
        assertThat(done.overdue()).as("a closed task is never overdue").isFalse();
        assertThat(tasks.overdueCountByOwner()).doesNotContainKey(owner.id());
    }

    @Test
    void completing_a_call_keeps_its_outcome_records_an_event_and_lets_the_cadence_go_on() {
        Task task = tasks.create(callTask(START));
        clock.advance(Duration.ofMinutes(30));

        Task done = tasks.complete(task.id(), new TaskCompletion(OutcomeCode.CONNECTED, "Interested, call back in May",
                null, null, null));

        assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.outcomeCode()).isEqualTo(OutcomeCode.CONNECTED);
        assertThat(done.outcome()).isEqualTo("Interested, call back in May");
        assertThat(done.completedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(tasks.get(task.id())).isEqualTo(done);
        assertThat(published.stream(TaskClosed.class)).containsExactly(new TaskClosed(task.id(), enrollment.id(),
                callStep, TaskType.CALL, TaskState.COMPLETED, OutcomeCode.CONNECTED));
        assertThat(eventsOf(task)).containsExactly(Map.of("type", "TASK_DONE", "enrollment", enrollment.id(),
                "step", callStep, "sequence", sequence.id(), "owner", sdr.id(), "outcomeCode", "CONNECTED",
                "occurredAt", START.plus(Duration.ofMinutes(30))));
    }

    @Test
    void completing_a_manual_email_keeps_the_email_the_rep_edited() {
        Task task = tasks.create(new NewTask(enrollment.id(), emailStep, null, sdr.id(), null, TaskType.MANUAL_EMAIL,
                "Email Ada", null, START, "Hello Ada", "Hi Ada, draft.", "<p>Hi Ada, draft.</p>"));

        Task done = tasks.complete(task.id(), new TaskCompletion(null, null, "Quick question, Ada", "Hi Ada, edited.", ""));

        assertThat(done.outcomeCode()).as("the default of a manual email").isEqualTo(OutcomeCode.SENT);
        assertThat(done.draftSubject()).isEqualTo("Quick question, Ada");
        assertThat(done.draftBodyText()).isEqualTo("Hi Ada, edited.");
        assertThat(done.draftBodyHtml()).as("\"\" removes a part").isNull();
        assertThat(published.stream(TaskClosed.class)).extracting(TaskClosed::type, TaskClosed::stepId)
                .containsExactly(tuple(TaskType.MANUAL_EMAIL, emailStep));
    }

    @Test
    void without_edits_the_manual_email_is_sent_as_drafted() {
        Task task = tasks.create(new NewTask(enrollment.id(), emailStep, null, sdr.id(), null, TaskType.MANUAL_EMAIL,
                "Email Ada", null, START, "Hello Ada", "Hi Ada.", null));

        Task done = tasks.complete(task.id(), new TaskCompletion(OutcomeCode.SENT, null, null, null, null));

        assertThat(done.draftSubject()).isEqualTo("Hello Ada");
        assertThat(done.draftBodyText()).isEqualTo("Hi Ada.");
    }

    @Test
    void a_manual_email_cannot_be_completed_without_a_subject_or_a_body_or_with_a_header_in_its_subject() {
        Task task = tasks.create(new NewTask(enrollment.id(), emailStep, null, sdr.id(), null, TaskType.MANUAL_EMAIL,
                "Write to Ada", null, START, null, null, null));

        assertThatThrownBy(() -> tasks.complete(task.id(), new TaskCompletion(null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("subject", "bodyText"));
        assertThatThrownBy(() -> tasks.complete(task.id(), new TaskCompletion(null, null, "Hi\r\nBcc: all@example.com",
                "Body", null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("single line");
        assertThat(tasks.get(task.id()).state()).isEqualTo(TaskState.OPEN);
        assertThat(published.stream(TaskClosed.class)).isEmpty();
    }

    @Test
    void an_outcome_must_fit_the_task_and_a_call_needs_one() {
        Task call = tasks.create(callTask(START));

        assertThatThrownBy(() -> tasks.complete(call.id(), new TaskCompletion(null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outcomeCode");
        assertThatThrownBy(() -> tasks.complete(call.id(), new TaskCompletion(OutcomeCode.SENT, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outcomeCode");
        assertThatThrownBy(() -> tasks.complete(call.id(), new TaskCompletion(OutcomeCode.VOICEMAIL, null, "Subject",
                null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("MANUAL_EMAIL");
        assertThat(tasks.get(call.id()).state()).isEqualTo(TaskState.OPEN);
    }

    @Test
    void a_task_is_closed_once_completing_it_again_is_a_conflict() {
        Task task = tasks.create(callTask(START));
        tasks.complete(task.id(), new TaskCompletion(OutcomeCode.VOICEMAIL, null, null, null, null));

        assertThatThrownBy(() -> tasks.complete(task.id(), new TaskCompletion(OutcomeCode.CONNECTED, null, null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("task-not-open"));
        assertThatThrownBy(() -> tasks.skip(task.id(), "changed my mind"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("task-not-open"));
        assertThat(tasks.get(task.id()).outcomeCode()).isEqualTo(OutcomeCode.VOICEMAIL);
        assertThat(published.stream(TaskClosed.class)).hasSize(1);
        assertThat(eventsOf(task)).hasSize(1);
    }

    @Test
    void a_skipped_task_keeps_the_reason_records_an_event_and_lets_the_cadence_go_on() {
        Task task = tasks.create(callTask(START));

        Task skipped = tasks.skip(task.id(), "no phone number");

        assertThat(skipped.state()).isEqualTo(TaskState.SKIPPED);
        assertThat(skipped.outcome()).isEqualTo("no phone number");
        assertThat(skipped.outcomeCode()).isNull();
        assertThat(skipped.completedAt()).isEqualTo(START);
        assertThat(published.stream(TaskClosed.class)).containsExactly(new TaskClosed(task.id(), enrollment.id(),
                callStep, TaskType.CALL, TaskState.SKIPPED, null));
        assertThat(eventsOf(task)).extracting(e -> e.get("type")).containsExactly("TASK_SKIPPED");
    }

    @Test
    void when_an_enrollment_ends_its_open_tasks_are_skipped_without_advancing_anything() {
        Task open = tasks.create(callTask(START));
        Task elsewhere = tasks.create(standalone(sdr.id(), "Send the deck", START));

        tasks.cancelOpenTasks(enrollment.id());

        Task cancelled = tasks.get(open.id());
        assertThat(cancelled.state()).isEqualTo(TaskState.SKIPPED);
        assertThat(cancelled.outcome()).isEqualTo("enrollment ended");
        assertThat(tasks.get(elsewhere.id()).state()).isEqualTo(TaskState.OPEN);
        assertThat(published.stream(TaskClosed.class)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT type || ' ' || (data ->> 'cancelled') FROM event WHERE (data ->> 'taskId')::bigint = :taskId
                """).param("taskId", open.id()).query(String.class).list()).containsExactly("TASK_SKIPPED true");
        assertThatThrownBy(() -> tasks.complete(open.id(), new TaskCompletion(OutcomeCode.CONNECTED, null, null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("task-not-open"));
    }

    @Test
    void an_unknown_task_is_not_found() {
        assertThatThrownBy(() -> tasks.get(987_654_321L))
                .isInstanceOf(NotFoundException.class);
    }

    private NewTask callTask(Instant dueAt) {
        return new NewTask(enrollment.id(), callStep, null, sdr.id(), null, TaskType.CALL, "Call Ada", "Ask for the VP",
                dueAt, null, null, null);
    }

    private static NewTask standalone(long ownerId, String title, Instant dueAt) {
        return new NewTask(null, null, null, ownerId, null, TaskType.TASK, title, null, dueAt, null, null, null);
    }

    private List<Map<String, Object>> eventsOf(Task task) {
        return jdbc.sql("""
                SELECT type, occurred_at, enrollment_id, step_id, sequence_id, owner_id, data ->> 'outcomeCode' AS code
                  FROM event WHERE (data ->> 'taskId')::bigint = :taskId ORDER BY id
                """).param("taskId", task.id()).query((rs, row) -> Map.<String, Object>of("type", rs.getString("type"),
                "enrollment", rs.getLong("enrollment_id"), "step", rs.getLong("step_id"),
                "sequence", rs.getLong("sequence_id"), "owner", rs.getLong("owner_id"),
                "outcomeCode", String.valueOf(rs.getString("code")),
                "occurredAt", rs.getObject("occurred_at", OffsetDateTime.class).toInstant())).list();
    }

    private User anSdr() {
        return users.create(aUser(Role.SDR, "Sam"));
    }
}

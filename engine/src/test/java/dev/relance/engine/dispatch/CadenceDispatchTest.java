package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.greenMailMailbox;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static dev.relance.engine.dispatch.Cadences.task;
import static dev.relance.engine.dispatch.Cadences.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.task.OutcomeCode;
import dev.relance.engine.task.Task;
import dev.relance.engine.task.TaskCompletion;
import dev.relance.engine.task.TaskFilter;
import dev.relance.engine.task.TaskPageRequest;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskState;

/** A real cadence through the real dispatcher, SMTP into GreenMail, driven by a test clock. */
@DispatchTest
class CadenceDispatchTest extends DispatchTestBase {

    @Autowired
    TaskService tasks;

    @Test
    void a_four_step_cadence_runs_to_its_end_with_threaded_headers() throws Exception {
        clock.set(Instant.parse("2026-03-03T09:00:00Z")); // Tuesday 10:00 in Paris
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 200, 50, 0));
        Sequence sequence = sequences.create(sequence(List.of(
                email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Who handles outbound at {{ company | default: 'your team' }}?",
                        "Hi {{ first_name }}, who looks after outbound?"),
                email(2, DelayUnit.BUSINESS_DAYS, ThreadMode.REPLY_IN_THREAD, null, "Hi {{ first_name }}, bumping this."),
                task(StepType.CALL, 1, DelayUnit.DAYS, "Call and ask for a name"),
                email(3, DelayUnit.BUSINESS_DAYS, ThreadMode.NEW_THREAD, "Closing the loop", "Hi {{ first_name }}, last note.")),
                weekdays(), LocalTime.of(9, 0), LocalTime.of(17, 0), null), sdr.id());
        Prospect ada = prospects.create(new ProspectDraft("ada@analytics.test", "Ada", "Lovelace", null, null, null,
                "Europe/Paris", "en-GB", "FR", null, Map.of(), sdr.id(), null, "Analytics Inc"));
        Enrollment enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), ada.id(), mailbox.id(), null),
                sdr.id(), sdr.id());

        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        MimeMessage first = onlyNewEmail(0);
        assertThat(first.getSubject()).isEqualTo("Who handles outbound at Analytics Inc?");
        String firstId = first.getHeader("Message-ID")[0];
        assertThat(firstId).endsWith("@relance.test>");
        assertThat(first.getHeader("List-Unsubscribe")[0]).contains("https://", "/u/").contains("mailto:");
        assertThat(first.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(first.getHeader("In-Reply-To")).isNull();

        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).as("not before 2 business days").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        MimeMessage second = onlyNewEmail(1);
        assertThat(second.getSubject()).isEqualTo("Re: Who handles outbound at Analytics Inc?");
        assertThat(second.getHeader("In-Reply-To")[0]).isEqualTo(firstId);
        assertThat(second.getHeader("References")[0]).contains(firstId);

        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.runDueWork().count(StepOutcome.TASK_CREATED)).isEqualTo(1);
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.WAITING_TASK);
        Task call = tasks.list(TaskPageRequest.first(10), new TaskFilter(sdr.id(), TaskState.OPEN, null, null, null))
                .items().getFirst();
        assertThat(call.title()).isEqualTo("Call Ada Lovelace");
        tasks.complete(call.id(), new TaskCompletion(OutcomeCode.VOICEMAIL, "left a message", null, null, null));
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.ACTIVE);

        clock.advance(Duration.ofDays(5)); // Wednesday after: 3 business days after Friday
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        MimeMessage last = onlyNewEmail(2);
        assertThat(last.getSubject()).isEqualTo("Closing the loop");
        assertThat(last.getHeader("In-Reply-To")).isNull();
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.FINISHED);
        assertThat(dispatcher.runDueWork().claimed()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void a_linkedin_connect_step_gives_the_rep_a_linkedin_task_naming_the_action_and_the_profile() {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
        Sequence sequence = sequences.create(sequence(List.of(
                task(StepType.LINKEDIN_CONNECT, 0, DelayUnit.MINUTES, "Connect, no pitch")),
                weekdays(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
        Prospect prospect = prospects.create(new ProspectDraft("grace@navy.test", "Grace", "Hopper", null, null,
                "https://www.linkedin.com/in/grace-hopper", "Europe/Paris", "en", "US", null, Map.of(), sdr.id(), null,
                null));
        enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null), sdr.id(), sdr.id());

        dispatcher.runDueWork();

        Task task = tasks.list(TaskPageRequest.first(10), new TaskFilter(sdr.id(), TaskState.OPEN, null, null, null))
                .items().getFirst();
        assertThat(task.type()).isEqualTo(dev.relance.engine.task.TaskType.LINKEDIN);
        assertThat(task.title()).isEqualTo("LinkedIn: send a connection request to Grace Hopper");
        assertThat(task.note()).isEqualTo("Connect, no pitch\n\nProfile: https://www.linkedin.com/in/grace-hopper");
    }

    @Test
    void a_step_due_outside_the_window_waits_for_the_next_opening() {
        clock.set(Instant.parse("2026-03-06T18:00:00Z")); // Friday 19:00 in Paris
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 200, 50, 0));
        Sequence sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hi",
                "Hello {{ first_name }}")), weekdays(), LocalTime.of(9, 0), LocalTime.of(11, 0), null), sdr.id());
        Prospect prospect = prospects.create(new ProspectDraft("late@window.test", "Lea", null, null, null, null,
                "Europe/Paris", "fr-FR", "FR", null, Map.of(), sdr.id(), null, null));
        Enrollment enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null),
                sdr.id(), sdr.id());

        assertThat(dispatcher.runDueWork().count(StepOutcome.DEFERRED)).isEqualTo(1);
        Instant next = enrollments.get(enrollment.id()).nextRunAt();
        // Monday 09:00 Paris (08:00Z) plus at most the 20 minutes of jitter
        assertThat(next).isBetween(Instant.parse("2026-03-09T08:00:00Z"), Instant.parse("2026-03-09T08:20:00Z"));
        clock.set(next);
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
    }

    private MimeMessage onlyNewEmail(int index) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(index + 1);
        return received[index];
    }
}

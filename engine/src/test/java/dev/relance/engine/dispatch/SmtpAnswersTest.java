package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.greenMailMailbox;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.mailbox.SendOutcome;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.task.TaskFilter;
import dev.relance.engine.task.TaskPageRequest;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskState;

/** What the dispatcher does with each kind of SMTP answer. */
@DispatchTest
@Import(CrashAndPauseTest.Transport.class)
class SmtpAnswersTest extends DispatchTestBase {

    @Autowired
    SuppressionService suppressions;
    @Autowired
    TaskService tasks;
    @Autowired
    ControllableTransport transport;

    Sequence sequence;

    @BeforeEach
    void aCadence() {
        transport.forced = null;
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}")), everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
    }

    @Test
    void a_5xx_at_rcpt_is_a_hard_bounce_that_suppresses_the_address_and_ends_the_enrollment() {
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
        Enrollment enrollment = enroll("gone@bounce.test", mailbox);
        transport.forced = new SendOutcome.Rejected(550, "5.1.1", "550 5.1.1 user unknown");

        assertThat(dispatcher.runDueWork().count(StepOutcome.BOUNCED)).isEqualTo(1);

        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.BOUNCED);
        assertThat(suppressions.suppressing("gone@bounce.test")).hasValueSatisfying(
                s -> assertThat(s.reason()).isEqualTo(SuppressionReason.HARD_BOUNCE));
        assertThat(messageState(enrollment)).isEqualTo("FAILED");
    }

    @Test
    void a_4xx_is_retried_with_a_growing_wait_and_never_dropped() {
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
        Enrollment enrollment = enroll("busy@later.test", mailbox);
        transport.forced = new SendOutcome.Deferred("451 4.7.1 try again later", 451);

        assertThat(dispatcher.runDueWork().count(StepOutcome.DEFERRED)).isEqualTo(1);
        Instant firstRetry = enrollments.get(enrollment.id()).nextRunAt();
        assertThat(firstRetry).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.set(firstRetry);
        dispatcher.runDueWork();
        assertThat(enrollments.get(enrollment.id()).nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        transport.forced = null;
        clock.set(enrollments.get(enrollment.id()).nextRunAt());
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM message WHERE enrollment_id = :e").param("e", enrollment.id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void an_authentication_failure_pauses_the_mailbox_and_keeps_its_waiting_steps() {
        ServerDraft wrong = new ServerDraft("127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.NONE,
                Cadences.GREENMAIL_LOGIN, "not-the-password");
        MailboxDraft draft = greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0);
        Mailbox mailbox = mailboxes.create(new MailboxDraft(draft.emailAddress(), draft.displayName(), null, sdr.id(), wrong,
                null, 500, 500, 0, 0, "Europe/Paris", null));
        Enrollment enrollment = enroll("waiting@auth.test", mailbox);

        dispatcher.runDueWork();

        assertThat(mailboxes.get(mailbox.id()).status()).isEqualTo(MailboxStatus.AUTH_FAILED);
        assertThat(tasks.list(TaskPageRequest.first(10), new TaskFilter(sdr.id(), TaskState.OPEN, null, null, null)).items())
                .singleElement().satisfies(task -> assertThat(task.title()).contains(mailbox.emailAddress(), "paused"));
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.ACTIVE);
        assertThat(dispatcher.runDueWork().claimed()).as("a paused mailbox sends nothing").isZero();

        mailboxes.replace(mailbox.id(), new MailboxDraft(draft.emailAddress(), draft.displayName(), null, sdr.id(),
                draft.smtp(), null, 500, 500, 0, 0, "Europe/Paris", null));
        mailboxes.changeStatus(mailbox.id(), MailboxStatus.ACTIVE, null);
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
    }

    private Enrollment enroll(String email, Mailbox mailbox) {
        return enroll(sequence, prospect(email), mailbox);
    }

}

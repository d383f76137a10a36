package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.greenMailMailbox;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentProgress;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.MailTransport;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.ThreadMode;

/** Crashes at the two dangerous moments, and a pause while a batch is being sent. */
@DispatchTest
@Import(CrashAndPauseTest.Transport.class)
class CrashAndPauseTest extends DispatchTestBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class Transport {
        @Bean
        @Primary
        ControllableTransport controllableTransport(@Qualifier("smtpMailTransport") MailTransport real) {
            return new ControllableTransport(real);
        }
    }

    @Autowired
    InFlightRecovery recovery;
    @Autowired
    EnrollmentProgress progress;
    @Autowired
    ControllableTransport transport;

    Mailbox mailbox;
    Sequence sequence;

    @BeforeEach
    void aCadence() {
        transport.crashAfterAccept = false;
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), greenMail.getImap().getPort(),
                500, 500, 0));
        sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}"), email(1, DelayUnit.DAYS, ThreadMode.REPLY_IN_THREAD, null, "Again")),
                everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
    }

    @Test
    void a_crash_between_claim_and_send_loses_nothing_and_sends_once() {
        Enrollment enrollment = enroll("claimed@crash.test");
        List<ClaimedEnrollment> claimed = progress.claimDue(10, Duration.ofMinutes(5));
        assertThat(claimed).extracting(ClaimedEnrollment::id).containsExactly(enrollment.id());
        // the dispatcher that claimed it dies here

        assertThat(dispatcher.runDueWork().claimed()).as("still held by the dead dispatcher's lease").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(dispatcher.runDueWork().count(StepOutcome.SENT)).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_crash_between_smtp_accept_and_commit_is_never_resent_blindly_but_flagged() throws Exception {
        Enrollment enrollment = enroll("accepted@crash.test");
        transport.crashAfterAccept = true;
        dispatcher.runDueWork();
        transport.crashAfterAccept = false;
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(messageState(enrollment)).isEqualTo("SENDING");

        clock.advance(Duration.ofMinutes(6)); // "restart": the dead dispatcher's work is stale
        assertThat(recovery.recover()).isEqualTo(1);
        dispatcher.runDueWork();

        assertThat(greenMail.getReceivedMessages()).as("no duplicate").hasSize(1);
        assertThat(messageState(enrollment)).isEqualTo("UNKNOWN");
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.NEEDS_ATTENTION);
        assertThat(enrollments.get(enrollment.id()).stateReason()).contains("may or may not have reached");

        enrollments.resume(enrollment.id()); // the owner checked and chose to send it again
        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessages()).as("the duplicate the owner accepted").hasSize(2);
        assertThat(jdbc.sql("SELECT possible_duplicate FROM message WHERE enrollment_id = :e").param("e", enrollment.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(greenMail.getReceivedMessages()[1].getMessageID())
                .isEqualTo(greenMail.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void a_crashed_send_found_in_the_sent_folder_is_recorded_as_sent_and_the_cadence_goes_on() throws Exception {
        Enrollment enrollment = enroll("found@crash.test");
        transport.crashAfterAccept = true;
        dispatcher.runDueWork();
        transport.crashAfterAccept = false;
        // A server that files sent mail itself (Gmail): the copy is in the Sent folder.
        var imap = mailboxes.imapCredentials(mailbox.id()).orElseThrow();
        var sent = greenMail.getReceivedMessages()[0];
        appendToSent(sent);

        clock.advance(Duration.ofMinutes(6));
        recovery.recover();

        assertThat(messageState(enrollment)).isEqualTo("SENT");
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.ACTIVE);
        assertThat(imap.mailboxId()).isEqualTo(mailbox.id());
        clock.advance(Duration.ofDays(1));
        dispatcher.runDueWork();
        List<String> ids = new ArrayList<>();
        for (var received : greenMail.getReceivedMessages()) {
            ids.add(received.getMessageID());
        }
        assertThat(ids.stream().distinct()).as("the first email (and its Sent copy) and its follow-up").hasSize(2);
    }

    @Test
    void a_sequence_paused_while_a_batch_is_in_flight_sends_nothing_after_the_pause_returns() throws Exception {
        for (int i = 0; i < 10; i++) {
            enroll("batch" + i + "@pause.test");
        }
        transport.inSend = new CountDownLatch(1);
        transport.proceed = new CountDownLatch(1);
        CountDownLatch inSend = transport.inSend;
        Thread dispatching = Thread.ofVirtual().start(dispatcher::runDueWork);
        assertThat(inSend.await(30, TimeUnit.SECONDS)).isTrue();

        List<Integer> receivedWhenPauseReturned = new ArrayList<>();
        Thread pausing = Thread.ofVirtual().start(() -> {
            sequences.changeStatus(sequence.id(), SequenceStatus.PAUSED);
            receivedWhenPauseReturned.add(greenMail.getReceivedMessages().length);
        });
        awaitAChangeWaitingForALock("the pause waits for the send in flight");
        transport.proceed.countDown();
        pausing.join(30_000);
        dispatching.join(30_000);

        // The pause waited for the send in flight (and, as PostgreSQL does not queue a writer ahead of
        // new share locks, maybe for a few more); once it returned, nothing else went out.
        assertThat(receivedWhenPauseReturned).hasSize(1);
        int atPause = receivedWhenPauseReturned.getFirst();
        assertThat(atPause).isBetween(1, 9);
        assertThat(greenMail.getReceivedMessages()).hasSize(atPause);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE state = 'SENT' AND mailbox_id = :m")
                .param("m", mailbox.id()).query(Long.class).single()).isEqualTo(atPause);
    }

    private void appendToSent(jakarta.mail.internet.MimeMessage message) throws Exception {
        var session = jakarta.mail.Session.getInstance(new java.util.Properties());
        try (var store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), Cadences.GREENMAIL_LOGIN, Cadences.GREENMAIL_PASSWORD);
            var folder = store.getFolder("Sent");
            if (!folder.exists()) {
                folder.create(jakarta.mail.Folder.HOLDS_MESSAGES);
            }
            folder.appendMessages(new jakarta.mail.Message[] {message});
        }
    }

    private Enrollment enroll(String email) {
        return enroll(sequence, prospect(email), mailbox);
    }

}

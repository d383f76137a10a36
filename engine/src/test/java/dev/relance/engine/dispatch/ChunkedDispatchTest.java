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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.enrollment.ProspectSignals;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.SendOutcome;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.support.Timestamps;

/**
 * A mailbox's due steps go out in chunks (one transaction records their SENDING messages, one
 * sends them and records the answers): every step of a chunk still gets its own checks and answers.
 */
@DispatchTest
@Import(CrashAndPauseTest.Transport.class)
class ChunkedDispatchTest extends DispatchTestBase {

    @Autowired
    ControllableTransport transport;
    @Autowired
    InFlightRecovery recovery;
    @Autowired
    ProspectSignals signals;
    @Autowired
    SuppressionService suppressions;

    Sequence sequence;

    @BeforeEach
    void aCadence() {
        transport.forced = null;
        transport.forcedOnce = null;
        transport.dieBeforeSend = false;
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}")), everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
    }

    @Test
    void an_enrollment_paused_while_its_chunk_is_in_flight_is_not_sent_and_the_rest_of_the_chunk_is() throws Exception {
        Mailbox mailbox = mailbox(500, 500, 0, false);
        List<Enrollment> enrolled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            enrolled.add(enroll(sequence, prospect("chunk" + i + "@pause.test"), mailbox));
        }
        String held = holdTheFirstSendWhile(() -> {
            Enrollment other = enrolled.stream().filter(e -> !recipientOf(e).equals(transport.heldRecipient)).findFirst()
                    .orElseThrow();
            enrollments.pause(other.id(), "paused by a person");
            return recipientOf(other);
        });

        assertThat(received()).hasSize(4).doesNotContain(held);
        Enrollment paused = enrolled.stream().filter(e -> recipientOf(e).equals(held)).findFirst().orElseThrow();
        assertThat(enrollments.get(paused.id()).state()).isEqualTo(EnrollmentState.PAUSED);
        assertThat(messageState(paused)).isEqualTo("RETRY");
        assertThat(sentCount(mailbox)).isEqualTo(4);
        assertThat(counters(mailbox)).as("the slot of the unsent message was given back").isEqualTo(4);
    }

    @Test
    void a_prospect_who_unsubscribes_while_the_chunk_is_in_flight_gets_nothing() throws Exception {
        Mailbox mailbox = mailbox(500, 500, 0, false);
        List<Enrollment> enrolled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            enrolled.add(enroll(sequence, prospect("chunk" + i + "@unsubscribe.test"), mailbox));
        }
        String gone = holdTheFirstSendWhile(() -> {
            Enrollment other = enrolled.stream().filter(e -> !recipientOf(e).equals(transport.heldRecipient)).findFirst()
                    .orElseThrow();
            signals.unsubscribed(other.prospectId(), recipientOf(other), null, "test");
            return recipientOf(other);
        });

        assertThat(received()).hasSize(4).doesNotContain(gone);
        assertThat(sentCount(mailbox)).isEqualTo(4);
    }

    @Test
    void the_suppressed_steps_of_a_chunk_are_stopped_one_by_one_and_the_others_sent() {
        Mailbox mailbox = mailbox(500, 500, 0, false);
        List<Enrollment> enrolled = new ArrayList<>();
        for (String email : List.of("a@fine.test", "b@optout.test", "c@fine.test", "d@blocked.test", "e@fine.test")) {
            enrolled.add(enroll(sequence, prospect(email), mailbox));
        }
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "B@optout.test", SuppressionReason.UNSUBSCRIBED,
                "reply"), null);
        suppressions.create(new SuppressionDraft(SuppressionKind.DOMAIN, "blocked.test", SuppressionReason.MANUAL,
                "legal"), null);

        var report = dispatcher.runDueWork();

        assertThat(report.count(StepOutcome.SENT)).isEqualTo(3);
        assertThat(report.count(StepOutcome.STOPPED)).isEqualTo(2);
        assertThat(received()).containsExactlyInAnyOrder("a@fine.test", "c@fine.test", "e@fine.test");
        assertThat(enrollments.get(enrolled.get(1).id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
        assertThat(enrollments.get(enrolled.get(3).id()).state()).isEqualTo(EnrollmentState.STOPPED);
    }

    @Test
    void a_cap_is_exact_across_chunks_and_a_temporary_failure_gives_its_slot_back() {
        Mailbox mailbox = mailbox(3, 500, 0, false);
        List<Enrollment> enrolled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            enrolled.add(enroll(sequence, prospect("capped" + i + "@retry.test"), mailbox));
        }
        transport.forcedOnce = new SendOutcome.Deferred("451 4.7.1 try again later", 451);

        var first = dispatcher.runDueWork();
        assertThat(first.count(StepOutcome.SENT)).isEqualTo(2);
        assertThat(counters(mailbox)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(10)); // past the first retry's wait, same day
        dispatcher.runDueWork();
        assertThat(received()).as("the retried message took the slot it gave back").hasSize(3);
        assertThat(counters(mailbox)).isEqualTo(3);
        assertThat(sentCount(mailbox)).isEqualTo(3);

        clock.advance(Duration.ofDays(1));
        dispatcher.runDueWork();
        assertThat(sentCount(mailbox)).as("the two left, the next day").isEqualTo(5);
        assertThat(counters(mailbox)).isEqualTo(2);
    }

    @Test
    void an_hourly_cap_holds_in_every_sliding_hour_with_chunks() {
        Mailbox mailbox = mailbox(1000, 7, 0, false);
        for (int i = 0; i < 30; i++) {
            enroll(sequence, prospect("hourly" + i + "@capped.test"), mailbox);
        }
        Instant end = clock.instant().plus(Duration.ofHours(6));
        while (clock.instant().isBefore(end)) {
            dispatcher.runDueWork();
            clock.advance(Duration.ofMinutes(7));
        }

        List<Instant> sent = jdbc.sql("SELECT sent_at FROM message WHERE mailbox_id = :m AND state = 'SENT' ORDER BY sent_at")
                .param("m", mailbox.id()).query((rs, row) -> Timestamps.instant(rs, "sent_at")).list();
        assertThat(sent).hasSize(30);
        for (Instant start : sent) {
            long inHour = sent.stream().filter(at -> !at.isBefore(start) && at.isBefore(start.plus(Duration.ofHours(1)))).count();
            assertThat(inHour).as("sends in the hour from " + start).isLessThanOrEqualTo(7);
        }
    }

    @Test
    void a_crash_between_the_chunks_sending_commit_and_smtp_is_never_resent_blindly() {
        Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(),
                greenMail.getImap().getPort(), 500, 500, 0));
        List<Enrollment> enrolled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enrolled.add(enroll(sequence, prospect("crash" + i + "@chunk.test"), mailbox));
        }
        transport.dieBeforeSend = true;
        dispatcher.runDueWork();
        transport.dieBeforeSend = false;
        assertThat(enrolled).allSatisfy(e -> assertThat(messageState(e)).isEqualTo("SENDING"));

        clock.advance(Duration.ofMinutes(6)); // "restart": the dead dispatcher's work is stale
        assertThat(recovery.recover()).isEqualTo(3);
        dispatcher.runDueWork();

        assertThat(received()).as("none of them found in the Sent folder, none resent").isEmpty();
        assertThat(enrolled).allSatisfy(e -> {
            assertThat(messageState(e)).isEqualTo("UNKNOWN");
            assertThat(enrollments.get(e.id()).state()).isEqualTo(EnrollmentState.NEEDS_ATTENTION);
        });
    }

    /**
     * Runs the due work with its first email held in the middle of its SMTP send; meanwhile runs
     * {@code change} on another thread and lets the send go on once the change waits for a lock.
     */
    private String holdTheFirstSendWhile(java.util.concurrent.Callable<String> change) throws Exception {
        transport.inSend = new CountDownLatch(1);
        transport.proceed = new CountDownLatch(1);
        CountDownLatch inSend = transport.inSend;
        Thread dispatching = Thread.ofVirtual().start(dispatcher::runDueWork);
        assertThat(inSend.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> changed = new ArrayList<>();
        Thread changing = Thread.ofVirtual().start(() -> {
            try {
                changed.add(change.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitAChangeWaitingForALock("the change waits for the chunk in flight");
        transport.proceed.countDown();
        changing.join(30_000);
        dispatching.join(30_000);
        return changed.getFirst();
    }

    private String recipientOf(Enrollment enrollment) {
        return jdbc.sql("SELECT email FROM prospect WHERE id = :p").param("p", enrollment.prospectId()).query(String.class)
                .single();
    }

    private List<String> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long sentCount(Mailbox mailbox) {
        return jdbc.sql("SELECT count(*) FROM message WHERE mailbox_id = :m AND state = 'SENT'").param("m", mailbox.id())
                .query(Long.class).single();
    }

    private int counters(Mailbox mailbox) {
        return jdbc.sql("SELECT sent_on_cap_day FROM mailbox WHERE id = :m").param("m", mailbox.id()).query(Integer.class)
                .single();
    }
}

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

import dev.relance.engine.enrollment.BulkEnrollmentRequest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentState;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.ThreadMode;

/** The rules checked again at send time, and the controls around them. */
@DispatchTest
class SendTimeRulesTest extends DispatchTestBase {

    @Autowired
    SuppressionService suppressions;

    Mailbox mailbox;

    @BeforeEach
    void aMailbox() {
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
    }

    @Test
    void an_address_suppressed_after_enrollment_is_never_written_to() {
        Sequence sequence = oneEmail();
        Enrollment enrollment = enroll(sequence, prospect("later@optout.test"));
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "later@optout.test", SuppressionReason.UNSUBSCRIBED,
                "reply"), null);

        assertThat(dispatcher.runDueWork().count(StepOutcome.STOPPED)).isEqualTo(1);
        assertThat(enrollments.get(enrollment.id()).state()).isEqualTo(EnrollmentState.UNSUBSCRIBED);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void two_sequences_never_write_to_one_prospect_within_the_frequency_cap() {
        Prospect prospect = prospect("busy@frequency.test");
        Enrollment first = enroll(oneEmail(), prospect);
        Enrollment second = enroll(oneEmail(), prospect);

        dispatcher.runDueWork();

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        Enrollment waiting = enrollments.get(first.id()).state() == EnrollmentState.FINISHED
                ? enrollments.get(second.id()) : enrollments.get(first.id());
        assertThat(waiting.nextRunAt()).isAfterOrEqualTo(clock.instant().plus(Duration.ofHours(24)));
        clock.set(waiting.nextRunAt());
        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void a_mailbox_pool_rotates_first_touches_and_follow_ups_stay_in_their_mailbox() {
        Mailbox other = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 0));
        Sequence sequence = sequences.create(sequence(List.of(
                email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello", "Hi {{ first_name }}"),
                email(1, DelayUnit.DAYS, ThreadMode.REPLY_IN_THREAD, null, "Again")),
                everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
        List<Long> ids = List.of(prospect("a@pool.test").id(), prospect("b@pool.test").id(), prospect("c@pool.test").id(),
                prospect("d@pool.test").id());

        var result = enrollments.enrollAll(new BulkEnrollmentRequest(sequence.id(), ids, null, null,
                List.of(mailbox.id(), other.id())), sdr.id(), sdr.id());
        assertThat(result.enrolled()).extracting(Enrollment::mailboxId)
                .containsExactly(mailbox.id(), other.id(), mailbox.id(), other.id());

        dispatcher.runDueWork();
        clock.advance(Duration.ofDays(1));
        dispatcher.runDueWork();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM message m JOIN enrollment e ON e.id = m.enrollment_id
                 WHERE e.sequence_id = :s AND m.mailbox_id <> e.mailbox_id
                """).param("s", sequence.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM message m JOIN enrollment e ON e.id = m.enrollment_id WHERE e.sequence_id = :s")
                .param("s", sequence.id()).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void a_booked_meeting_stops_every_live_enrollment_of_the_prospect() {
        Prospect prospect = prospect("booked@meeting.test");
        Enrollment one = enroll(oneEmail(), prospect);
        Enrollment two = enroll(oneEmail(), prospect);

        assertThat(enrollments.meetingBooked(prospect.id())).isEqualTo(2);

        assertThat(enrollments.get(one.id()).state()).isEqualTo(EnrollmentState.STOPPED);
        assertThat(enrollments.get(two.id()).stateReason()).isEqualTo("meeting booked");
        assertThat(dispatcher.runDueWork().claimed()).isZero();
    }

    @Test
    void minimum_spacing_keeps_two_sends_of_a_mailbox_apart() {
        Mailbox slow = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 500, 500, 120));
        Sequence sequence = oneEmail();
        enroll(sequence, prospect("first@spacing.test"), slow);
        enroll(sequence, prospect("second@spacing.test"), slow);

        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        clock.advance(Duration.ofSeconds(119));
        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.runDueWork();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    private Sequence oneEmail() {
        return sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}")), everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
    }

    private Enrollment enroll(Sequence sequence, Prospect prospect) {
        return enroll(sequence, prospect, mailbox);
    }

}

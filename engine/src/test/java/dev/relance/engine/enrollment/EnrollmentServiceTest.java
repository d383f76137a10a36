package dev.relance.engine.enrollment;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;
import static dev.relance.engine.testing.Drafts.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.SuppressionDraft;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;

@EngineTest
class EnrollmentServiceTest {

    @Autowired
    EnrollmentService enrollments;
    @Autowired
    ProspectService prospects;
    @Autowired
    SequenceService sequences;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    SuppressionService suppressions;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    User sdr;
    Mailbox mailbox;

    @BeforeEach
    void anSdrWithAMailbox() {
        clock.set(TestClockConfiguration.START);
        sdr = users.create(aUser(Role.SDR, "Sam"));
        mailbox = mailboxes.create(aMailbox(sdr.id()));
    }

    @Test
    void an_enrollment_starts_active_on_the_first_step_due_after_its_delay() {
        Sequence sequence = sequences.create(aSequence().withEmailAfter(2, DelayUnit.HOURS).build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());

        Enrollment enrollment = enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id());

        assertThat(enrollment.state()).isEqualTo(EnrollmentState.ACTIVE);
        assertThat(enrollment.currentStepId()).isEqualTo(sequence.steps().getFirst().id());
        assertThat(enrollment.mailboxId()).isEqualTo(mailbox.id());
        assertThat(enrollment.nextRunAt()).isEqualTo(TestClockConfiguration.START.plus(Duration.ofHours(2)));
    }

    @Test
    void business_days_skip_the_weekend_in_the_prospects_time_zone() {
        // Friday 2026-03-06 18:00 in Paris; one business day later is Monday 18:00 Paris time.
        clock.set(Instant.parse("2026-03-06T17:00:00Z"));
        Sequence sequence = sequences.create(aSequence().withEmailAfter(1, DelayUnit.BUSINESS_DAYS).build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().inZone("Europe/Paris").build());

        Enrollment enrollment = enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id());

        assertThat(enrollment.nextRunAt()).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
    }

    @Test
    void without_a_mailbox_the_owners_active_mailbox_is_used() {
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());

        Enrollment enrollment = enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), null, null), sdr.id(), sdr.id());

        assertThat(enrollment.mailboxId()).isEqualTo(mailbox.id());
    }

    @Test
    void another_users_mailbox_is_refused() {
        User other = users.create(aUser(Role.SDR, "O"));
        Mailbox theirs = mailboxes.create(aMailbox(other.id()));
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());

        assertThatThrownBy(() -> enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), theirs.id(), null),
                sdr.id(), sdr.id())).isInstanceOf(InvalidInputException.class).hasMessageContaining("mailboxId");
    }

    @Test
    void a_prospect_is_never_twice_live_in_the_same_sequence_but_may_return_after_it_ended() {
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());
        Enrollment first = enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id());

        assertThatThrownBy(() -> enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("already-enrolled"));
        assertThat(enrollmentsOf(prospect)).isEqualTo(1);

        enrollments.stop(first.id(), null);
        assertThat(enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id()).state()).isEqualTo(EnrollmentState.ACTIVE);
    }

    @Test
    void a_suppressed_address_or_domain_is_refused_and_nothing_is_written() {
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        Prospect byAddress = prospects.create(aProspect().withEmail("no-thanks@blocked-one.test").build());
        Prospect byDomain = prospects.create(aProspect().withEmail("anyone@blocked-two.test").build());
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "No-Thanks@Blocked-One.test", null, null), sdr.id());
        suppressions.create(new SuppressionDraft(SuppressionKind.DOMAIN, "blocked-two.test", null, null), sdr.id());

        for (Prospect prospect : List.of(byAddress, byDomain)) {
            assertThatThrownBy(() -> enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("suppressed"));
            assertThat(enrollmentsOf(prospect)).isZero();
        }
    }

    @Test
    void an_exclusive_sequence_admits_no_prospect_who_is_live_elsewhere_and_the_reverse() {
        Sequence exclusive = sequences.create(aSequence().exclusive().build(), sdr.id());
        Sequence ordinary = sequences.create(aSequence().build(), sdr.id());
        Prospect busy = prospects.create(aProspect().build());
        enrollments.enroll(request(ordinary, busy), sdr.id(), sdr.id());
        assertThatThrownBy(() -> enrollments.enroll(request(exclusive, busy), sdr.id(), sdr.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("exclusive"));

        Prospect devoted = prospects.create(aProspect().build());
        enrollments.enroll(request(exclusive, devoted), sdr.id(), sdr.id());
        assertThatThrownBy(() -> enrollments.enroll(request(ordinary, devoted), sdr.id(), sdr.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("exclusive"));
    }

    @Test
    void an_archived_sequence_takes_no_enrollment() {
        Sequence sequence = sequences.create(aSequence().withStatus(SequenceStatus.ARCHIVED).build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());
        assertThatThrownBy(() -> enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("sequence-archived"));
    }

    @Test
    void pause_resume_and_stop_follow_the_state_machine() {
        Sequence sequence = sequences.create(aSequence().withEmailAfter(1, DelayUnit.DAYS).build(), sdr.id());
        Prospect prospect = prospects.create(aProspect().build());
        Enrollment enrollment = enrollments.enroll(request(sequence, prospect), sdr.id(), sdr.id());

        Enrollment paused = enrollments.pause(enrollment.id(), "on holiday");
        assertThat(paused.state()).isEqualTo(EnrollmentState.PAUSED);
        assertThat(paused.stateReason()).isEqualTo("on holiday");

        clock.advance(Duration.ofDays(3));
        Enrollment resumed = enrollments.resume(enrollment.id());
        assertThat(resumed.state()).isEqualTo(EnrollmentState.ACTIVE);
        assertThat(resumed.nextRunAt()).as("a step whose time passed while paused is due now").isEqualTo(clock.instant());
        assertThat(resumed.currentStepId()).isEqualTo(enrollment.currentStepId());

        Enrollment stopped = enrollments.stop(enrollment.id(), null);
        assertThat(stopped.state()).isEqualTo(EnrollmentState.STOPPED);
        assertThat(stopped.finishedAt()).isEqualTo(clock.instant());
        assertThat(stopped.nextRunAt()).isNull();
        assertThatThrownBy(() -> enrollments.resume(enrollment.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invalid-transition"));
    }

    @Test
    void bulk_enrollment_enrolls_the_valid_and_reports_every_skipped_prospect_with_its_reason() {
        Sequence sequence = sequences.create(aSequence().build(), sdr.id());
        Prospect fine = prospects.create(aProspect().build());
        Prospect already = prospects.create(aProspect().build());
        enrollments.enroll(request(sequence, already), sdr.id(), sdr.id());
        Prospect suppressed = prospects.create(aProspect().withEmail("gone@suppressed-bulk.test").build());
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "gone@suppressed-bulk.test", null, null), null);

        BulkEnrollmentResult result = enrollments.enrollAll(new BulkEnrollmentRequest(sequence.id(),
                List.of(fine.id(), already.id(), suppressed.id(), 987654321L), mailbox.id(), null), sdr.id(), sdr.id());

        assertThat(result.enrolled()).extracting(Enrollment::prospectId).containsExactly(fine.id());
        assertThat(result.skipped()).extracting(BulkEnrollmentResult.Skipped::code)
                .containsExactly("already-enrolled", "suppressed", "not-found");
    }

    @Test
    void the_transitions_allowed_are_those_of_the_state_machine() {
        assertThat(EnrollmentState.ACTIVE.canBecome(EnrollmentState.PAUSED)).isTrue();
        assertThat(EnrollmentState.PAUSED.canBecome(EnrollmentState.ACTIVE)).isTrue();
        assertThat(EnrollmentState.FINISHED.canBecome(EnrollmentState.ACTIVE)).isFalse();
        assertThat(EnrollmentState.STOPPED.canBecome(EnrollmentState.PAUSED)).isFalse();
        assertThat(EnrollmentState.PAUSED.canBecome(EnrollmentState.WAITING_TASK)).isFalse();
    }

    private EnrollmentRequest request(Sequence sequence, Prospect prospect) {
        return new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null);
    }

    private long enrollmentsOf(Prospect prospect) {
        return jdbc.sql("SELECT count(*) FROM enrollment WHERE prospect_id = :id").param("id", prospect.id())
                .query(Long.class).single();
    }
}

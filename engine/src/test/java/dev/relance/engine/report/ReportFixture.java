package dev.relance.engine.report;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static dev.relance.engine.testing.Drafts.aSequence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.mailbox.MailboxService;
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
import dev.relance.engine.support.Timestamps;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/**
 * Builds report datasets: users, a sequence whose first step is an email with variants A, B and C
 * and whose second is a call, enrolled prospects, and events appended through {@link EventLog}.
 */
final class ReportFixture {

    final UserService users;
    final MailboxService mailboxes;
    final SequenceService sequences;
    final ProspectService prospects;
    final EnrollmentService enrollments;
    final EventLog events;
    final JdbcClient jdbc;

    Sequence sequence;
    long emailStep;
    long callStep;
    long variantA;
    long variantB;
    long variantC;

    ReportFixture(UserService users, MailboxService mailboxes, SequenceService sequences, ProspectService prospects,
            EnrollmentService enrollments, EventLog events, JdbcClient jdbc) {
        this.users = users;
        this.mailboxes = mailboxes;
        this.sequences = sequences;
        this.prospects = prospects;
        this.enrollments = enrollments;
        this.events = events;
        this.jdbc = jdbc;
    }

    User sdr(String name) {
        String username = name.toLowerCase() + System.nanoTime();
        User user = users.create(new UserDraft(username, username + "@relance.test", name, Role.SDR, "a-long-password",
                true));
        mailboxes.create(aMailbox(user.id()));
        return user;
    }

    Sequence abSequence(long ownerId) {
        SequenceDraft draft = aSequence().build();
        sequence = sequences.create(new SequenceDraft(draft.name(), null, draft.status(), null, draft.rules(),
                draft.schedule(), List.of(
                        new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES), ThreadMode.NEW_THREAD,
                                null, List.of(new VariantDraft(null, "A", 1, "Hello A", null, "Hi"),
                                        new VariantDraft(null, "B", 1, "Hello B", null, "Hi"),
                                        new VariantDraft(null, "C", 0, "Hello C", null, "Hi"))),
                        new StepDraft(null, StepType.CALL, new Delay(1, DelayUnit.DAYS), null, "Call", List.of()))),
                ownerId);
        emailStep = sequence.steps().get(0).id();
        callStep = sequence.steps().get(1).id();
        variantA = variantId("A");
        variantB = variantId("B");
        variantC = variantId("C");
        return sequence;
    }

    /** Prospects owned by and enrolled by {@code owner}, in order. */
    List<Enrollment> enroll(User owner, int count) {
        List<Enrollment> enrolled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long prospect = prospects.create(aProspect().ownedBy(owner.id()).build()).id();
            enrolled.add(enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect, null, null), owner.id(),
                    owner.id()));
        }
        return enrolled;
    }

    /** An event about message {@code messageId} of an email step's variant, sent to the enrollment's prospect. */
    void message(EventType type, Instant at, long messageId, Enrollment to, long variantId, Boolean machine,
            Map<String, ?> data) {
        events.append(new NewEvent(type, at, messageId, to.id(), sequence.id(), emailStep, variantId, to.prospectId(),
                to.mailboxId(), to.ownerId(), machine, data));
    }

    void opportunity(long prospectId, long variantId, long ownerId, String stageKey, String amount, Instant at,
            String... throughStages) {
        Long id = jdbc.sql("""
                INSERT INTO opportunity (prospect_id, stage_id, name, amount, currency, owner_id, source_sequence_id,
                                         source_step_id, source_variant_id, source_owner_id, created_at, updated_at)
                VALUES (:prospect, (SELECT id FROM pipeline_stage WHERE key = :stage), 'Deal', CAST(:amount AS numeric),
                        CASE WHEN CAST(:amount AS numeric) IS NULL THEN NULL ELSE 'EUR' END, :owner, :sequence, :step,
                        :variant, :owner, :at, :at)
                RETURNING id
                """).param("prospect", prospectId).param("stage", stageKey).param("amount", amount)
                .param("owner", ownerId).param("sequence", sequence.id()).param("step", emailStep)
                .param("variant", variantId).param("at", Timestamps.of(at)).query(Long.class).single();
        for (String stage : throughStages) {
            jdbc.sql("""
                    INSERT INTO stage_transition (opportunity_id, to_stage_id, changed_at)
                    VALUES (:id, (SELECT id FROM pipeline_stage WHERE key = :stage), :at)
                    """).param("id", id).param("stage", stage).param("at", Timestamps.of(at)).update();
        }
    }

    private long variantId(String label) {
        return sequence.steps().get(0).variants().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow().id();
    }
}

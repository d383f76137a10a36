package dev.relance.engine.dispatch;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.SequenceService;

/** Where step contexts come from: a loader per dispatch run, or one step of an enrollment outside a run. */
@Component
class StepContexts {

    private final SequenceService sequences;
    private final ProspectService prospects;
    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final EnrollmentService enrollments;

    StepContexts(SequenceService sequences, ProspectService prospects, AccountService accounts, MailboxService mailboxes,
            EnrollmentService enrollments) {
        this.sequences = sequences;
        this.prospects = prospects;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.enrollments = enrollments;
    }

    /** A loader whose caches live as long as one dispatch run. */
    ContextLoader newRun() {
        return new ContextLoader(sequences, prospects, accounts, mailboxes);
    }

    /**
     * The context of one step of an enrollment that nobody holds a claim on (a closed task, a
     * recovered message), sending from {@code mailboxId}.
     */
    Optional<StepContext> of(long enrollmentId, long stepId, long mailboxId) {
        Enrollment enrollment = enrollments.get(enrollmentId);
        ClaimedEnrollment unclaimed = new ClaimedEnrollment(enrollment.id(), enrollment.prospectId(), enrollment.sequenceId(),
                mailboxId, enrollment.ownerId(), stepId, enrollment.nextRunAt(), null);
        return newRun().load(unclaimed);
    }
}

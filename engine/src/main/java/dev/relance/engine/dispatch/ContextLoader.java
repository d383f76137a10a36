package dev.relance.engine.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.Step;
import dev.relance.engine.support.NotFoundException;

/**
 * Loads the context of claimed enrollments for one dispatch run; sequences and mailboxes are read
 * once per run, however many of their enrollments are due.
 */
final class ContextLoader {

    private final SequenceService sequences;
    private final ProspectService prospects;
    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final Map<Long, Sequence> sequenceCache = new HashMap<>();
    private final Map<Long, Mailbox> mailboxCache = new HashMap<>();

    ContextLoader(SequenceService sequences, ProspectService prospects, AccountService accounts, MailboxService mailboxes) {
        this.sequences = sequences;
        this.prospects = prospects;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
    }

    /** The context of the claimed enrollment's current step; empty when that step no longer exists. */
    synchronized Optional<StepContext> load(ClaimedEnrollment claimed) {
        Sequence sequence = sequenceCache.computeIfAbsent(claimed.sequenceId(), sequences::get);
        Optional<Step> step = sequence.steps().stream().filter(s -> s.id() == claimed.currentStepId().longValue()).findFirst();
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Prospect prospect;
        try {
            prospect = prospects.get(claimed.prospectId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Mailbox mailbox = mailboxCache.computeIfAbsent(claimed.mailboxId(), mailboxes::get);
        var account = prospect.accountId() == null ? null : accounts.get(prospect.accountId());
        return Optional.of(new StepContext(claimed, sequence, step.get(), StepContext.after(sequence.steps(), step.get()),
                prospect, account, mailbox));
    }
}

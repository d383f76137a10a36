package dev.relance.engine.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.Step;

/**
 * Loads the context of claimed enrollments for one dispatch run: a batch's prospects and accounts
 * in two queries, sequences and mailboxes once per run, however many of their enrollments are due.
 * Safe to share between the run's mailbox threads.
 */
final class ContextLoader {

    private final SequenceService sequences;
    private final ProspectService prospects;
    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final Map<Long, Sequence> sequenceCache = new ConcurrentHashMap<>();
    private final Map<Long, Mailbox> mailboxCache = new ConcurrentHashMap<>();
    private final Map<Long, Prospect> prospectCache = new ConcurrentHashMap<>();
    private final Map<Long, Account> accountCache = new ConcurrentHashMap<>();

    ContextLoader(SequenceService sequences, ProspectService prospects, AccountService accounts, MailboxService mailboxes) {
        this.sequences = sequences;
        this.prospects = prospects;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
    }

    /** Reads the prospects and accounts of a claimed batch at once, before its steps run. */
    void prefetch(Collection<ClaimedEnrollment> batch) {
        Map<Long, Prospect> found = prospects.getAll(batch.stream().map(ClaimedEnrollment::prospectId).distinct().toList());
        prospectCache.putAll(found);
        List<Long> accountIds = found.values().stream().map(Prospect::accountId).filter(id -> id != null)
                .filter(id -> !accountCache.containsKey(id)).distinct().toList();
        accountCache.putAll(accounts.getAll(accountIds));
    }

    /** The context of the claimed enrollment's current step; empty when that step or prospect no longer exists. */
    Optional<StepContext> load(ClaimedEnrollment claimed) {
        Sequence sequence = sequenceCache.computeIfAbsent(claimed.sequenceId(), sequences::get);
        Optional<Step> step = sequence.steps().stream().filter(s -> s.id() == claimed.currentStepId().longValue()).findFirst();
        Prospect prospect = prospectOf(claimed.prospectId());
        if (step.isEmpty() || prospect == null) {
            return Optional.empty();
        }
        Mailbox mailbox = mailboxCache.computeIfAbsent(claimed.mailboxId(), mailboxes::get);
        Account account = prospect.accountId() == null ? null
                : accountCache.computeIfAbsent(prospect.accountId(), accounts::get);
        return Optional.of(new StepContext(claimed, sequence, step.get(), StepContext.after(sequence.steps(), step.get()),
                prospect, account, mailbox));
    }

    private Prospect prospectOf(long id) {
        Prospect cached = prospectCache.get(id);
        if (cached != null) {
            return cached;
        }
        Prospect read = prospects.getAll(List.of(id)).get(id);
        if (read != null) {
            prospectCache.put(id, read);
        }
        return read;
    }
}
